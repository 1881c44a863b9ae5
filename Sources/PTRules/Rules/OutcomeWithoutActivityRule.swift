import PTModel
import PTSource
import PTSyntax

/// PT108: some aktivitet must bring a delmål about, directly or through earlier delmål.
public struct OutcomeWithoutActivityRule: Rule {
    public static let description = RuleDescription(
        code: "PT108", name: "delmaal.uden-aktivitet", defaultSeverity: .warning,
        summary: LocalizedText(da: "Intet fører fra en aktivitet til et delmål.", en: "No activity leads to an outcome."),
        rationale: LocalizedText(
            da: "KL's trin 4: aktiviteterne skal skabe delmål og slutmål (S004 l. 415-425). Et delmål, som ingen aktivitet fører til (direkte eller via andre delmål), er et ønske uden en indsats bag.",
            en: "KL's step 4: activities produce the outcomes (S004 l. 415-425). An outcome that no activity leads to (directly or through other outcomes) is a wish with no effort behind it."),
        triggeringExamples: [
            RuleExample.replacing("""
                aktivitet A1: Fast mentor
                  fører til: D1
                mekanisme M1: Tillidsfuld relation til den unge
                  type: tilgang
                  understøtter: A1

                """, with: """
                aktivitet A1: Fast mentor
                  fører til: S1
                mekanisme M1: Tillidsfuld relation til den unge
                  type: tilgang
                  understøtter: A1

                """),
        ],
        nonTriggeringExamples: [RuleExample.valid],
        readsLinks: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let activities = context.indices(of: .activity)
        let reached = context.reachable(from: activities)
        return context.elements(.outcome, where: { !reached[$0] && !context.isIsolated($0) }).map { outcome in
            Finding(
                range: outcome.titleRange,
                message: LocalizedText(da: "ingen aktivitet fører til delmål \(outcome.displayName)",
                                       en: "no activity leads to outcome \(outcome.displayName)"),
                help: LocalizedText(da: "skriv »fører til: \(outcome.id ?? "…")« under den aktivitet, der skal skabe delmålet",
                                    en: "write »leads to: \(outcome.id ?? "…")« under the activity meant to bring it about"))
        }
    }
}
