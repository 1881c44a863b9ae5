import PTModel
import PTSource
import PTSyntax

/// PT113: A target has no deadline.
public struct TargetWithoutDeadlineRule: Rule {
    public static let description = RuleDescription(
        code: "PT113", name: "indikator.maal-uden-frist", defaultSeverity: .warning,
        summary: LocalizedText(da: "Et mål har ingen frist.", en: "A target has no deadline."),
        rationale: LocalizedText(
            da: "KL's trin 3 og »Opstil mål og resultatkrav som kan måles« (S004 l. 361-379): en indikator er først målbar, når enhed, mål med frist, datakilde og frekvens er fastlagt (SMART-princippet). Et mål uden frist kan aldrig vise sig ikke at være nået.",
            en: "KL's step 3 and \"set measurable goals and result requirements\" (S004 l. 361-379): an indicator is measurable only once unit, target with deadline, data source and frequency are fixed (the SMART principle). A target without a deadline can never turn out to be missed."),
        triggeringExamples: [RuleExample.replacing("    mål: 80 senest 2028-06-30", with: "    mål: 80")],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        IndicatorFindings.missing(
            in: context, property: nil, where: { $0.target != nil && $0.target?.deadline == nil },
            message: { indicator, owner in
                LocalizedText(da: "målet for indikator \(indicator) under \(owner) har ingen frist", en: "the target of indicator \(indicator) under \(owner) has no deadline")
            },
            help: LocalizedText(da: "tilføj »senest <dato>« efter tallet, fx »mål: 80 senest 2028-12-31«", en: "add »by <date>« after the number, e.g. »target: 80 by 2028-12-31«"))
    }
}
