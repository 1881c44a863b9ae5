import PTDiagnostics
import PTModel
import PTSource
import PTSyntax

/// PT117: `retning` says which way is better; the target must lie that way from the baseline.
public struct DirectionContradictsTargetRule: Rule {
    public static let description = RuleDescription(
        code: "PT117", name: "indikator.retning-modsat", defaultSeverity: .warning,
        summary: LocalizedText(da: "Målet ligger den modsatte vej af retningen.", en: "The target lies the opposite way of the direction."),
        rationale: LocalizedText(
            da: "»retning: op« betyder, at højere er bedre; så må målet ligge over baseline (og omvendt for »ned«). Ellers er enten retningen eller tallene skrevet forkert, og opfølgningen vil læse en fremgang som en tilbagegang (KL: »Følg op … grib hurtigt ind ved afvigelser«, S004 l. 361-379).",
            en: "»direction: up« means higher is better, so the target must lie above the baseline (and the reverse for »down«). Otherwise the direction or the figures are wrong, and follow-up will read progress as decline."),
        triggeringExamples: [RuleExample.replacing("    baseline: 55 (2025)\n    mål: 80 senest 2028-06-30", with: "    baseline: 55 (2025)\n    mål: 40 senest 2028-06-30")],
        nonTriggeringExamples: [RuleExample.valid, RuleExample.replacing("    mål: 80 senest 2028-06-30\n    datakilde: Fagsystemets fremmøderegistrering\n    frekvens: månedlig\n    retning: op", with: "    mål: 30 senest 2028-06-30\n    datakilde: Fagsystemets fremmøderegistrering\n    frekvens: månedlig\n    retning: ned")])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        context.forEachIndicator { _, indicator in
            guard let direction = indicator.direction, let baseline = indicator.baseline?.quantity.value,
                  let target = indicator.target?.quantity.value, baseline != target else { return }
            let wrong = direction == .up ? target < baseline : target > baseline
            guard wrong else { return }
            findings.append(Finding(
                range: indicator.propertyRanges[.direction] ?? indicator.titleRange,
                message: LocalizedText(
                    da: "indikator \(IndicatorFindings.name(indicator)) har »retning: \(direction.danish)«, men målet (\(indicator.target!.quantity.text)) ligger \(direction == .up ? "under" : "over") baseline (\(indicator.baseline!.quantity.text))",
                    en: "indicator \(IndicatorFindings.name(indicator)) has »direction: \(direction.english)«, but the target (\(indicator.target!.quantity.text)) is \(direction == .up ? "below" : "above") the baseline (\(indicator.baseline!.quantity.text))"),
                help: LocalizedText(da: "ret retningen til »\(direction == .up ? "ned" : "op")«, eller ret mål eller baseline",
                                    en: "change the direction to »\(direction == .up ? "down" : "up")«, or correct the target or baseline")))
        }
        return findings
    }
}
