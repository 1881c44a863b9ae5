import PTModel
import PTSource
import PTSyntax

/// PT101: every delmål needs an indikator, or no one can tell whether it was reached.
public struct OutcomeWithoutIndicatorRule: Rule {
    public static let description = RuleDescription(
        code: "PT101", name: "delmaal.uden-indikator", defaultSeverity: .error,
        summary: LocalizedText(da: "Et delmål har ingen indikator.", en: "An outcome has no indicator."),
        rationale: LocalizedText(
            da: "KL's trin 3: delmålene skal kunne følges op, og »Opstil mål og resultatkrav som kan måles« (KL, En effektiv beskæftigelsesindsats for udsatte borgere, S004 l. 361-379 og 415-425). Uden en indikator kan ingen se, om delmålet nås.",
            en: "KL's step 3: outcomes must be followed up, and \"set measurable goals and result requirements\" (KL, S004 l. 361-379 and 415-425). Without an indicator nobody can tell whether the outcome is reached."),
        triggeringExamples: [
            RuleExample.replacing("""
                  fører til: S1
                  indikator D1.1: Andel af aftaler den unge møder op til
                    enhed: procent
                    baseline: 55 (2025)
                    mål: 80 senest 2028-06-30
                    datakilde: Fagsystemets fremmøderegistrering
                    frekvens: månedlig
                    retning: op

                """, with: """
                  fører til: S1

                """),
        ],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        context.elements(.outcome, where: { context.model.elements[$0].indicators.isEmpty }).map { outcome in
            Finding(
                range: outcome.titleRange,
                message: LocalizedText(da: "delmål \(outcome.displayName) har ingen indikator",
                                       en: "outcome \(outcome.displayName) has no indicator"),
                help: LocalizedText(
                    da: "tilføj en indrykket »indikator \(outcome.id.map { "\($0).1" } ?? "ID"): …« med enhed, baseline, mål, datakilde og frekvens",
                    en: "add an indented »indicator \(outcome.id.map { "\($0).1" } ?? "ID"): …« with unit, baseline, target, data source and frequency"))
        }
    }
}
