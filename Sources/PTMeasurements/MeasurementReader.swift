import CSV
import PTDiagnostics
import PTModel
import PTSource
import PTSyntax

/// What reading a measurements file gave: the usable rows and a finding for every row that
/// could not be used (nothing is dropped silently).
public struct MeasurementReading: Sendable {
    public let measurements: MeasurementSet
    public let diagnostics: [Diagnostic]
}

/// Reads a team's measurements file — `indikator;dato;værdi`, as exported from a fagsystem or
/// jobindsats.dk — against a model. The CSV itself is parsed by CSV.swift; this type decides
/// the separator, maps the columns, reads dates and numbers, and points every problem at the
/// data file's line and column.
public enum MeasurementReader {
    /// Findings shown per file; the rest are counted in one closing finding.
    public static let maxFindings = 500

    public static func read(_ file: SourceFile, model: ProgramTheory, today: DateValue) -> MeasurementReading {
        var state = ReaderState(file: file, model: model, today: today)
        state.run()
        return MeasurementReading(
            measurements: MeasurementSet(file: file, series: state.sortedSeries(), rowCount: state.rowCount),
            diagnostics: state.finishedDiagnostics())
    }
}

/// Column names a header may use, normalised (lower case, æøå spelt out).
private enum Column {
    case indicator, date, value, note

    init?(header: String) {
        switch normalizedHeader(header) {
        case "indikator", "indicator", "indikator-id", "id": self = .indicator
        case "dato", "date", "periode", "period", "tid", "maaned", "maanedsdato": self = .date
        case "vaerdi", "value", "tal", "resultat", "maaling", "maalt": self = .value
        case "kommentar", "note", "noter", "kilde", "comment", "source", "bemaerkning": self = .note
        default: return nil
        }
    }
}

private func normalizedHeader(_ text: String) -> String {
    var out = ""
    for character in text.lowercased() {
        switch character {
        case "æ": out += "ae"
        case "ø": out += "oe"
        case "å": out += "aa"
        case " ", "_": out += "-"
        default: out.append(character)
        }
    }
    return out
}

private struct ReaderState {
    let file: SourceFile
    let model: ProgramTheory
    let today: DateValue
    let indicatorIDs: Set<String>
    let orderedIDs: [String]

    var diagnostics: [Diagnostic] = []
    var findingCount = 0
    var rowCount = 0
    var series: [String: [Measurement]] = [:]
    var firstSeen: [String: SourceRange] = [:]
    var suggestions: [String: String?] = [:]
    var separator: Unicode.Scalar = ";"
    /// Field positions of indikator, dato, værdi; nil until the first data row decides.
    var columns: (indicator: Int, date: Int, value: Int, width: Int)?

    init(file: SourceFile, model: ProgramTheory, today: DateValue) {
        self.file = file
        self.model = model
        self.today = today
        let ids = model.elements.flatMap { $0.indicators.compactMap(\.id) }
        self.orderedIDs = ids
        self.indicatorIDs = Set(ids)
    }

    // MARK: - Findings

    mutating func report(_ code: DiagnosticCode, _ range: SourceRange, _ message: LocalizedText, help: LocalizedText? = nil,
                         notes: [DiagnosticNote] = []) {
        findingCount += 1
        guard findingCount <= MeasurementReader.maxFindings else { return }
        diagnostics.append(Diagnostic(code, range: range, message: message, help: help, notes: notes))
    }

    func finishedDiagnostics() -> [Diagnostic] {
        guard findingCount > MeasurementReader.maxFindings else { return diagnostics }
        let hidden = findingCount - MeasurementReader.maxFindings
        return diagnostics + [Diagnostic(
            MeasurementCode.tooManyFindings, range: SourceRange(path: file.path, start: file.contentStart, end: file.contentStart),
            message: LocalizedText(da: "målefilen har \(findingCount) fund; de sidste \(hidden) vises ikke",
                                   en: "the measurements file has \(findingCount) findings; the last \(hidden) are not shown"),
            help: LocalizedText(da: "ret de viste fund først; ofte har alle rækker samme fejl (fx forkert skilletegn eller kolonnerækkefølge)",
                                en: "fix the findings shown first; often every row has the same fault (e.g. a wrong separator or column order)"))]
    }

