import PTDiagnostics
import PTModel
import PTSource
import PTSyntax

/// PT118: a target whose deadline has passed needs a result and a new target.
public struct DeadlinePassedRule: Rule {
    public static let description = RuleDescription(
        code: "PT118", name: "indikator.frist-overskredet", defaultSeverity: .warning,
        summary: LocalizedText(da: "Fristen for et mål er overskredet.", en: "A target's deadline has passed."),
        rationale: LocalizedText(
            da: "Et mål, hvis frist er passeret, er ikke længere styrende. KL: »Følg op – beløn succes'er og grib hurtigt ind ved afvigelser« og »Bevar indsatser, der virker« (S004 l. 361-379): gør resultatet op og sæt et nyt mål. Dagens dato kan låses med PROGRAMTEORI_DATO=ÅÅÅÅ-MM-DD.",
            en: "A target whose deadline has passed no longer steers anything. KL: follow up, and keep what works (S004 l. 361-379): record the result and set a new target. Today's date can be fixed with PROGRAMTEORI_DATO=YYYY-MM-DD."),
        triggeringExamples: [RuleExample.replacing("mål: 80 senest 2028-06-30", with: "mål: 80 senest 2024-06-30")],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        context.forEachIndicator { _, indicator in
            guard let deadline = indicator.target?.deadline, deadline.lastDay < context.today else { return }
            findings.append(Finding(
                range: indicator.propertyRanges[.target] ?? indicator.titleRange,
                message: LocalizedText(da: "fristen for målet i indikator \(IndicatorFindings.name(indicator)) (\(deadline)) er overskredet",
                                       en: "the deadline of the target in indicator \(IndicatorFindings.name(indicator)) (\(deadline)) has passed"),
                help: LocalizedText(da: "gør resultatet op, og sæt et nyt mål med en ny frist",
                                    en: "record the result and set a new target with a new deadline")))
        }
        return findings
    }
}
