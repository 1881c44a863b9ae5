import Foundation
import PTDiagnostics
import PTFormat
import PTSource
import PTSyntax
import Testing

/// Over every `.pt` file in Tests/ and Models/ that parses: formatting keeps the meaning (the
/// resolved model and the findings of check), keeps every comment, and is idempotent.
@Suite("fmt over every fixture and model")
struct EveryFixtureTests {
    static let files = FormatTestSupport.everyModelFile.filter { path in
        guard let file = try? FormatTestSupport.file(path) else { return false }
        return !Parser.parse(file).diagnostics.contains { $0.severity == .error }
    }

    @Test("There are fixtures to test, and the deliberately broken ones are left out")
    func coverage() {
        #expect(Self.files.count >= 20)
        #expect(Self.files.contains { $0.hasPrefix("Models/") })
        #expect(!Self.files.contains { $0.hasSuffix("fem-fejl.pt") })
    }

    @Test("Meaning, comments and idempotence", arguments: files)
    func formatKeepsMeaning(path: String) throws {
        let file = try FormatTestSupport.file(path)
        let original = String(decoding: file.bytes, as: UTF8.self)
        for options in [FormatOptions(), FormatOptions(keepKeywords: true)] {
            let formatted = try FormatTestSupport.format(file, options: options)
            #expect(FormatTestSupport.meaning(of: formatted, path: file.path) == FormatTestSupport.meaning(of: original, path: file.path),
                    "\(path): the model changed (keepKeywords: \(options.keepKeywords))")
            #expect(FormatTestSupport.comments(formatted) == FormatTestSupport.comments(original), "\(path): comments changed")
            let again = try FormatTestSupport.format(SourceFile(path: file.path, text: formatted), options: options)
            #expect(again == formatted, "\(path): formatting twice changes the text")
            #expect(!formatted.contains("\t"), "\(path): a tab is left")
        }
    }

    @Test("Every model in Models/ is already in the canonical layout")
    func modelsAreCanonical() throws {
        for path in Self.files where path.hasPrefix("Models/") {
            let file = try FormatTestSupport.file(path)
            #expect(try FormatTestSupport.format(file) == String(decoding: file.bytes, as: UTF8.self), "\(path)")
        }
    }
}
