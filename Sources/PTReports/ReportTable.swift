import Foundation
import PTSyntax

/// A table with typed cells: one shape for every writer (CSV, Markdown, XLSX, JSON), so an
/// indicator plan says the same thing in every format.
public struct ReportTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public let header: String
        /// A stable machine name (`indicator_id`) for JSON and for tests.
        public let key: String
        /// Suggested width in characters (XLSX).
        public let width: Int

        public init(_ header: String, key: String, width: Int) {
            self.header = header
            self.key = key
            self.width = width
        }
    }

    public let name: String
    public let columns: [Column]
    public let rows: [[Cell]]

    public init(name: String, columns: [Column], rows: [[Cell]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}

/// One cell: text, a number (stored as a number in XLSX), a date (stored as a date), or nothing.
public enum Cell: Sendable, Hashable {
    case text(String)
    case number(Double)
    case date(DateValue)
    case empty

    public static func text(_ value: String?) -> Cell { value.map { .text($0) } ?? .empty }
    public static func number(_ value: Double?) -> Cell { value.map { .number($0) } ?? .empty }
    public static func date(_ value: DateValue?) -> Cell { value.map { .date($0) } ?? .empty }
}

/// Numbers as people read them: at most two decimals, no trailing zeros, Danish decimal comma
/// unless told otherwise.
public enum NumberText {
    public static func format(_ value: Double, decimalSeparator: Character = ",") -> String {
        guard value.isFinite else { return "" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            let whole = Int(rounded)
            return whole == 0 ? "0" : "\(whole)"
        }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return decimalSeparator == "." ? text : text.replacingOccurrences(of: ".", with: String(decimalSeparator))
    }
}
