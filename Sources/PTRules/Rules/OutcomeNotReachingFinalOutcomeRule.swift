import PTModel
import PTSource
import PTSyntax

/// PT106: a delmål must lead — directly or through other delmål — to a slutmål.
public struct OutcomeNotReachingFinalOutcomeRule: Rule {
    public static let description = RuleDescription(
        code: "PT106", name: "delmaal.naar-ikke-slutmaal", defaultSeverity: .warning,
        summary: LocalizedText(da: "Et delmål fører ikke frem til et slutmål.", en: "An outcome does not lead to a final outcome."),
        rationale: LocalizedText(
            da: "KL's trin 3: delmålene er det, borgeren skal kunne »for at nå frem til slutmålet« (S004 l. 415-425). Et delmål, der ikke fører til et slutmål, er enten overflødigt eller mangler en forbindelse.",
            en: "KL's step 3: outcomes are what the citizen must be able to do \"to reach the final outcome\" (S004 l. 415-425). An outcome that leads nowhere is either superfluous or missing a link."),
        triggeringExamples: [
            RuleExample.replacing("  fører til: S1\n", with: "  fører til: D2\n") + """
                delmål D2: Den unge har et afklaret uddannelsesmål
                  indikator D2.1: Andel med uddannelsesmål i Min Plan
                    enhed: procent
                    baseline: 30 (2025)
                    mål: 60 senest 2028-06-30
                    datakilde: Min Plan
                    frekvens: kvartalsvis
                aktivitet A2: Afklaringsforløb
                  fører til: D2

                """,
        ],
        nonTriggeringExamples: [RuleExample.valid],
        readsLinks: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let finals = context.indices(of: .finalOutcome)
        let reachesFinal = context.reaching(finals)
        // No slutmål at all is PT105's finding; an unconnected delmål is PT205's.
        guard !finals.isEmpty else { return [] }
        return context.elements(.outcome, where: { !reachesFinal[$0] && !context.isIsolated($0) }).map { outcome in
            Finding(
                range: outcome.titleRange,
                message: LocalizedText(da: "delmål \(outcome.displayName) fører ikke frem til et slutmål",
                                       en: "outcome \(outcome.displayName) does not lead to a final outcome"),
                help: LocalizedText(da: "tilføj »fører til: …« mod et slutmål eller et delmål, der fører dertil",
                                    en: "add »leads to: …« towards a final outcome, or an outcome that leads to one"))
        }
    }
}
