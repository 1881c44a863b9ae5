import Foundation
import PTDiagram
import PTMeasurements
import PTReports
import PTSource
import PTSyntax
import ProgramteoriKit
import Testing

@Suite("HTML report")
struct HTMLReportTests {
    static func report(_ text: String = ReportSupport.model, measurements: String? = ReportSupport.measurements) -> String {
        let (check, checked) = ReportSupport.checked(text, measurements: measurements)
        return Monitoring.htmlReport(checked, report: check, renderer: DiagramRenderer(), language: .danish, today: ReportSupport.today).html
    }

    @Test("Contains every element and indicator, statuses and a trend chart per measured indicator")
    func completeness() {
        let html = Self.report()
        for id in ["MG", "S1", "S1.1", "D1", "D1.1", "A1", "M1"] {
            #expect(html.contains("<span class=\"pt-id\">\(id)</span>"), "\(id) missing")
        }
        for title in ["Unge", "I uddannelse", "Andel i uddannelse", "Møder op", "Fremmøde", "Mentor", "Relation"] {
            #expect(html.contains(title))
        }
        #expect(html.components(separatedBy: "<svg class=\"pt-trend\"").count - 1 == 2)
        #expect(html.contains("pt-status-bagud\">bagud</span>"))
        #expect(html.contains("pt-status-paa-sporet\">på sporet</span>"))
        #expect(html.contains("<svg") && html.contains("pt-diagram"))
        // The diagram carries the statuses and the legend says so.
        #expect(html.contains("● på sporet") && html.contains("indikatorstatus fra målingerne"))
    }

    @Test("Escapes a hostile title and has no external reference")
    func hostile() {
        let html = Self.report()
        #expect(html.contains("<h1>Test &lt;b&gt;&amp;&lt;/b&gt; &quot;titel&quot;</h1>"))
        #expect(!html.contains("<b>&</b>"))
        let attack = ReportSupport.model.replacingOccurrences(of: "aktivitet A1: Mentor", with: "aktivitet A1: <img src=x onerror=alert(1)> <script>alert(1)</script>")
        let hostile = Self.report(attack)
        #expect(!hostile.contains("<script"))
        #expect(!hostile.contains("<img"))
        for page in [html, hostile] {
            #expect(!page.lowercased().contains("http"))
            #expect(!Self.tags(page).contains { $0.contains("src=") || $0.contains("href=\"/") || $0.contains("href=\"file") })
            #expect(!page.contains("url("))
            #expect(!page.contains("@import"))
        }
    }

    /// The inside of every tag (`<…>`): where an attribute could point at a file.
    static func tags(_ page: String) -> [Substring] {
        page.split(separator: "<").dropFirst().compactMap { $0.split(separator: ">", maxSplits: 1).first }
    }

    @Test("Without measurements: no status, no chart; findings of the check are listed")
    func withoutMeasurements() {
        let html = Self.report(ReportSupport.model.replacingOccurrences(of: "    frekvens: månedlig\n", with: ""), measurements: nil)
        #expect(!html.contains("<svg class=\"pt-trend\""))
        #expect(!html.contains("Status for indikatorerne"))
        #expect(html.contains("[PT115]") && html.contains("model.pt:"))
    }

    @Test("JSON export: schema v1, every element and indicator, measurements and source positions")
    func modelJSON() throws {
        let (check, checked) = ReportSupport.checked(ReportSupport.model, measurements: ReportSupport.measurements)
        let json = Monitoring.modelJSON(checked, report: check, today: ReportSupport.today)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "programteori-model")
        #expect(object["schemaVersion"] as? Int == 1)
        let elements = try #require(object["elements"] as? [[String: Any]])
        #expect(elements.map { $0["key"] as? String } == ["MG", "S1", "D1", "A1", "M1"])
        let s1 = try #require(elements[1]["indicators"] as? [[String: Any]])
        #expect((s1[0]["baseline"] as? [String: Any])?["value"] as? Double == 20.5)
        #expect((s1[0]["progress"] as? [String: Any])?["status"] as? String == "bagud")
        #expect((elements[0]["source"] as? [String: Any])?["line"] as? Int == 3)
        // Validated against the documented JSON Schema by an independent validator.
        let file = try ReportSupport.temporaryFile("model.json", Data(json.utf8))
        let schema = ReportSupport.packageRoot.appendingPathComponent("docs/model-schema.json").path
        let output = try ReportSupport.python("""
            import json, sys, jsonschema
            jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))
            print("ok")
            """, [file.path, schema])
        #expect(output == "ok\n")
        #expect(json == Monitoring.modelJSON(checked, report: check, today: ReportSupport.today))
    }
}

