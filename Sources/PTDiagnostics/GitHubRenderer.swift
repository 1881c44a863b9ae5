import PTSource

/// Renders findings as GitHub Actions workflow commands (`check --format github`): one line per
/// finding, which the runner turns into an annotation on the file and line in the pull request.
///
/// ```
/// ::error file=model.pt,line=16,col=14,endLine=16,endColumn=16,title=PT201 id.ukendt::ukendt ID »D3« — hjælp: mente du »D2«?
/// ```
///
/// Errors become `::error`, warnings `::warning`, info `::notice`. Columns count characters, as
/// the text and JSON output do; the end column points just past the last character. Notes follow
/// the message on their own lines (`%0A`), as `fil:linje:kolonne: note`.
public struct GitHubRenderer: Sendable {
    public let language: Language
    /// Looks up the file behind a range; a finding in a file we cannot show is put on line 1.
    public let source: @Sendable (String) -> SourceFile?

    public init(language: Language, source: @escaping @Sendable (String) -> SourceFile?) {
        self.language = language
        self.source = source
    }

    /// Every finding, one command per line, each ending in a newline.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            out += render(diagnostic) + "\n"
        }
        return out
    }

    /// One workflow command, without a trailing newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        let span = ReportSpan(diagnostic.range, source: source)
        var properties: [(String, String)] = [
            ("file", ReportText.path(diagnostic.range.path)),
            ("line", String(span.start.line)),
        ]
        if span.isKnown {
            properties += [
                ("col", String(span.start.column)),
                ("endLine", String(span.end.line)),
                ("endColumn", String(span.end.column)),
            ]
        }
        properties.append(("title", "\(diagnostic.code) \(diagnostic.name)"))

        var message = ReportText.messageWithHelp(diagnostic, language: language)
        for note in diagnostic.notes {
            let at = ReportSpan(note.range, source: source)
            let place = at.isKnown ? "\(ReportText.path(note.range.path)):\(at.start.line):\(at.start.column)"
                                   : ReportText.path(note.range.path)
            message += "\n\(place): \(note.message.text(in: language))"
        }

        let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(Self.command(diagnostic.severity)) \(list)::\(Self.escapeData(message))"
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// The message after `::`, escaped as the runner expects (`%`, CR, LF).
    public static func escapeData(_ text: String) -> String {
        text.escaping {
            switch $0 {
            case "%": "%25"
            case "\r": "%0D"
            case "\n": "%0A"
            default: nil
            }
        }
    }

    /// A property value (`file=…`, `title=…`): as data, and also `:` and `,`, which end a value.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).escaping {
            switch $0 {
            case ":": "%3A"
            case ",": "%2C"
            default: nil
            }
        }
    }
}
