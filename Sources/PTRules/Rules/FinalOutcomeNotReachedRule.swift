import PTDiagnostics
import PTModel
import PTSource
import PTSyntax

/// PT125: something must lead to each slutmål.
public struct FinalOutcomeNotReachedRule: Rule {
    public static let description = RuleDescription(
        code: "PT125", name: "slutmaal.naas-ikke", defaultSeverity: .warning,
        summary: LocalizedText(da: "Intet fører til et slutmål.", en: "Nothing leads to a final outcome."),
        rationale: LocalizedText(
            da: "Et slutmål er det, delmålene og aktiviteterne fører frem mod (KL's trin 2-4, S004 l. 415-425). Et slutmål, som intet fører til, er enten ikke en del af indsatsen eller mangler sine delmål.",
            en: "A final outcome is what the outcomes and activities lead towards (KL's steps 2-4). One that nothing leads to is not part of the effort, or is missing its outcomes."),
        triggeringExamples: [RuleExample.appending("""
            slutmål S2: Den unge er i ordinært job
              indikator S2.1: Andel i job efter 12 måneder
                enhed: procent
                baseline: 10 (2025)
                mål: 20 senest 2028-12-31
                datakilde: jobindsats.dk
                frekvens: kvartalsvis

            """)],
        nonTriggeringExamples: [RuleExample.valid],
        readsLinks: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        context.elements(.finalOutcome, where: { context.incoming[$0].isEmpty }).map { final in
            Finding(
                range: final.titleRange,
                message: LocalizedText(da: "intet fører til slutmål \(final.displayName)", en: "nothing leads to final outcome \(final.displayName)"),
                help: LocalizedText(da: "skriv »fører til: \(final.id ?? "…")« under de delmål, der skal føre frem til det",
                                    en: "write »leads to: \(final.id ?? "…")« under the outcomes that lead to it"))
        }
    }
}
