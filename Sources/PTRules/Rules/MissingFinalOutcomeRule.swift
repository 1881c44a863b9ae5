import PTModel
import PTSource
import PTSyntax

/// PT105: without a slutmål there is nothing the chain leads to.
public struct MissingFinalOutcomeRule: Rule {
    public static let description = RuleDescription(
        code: "PT105", name: "slutmaal.mangler", defaultSeverity: .error,
        summary: LocalizedText(da: "Modellen har intet slutmål.", en: "The model has no final outcome."),
        rationale: LocalizedText(
            da: "KL's trin 2: »Opstil realistiske slutmål« (S004 l. 415-425). Delmål og aktiviteter vurderes ud fra, om de fører frem mod slutmålet.",
            en: "KL's step 2: set realistic final outcomes (S004 l. 415-425). Outcomes and activities are judged by whether they lead towards it."),
        triggeringExamples: [
            RuleExample.replacing("""
                slutmål S1: Den unge er i gang med en uddannelse
                  indikator S1.1: Andel i uddannelse efter 12 måneder
                    enhed: procent
                    baseline: 22 (2025)
                    mål: 40 senest 2028-12-31
                    datakilde: jobindsats.dk
                    frekvens: kvartalsvis
                    retning: op

                """, with: "").replacingAll("  fører til: S1\n", with: ""),
        ],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard !context.has(.finalOutcome) else { return [] }
        return [Finding(
            range: context.modelRange,
            message: LocalizedText(da: "programteorien har intet slutmål", en: "the program theory has no final outcome"),
            help: LocalizedText(da: "tilføj »slutmål S1: …« — det realistiske mål, som delmålene fører frem mod",
                                en: "add »final outcome S1: …« — the realistic goal the outcomes lead towards"))]
    }
}
