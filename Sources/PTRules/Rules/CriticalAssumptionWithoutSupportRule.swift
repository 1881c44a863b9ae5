import PTDiagnostics
import PTModel
import PTSource
import PTSyntax

/// PT121: a critical assumption needs evidence, or an indicator that will show if it fails.
public struct CriticalAssumptionWithoutSupportRule: Rule {
    public static let description = RuleDescription(
        code: "PT121", name: "antagelse.kritisk-uden-belaeg", defaultSeverity: .warning,
        summary: LocalizedText(da: "En kritisk antagelse har hverken evidens eller en indikator.", en: "A critical assumption has neither evidence nor an indicator."),
        rationale: LocalizedText(
            da: "Socialstyrelsen og Håndbog i Virkningsevaluering (nævnt i S004 l. 411-414) beder om, at de kritiske antagelser i en forandringsteori underbygges: enten med evidens (forskning, evaluering, erfaring) eller ved at følge dem med en indikator, så det opdages, hvis de ikke holder. En antagelse er her underbygget, når den har »evidens:«, eller når målet for en forbindelse, den gælder, har en indikator.",
            en: "Critical assumptions in a theory of change must be backed: by evidence, or by an indicator that shows when they fail. Here an assumption is backed when it has »evidence:«, or when the target of a link it applies to has an indicator."),
        triggeringExamples: [RuleExample.appending("""
            slutmål S2: Den unge er i job
            aktivitet A2: Virksomhedspraktik
              fører til: S2
            antagelse AN1: Praktikken fører til ansættelse
              gælder: A2 -> S2
              kritisk: ja

            """).replacingAll("  understøtter: A1\n", with: "  understøtter: A1, A2\n")],
        nonTriggeringExamples: [RuleExample.appending("""
            antagelse AN1: En fast mentor skaber tillid
              gælder: A1 -> D1
              kritisk: ja

            """)],
        readsLinks: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        for index in context.indices(of: .assumption) where model.elements[index].critical == true && model.elements[index].evidence == nil {
            let assumption = model.elements[index]
            let measured = model.assumptionLinks.contains { $0.assumption == assumption.index && !model.elements[$0.to].indicators.isEmpty }
            guard !measured else { continue }
            findings.append(Finding(
                range: assumption.propertyRanges[.critical] ?? assumption.titleRange,
                message: LocalizedText(da: "den kritiske antagelse \(assumption.displayName) har hverken evidens eller en indikator",
                                       en: "the critical assumption \(assumption.displayName) has neither evidence nor an indicator"),
                help: LocalizedText(da: "tilføj »evidens: …« (kilde, evaluering, erfaring), eller giv målet for forbindelsen en indikator",
                                    en: "add »evidence: …« (source, evaluation, experience), or give the link's target an indicator")))
        }
        return findings
    }
}
