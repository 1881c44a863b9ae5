import PTSyntax

/// Numbers and dates as teams' exports write them.
enum MeasurementValues {
    /// A date as the model language writes it (`2025-03-31`, `2025-03`, `2025`, `31.03.2025`),
    /// plus what exports add: `31-03-2025`, `31/03/2025`, jobindsats.dk's periods `2025M03`
    /// and `2025K1`/`2025Q1` (the quarter's last month), and a time after the date
    /// (`2025-03-31 00:00:00`, `2025-03-31T00:00`), which is ignored.
    static func date(_ raw: String) -> DateValue? {
        var text = Substring(raw)
        if let cut = text.firstIndex(where: { $0 == "T" || $0 == " " }), text.count > 10 {
            text = text[..<cut]
        }
        if let date = ValueParsing.date(String(text)) { return date }
        let upper = text.uppercased()
        for (marker, monthsPer) in [("M", 1), ("K", 3), ("Q", 3)] {
            let parts = upper.split(separator: Character(marker), omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let number = Int(parts[1]),
                  parts[1].allSatisfy(\.isNumber), !parts[1].isEmpty else { continue }
            let month = number * monthsPer
            guard (1...12).contains(month), monthsPer == 1 || (1...4).contains(number) else { return nil }
            return ValueParsing.date(String(format: year, month))
        }
        for separator in ["-", "/"] as [Character] {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            if parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
                return ValueParsing.date("\(parts[0]).\(parts[1]).\(parts[2])")
            }
        }
        return nil
    }

    /// A number: `55`, `55,5`, `55.5`, `-3`, `40 %`, and with thousands separators as Danish
    /// Excel writes them (`1.234`, `1.234,5`, `1 234`). In a file separated by `;` (the Danish
    /// dialect) a `.` followed by groups of exactly three digits is a thousands separator; in a
    /// `,` file the `.` is the decimal point.
    static func number(_ raw: String, danishDialect: Bool) -> Double? {
        var text = raw.filter { $0 != " " && $0 != "\u{00A0}" }
        if text.hasSuffix("%") { text.removeLast() }
        guard !text.isEmpty else { return nil }
        if text.contains(".") {
            let hasComma = text.contains(",")
            let integerPart = text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let groups = integerPart.split(separator: ".", omittingEmptySubsequences: false)
            let lead = groups[0].drop { $0 == "-" || $0 == "+" }
            let isThousands = groups.count > 1 && (1...3).contains(lead.count) && lead.allSatisfy(\.isNumber)
                && groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isNumber) }
            if isThousands && (hasComma || danishDialect || groups.count > 2) {
                text = text.filter { $0 != "." }
            }
        }
        return ValueParsing.quantity(text)?.value
    }
}

private extension String {
    init(format year: Int, _ month: Int) {
        self = "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
    }
}
