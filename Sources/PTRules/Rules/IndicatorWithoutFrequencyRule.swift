import PTModel
import PTSource
import PTSyntax

/// PT115: An indicator has no frequency.
public struct IndicatorWithoutFrequencyRule: Rule {
    public static let description = RuleDescription(
        code: "PT115", name: "indikator.uden-frekvens", defaultSeverity: .warning,
        summary: LocalizedText(da: "En indikator har ingen frekvens.", en: "An indicator has no frequency."),
        rationale: LocalizedText(
            da: "KL's trin 3 og »Opstil mål og resultatkrav som kan måles« (S004 l. 361-379): en indikator er først målbar, når enhed, mål med frist, datakilde og frekvens er fastlagt (SMART-princippet). »Følg op – beløn succes'er og grib hurtigt ind ved afvigelser« (S004 l. 361-379) kræver, at man ved, hvor ofte der måles.",
            en: "KL's step 3 and \"set measurable goals and result requirements\" (S004 l. 361-379): an indicator is measurable only once unit, target with deadline, data source and frequency are fixed (the SMART principle). \"Follow up, reward successes and intervene quickly on deviations\" (S004 l. 361-379) requires knowing how often it is measured."),
        triggeringExamples: [RuleExample.replacing("    frekvens: månedlig\n", with: "")],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        IndicatorFindings.missing(
            in: context, property: .frequency, where: { $0.frequency == nil },
            message: { indicator, owner in
                LocalizedText(da: "indikator \(indicator) under \(owner) har ingen frekvens", en: "indicator \(indicator) under \(owner) has no frequency")
            },
            help: LocalizedText(da: "tilføj »frekvens: …«: løbende, ugentlig, månedlig, kvartalsvis, halvårlig eller årlig", en: "add »frequency: …«: continuous, weekly, monthly, quarterly, half-yearly or yearly"))
    }
}
