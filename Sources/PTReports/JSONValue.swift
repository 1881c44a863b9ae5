/// A JSON value whose objects keep their keys in the order given, so exports follow the source
/// and the same model always gives the same bytes.
public indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    public static func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
    public static func bool(_ value: Bool?) -> JSONValue { value.map { .bool($0) } ?? .null }

    /// Two-space indentation, one key per line, a final newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .string(let text): out += Self.quote(text)
        case .number(let value): out += Self.number(value)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += String(repeating: "  ", count: indent + 1) + Self.quote(member.0) + ": "
                member.1.write(into: &out, indent: indent + 1)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped; U+2028/U+2029 too, so
    /// the text is also safe inside a `<script>` or JavaScript source.
    static func quote(_ text: String) -> String {
        "\"" + text.escaping { scalar in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case "\u{2028}": "\\u2028"
            case "\u{2029}": "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    nil
                }
            }
        } + "\""
    }

    /// Whole numbers without a decimal point; others with up to 6 decimals, point as separator.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return "\(Int(value))" }
        let scaled = (value * 1_000_000).rounded() / 1_000_000
        return "\(scaled)"
    }
}

extension ReportTable {
    /// The table as a JSON array of objects keyed by the columns' machine names (numbers as
    /// numbers, dates as `YYYY-MM-DD` text at the precision written, empty cells as null).
    public var jsonRows: JSONValue {
        .array(rows.map { row in
            .object(zip(columns, row).map { column, cell in
                let value: JSONValue = switch cell {
                case .text(let text): .string(text)
                case .number(let number): .number(number)
                case .date(let date): .string(date.description)
                case .empty: .null
                }
                return (column.key, value)
            })
        })
    }
}
