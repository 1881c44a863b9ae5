import Foundation
import Testing

/// One fixture trips every rule; every `--format` must carry exactly the same findings.
@Suite("All five formats carry the same findings", .serialized)
struct FormatEquivalenceTests {
    static let folder = TestSupport.fixtures.appendingPathComponent("alle-regler")

    /// `file:line:code` for each finding, sorted.
    typealias Findings = [String]

    static func run(_ format: String) throws -> String {
        let run = try TestSupport.run(["check", "--format", format, "a.pt", "b.pt"], in: folder)
        #expect(run.status == 1, "\(format): exit \(run.status) \(run.stderr)")
        return run.stdout
    }

    static func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
        }
    }

    static func text() throws -> Findings {
        try matches(#"^(?:fejl|advarsel|info)\[(PT\d+)\]: .*\n\s*--> ([^:]+):(\d+):"#, in: run("text"))
            .map { "\($0[1]):\($0[2]):\($0[0])" }.sorted()
    }

    static func json() throws -> Findings {
        let object = try JSONSerialization.jsonObject(with: Data(run("json").utf8)) as? [String: Any]
        let entries = object?["diagnostics"] as? [[String: Any]] ?? []
        return entries.map { "\($0["file"]!):\($0["line"]!):\($0["code"]!)" }.sorted()
    }

    static func sarif() throws -> Findings {
        let object = try JSONSerialization.jsonObject(with: Data(run("sarif").utf8)) as? [String: Any]
        let results = ((object?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        return results.map { result in
            let location = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]) ?? [:]
            let uri = (location["artifactLocation"] as? [String: Any])?["uri"] as? String ?? "?"
            let line = (location["region"] as? [String: Any])?["startLine"] as? Int ?? 0
            return "\(uri):\(line):\(result["ruleId"] as? String ?? "?")"
        }.sorted()
    }

    static func junit() throws -> Findings {
        try matches(#"^(?:\s*<system-out>)?([^:<>\s]+\.pt):(\d+):\d+: \w+\[(PT\d+)\]"#, in: run("junit")).map { $0.joined(separator: ":") }.sorted()
    }

    static func github() throws -> Findings {
        try matches(#"^::(?:error|warning|notice) file=([^,]+),line=(\d+),.*title=(PT\d+) "#, in: run("github"))
            .map { $0.joined(separator: ":") }.sorted()
    }

    @Test("The fixture trips every rule of the catalogue")
    func tripsEveryRule() throws {
        let codes = Set(try Self.json().map { String($0.split(separator: ":").last!) })
        let rules = try TestSupport.run(["regler"]).stdout.split(separator: "\n").map { String($0.prefix(5)) }
        #expect(rules.count == 28)
        // PT126 reads a measurements file (--målinger, one model at a time); its own examples test it.
        let untripped = Set(rules).subtracting(codes).subtracting(["PT126"])
        #expect(untripped.isEmpty, "not tripped: \(untripped.sorted())")
    }

    @Test("text, json, sarif, junit and github list the same findings")
    func sameFindings() throws {
        let reference = try Self.json()
        #expect(reference.count > 27)
        #expect(try Self.text() == reference)
        #expect(try Self.sarif() == reference)
        #expect(try Self.junit() == reference)
        #expect(try Self.github() == reference)
    }

    @Test("Our SARIF validates against the official 2.1.0 schema")
    func sarifSchema() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pt-sarif-\(UUID().uuidString).json")
        try Self.run("sarif").write(to: scratch, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let schema = TestSupport.packageRoot.appendingPathComponent("Tests/PTDiagnosticsTests/Fixtures/sarif-schema-2.1.0.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); log = json.load(open(sys.argv[2]))
            errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(log))
            for e in errors[:5]: print(e.message)
            sys.exit(1 if errors else 0)
            """, schema.path, scratch.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "SARIF does not validate: \(text)")
    }
}