    func sortedSeries() -> [String: [Measurement]] {
        series.mapValues { $0.sorted { ($0.date.endDayNumber, $0.line) < ($1.date.endDayNumber, $1.line) } }
    }

    // MARK: - Text

    mutating func run() {
        let text = decodedText()
        guard let firstLine = firstContentLine(text) else {
            report(MeasurementCode.unreadable, SourceRange(path: file.path, start: file.contentStart, end: file.contentStart),
                   LocalizedText(da: "målefilen har ingen rækker", en: "the measurements file has no rows"),
                   help: LocalizedText(da: "skriv én måling pr. linje: indikator;dato;værdi, fx »D1.1;2025-03-31;62,5«",
                                       en: "write one measurement per line: indicator;date;value, e.g. »D1.1;2025-03-31;62.5«"))
            return
        }
        separator = Self.detectSeparator(firstLine)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: separator)
        } catch {
            report(MeasurementCode.unreadable, SourceRange(path: file.path, start: 0, end: 0),
                   LocalizedText(da: "målefilen kan ikke læses som CSV (\(error))", en: "the measurements file cannot be read as CSV (\(error))"))
            return
        }
        var line = 1
        while let row = reader.next() {
            let rowLine = line
            line += 1 + row.reduce(0) { $0 + Self.lineBreaks(in: $1) }
            guard rowLine <= file.lineCount else { break }
            handle(row, line: rowLine)
        }
    }

    /// The file as text. A line that is not valid UTF-8 gets a finding and is read as empty, so
    /// the other lines keep their numbers and are still used.
    mutating func decodedText() -> String {
        let content = file.bytes[file.contentStart...]
        if let valid = String(validating: content, as: UTF8.self) { return valid }
        var lines: [String] = []
        lines.reserveCapacity(file.lineCount)
        for number in 1...file.lineCount {
            let range = file.byteRange(ofLine: number)
            if let valid = String(validating: file.bytes[range], as: UTF8.self) {
                lines.append(valid)
                continue
            }
            let offset = range.lowerBound + Self.firstInvalidByte(file.bytes[range])
            let byte = file.bytes[offset]
            let hex = String(byte, radix: 16, uppercase: true)
            report(MeasurementCode.invalidUTF8, SourceRange(path: file.path, start: offset, end: offset + 1),
                   LocalizedText(da: "linje \(number) er ikke gyldig UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); rækken bruges ikke",
                                 en: "line \(number) is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); the row is not used"),
                   help: LocalizedText(da: "gem filen som »CSV UTF-8« (i Excel: Gem som → CSV UTF-8 (kommasepareret))",
                                       en: "save the file as »CSV UTF-8« (in Excel: Save as → CSV UTF-8 (comma delimited))"))
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return max(0, min(offset, bytes.count - 1))
            }
        }
    }

    func firstContentLine(_ text: String) -> Substring? {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).first { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
    }

    /// `;` if the first row has one (Danish Excel), else a tab if it has one, else `,`.
    static func detectSeparator(_ line: Substring) -> Unicode.Scalar {
        if line.contains(";") { return ";" }
        if line.contains("\t") { return "\t" }
        return ","
    }

    /// Line breaks inside a (quoted) field; `\r\n` counts once, as in `SourceFile`.
    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var afterCR = false
        for scalar in field.unicodeScalars {
            if scalar == "\n" {
                if !afterCR { count += 1 }
                afterCR = false
            } else {
                if scalar == "\r" { count += 1 }
                afterCR = scalar == "\r"
            }
        }
        return count
    }

    // MARK: - Rows

    mutating func handle(_ row: [String], line: Int) {
        let fields = row.map { $0.trimmingBlanks }
        if fields.allSatisfy(\.isEmpty) || fields[0].hasPrefix("#") || skipAll { return }
        if columns == nil {
            decideColumns(fields, line: line)
            if isHeader(fields) { return }
        }
        handleData(fields, line: line)
    }

    func isHeader(_ fields: [String]) -> Bool {
        fields.contains { Column(header: $0) == .indicator }
    }

    /// The first row: a header names the columns (in any order); without one the columns are
    /// indikator, dato, værdi.
    mutating func decideColumns(_ fields: [String], line: Int) {
        guard isHeader(fields) else {
            columns = (0, 1, 2, 3)
            allowedFields = 3
            return
        }
        var indicator: Int?, date: Int?, value: Int?
        let ranges = locate(fields, line: line)
        for (index, name) in fields.enumerated() {
            switch Column(header: name) {
            case .indicator: indicator = indicator ?? index
            case .date: date = date ?? index
            case .value: value = value ?? index
            case .note: break
            case nil:
                report(MeasurementCode.unusedColumn, ranges[index],
                       LocalizedText(da: "kolonnen \(quoted(name)) bruges ikke", en: "the column \(quoted(name)) is not used"),
                       help: LocalizedText(da: "målefilen læser kolonnerne indikator, dato og værdi (og kommentar/kilde som noter)",
                                           en: "the measurements file reads the columns indicator, date and value (and comment/source as notes)"))
            }
        }
        guard let indicator, let date, let value else {
            let missing = [(date, "dato"), (value, "værdi")].filter { $0.0 == nil }.map(\.1).joined(separator: " og ")
            let missingEn = [(date, "date"), (value, "value")].filter { $0.0 == nil }.map(\.1).joined(separator: " and ")
            report(MeasurementCode.columns, SourceRange(path: file.path, start: file.byteRange(ofLine: line).lowerBound,
                                                        end: file.byteRange(ofLine: line).upperBound),
                   LocalizedText(da: "overskriften mangler kolonnen \(missing); ingen rækker kan bruges",
                                 en: "the header lacks the column \(missingEn); no row can be used"),
                   help: separatorHelp(fieldCount: fields.count))
            columns = nil
            skipAll = true
            return
        }
        columns = (indicator, date, value, max(indicator, date, value) + 1)
        allowedFields = fields.count
    }

    var skipAll = false
    /// Fields a row may have: three without a header, the header's count with one.
    var allowedFields = 3

    func separatorHelp(fieldCount: Int) -> LocalizedText {
        let name = separator == ";" ? "semikolon (;)" : separator == "\t" ? "tabulator" : "komma (,)"
        let nameEn = separator == ";" ? "semicolon (;)" : separator == "\t" ? "tab" : "comma (,)"
        return LocalizedText(
            da: "filen læses med \(name) som skilletegn (bestemt af første række); skriv »indikator;dato;værdi«",
            en: "the file is read with \(nameEn) as separator (decided by the first row); write »indicator;date;value«")
    }

    mutating func handleData(_ fields: [String], line: Int) {
        guard !skipAll else { return }
        guard let columns else { return }
        rowCount += 1
        guard fields.count >= columns.width else {
            let lineRange = file.byteRange(ofLine: line)
            let expected = columns.width
            var help = separatorHelp(fieldCount: fields.count)
            if fields.count == 1 {
                let other = separator == ";" ? "," : ";"
                if fields[0].contains(Character(other)) {
                    help = LocalizedText(
                        da: "rækken bruger »\(other)« som skilletegn, men filen »\(Character(separator))« (bestemt af første række); brug samme skilletegn i hele filen",
                        en: "the row uses »\(other)« as separator, but the file »\(Character(separator))« (decided by the first row); use one separator throughout")
                }
            }
            report(MeasurementCode.columns, SourceRange(path: file.path, start: lineRange.lowerBound, end: lineRange.upperBound),
                   LocalizedText(da: "rækken har \(fields.count) felt\(fields.count == 1 ? "" : "er"), men skal have \(expected) (indikator, dato, værdi); rækken bruges ikke",
                                 en: "the row has \(fields.count) field\(fields.count == 1 ? "" : "s") but needs \(expected) (indicator, date, value); the row is not used"),
                   help: help)
            return
        }
        if fields.count > allowedFields, !fields[allowedFields...].allSatisfy(\.isEmpty) {
            let ranges = locate(fields, line: line)
            let commaHelp = separator == "," && fields.count == 4 && fields[2].allSatisfy(\.isNumber) && fields[3].allSatisfy(\.isNumber)
            report(MeasurementCode.columns, ranges[allowedFields],
                   allowedFields == 3 && columns.width == 3 && columns.indicator == 0 && columns.date == 1
                       ? LocalizedText(da: "rækken har \(fields.count) felter, men skal have 3 (indikator, dato, værdi); rækken bruges ikke",
                                       en: "the row has \(fields.count) fields but needs 3 (indicator, date, value); the row is not used")
                       : LocalizedText(da: "rækken har \(fields.count) felter, men overskriften har \(allowedFields); rækken bruges ikke",
                                       en: "the row has \(fields.count) fields, but the header has \(allowedFields); the row is not used"),
                   help: commaHelp
                       ? LocalizedText(da: "et decimalkomma i en kommasepareret fil skal stå i anførselstegn (»\"\(fields[2]),\(fields[3])\"«) — eller brug semikolon som skilletegn",
                                       en: "a decimal comma in a comma-separated file must be quoted (»\"\(fields[2]),\(fields[3])\"«) — or use semicolons as separator")
                       : separatorHelp(fieldCount: fields.count))
            return
        }

        let id = fields[columns.indicator]
        let dateText = fields[columns.date]
        let valueText = fields[columns.value]
        var usable = true
        var ranges: [SourceRange]?
        func range(_ index: Int) -> SourceRange {
            if ranges == nil { ranges = locate(fields, line: line) }
            return ranges![index]
        }

        if !indicatorIDs.contains(id) {
            usable = false
            reportUnknown(id, range: range(columns.indicator))
        }
        let date = MeasurementValues.date(dateText)
        if let date {
            if date.startDayNumber > today.endDayNumber {
                usable = false
                report(MeasurementCode.dateOutsidePeriod, range(columns.date),
                       LocalizedText(da: "datoen \(quoted(dateText)) ligger efter dags dato (\(today)); rækken bruges ikke",
                                     en: "the date \(quoted(dateText)) is after today (\(today)); the row is not used"),
                       help: LocalizedText(da: "en måling kan kun gælde en periode, der er begyndt; ret årstallet (dagens dato kan låses med PROGRAMTEORI_DATO)",
                                           en: "a measurement can only concern a period that has begun; correct the year (today can be fixed with PROGRAMTEORI_DATO)"))
            } else if date.year < 2000 {
                usable = false
                report(MeasurementCode.dateOutsidePeriod, range(columns.date),
                       LocalizedText(da: "datoen \(quoted(dateText)) ligger før år 2000; rækken bruges ikke",
                                     en: "the date \(quoted(dateText)) is before the year 2000; the row is not used"),
                       help: LocalizedText(da: "tjek årstallet; målinger fra før 2000 er næsten altid en skrivefejl",
                                           en: "check the year; measurements from before 2000 are almost always a typo"))
            }
        } else {
            usable = false
            report(MeasurementCode.invalidDate, range(columns.date),
                   dateText.isEmpty
                       ? LocalizedText(da: "datoen mangler; rækken bruges ikke", en: "the date is missing; the row is not used")
                       : LocalizedText(da: "\(quoted(dateText)) er ikke en dato; rækken bruges ikke", en: "\(quoted(dateText)) is not a date; the row is not used"),
                   help: LocalizedText(da: "skriv datoen som 2025-03-31, 2025-03, 2025, 31.03.2025 eller som jobindsats.dk (2025M03, 2025K1)",
                                       en: "write the date as 2025-03-31, 2025-03, 2025, 31.03.2025 or as jobindsats.dk does (2025M03, 2025K1)"))
        }
        let value = MeasurementValues.number(valueText, danishDialect: separator == ";")
        if value == nil {
            usable = false
            report(MeasurementCode.invalidNumber, range(columns.value),
                   valueText.isEmpty
                       ? LocalizedText(da: "værdien mangler; rækken bruges ikke", en: "the value is missing; the row is not used")
                       : LocalizedText(da: "\(quoted(valueText)) er ikke et tal; rækken bruges ikke", en: "\(quoted(valueText)) is not a number; the row is not used"),
                   help: LocalizedText(da: "skriv tallet med cifre, fx 62,5 eller 62.5 (uden enhed; % er tilladt)",
                                       en: "write the number in digits, e.g. 62.5 or 62,5 (without a unit; % is allowed)"))
        }
        guard usable, let date, let value else { return }

        let key = id + "\u{0}" + date.description
        let here = range(columns.indicator)
        if let first = firstSeen[key] {
            report(MeasurementCode.duplicate, here.union(range(columns.value)),
                   LocalizedText(da: "\(id) har allerede en måling for \(date); denne række bruges ikke",
                                 en: "\(id) already has a measurement for \(date); this row is not used"),
                   help: LocalizedText(da: "slet den ene række, eller ret datoen, hvis de gælder hver sin periode",
                                       en: "delete one of the rows, or correct the date if they concern different periods"),
                   notes: [DiagnosticNote(range: first, message: LocalizedText(da: "første måling her", en: "first measurement here"))])
            return
        }
        firstSeen[key] = here
        series[id, default: []].append(Measurement(indicatorID: id, date: date, value: value, text: valueText, line: line, range: here))
    }

    mutating func reportUnknown(_ id: String, range: SourceRange) {
        let guess: String?
        if let cached = suggestions[id] {
            guess = cached
        } else {
            guess = Suggestion.closest(to: id, among: orderedIDs)
            suggestions[id] = guess
        }
        let listed = orderedIDs.prefix(8).joined(separator: ", ") + (orderedIDs.count > 8 ? ", …" : "")
        report(MeasurementCode.unknownIndicator, range,
               id.isEmpty
                   ? LocalizedText(da: "indikatorens ID mangler; rækken bruges ikke", en: "the indicator ID is missing; the row is not used")
                   : LocalizedText(da: "modellen har ingen indikator \(quoted(id)); rækken bruges ikke",
                                   en: "the model has no indicator \(quoted(id)); the row is not used"),
               help: guess.map { LocalizedText(da: "mente du »\($0)«?", en: "did you mean »\($0)«?") }
                   ?? (orderedIDs.isEmpty
                       ? LocalizedText(da: "modellen har ingen indikatorer med ID; giv dem et, fx »indikator D1.1: …«",
                                       en: "the model has no indicators with an ID; give them one, e.g. »indicator D1.1: …«")
                       : LocalizedText(da: "modellens indikatorer: \(listed)", en: "the model's indicators: \(listed)")))
    }

    /// Where each field of a row stands on the row's first line (for carets). Each value is
    /// looked for after the previous one; a value that is not found verbatim (quotes doubled
    /// inside it, a field on a later line) points where it would begin.
    func locate(_ fields: [String], line: Int) -> [SourceRange] {
        let lineRange = file.byteRange(ofLine: line)
        let bytes = file.bytes[lineRange]
        let separatorByte = UInt8(separator.value)
        var position = lineRange.lowerBound
        var ranges: [SourceRange] = []
        for (index, field) in fields.enumerated() {
            if index > 0 {
                while position < lineRange.upperBound, bytes[position] != separatorByte { position += 1 }
                if position < lineRange.upperBound { position += 1 }
            }
            let needle = Array(field.utf8)
            var found: Int?
            if !needle.isEmpty {
                var start = position
                while start + needle.count <= lineRange.upperBound {
                    if bytes[start] == needle[0], bytes[start..<(start + needle.count)].elementsEqual(needle) {
                        found = start
                        break
                    }
                    if bytes[start] == separatorByte { break }
                    start += 1
                }
            }
            if let found {
                ranges.append(SourceRange(path: file.path, start: found, end: found + needle.count))
                position = found + needle.count
            } else {
                ranges.append(SourceRange(path: file.path, start: position, end: position))
            }
        }
        return ranges
    }
}

private extension String {
    /// Without leading and trailing blanks (spaces, tabs, no-break spaces).
    var trimmingBlanks: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
