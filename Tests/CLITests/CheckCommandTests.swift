import Foundation
import Testing

/// `programteori check` as a user and a review pipeline run it: the real executable, its
/// output and its exit code.
@Suite("programteori check, end to end", .serialized)
struct CheckCommandTests {
    static let diagnostics = TestSupport.fixtures.appendingPathComponent("diagnostics")

    @Test("Every model in Models/ passes with no errors")
    func showcaseModels() throws {
        let run = try TestSupport.run(["check", "Models"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(!run.stdout.contains("fejl["))
    }

    @Test("Exit 0 when clean, 1 with errors, 2 for a path that does not exist")
    func exitCodes() throws {
        let clean = try TestSupport.run(["check", "sprogets-eksempel.pt"], in: Self.diagnostics)
        #expect(clean.status == 0)
        let broken = try TestSupport.run(["check", "fem-fejl.pt"], in: Self.diagnostics)
        #expect(broken.status == 1)
        #expect(broken.stdout.hasSuffix("Fandt 5 fejl i 1 fil.\n"))
        let missing = try TestSupport.run(["check", "findes-ikke.pt"], in: Self.diagnostics)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("findes-ikke.pt: stien findes ikke"))
    }

    @Test("Usage errors exit 2, not ArgumentParser's 64")
    func usageErrors() throws {
        #expect(try TestSupport.run(["check"]).status == 2)
        #expect(try TestSupport.run(["check", "--format", "xml", "Models"]).status == 2)
        #expect(try TestSupport.run(["check", "--lang", "fr", "Models"]).status == 2)
        #expect(try TestSupport.run(["--help"]).status == 0)
    }

    @Test("A folder is searched recursively; a folder with no models is a usage error")
    func folders() throws {
        let run = try TestSupport.run(["check", "diagnostics/brug"], in: TestSupport.fixtures)
        #expect(run.status == 1)
        #expect(run.stdout.contains("brug/faelles/mekanismer.pt:6:9"))
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("pt-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try TestSupport.run(["check", empty.path])
        #expect(none.status == 2)
        #expect(none.stderr.contains("ingen .pt-filer"))
    }

    @Test("--format json keeps its documented contract")
    func json() throws {
        let run = try TestSupport.run(["check", "--format", "json", "fem-fejl.pt"], in: Self.diagnostics)
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let entries = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(entries.count == 5)
        for entry in entries {
            for key in ["file", "line", "column", "severity", "code", "message"] { #expect(entry[key] != nil, "missing \(key)") }
            #expect(["error", "warning", "info"].contains(entry["severity"] as? String ?? ""))
        }
        #expect(entries.first?["file"] as? String == "fem-fejl.pt")
        #expect(entries.first?["line"] as? Int == 4)
    }

    @Test("English with --lang en and from LANG; Danish otherwise")
    func language() throws {
        let flag = try TestSupport.run(["check", "--lang", "en", "fem-fejl.pt"], in: Self.diagnostics)
        #expect(flag.stdout.contains("error[PT201]: unknown ID »S2«"))
        #expect(flag.stdout.contains("= help: did you mean »S1«?"))
        let environment = try TestSupport.run(["check", "fem-fejl.pt"], in: Self.diagnostics, environment: ["LANG": "en_GB.UTF-8"])
        #expect(environment.stdout.contains("error[PT201]"))
        let danish = try TestSupport.run(["check", "fem-fejl.pt"], in: Self.diagnostics, environment: ["LANG": "da_DK.UTF-8"])
        #expect(danish.stdout.contains("fejl[PT201]: ukendt ID »S2«"))
    }

    @Test("Colour only on a terminal: none when writing to a file")
    func noColourInPipes() throws {
        let run = try TestSupport.run(["check", "fem-fejl.pt"], in: Self.diagnostics)
        #expect(!run.stdout.contains("\u{1B}["))
        let forced = try TestSupport.run(["check", "fem-fejl.pt"], in: Self.diagnostics, environment: ["FORCE_COLOR": "1"])
        #expect(forced.stdout.contains("\u{1B}[31m"))
    }
}
