import PTDiagnostics
import PTModel
import PTSource
import PTSyntax

/// PT119: a target equal to the baseline asks for no change.
public struct TargetEqualsBaselineRule: Rule {
    public static let description = RuleDescription(
        code: "PT119", name: "indikator.maal-lig-baseline", defaultSeverity: .warning,
        summary: LocalizedText(da: "Målet er det samme som baseline.", en: "The target equals the baseline."),
        rationale: LocalizedText(
            da: "En indsats skal skabe en forandring; et mål, der er lig udgangspunktet, beskriver ingen (KL: »Opstil mål og resultatkrav som kan måles«, S004 l. 361-379). Er målet at fastholde et niveau, så skriv det i indikatorens »definition«.",
            en: "An effort is meant to change something; a target equal to the starting point describes no change. If the aim is to hold a level, say so in the indicator's »definition«."),
        triggeringExamples: [RuleExample.replacing("mål: 80 senest 2028-06-30", with: "mål: 55 senest 2028-06-30")],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        context.forEachIndicator { _, indicator in
            guard let baseline = indicator.baseline?.quantity.value, let target = indicator.target?.quantity.value,
                  baseline == target, indicator.definition == nil else { return }
            findings.append(Finding(
                range: indicator.propertyRanges[.target] ?? indicator.titleRange,
                message: LocalizedText(da: "målet for indikator \(IndicatorFindings.name(indicator)) er det samme som baseline (\(indicator.baseline!.quantity.text))",
                                       en: "the target of indicator \(IndicatorFindings.name(indicator)) equals the baseline (\(indicator.baseline!.quantity.text))"),
                help: LocalizedText(da: "sæt det niveau, indsatsen skal nå; skal niveauet holdes, så forklar det under »definition:«",
                                    en: "set the level the effort should reach; if the level is to be held, explain it under »definition:«")))
        }
        return findings
    }
}
