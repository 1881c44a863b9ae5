import PTModel
import PTSource
import PTSyntax

/// PT114: An indicator has no data source.
public struct IndicatorWithoutDataSourceRule: Rule {
    public static let description = RuleDescription(
        code: "PT114", name: "indikator.uden-datakilde", defaultSeverity: .warning,
        summary: LocalizedText(da: "En indikator har ingen datakilde.", en: "An indicator has no data source."),
        rationale: LocalizedText(
            da: "KL's trin 3 og »Opstil mål og resultatkrav som kan måles« (S004 l. 361-379): en indikator er først målbar, når enhed, mål med frist, datakilde og frekvens er fastlagt (SMART-princippet). Uden datakilde bliver indikatoren ikke målt, og tallet kan ikke efterprøves.",
            en: "KL's step 3 and \"set measurable goals and result requirements\" (S004 l. 361-379): an indicator is measurable only once unit, target with deadline, data source and frequency are fixed (the SMART principle). Without a data source the indicator is not measured, and the figure cannot be checked."),
        triggeringExamples: [RuleExample.replacing("    datakilde: Fagsystemets fremmøderegistrering\n", with: "")],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        IndicatorFindings.missing(
            in: context, property: .dataSource, where: { $0.dataSource == nil },
            message: { indicator, owner in
                LocalizedText(da: "indikator \(indicator) under \(owner) har ingen datakilde", en: "indicator \(indicator) under \(owner) has no data source")
            },
            help: LocalizedText(da: "tilføj »datakilde: …«, fx »jobindsats.dk« eller »Fagsystemet«", en: "add »data source: …«, e.g. »jobindsats.dk« or »case system«"))
    }
}
