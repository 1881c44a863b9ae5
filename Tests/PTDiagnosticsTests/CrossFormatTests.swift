import Foundation
@testable import PTDiagnostics
import PTSource
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The formats are views of one list of findings: none may drop, add or move one.
@Suite("Every format")
struct CrossFormatTests {
    struct Seen: Hashable, Comparable {
        let code: String
        let line: Int
        let severity: String

        static func < (a: Seen, b: Seen) -> Bool { (a.code, a.line, a.severity) < (b.code, b.line, b.severity) }
    }

    static func fromJSON(_ diagnostics: [Diagnostic], source: @escaping @Sendable (String) -> SourceFile?) -> [Seen] {
        JSONRenderer(language: .danish, source: source).report(diagnostics, fileCount: 1).diagnostics.map {
            Seen(code: $0.code, line: $0.line, severity: $0.severity.rawValue)
        }
    }

    static func fromSARIF(_ text: String) throws -> [Seen] {
        try FormatFixtures.sarifResults(text).map { result in
            let level = try #require(result["level"] as? String)
            return Seen(code: try #require(result["ruleId"] as? String), line: try #require(try FormatFixtures.region(of: result)["startLine"]),
                        severity: level == "note" ? "info" : level)
        }
    }

    static func fromGitHub(_ text: String) throws -> [Seen] {
        try text.split(separator: "\n").map { line in
            let command = try FormatFixtures.parseCommand(String(line))
            let code = try #require(command.properties["title"]?.split(separator: " ").first.map(String.init))
            return Seen(code: code, line: try #require(command.properties["line"].flatMap { Int($0) }),
                        severity: command.name == "notice" ? "info" : command.name)
        }
    }

    /// From the `<system-out>` lines (`path:line:col: label[CODE] …`), which list every finding.
    static func fromJUnit(_ text: String) throws -> (seen: [Seen], failureCodes: [String]) {
        let document = try FormatFixtures.xml(text)
        let cases = try #require(document.rootElement()?.elements(forName: "testsuite").first?.elements(forName: "testcase"))
        var seen: [Seen] = []
        var failureCodes: [String] = []
        for testCase in cases {
            failureCodes += testCase.elements(forName: "failure").compactMap { $0.attribute(forName: "type")?.stringValue }
            let output = testCase.elements(forName: "system-out").first?.stringValue ?? ""
            for line in output.split(separator: "\n") {
                let open = try #require(line.firstIndex(of: "["))
                let close = try #require(line[open...].firstIndex(of: "]"))
                let head = line[..<open]  // path:line:col: label
                let parts = head.split(separator: ":")
                let label = String(parts.last!.trimmingCharacters(in: .whitespaces))
                let lineNumber = try #require(Int(parts[parts.count - 3]))
                let severity = Severity.allCases.first { $0.label(in: .danish) == label }?.rawValue ?? label
                seen.append(Seen(code: String(line[line.index(after: open)..<close]), line: lineNumber, severity: severity))
            }
        }
        return (seen, failureCodes)
    }

    @Test("Same count, codes, lines and severities in JSON, SARIF, JUnit and GitHub")
    func sameFindings() throws {
        let diagnostics = FormatFixtures.diagnostics
        let expected = Self.fromJSON(diagnostics, source: FormatFixtures.source)
        #expect(expected.count == diagnostics.count)
        #expect(try Self.fromSARIF(FormatFixtures.sarif()) == expected)
        #expect(try Self.fromGitHub(FormatFixtures.github()) == expected)
        let junit = try Self.fromJUnit(FormatFixtures.junit())
        #expect(junit.seen.sorted() == expected.sorted())
        #expect(junit.failureCodes.sorted() == diagnostics.filter { $0.severity == .error }.map(\.code).sorted())
    }

    static let hostile = "<b>fed</b> & \"citat\" 'apo' 100% %0A ::slut, a:b\nanden linje\r\ntredje\u{07}klokke \u{1B}[31m"
    static let hostilePath = "mappe/<&\"'>%:,æ.pt"

