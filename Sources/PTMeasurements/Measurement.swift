import PTSource
import PTSyntax

/// One row of a measurements file that could be used: an indicator's value at a date.
public struct Measurement: Sendable, Hashable, Codable {
    public let indicatorID: String
    public let date: DateValue
    public let value: Double
    /// The value as written in the file (`55,5`).
    public let text: String
    /// The row's first line in the file (1-based).
    public let line: Int
    /// The row's indicator field, for findings about the row.
    public let range: SourceRange

    public init(indicatorID: String, date: DateValue, value: Double, text: String, line: Int, range: SourceRange) {
        self.indicatorID = indicatorID
        self.date = date
        self.value = value
        self.text = text
        self.line = line
        self.range = range
    }
}

/// The usable rows of one measurements file, per indicator, each series sorted by date.
public struct MeasurementSet: Sendable {
    /// The file as read (for showing findings with its lines).
    public let file: SourceFile
    /// Per indicator ID: its measurements, oldest first.
    public let series: [String: [Measurement]]
    /// Data rows in the file (blank and comment lines not counted), used or not.
    public let rowCount: Int

    public init(file: SourceFile, series: [String: [Measurement]], rowCount: Int) {
        self.file = file
        self.series = series
        self.rowCount = rowCount
    }

    /// The measurements of one indicator, oldest first; empty when it has none.
    public func measurements(for indicatorID: String?) -> [Measurement] {
        guard let indicatorID else { return [] }
        return series[indicatorID] ?? []
    }

    /// How many rows were used.
    public var usedCount: Int { series.values.reduce(0) { $0 + $1.count } }
}