/// Writers fed generated hostile text (seeded, so a failure can be replayed).
@Suite("Writers on generated text")
struct GeneratedTextTests {
    static func table(_ generator: inout HostileText, rows: Int) -> ReportTable {
        let columns = (0..<4).map { ReportTable.Column("K\($0) \(["|", ";", "\"", "<x>"][$0])", key: "k\($0)", width: 10) }
        return ReportTable(name: "T", columns: columns, rows: (0..<rows).map { _ in
            [.text(generator.text()), .number(Double(generator.next() % 10_000) / 100), .text(generator.text()), .date(DateValue(year: 2026, month: 5))]
        })
    }

    @Test("CSV: Python's csv module reads back exactly what was written (both dialects)")
    func csv() throws {
        var generator = HostileText(seed: 0x5EED)
        let table = Self.table(&generator, rows: 300)
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding=sys.argv[2], newline="") as f:
                print(json.dumps(list(csv.reader(f, delimiter=sys.argv[3]))))
            """
        for (dialect, encoding) in [(CSVDialect.danish, "utf-8-sig"), (.international, "utf-8")] {
            let file = try ReportSupport.temporaryFile("g.csv", Data(CSVWriter.render(table, dialect: dialect)))
            let output = try ReportSupport.python(script, [file.path, encoding, String(dialect.separator)])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]])
            #expect(rows.count == 301)
            for (read, expected) in zip(rows.dropFirst(), table.rows) {
                guard case .text(let first) = expected[0], case .text(let third) = expected[2] else { continue }
                #expect(read.count == 4)
                #expect(read[0] == Self.defused(first))
                #expect(read[2] == Self.defused(third))
            }
        }
    }

    static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + text : text
    }

    @Test("Markdown: every row keeps its cells, no raw markup, and the text comes back by unescaping")
    func markdown() {
        var generator = HostileText(seed: 42)
        let table = Self.table(&generator, rows: 300)
        let lines = MarkdownWriter.table(table).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 302)
        for (line, row) in zip(lines.dropFirst(2), table.rows) {
            let cells = Self.cells(String(line))
            #expect(cells.count == 4, "\(line)")
            guard case .text(let text) = row[0] else { continue }
            #expect(Self.unescape(cells[0]) == Self.expectedMarkdown(text))
            // Every `<` left is a line break we wrote or escaped user text.
            let withoutBreaks = line.replacingOccurrences(of: "<br>", with: "")
            #expect(!withoutBreaks.replacingOccurrences(of: "\\<", with: "").contains("<"), "\(line)")
        }
    }

    @Test("HTML escaping: no raw markup survives, entities decode back to the text")
    func htmlEscaping() {
        var generator = HostileText(seed: 7)
        for _ in 0..<2_000 {
            let text = generator.text()
            let escaped = html(text)
            #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\""))
            let decoded = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            #expect(decoded == String(String.UnicodeScalarView(text.unicodeScalars.filter { !($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") && $0.value != 0x7F })))
        }
    }

    /// Splits a table line at pipes that are not escaped.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" { current.append(character); escaped = true; continue }
            if character == "|" { cells.append(current); current = ""; continue }
            current.append(character)
        }
        cells.append(current)
        return Array(cells.dropFirst().dropLast()).map { String($0.dropFirst().dropLast()) }
    }

    static func unescape(_ cell: String) -> String {
        var out = ""
        var escaped = false
        for character in cell {
            if escaped { out.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            out.append(character)
        }
        return out
    }

    /// What Markdown should show: line breaks as <br>, control characters as a space.
    static func expectedMarkdown(_ text: String) -> String {
        var out = ""
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\r" { out += "<br>"; continue }
            if scalar == "\n" { if !afterCR { out += "<br>" }; continue }
            if scalar.value < 0x20 || scalar.value == 0x7F { out += " "; continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
