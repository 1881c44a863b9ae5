import PTModel
import PTSource
import PTSyntax

/// PT111: An indicator has no unit.
public struct IndicatorWithoutUnitRule: Rule {
    public static let description = RuleDescription(
        code: "PT111", name: "indikator.uden-enhed", defaultSeverity: .warning,
        summary: LocalizedText(da: "En indikator har ingen enhed.", en: "An indicator has no unit."),
        rationale: LocalizedText(
            da: "KL's trin 3 og »Opstil mål og resultatkrav som kan måles« (S004 l. 361-379): en indikator er først målbar, når enhed, mål med frist, datakilde og frekvens er fastlagt (SMART-princippet). Uden enhed ved ingen, om 40 betyder procent, personer eller dage.",
            en: "KL's step 3 and \"set measurable goals and result requirements\" (S004 l. 361-379): an indicator is measurable only once unit, target with deadline, data source and frequency are fixed (the SMART principle). Without a unit nobody knows whether 40 means percent, people or days."),
        triggeringExamples: [RuleExample.replacing("    enhed: procent\n    baseline: 55", with: "    baseline: 55")],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        IndicatorFindings.missing(
            in: context, property: .unit, where: { $0.unit == nil },
            message: { indicator, owner in
                LocalizedText(da: "indikator \(indicator) under \(owner) har ingen enhed", en: "indicator \(indicator) under \(owner) has no unit")
            },
            help: LocalizedText(da: "tilføj »enhed: procent« (eller antal, dage …), eller skriv tallene med %", en: "add »unit: percent« (or count, days …), or write the numbers with %"))
    }
}
