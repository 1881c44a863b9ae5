import PTDiagnostics
import PTSource
@testable import PTSyntax

/// Parses model text held in the test.
func parse(_ text: String, path: String = "test.pt") -> (tree: SyntaxTree, diagnostics: [Diagnostic]) {
    Parser.parse(SourceFile(path: path, text: text))
}

func parse(bytes: [UInt8], path: String = "test.pt") -> (tree: SyntaxTree, diagnostics: [Diagnostic]) {
    Parser.parse(SourceFile(path: path, bytes: bytes))
}

extension Array where Element == Diagnostic {
    var codes: [String] { map(\.code) }
}

/// 1-based line of a diagnostic in `text`.
func line(of diagnostic: Diagnostic, in text: String) -> Int {
    SourceFile(path: diagnostic.range.path, text: text).location(of: diagnostic.range.start).line
}