    static func hostileDiagnostics() -> (diagnostics: [Diagnostic], source: @Sendable (String) -> SourceFile?) {
        let file = SourceFile(path: hostilePath, text: "programteori: <&>\n  delmål D1: \"x\" 100%\n")
        let text = LocalizedText(da: hostile, en: hostile)
        let diagnostics = [
            Diagnostic(code: "PT201", name: "id.ukendt", severity: .error, range: SourceRange(path: hostilePath, start: 28, end: 30),
                       message: text, help: text,
                       notes: [DiagnosticNote(range: SourceRange(path: hostilePath, start: 14, end: 17), message: text)]),
            Diagnostic(code: "PT101", name: "delmaal.uden-indikator", severity: .warning, range: SourceRange(path: hostilePath, start: 28, end: 30),
                       message: text),
        ]
        return (diagnostics, { $0 == hostilePath ? file : nil })
    }

    @Test("Hostile text survives SARIF: valid, and the message reads back exactly")
    func hostileSARIF() throws {
        let (diagnostics, source) = Self.hostileDiagnostics()
        let sarif = FormatFixtures.sarif(diagnostics, source: source)
        let validation = try FormatFixtures.validateAgainstSchema(sarif)
        #expect(validation.status == 0, "\(validation.output)")
        let results = try FormatFixtures.sarifResults(sarif)
        #expect(results.count == 2)
        let message = try #require((results[1]["message"] as? [String: String])?["text"])
        #expect(message == SARIFRenderer.plain(Self.hostile))
        #expect(message.replacingOccurrences(of: "\\[", with: "[") == Self.hostile)
        let uri = try #require((((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String])?["uri"])
        #expect(uri == "mappe/%3C%26%22%27%3E%25%3A%2C%C3%A6.pt")
        #expect(uri.removingPercentEncoding == Self.hostilePath)
        #expect(try Self.fromSARIF(sarif) == Self.fromJSON(diagnostics, source: source))
    }

    @Test("Hostile text survives JUnit: parses, attributes read back, one output line per finding")
    func hostileJUnit() throws {
        let (diagnostics, source) = Self.hostileDiagnostics()
        let xml = JUnitRenderer(language: .danish, source: source)
            .render(diagnostics, files: [JUnitRenderer.TestCase(path: Self.hostilePath, title: Self.hostile)])
        let document = try FormatFixtures.xml(xml)
        let testCase = try #require(document.rootElement()?.elements(forName: "testsuite").first?.elements(forName: "testcase").first)
        // Only the bell and escape characters are gone: XML 1.0 cannot hold them.
        let representable = Self.hostile.replacingOccurrences(of: "\u{07}", with: "").replacingOccurrences(of: "\u{1B}", with: "")
        #expect(testCase.attribute(forName: "classname")?.stringValue == Self.hostilePath)
        #expect(testCase.attribute(forName: "name")?.stringValue == representable)
        let failure = try #require(testCase.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == representable)
        #expect(failure.stringValue?.contains("anden linje\r\ntredje") == true)
        let output = try #require(testCase.elements(forName: "system-out").first?.stringValue)
        #expect(output.split(separator: "\n").count == diagnostics.count)
        #expect(!xml.contains("\u{07}") && !xml.contains("\u{1B}"))
        let junit = try Self.fromJUnit(xml)
        #expect(junit.seen.sorted() == Self.fromJSON(diagnostics, source: source).sorted())
    }

    @Test("Hostile text survives GitHub: one line per finding, everything reads back")
    func hostileGitHub() throws {
        let (diagnostics, source) = Self.hostileDiagnostics()
        let text = GitHubRenderer(language: .danish, source: source).render(diagnostics)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == diagnostics.count + 1)
        #expect(!text.contains("\r"))
        let warning = try FormatFixtures.parseCommand(String(lines[1]))
        #expect(warning.name == "warning")
        #expect(warning.properties["file"] == Self.hostilePath)
        #expect(warning.message == Self.hostile)
        let error = try FormatFixtures.parseCommand(String(lines[0]))
        #expect(error.message.hasPrefix(Self.hostile + " — hjælp: " + Self.hostile + "\n"))
        #expect(try Self.fromGitHub(text) == Self.fromJSON(diagnostics, source: source))
    }
}
