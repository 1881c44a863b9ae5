import Foundation
import PTDiagnostics
import PTFormat
import PTSource
import PTSyntax

/// What `fmt` did, or would do, with one file.
public struct FormatOutcome: Sendable {
    public enum Result: Sendable {
        /// Already in the canonical layout.
        case unchanged
        /// The canonical text differs from the file (and was written, unless only checking).
        case changed(String)
        /// Not formatted: the file has syntax errors (these diagnostics).
        case refused([Diagnostic])
        /// The file could not be read or written.
        case failed(LocalizedText)
    }

    public let path: String
    public let result: Result
    /// The file as read (for showing diagnostics).
    public let file: SourceFile?
}

/// `programteori fmt`: files and folders → canonical text, written atomically.
public struct ModelFormatting: Sendable {
    public var options: FormatOptions
    public var loader = FileSystemLoader()

    public init(options: FormatOptions = FormatOptions()) {
        self.options = options
    }

    /// The canonical text of `file`, or the syntax errors that stop it from being formatted.
    public func format(_ file: SourceFile) -> Result<String, FormatRefusal> {
        let parsed = Parser.parse(file)
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { return .failure(FormatRefusal(diagnostics: errors)) }
        do {
            return .success(try Formatter.format(parsed.tree, options: options))
        } catch {
            // Only a file with syntax errors can have a line the tree does not hold; say so
            // rather than lose it.
            guard case .unplacedLine(let line) = error else { return .failure(FormatRefusal(diagnostics: [])) }
            let range = file.byteRange(ofLine: line)
            return .failure(FormatRefusal(diagnostics: [Diagnostic(
                SyntaxCode.unknownKeyword, range: SourceRange(path: file.path, start: range.lowerBound, end: range.upperBound),
                message: LocalizedText(da: "fmt kan ikke placere denne linje og rører ikke filen",
                                       en: "fmt cannot place this line and leaves the file alone"),
                help: LocalizedText(da: "ret linjen, så »programteori check« godtager den, og kør fmt igen",
                                    en: "fix the line so that »programteori check« accepts it, and run fmt again"))]))
        }
    }

    /// Formats every `.pt` file in `paths`; writes changed files unless `write` is false.
    public func run(paths: [String], write: Bool) -> (outcomes: [FormatOutcome], failures: [ModelDiscovery.Failure]) {
        let discovered = ModelDiscovery.files(in: paths)
        var outcomes: [FormatOutcome] = []
        for path in discovered.files {
            let file: SourceFile
            switch loader.load(path) {
            case .failure(let failure):
                outcomes.append(FormatOutcome(path: path, result: .failed(failure.message), file: nil))
                continue
            case .success(let loaded):
                file = loaded
            }
            switch format(file) {
            case .failure(let refusal):
                outcomes.append(FormatOutcome(path: path, result: .refused(refusal.diagnostics), file: file))
            case .success(let text):
                if Array(text.utf8) == file.bytes {
                    outcomes.append(FormatOutcome(path: path, result: .unchanged, file: file))
                    continue
                }
                if write {
                    do {
                        try AtomicFile.write(Data(text.utf8), to: path)
                    } catch {
                        outcomes.append(FormatOutcome(path: path, result: .failed(error.message), file: file))
                        continue
                    }
                }
                outcomes.append(FormatOutcome(path: path, result: .changed(text), file: file))
            }
        }
        return (outcomes, discovered.failures)
    }
}

/// The syntax errors that keep a file from being formatted.
public struct FormatRefusal: Error, Sendable {
    public let diagnostics: [Diagnostic]
}
