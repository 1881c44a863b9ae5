import PTModel
import PTSource
import PTSyntax

/// PT112: An indicator has no target.
public struct IndicatorWithoutTargetRule: Rule {
    public static let description = RuleDescription(
        code: "PT112", name: "indikator.uden-maal", defaultSeverity: .warning,
        summary: LocalizedText(da: "En indikator har intet mål.", en: "An indicator has no target."),
        rationale: LocalizedText(
            da: "KL's trin 3 og »Opstil mål og resultatkrav som kan måles« (S004 l. 361-379): en indikator er først målbar, når enhed, mål med frist, datakilde og frekvens er fastlagt (SMART-princippet). Uden et mål kan ingen sige, om udviklingen er god nok.",
            en: "KL's step 3 and \"set measurable goals and result requirements\" (S004 l. 361-379): an indicator is measurable only once unit, target with deadline, data source and frequency are fixed (the SMART principle). Without a target nobody can say whether progress is good enough."),
        triggeringExamples: [RuleExample.replacing("    mål: 80 senest 2028-06-30\n", with: "")],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        IndicatorFindings.missing(
            in: context, property: .target, where: { $0.target == nil },
            message: { indicator, owner in
                LocalizedText(da: "indikator \(indicator) under \(owner) har intet mål", en: "indicator \(indicator) under \(owner) has no target")
            },
            help: LocalizedText(da: "tilføj »mål: <tal> senest <dato>«, fx »mål: 80 senest 2028-12-31«", en: "add »target: <number> by <date>«, e.g. »target: 80 by 2028-12-31«"))
    }
}
