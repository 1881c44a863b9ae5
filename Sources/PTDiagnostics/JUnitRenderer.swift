import Foundation
import PTSource

/// Renders findings as JUnit XML (`check --format junit`), the test-report format GitLab
/// (`artifacts:reports:junit`) and Azure DevOps (`PublishTestResults@2`, format JUnit) show as
/// test results.
///
/// One `<testsuite name="programteori">` with one `<testcase>` per model file, so a clean model
/// shows as a passed test. Each error is a `<failure>` (`type` = code, `message` = message, body =
/// the finding as the text output shows it). Every finding of the file — errors, warnings and info
/// — is also one line of `<system-out>`: warnings never fail a test, and Azure DevOps shows only
/// the first `<failure>` of a test case, so that list is where the rest can be read.
/// `failures` counts failed test cases (JUnit's meaning), not errors. No timestamps unless asked.
public struct JUnitRenderer: Sendable {
    /// One model file checked: one `<testcase>`.
    public struct TestCase: Sendable, Hashable {
        /// The model's file, as the user gave it (also `classname`).
        public let path: String
        /// The model's title (`programteori: Titel`), shown as the test's name; the path when nil.
        public let title: String?
        /// Files the model pulls in with `brug:`; their findings count for this test case.
        public let parts: [String]

        public init(path: String, title: String? = nil, parts: [String] = []) {
            self.path = path
            self.title = title
            self.parts = parts
        }
    }

    public let language: Language
    /// Looks up the file behind a range (for line numbers and the text rendering).
    public let source: @Sendable (String) -> SourceFile?
    /// Written as the suite's `timestamp` when given; left out otherwise, so output is reproducible.
    public let timestamp: Date?

    public init(language: Language, timestamp: Date? = nil, source: @escaping @Sendable (String) -> SourceFile?) {
        self.language = language
        self.timestamp = timestamp
        self.source = source
    }

    /// The JUnit document. `files` are the model files checked, in the order to show them; a
    /// finding in a file that is neither one of them nor one of their parts (a configuration file,
    /// say) gets a test case of its own after them, so no finding is lost.
    public func render(_ diagnostics: [Diagnostic], files: [TestCase]) -> String {
        let cases = assign(diagnostics, to: files)
        let failed = cases.count(where: { $0.findings.contains { $0.severity == .error } })
        let text = TextRenderer(language: language, useColor: false, source: source)

        var suiteAttributes = [
            ("name", "programteori"), ("tests", String(cases.count)), ("failures", String(failed)),
            ("errors", "0"), ("skipped", "0"),
        ]
        if let timestamp {
            suiteAttributes.append(("timestamp", Self.isoTimestamp(timestamp)))
        }

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites" + Self.attributes([("name", "programteori"), ("tests", String(cases.count)),
                                                ("failures", String(failed)), ("errors", "0")]) + ">\n"
        out += "  <testsuite" + Self.attributes(suiteAttributes) + ">\n"
        for testCase in cases {
            let attributes = Self.attributes([
                ("classname", testCase.path), ("name", testCase.name), ("file", ReportText.path(testCase.path)),
            ])
            if testCase.findings.isEmpty {
                out += "    <testcase\(attributes)/>\n"
                continue
            }
            out += "    <testcase\(attributes)>\n"
            for finding in testCase.findings where finding.severity == .error {
                out += "      <failure" + Self.attributes([
                    ("type", finding.code), ("message", finding.message.text(in: language)),
                ]) + ">"
                out += Self.escapeText(text.render(finding)) + "</failure>\n"
            }
            let lines = testCase.findings.map { summaryLine($0) }
            out += "      <system-out>" + Self.escapeText(lines.joined(separator: "\n") + "\n") + "</system-out>\n"
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n"
        out += "</testsuites>\n"
        return out
    }

    /// `model.pt:16:14: advarsel[PT101] delmaal.uden-indikator: message — hjælp: …`, on one line.
    func summaryLine(_ diagnostic: Diagnostic) -> String {
        let span = ReportSpan(diagnostic.range, source: source)
        let place = span.isKnown
            ? "\(diagnostic.range.path):\(span.start.line):\(span.start.column)"
            : diagnostic.range.path
        let label = diagnostic.severity.label(in: language)
        let message = ReportText.messageWithHelp(diagnostic, language: language)
        return ReportText.flattened("\(place): \(label)[\(diagnostic.code)] \(diagnostic.name): \(message)")
    }

    struct AssignedCase {
        let path: String
        let name: String
        var findings: [Diagnostic]
    }

    /// Each finding belongs to exactly one test case: the model file it is in, else the first
    /// model that uses its file, else a test case of its own for that file.
    func assign(_ diagnostics: [Diagnostic], to files: [TestCase]) -> [AssignedCase] {
        var cases: [AssignedCase] = []
        var owner: [String: Int] = [:]
        for file in files where owner[file.path] == nil {
            owner[file.path] = cases.count
            cases.append(AssignedCase(path: file.path, name: file.title.flatMap { $0.isEmpty ? nil : $0 } ?? file.path,
                                      findings: []))
        }
        for file in files {
            for part in file.parts where owner[part] == nil {
                owner[part] = owner[file.path]
            }
        }
        for diagnostic in diagnostics {
            let path = diagnostic.range.path
            if owner[path] == nil {
                owner[path] = cases.count
                cases.append(AssignedCase(path: path, name: path, findings: []))
            }
            cases[owner[path]!].findings.append(diagnostic)
        }
        return cases
    }

    // MARK: - XML

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escapeAttribute($0.1))\"" }.joined()
    }

    /// Text content: `&`, `<`, `>`, `"`, `'` escaped, CR kept as `&#13;` (a parser would turn a raw
    /// one into LF), and characters XML 1.0 cannot hold at all left out.
    public static func escapeText(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// An attribute value: as text, plus tab and line feed as character references, so a parser
    /// does not turn them into spaces.
    public static func escapeAttribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        text.escaping { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&apos;"
            case "\r": "&#13;"
            case "\n" where inAttribute: "&#10;"
            case "\t" where inAttribute: "&#9;"
            default: isAllowedInXML(scalar) ? nil : ""
            }
        }
    }

    /// XML 1.0's `Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and up.
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF: true
        case 0xE000...0xFFFD: true
        case 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `2025-01-31T12:00:00Z`: UTC, whole seconds.
    static func isoTimestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
