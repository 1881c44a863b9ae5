import Foundation
import PTDiagnostics
import PTSource
import ProgramteoriKit
import Testing

/// Every fixture under Fixtures/diagnostics has its findings rendered as text (Danish and
/// English) and JSON beside it. `PT_ACCEPT=1 swift test` rewrites them.
@Suite("Golden diagnostics")
struct GoldenDiagnosticsTests {
    static let models = ["fem-fejl", "mange-fund", "sprogets-eksempel", "brug/model"]

    @Test("Text, English text and JSON match the golden files", arguments: models)
    func golden(name: String) throws {
        let folder = TestSupport.fixtures.appendingPathComponent("diagnostics")
        let model = folder.appendingPathComponent(name + ".pt")
        let report = Checker(today: TestSupport.today).check(paths: [model.path])
        let files = report.files
        let source: @Sendable (String) -> SourceFile? = { files[$0] }
        // Paths relative to the fixture folder, so the files read the same on every machine.
        func relative(_ text: String) -> String { text.replacingOccurrences(of: folder.path + "/", with: "") }

        let danish = TextRenderer(language: .danish, useColor: false, source: source).render(report.diagnostics, fileCount: report.fileCount)
        try TestSupport.assertGolden(relative(danish), file: folder.appendingPathComponent(name + ".txt"))
        let english = TextRenderer(language: .english, useColor: false, source: source).render(report.diagnostics, fileCount: report.fileCount)
        try TestSupport.assertGolden(relative(english), file: folder.appendingPathComponent(name + ".en.txt"))
        let json = JSONRenderer(language: .danish, source: source).render(report.diagnostics, fileCount: report.fileCount)
        try TestSupport.assertGolden(relative(json), file: folder.appendingPathComponent(name + ".json"))
    }

    @Test("Five independent mistakes give five errors, each at its own line, in one run")
    func fiveMistakes() throws {
        let model = TestSupport.fixtures.appendingPathComponent("diagnostics/fem-fejl.pt")
        let errors = Checker(today: TestSupport.today).check(paths: [model.path]).diagnostics.filter { $0.severity == .error }
        let file = SourceFile(path: model.path, text: try String(contentsOf: model, encoding: .utf8))
        let lines = errors.map { file.location(of: $0.range.start).line }
        #expect(errors.map(\.code) == ["PT008", "PT201", "PT009", "PT003", "PT202"])
        #expect(lines == [4, 16, 22, 24, 25])
    }
}
