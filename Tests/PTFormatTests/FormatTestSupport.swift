import Foundation
import PTDiagnostics
import PTFormat
import PTModel
import PTSource
import PTSyntax
import ProgramteoriKit
import Testing

enum FormatTestSupport {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let today = DateValue(year: 2026, month: 11, day: 23)

    static var accept: Bool { ProcessInfo.processInfo.environment["PT_ACCEPT"] == "1" }

    /// Every `.pt` file under Tests/ and Models/, relative to the package root, sorted.
    static var everyModelFile: [String] {
        var found: [String] = []
        for folder in ["Tests", "Models"] {
            let root = packageRoot.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if relative.hasSuffix(".pt") { found.append(folder + "/" + relative) }
            }
        }
        return found.sorted()
    }

    static func file(_ relative: String) throws -> SourceFile {
        let url = packageRoot.appendingPathComponent(relative)
        return SourceFile(path: url.path, bytes: [UInt8](try Data(contentsOf: url)))
    }

    static func format(_ file: SourceFile, options: FormatOptions = FormatOptions()) throws -> String {
        let parsed = Parser.parse(file)
        #expect(!parsed.diagnostics.contains { $0.severity == .error }, "\(file.path) has syntax errors")
        return try Formatter.format(parsed.tree, options: options)
    }

    /// What a model means: the resolved model without source positions, and the findings of
    /// `check` by code and message (the tab warning excepted: removing tabs is fmt's job).
    struct Meaning: Equatable {
        let model: NSDictionary?
        let findings: [String]
    }

    static func meaning(of text: String, path: String) -> Meaning {
        let report = Checker(today: today).check(text: text, path: path)
        let model = report.models.first.flatMap { stripped($0.model) }
        let findings = report.diagnostics.filter { $0.code != "PT002" }.map { "\($0.code) \($0.message.da)" }.sorted()
        return Meaning(model: model, findings: findings)
    }

    static func stripped(_ model: ProgramTheory) -> NSDictionary? {
        guard let data = try? JSONEncoder().encode(model),
              let object = try? JSONSerialization.jsonObject(with: data) else { return nil }
        return withoutRanges(object) as? NSDictionary
    }

    private static let rangeKeys: Set<String> = ["range", "titleRange", "blockRange", "propertyRanges"]

    private static func withoutRanges(_ object: Any) -> Any {
        if let dictionary = object as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, value) in dictionary where !rangeKeys.contains(key) { result[key] = withoutRanges(value) }
            return result as NSDictionary
        }
        if let array = object as? [Any] { return array.map(withoutRanges) as NSArray }
        return object
    }

    /// Comment lines of a text without their indentation, sorted (properties move with their comments).
    static func comments(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.drop { $0 == " " || $0 == "\t" } }
            .filter { $0.hasPrefix("#") }
            .map(String.init).sorted()
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
