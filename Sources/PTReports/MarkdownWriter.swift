/// Writes report tables as GitHub-flavoured Markdown.
public enum MarkdownWriter {
    /// `| a | b |` rows under a header. Every piece of user text is escaped: the ASCII punctuation
    /// Markdown reads (backslash, backtick, `* _ [ ] | < > # ~ & $`) gets a backslash, so it shows as written and
    /// cannot become a link, an HTML tag or a broken table; a line break becomes `<br>`.
    public static func table(_ table: ReportTable, decimalSeparator: Character = ",") -> String {
        var out = "| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: table.columns.count) + "\n"
        for row in table.rows {
            out += "| " + row.map { cell in
                switch cell {
                case .text(let text): escape(text)
                case .number(let value): NumberText.format(value, decimalSeparator: decimalSeparator)
                case .date(let date): date.description
                case .empty: ""
                }
            }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Markdown-safe text on one line.
    public static func escape(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": out += "<br>"
            case "\n": if !previousWasCR { out += "<br>" }
            case "\\", "`", "*", "_", "[", "]", "|", "<", ">", "#", "~", "&", "$":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default:
                // Other control characters would break a line or show as nothing.
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
