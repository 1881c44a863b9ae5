import PTMeasurements
import PTModel
import PTSource
import PTSyntax
import ProgramteoriKit
import Testing

/// The documented status rule (docs/opfoelgning.md), one case per row.
@Suite("Status rule")
struct StatusRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let indicator: String
        let rows: [(String, Double)]
        let status: IndicatorStatus
        let progress: Double?
        var testDescription: String { name }
    }

    static func indicator(_ lines: String) -> Indicator {
        let text = """
            programteori: T
            delmål D1: Mål
              indikator X: Indikator
            \(lines.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))

            """
        return Checker(today: Support.today).check(text: text, path: "t.pt").models[0].model.elements[0].indicators[0]
    }

    static let cases: [Case] = [
        Case(name: "on the straight line → på sporet", indicator: "baseline: 50 (2025-12)\nmål: 80 senest 2026-12-31",
             rows: [("2026-06", 66)], status: .onTrack, progress: 53.3),
        Case(name: "far behind the line → bagud", indicator: "baseline: 50 (2025-12)\nmål: 80 senest 2026-12-31",
             rows: [("2026-10", 55)], status: .behind, progress: 16.7),
        Case(name: "no baseline: the first measurement is the start", indicator: "mål: 80 senest 2026-12-31",
             rows: [("2026-01", 50), ("2026-10", 75)], status: .onTrack, progress: 83.3),
        Case(name: "a single measurement without baseline is on the line at its start", indicator: "mål: 80 senest 2027-12-31",
             rows: [("2026-10", 50)], status: .onTrack, progress: 0),
        Case(name: "falling retning: lower is better", indicator: "baseline: 40 (2025-12)\nmål: 20 senest 2026-12-31\nretning: ned",
             rows: [("2026-10", 25)], status: .onTrack, progress: 75),
        Case(name: "falling retning reached", indicator: "baseline: 40 (2025-12)\nmål: 20 senest 2026-12-31\nretning: ned",
             rows: [("2026-10", 19)], status: .reached, progress: 105),
        Case(name: "falling retning gone the wrong way", indicator: "baseline: 40 (2025-12)\nmål: 20 senest 2026-12-31\nretning: ned",
             rows: [("2026-10", 45)], status: .behind, progress: -25),
        Case(name: "retning inferred from baseline and target", indicator: "baseline: 40 (2025-12)\nmål: 20 senest 2026-12-31",
             rows: [("2026-10", 20)], status: .reached, progress: 100),
        Case(name: "deadline passed, not reached → bagud", indicator: "baseline: 50 (2024)\nmål: 80 senest 2025-12-31",
             rows: [("2025-12", 78)], status: .behind, progress: 93.3),
        Case(name: "target reached early → nået", indicator: "baseline: 50 (2025-12)\nmål: 80 senest 2028-12-31",
             rows: [("2026-02", 81)], status: .reached, progress: 103.3),
        Case(name: "reached, then fell back: the latest counts", indicator: "baseline: 50 (2025-12)\nmål: 80 senest 2028-12-31",
             rows: [("2026-02", 81), ("2026-08", 60)], status: .onTrack, progress: 33.3),
        Case(name: "measurements out of order are sorted by date", indicator: "baseline: 50 (2025-12)\nmål: 80 senest 2026-12-31",
             rows: [("2026-10", 78), ("2026-01", 52), ("2026-05", 60)], status: .onTrack, progress: 93.3),
        Case(name: "no target → ingen data", indicator: "baseline: 50 (2025-12)",
             rows: [("2026-10", 78)], status: .noData, progress: nil),
        Case(name: "no measurements → ingen data", indicator: "baseline: 50 (2025-12)\nmål: 80 senest 2026-12-31",
             rows: [], status: .noData, progress: nil),
        Case(name: "no deadline, better than the start → på sporet", indicator: "baseline: 50 (2025-12)\nmål: 80",
             rows: [("2026-10", 55)], status: .onTrack, progress: 16.7),
        Case(name: "no deadline, worse than the start → bagud", indicator: "baseline: 50 (2025-12)\nmål: 80",
             rows: [("2026-10", 45)], status: .behind, progress: -16.7),
        Case(name: "baseline without a date: the line starts at the first measurement", indicator: "baseline: 50\nmål: 80 senest 2026-12-31",
             rows: [("2026-01", 50), ("2026-02", 52)], status: .onTrack, progress: 6.7),
    ]

    @Test("Status and progress", arguments: cases)
    func status(_ testCase: Case) throws {
        let indicator = Self.indicator(testCase.indicator)
        let measurements = testCase.rows.enumerated().map { offset, row in
            Measurement(indicatorID: "X", date: ValueParsing.date(row.0)!, value: row.1, text: "\(row.1)", line: offset + 1,
                        range: SourceRange(path: "m.csv", start: 0, end: 0))
        }
        let result = IndicatorProgress.evaluate(indicator, measurements: measurements, today: Support.today)
        #expect(result.status == testCase.status, "\(result.reason.da)")
        if let expected = testCase.progress {
            let actual = try #require(result.progressPercent)
            #expect(abs(actual - expected) < 0.1, "progress \(actual), expected \(expected)")
        } else {
            #expect(result.progressPercent == nil)
        }
        if !testCase.rows.isEmpty {
            #expect(result.measurements.map(\.date) == result.measurements.map(\.date).sorted())
        }
    }

    @Test("Stale allowance: two periods per frequency")
    func allowance() {
        #expect(Frequency.monthly.allowedAgeInDays == 62)
        #expect(Frequency.quarterly.allowedAgeInDays == 184)
        #expect(DateValue(isoString: "2026-03")!.endDayNumber - DateValue(isoString: "2026-02-28")!.endDayNumber == 31)
        #expect(DateValue(dayNumber: DateValue(year: 2024, month: 2, day: 29).endDayNumber) == DateValue(year: 2024, month: 2, day: 29))
    }
}
