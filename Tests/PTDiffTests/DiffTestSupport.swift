import Foundation
import PTDiff
import PTSource
import PTSyntax
import ProgramteoriKit
import Testing

enum DiffTestSupport {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let today = DateValue(year: 2026, month: 11, day: 23)

    static var accept: Bool { ProcessInfo.processInfo.environment["PT_ACCEPT"] == "1" }

    /// The pair's two files: `gammel.pt`/`ny.pt`, or `gammel/model.pt`/`ny/model.pt` for a pair
    /// whose models use `brug:`.
    static func pair(_ name: String) -> (old: URL, new: URL) {
        let folder = fixtures.appendingPathComponent("par").appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("gammel.pt").path) {
            return (folder.appendingPathComponent("gammel.pt"), folder.appendingPathComponent("ny.pt"))
        }
        return (folder.appendingPathComponent("gammel/model.pt"), folder.appendingPathComponent("ny/model.pt"))
    }

    static func diff(old: URL, new: URL) throws -> TheoryDiff {
        let diffs = try ModelComparison(today: today).compare(oldFile: old.path, newFile: new.path).get()
        #expect(diffs.count == 1)
        return try #require(diffs.first)
    }

    /// Paths relative to the fixtures, so golden files read the same on every machine.
    static func relative(_ text: String) -> String {
        text.replacingOccurrences(of: fixtures.path + "/", with: "")
    }

    static func assertGolden(_ actual: String, file golden: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if accept {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "golden file \(golden.lastPathComponent) differs; run with PT_ACCEPT=1 and review the diff",
                sourceLocation: sourceLocation)
    }
}
