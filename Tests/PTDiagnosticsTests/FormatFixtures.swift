import Foundation
import PTDiagnostics
import PTSource
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Hand-built files and findings shared by the format tests: a model with æøå and an emoji, a
/// part it includes, a clean model and a configuration file.
enum FormatFixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")

    static var accept: Bool { ProcessInfo.processInfo.environment["PT_ACCEPT"] == "1" }

    static let modelPath = "Modeller/unge i job.pt"
    static let partPath = "Modeller/dele/fælles.pt"
    static let cleanPath = "Modeller/ren.pt"
    static let configPath = "programteori.toml"

    static let modelText = """
        programteori: Unge i job 😀
          aktivitet A1: Mentorforløb for æøå-unge
            fører til: 😀 æøå D3
          delmål D2: Flere i uddannelse
          delmål D2: Flere i uddannelse igen
          indikator I1: andel i job
        brug: dele/fælles.pt

        """
    static let partText = "  delmål D5: Fælles delmål\n"
    static let cleanText = "programteori: Ren model\n  aktivitet A1: Noget\n"
    static let configText = "[regler]\nPT999 = \"fejl\"\n"

    static let files: [String: SourceFile] = [
        modelPath: SourceFile(path: modelPath, text: modelText),
        partPath: SourceFile(path: partPath, text: partText),
        cleanPath: SourceFile(path: cleanPath, text: cleanText),
        configPath: SourceFile(path: configPath, text: configText),
    ]

    static let source: @Sendable (String) -> SourceFile? = { files[$0] }

    /// The byte range of the `occurrence`-th `needle` in a fixture file.
    static func range(_ needle: String, in path: String, occurrence: Int = 1) -> SourceRange {
        let bytes = files[path]!.bytes
        let pattern = Array(needle.utf8)
        var found = 0
        var index = 0
        while index + pattern.count <= bytes.count {
            if Array(bytes[index..<index + pattern.count]) == pattern {
                found += 1
                if found == occurrence { return SourceRange(path: path, start: index, end: index + pattern.count) }
            }
            index += 1
        }
        fatalError("»\(needle)« not found \(occurrence) times in \(path)")
    }

    static func text(_ da: String, _ en: String) -> LocalizedText { LocalizedText(da: da, en: en) }

    /// Errors, warnings, info; a note; a finding in an included part and one in the configuration.
    static let diagnostics: [Diagnostic] = [
        Diagnostic(code: "PT201", name: "id.ukendt", severity: .error, range: range("D3", in: modelPath),
                   message: text("ukendt ID »D3«", "unknown ID »D3«"),
                   help: text("mente du »D2«?", "did you mean »D2«?")),
        Diagnostic(code: "PT202", name: "id.dublet", severity: .error, range: range("D2", in: modelPath, occurrence: 2),
                   message: text("ID »D2« findes allerede", "ID »D2« already exists"),
                   help: text("giv elementet et nyt ID", "give the element a new ID"),
                   notes: [DiagnosticNote(range: range("D2", in: modelPath), message: text("første gang her", "first defined here"))]),
        Diagnostic(code: "PT101", name: "delmaal.uden-indikator", severity: .warning, range: range("D2", in: modelPath),
                   message: text("delmål »D2« har ingen indikator", "outcome »D2« has no indicator")),
        Diagnostic(code: "PT140", name: "indikator.vag", severity: .info, range: range("andel i job", in: modelPath),
                   message: text("indikatoren er vag", "the indicator is vague"),
                   help: text("sig, hvad der måles og hvordan", "say what is measured and how")),
        Diagnostic(code: "PT101", name: "delmaal.uden-indikator", severity: .warning, range: range("D5", in: partPath),
                   message: text("delmål »D5« har ingen indikator", "outcome »D5« has no indicator")),
        Diagnostic(code: "PT030", name: "konfiguration.ugyldig", severity: .error, range: range("PT999", in: configPath),
                   message: text("ukendt regel »PT999«", "unknown rule »PT999«")),
    ]

    static let rules: [RuleMetadata] = [
        RuleMetadata(code: "PT101", name: "delmaal.uden-indikator", defaultSeverity: .warning,
                     summary: text("Et delmål uden indikator.", "An outcome without an indicator."),
                     rationale: text("Metoden kræver, at hvert delmål kan måles.", "The method asks that every outcome can be measured."),
                     helpURI: "https://example.org/programteori/regler#pt101"),
        RuleMetadata(code: "PT140", name: "indikator.vag", defaultSeverity: .info,
                     summary: text("En indikator, der ikke siger, hvad der måles.", "An indicator that does not say what is measured."),
                     rationale: text("En vag indikator kan ikke følges op.", "A vague indicator cannot be followed up.")),
        // Metadata for a code nobody reported: it is still listed.
        RuleMetadata(code: "PT102", name: "delmaal.uden-maal", defaultSeverity: .warning,
                     summary: text("Et delmål uden mål.", "An outcome without a target."),
                     rationale: text("Uden mål ved ingen, hvornår det er nået.", "Without a target nobody knows when it is reached.")),
    ]

    static let testCases: [JUnitRenderer.TestCase] = [
        JUnitRenderer.TestCase(path: modelPath, title: "Unge i job 😀", parts: [partPath]),
        JUnitRenderer.TestCase(path: cleanPath, title: "Ren model"),
    ]

    static func sarif(_ diagnostics: [Diagnostic] = diagnostics, language: Language = .danish,
                      source: @escaping @Sendable (String) -> SourceFile? = source) -> String {
        SARIFRenderer(language: language, toolVersion: "0.1.0", informationURI: "https://example.org/programteori",
                      rules: rules, source: source).render(diagnostics)
    }

    static func junit(_ diagnostics: [Diagnostic] = diagnostics, files: [JUnitRenderer.TestCase] = testCases,
                      language: Language = .danish) -> String {
        JUnitRenderer(language: language, source: source).render(diagnostics, files: files)
    }

    static func github(_ diagnostics: [Diagnostic] = diagnostics, language: Language = .danish) -> String {
        GitHubRenderer(language: language, source: source).render(diagnostics)
    }

    // MARK: - Reading the formats back

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func sarifResults(_ text: String) throws -> [[String: Any]] {
        let log = try json(text)
        let runs = try #require(log["runs"] as? [[String: Any]])
        return try #require(runs.first?["results"] as? [[String: Any]])
    }

    static func region(of result: [String: Any]) throws -> [String: Int] {
        let locations = try #require(result["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        return try #require(physical["region"] as? [String: Int])
    }

    static func xml(_ text: String) throws -> XMLDocument {
        try XMLDocument(data: Data(text.utf8), options: [])
    }

    /// A workflow command split into its parts, with GitHub's escaping undone.
    struct Command {
        let name: String
        let properties: [String: String]
        let message: String
    }

    static func parseCommand(_ line: String) throws -> Command {
        #expect(line.hasPrefix("::"))
        let body = line.dropFirst(2)
        let separator = try #require(body.range(of: "::"))
        let head = body[..<separator.lowerBound]
        let message = body[separator.upperBound...]
        let space = head.firstIndex(of: " ") ?? head.endIndex
        var properties: [String: String] = [:]
        if space < head.endIndex {
            for pair in head[head.index(after: space)...].split(separator: ",") {
                let equals = try #require(pair.firstIndex(of: "="))
                properties[String(pair[..<equals])] = unescape(String(pair[pair.index(after: equals)...]))
            }
        }
        return Command(name: String(head[..<space]), properties: properties, message: unescape(String(message)))
    }

    static func unescape(_ text: String) -> String {
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "%", let end = text.index(index, offsetBy: 3, limitedBy: text.endIndex),
               let code = UInt8(text[text.index(after: index)..<end], radix: 16) {
                out.unicodeScalars.append(Unicode.Scalar(code))
                index = end
            } else {
                out.append(text[index])
                index = text.index(after: index)
            }
        }
        return out
    }

    // MARK: - Schema validation

    /// The official SARIF 2.1.0 schema: the shared copy, else the one kept with these tests.
    static var schemaPath: String {
        let candidates = [
            ProcessInfo.processInfo.environment["PT_SARIF_SCHEMA"],
            "/work/shared/schemas/sarif-schema-2.1.0.json",
            fixtures.appendingPathComponent("sarif-schema-2.1.0.json").path,
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates.last!
    }

    static let validatorScript = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        instance = json.load(open(sys.argv[2], encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        for error in errors:
            print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
        print(cls.__name__ + ": " + str(len(errors)) + " error(s)")
        sys.exit(1 if errors else 0)
        """

    /// Runs Python's `jsonschema` (the validator class the schema's `$schema` names) on `sarif`.
    static func validateAgainstSchema(_ sarif: String) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let instance = folder.appendingPathComponent("rendered.sarif")
        try sarif.write(to: instance, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("output.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", validatorScript, schemaPath, instance.path]
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: output), as: UTF8.self))
    }

    static func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let golden = fixtures.appendingPathComponent(name)
        if accept {
            try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "golden file \(name) differs; run with PT_ACCEPT=1 and review the diff",
                sourceLocation: sourceLocation)
    }
}
