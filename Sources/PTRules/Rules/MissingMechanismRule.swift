import PTModel
import PTSource
import PTSyntax

/// PT109: a programteori names what must be present for the activities to work.
public struct MissingMechanismRule: Rule {
    public static let description = RuleDescription(
        code: "PT109", name: "mekanisme.mangler", defaultSeverity: .warning,
        summary: LocalizedText(da: "Modellen har ingen virksomme mekanismer.", en: "The model has no mechanisms."),
        rationale: LocalizedText(
            da: "KL's trin 5: »Identificér de virksomme mekanismer« — hvad skal være til stede for at få succes, fx kompetencer, ressourcer, tilgange eller organisatoriske rammer (S004 l. 415-425). Det er dem, der skal holdes fast i, når indsatsen skaleres.",
            en: "KL's step 5: identify the working mechanisms — what must be present to succeed, e.g. competences, resources, approaches or organisational frames (S004 l. 415-425)."),
        triggeringExamples: [
            RuleExample.replacing("""
                mekanisme M1: Tillidsfuld relation til den unge
                  type: tilgang
                  understøtter: A1

                """, with: ""),
        ],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard !context.has(.mechanism) else { return [] }
        return [Finding(
            range: context.modelRange,
            message: LocalizedText(da: "programteorien nævner ingen virksomme mekanismer",
                                   en: "the program theory names no mechanisms"),
            help: LocalizedText(da: "tilføj »mekanisme M1: …« med »type:« og »understøtter:« — det, der skal være til stede, for at aktiviteterne virker",
                                en: "add »mechanism M1: …« with »type:« and »supports:« — what must be present for the activities to work"))]
    }
}
