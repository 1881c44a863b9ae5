import Foundation
import PTDiagram
import PTModel
import PTSyntax
import ProgramteoriKit
import Testing

/// Fixtures, models and golden files for the diagram tests.
enum DiagramTestSupport {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let today = DateValue(year: 2026, month: 11, day: 23)

    /// Golden files are rewritten instead of compared when this is set (review them in the diff).
    static var accept: Bool { ProcessInfo.processInfo.environment["PT_ACCEPT"] == "1" }

    /// The `.pt` fixtures, sorted.
    static var fixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".pt") }.map { String($0.dropLast(3)) }.sorted()
    }

    /// The showcase models of the repository.
    static var showcaseModels: [String] {
        let folder = packageRoot.appendingPathComponent("Models")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".pt") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// The resolved model of a file (errors or not: a diagram is drawn from whatever resolved).
    static func model(path: String) throws -> ProgramTheory {
        let report = Checker(today: today).check(paths: [path])
        return try #require(report.models.first, "no model in \(path)").model
    }

    static func fixture(_ name: String) throws -> ProgramTheory {
        try model(path: fixtures.appendingPathComponent(name + ".pt").path)
    }

    /// A model from text, through a temporary file.
    static func model(text: String) throws -> ProgramTheory {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-diagram-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("model.pt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try model(path: file.path)
    }

    /// Compares `actual` with the golden file, or writes it when accepting.
    static func assertGolden(_ actual: String, file golden: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if accept {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "golden file \(golden.lastPathComponent) differs; run with PT_ACCEPT=1 and review the diff",
                sourceLocation: sourceLocation)
    }
}
