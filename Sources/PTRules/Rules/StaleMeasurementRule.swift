import PTDiagnostics
import PTMeasurements
import PTModel
import PTSource
import PTSyntax

/// PT126: the latest measurement of an indicator is older than its frekvens allows.
public struct StaleMeasurementRule: Rule {
    public static let description = RuleDescription(
        code: "PT126", name: "indikator.maaling-for-gammel", defaultSeverity: .warning,
        summary: LocalizedText(da: "Den seneste måling af en indikator er ældre, end frekvensen tillader.",
                               en: "An indicator's latest measurement is older than its frequency allows."),
        rationale: LocalizedText(
            da: "KL anbefaler at følge op på måltal hver måned og at »Brug resultatopgørelser aktivt« (S004 l. 361-379, 393-402): en indikator, der ikke bliver målt så ofte som aftalt, kan ikke bruges til at gribe ind i tide. Reglen læser målefilen (--målinger) og tillader to perioder, fordi tal ofte kommer en periode forsinket: løbende og ugentlig 14 dage, månedlig 62, kvartalsvis 184, halvårlig 366 og årlig 731 dage fra periodens sidste dag. Dagens dato kan låses med PROGRAMTEORI_DATO=ÅÅÅÅ-MM-DD.",
            en: "KL advises following up on targets monthly and to use result reports actively (S004 l. 361-379, 393-402): an indicator not measured as often as agreed cannot be used to intervene in time. The rule reads the measurements file (--measurements) and allows two periods, since figures often arrive a period late: continuous and weekly 14 days, monthly 62, quarterly 184, half-yearly 366 and yearly 731 days from the end of the period. Today's date can be fixed with PROGRAMTEORI_DATO=YYYY-MM-DD."),
        triggeringExamples: [RuleExample.valid],
        nonTriggeringExamples: [RuleExample.replacing("    frekvens: månedlig\n", with: "    frekvens: halvårlig\n")],
        exampleMeasurements: """
            indikator;dato;værdi
            S1.1;2026-09;27
            D1.1;2026-05;61
            D1.1;2026-06;63,5

            """)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let measurements = context.measurements else { return [] }
        let today = context.today.endDayNumber
        var findings: [Finding] = []
        context.forEachIndicator { _, indicator in
            guard let frequency = indicator.frequency, let latest = measurements.measurements(for: indicator.id).last else { return }
            let age = today - latest.date.endDayNumber
            guard age > frequency.allowedAgeInDays else { return }
            let name = IndicatorFindings.name(indicator)
            findings.append(Finding(
                range: indicator.propertyRanges[.frequency] ?? indicator.titleRange,
                message: LocalizedText(
                    da: "den seneste måling af \(name) gælder \(latest.date) og er \(age) dage gammel; med frekvens \(frequency.danish) bør den højst være \(frequency.allowedAgeInDays) dage",
                    en: "the latest measurement of \(name) concerns \(latest.date) and is \(age) days old; with frequency \(frequency.english) it should be at most \(frequency.allowedAgeInDays) days"),
                help: LocalizedText(
                    da: "tilføj de nyeste tal til målefilen (\(measurements.file.path)), eller ret frekvensen, hvis der måles sjældnere",
                    en: "add the latest figures to the measurements file (\(measurements.file.path)), or correct the frequency if it is measured less often"),
                notes: [DiagnosticNote(range: latest.range, message: LocalizedText(da: "seneste måling", en: "latest measurement"))]))
        }
        return findings
    }
}
