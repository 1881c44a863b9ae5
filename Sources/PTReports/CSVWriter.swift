/// Writes a `ReportTable` as CSV in one of two dialects.
public enum CSVDialect: String, Sendable, CaseIterable {
    /// What Danish Excel opens by double-click: `;` between fields, a UTF-8 byte-order mark
    /// (without it Excel reads æøå as Windows-1252), decimal comma.
    case danish = "dansk"
    /// RFC 4180 as most other tools expect: `,` between fields, no byte-order mark, decimal point.
    case international

    public init?(name: String) {
        switch name.lowercased() {
        case "dansk", "danish", "da", "excel": self = .danish
        case "international", "int", "rfc4180", "en": self = .international
        default: return nil
        }
    }

    public var separator: Character { self == .danish ? ";" : "," }
    public var decimalSeparator: Character { self == .danish ? "," : "." }
}

public enum CSVWriter {
    /// The table as CSV bytes: header row, then one row per table row, CRLF line ends (RFC 4180,
    /// and what Excel writes). Fields with the separator, a quote, a line break or blanks at
    /// either end are quoted; quotes inside are doubled.
    ///
    /// Text that Excel would read as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
    /// first) gets a leading `'`, so a hostile title cannot run a formula when a colleague
    /// opens the file (OWASP: CSV injection). Numbers and dates are written as values.
    public static func render(_ table: ReportTable, dialect: CSVDialect = .danish) -> [UInt8] {
        var out = dialect == .danish ? "\u{FEFF}" : ""
        out += table.columns.map { field($0.header, dialect) }.joined(separator: String(dialect.separator)) + "\r\n"
        for row in table.rows {
            out += row.map { cell in
                switch cell {
                case .text(let text): field(defused(text), dialect)
                case .number(let value): field(NumberText.format(value, decimalSeparator: dialect.decimalSeparator), dialect)
                case .date(let date): date.description
                case .empty: ""
                }
            }.joined(separator: String(dialect.separator)) + "\r\n"
        }
        return Array(out.utf8)
    }

    static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + text : text
    }

    static func field(_ text: String, _ dialect: CSVDialect) -> String {
        let needsQuotes = text.contains(dialect.separator) || text.contains("\"") || text.contains("\n") || text.contains("\r")
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.escaping { $0 == "\"" ? "\"\"" : nil } + "\""
    }
}
