import Foundation
import PTSource

/// The `--format json` contract that review pipelines build on (documented in
/// docs/json-format.md). Keys may be added; existing keys keep their meaning.
public struct JSONReport: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public let file: String
        public let line: Int
        public let column: Int
        public let endLine: Int
        public let endColumn: Int
        public let severity: Severity
        public let code: String
        public let name: String
        public let message: String
        public let help: String?
        public let notes: [Note]
    }

    public struct Note: Codable, Sendable, Equatable {
        public let file: String
        public let line: Int
        public let column: Int
        public let message: String
    }

    public struct Summary: Codable, Sendable, Equatable {
        public let files: Int
        public let errors: Int
        public let warnings: Int
        public let infos: Int
    }

    public let diagnostics: [Entry]
    public let summary: Summary
}

public struct JSONRenderer: Sendable {
    public let language: Language
    public let source: @Sendable (String) -> SourceFile?

    public init(language: Language, source: @escaping @Sendable (String) -> SourceFile?) {
        self.language = language
        self.source = source
    }

    public func report(_ diagnostics: [Diagnostic], fileCount: Int) -> JSONReport {
        let entries = diagnostics.map { diagnostic -> JSONReport.Entry in
            let (start, end) = locations(of: diagnostic.range)
            return JSONReport.Entry(
                file: diagnostic.range.path, line: start.line, column: start.column,
                endLine: end.line, endColumn: end.column, severity: diagnostic.severity,
                code: diagnostic.code, name: diagnostic.name,
                message: diagnostic.message.text(in: language),
                help: diagnostic.help?.text(in: language),
                notes: diagnostic.notes.map { note in
                    let (at, _) = locations(of: note.range)
                    return JSONReport.Note(file: note.range.path, line: at.line, column: at.column,
                                           message: note.message.text(in: language))
                })
        }
        return JSONReport(
            diagnostics: entries,
            summary: .init(files: fileCount, errors: diagnostics.errorCount,
                           warnings: diagnostics.warningCount, infos: diagnostics.infoCount))
    }

    /// Pretty, key-sorted JSON: the same findings always give the same bytes.
    public func render(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report(diagnostics, fileCount: fileCount))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func locations(of range: SourceRange) -> (LineColumn, LineColumn) {
        guard let file = source(range.path) else {
            let unknown = LineColumn(line: 1, column: 1, utf16Column: 1)
            return (unknown, unknown)
        }
        return (file.location(of: range.start), file.location(of: range.end))
    }
}
