import PTModel
import PTSource
import PTSyntax

/// PT116: An indicator has no baseline.
public struct IndicatorWithoutBaselineRule: Rule {
    public static let description = RuleDescription(
        code: "PT116", name: "indikator.uden-baseline", defaultSeverity: .info,
        summary: LocalizedText(da: "En indikator har ingen baseline.", en: "An indicator has no baseline."),
        rationale: LocalizedText(
            da: "KL's trin 3 anbefaler et udgangspunkt for hver indikator: uden baseline kan en forandring ikke ses, og et mål kan ikke vurderes som realistisk. »Hav overblik over de væsentligste nøgletal« (S004 l. 222-227).",
            en: "KL's step 3 recommends a starting point for every indicator: without a baseline change cannot be seen and a target cannot be judged realistic. \"Keep an overview of the key figures\" (S004 l. 222-227)."),
        triggeringExamples: [RuleExample.replacing("    baseline: 55 (2025)\n", with: "")],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        IndicatorFindings.missing(
            in: context, property: .baseline, where: { $0.baseline == nil },
            message: { indicator, owner in
                LocalizedText(da: "indikator \(indicator) under \(owner) har ingen baseline", en: "indicator \(indicator) under \(owner) has no baseline")
            },
            help: LocalizedText(da: "tilføj »baseline: <tal> (<dato>)«, udgangspunktet, fx »baseline: 55 (2025)«", en: "add »baseline: <number> (<date>)«, the starting point, e.g. »baseline: 55 (2025)«"))
    }
}
