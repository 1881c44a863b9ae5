import PTSource

/// Where a range starts and ends, as the review formats count: 1-based lines, columns both in
/// characters (Unicode scalars, as the text and JSON output show them) and in UTF-16 code units
/// (what SARIF counts by default). End columns point just past the last character.
struct ReportSpan: Equatable {
    let start: LineColumn
    let end: LineColumn
    /// False when the file could not be looked up: the span is then line 1, column 1.
    let isKnown: Bool

    init(_ range: SourceRange, source: (String) -> SourceFile?) {
        if let file = source(range.path) {
            self.init(range, in: file)
        } else {
            self.init(unknown: ())
        }
    }

    /// Line 1, column 1: where a finding in a file we cannot read is put.
    init(unknown: Void) {
        let first = LineColumn(line: 1, column: 1, utf16Column: 1)
        self.start = first
        self.end = first
        self.isKnown = false
    }

    init(_ range: SourceRange, in file: SourceFile) {
        let start = file.location(of: range.start)
        var end = file.location(of: range.end)
        // A range that swallows its line break ends at column 1 of the next line; review tools
        // would then mark a line the finding is not on. End it at the end of its last line instead.
        if end.line > start.line, end.column == 1, range.end > range.start {
            end = file.location(of: file.byteRange(ofLine: end.line - 1).upperBound)
        }
        self.start = start
        self.end = end
        self.isKnown = true
    }
}

enum ReportText {
    /// The path as review tools want it: as the user gave it, without a leading `./`.
    static func path(_ path: String) -> String {
        var result = Substring(path)
        while result.hasPrefix("./") {
            result = result.dropFirst(2)
            while result.hasPrefix("/") { result = result.dropFirst() }
        }
        return result.isEmpty ? path : String(result)
    }

    /// One line: line breaks and tabs become spaces (so one finding stays one line).
    static func flattened(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                out.unicodeScalars.append(" ")
                previousWasCR = true
                continue
            case "\n":
                if !previousWasCR { out.unicodeScalars.append(" ") }
            case "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                out.unicodeScalars.append(" ")
            default:
                out.unicodeScalars.append(scalar)
            }
            previousWasCR = false
        }
        return out
    }

    /// `message — hjælp: help`, in the reader's language.
    static func messageWithHelp(_ diagnostic: Diagnostic, language: Language) -> String {
        var text = diagnostic.message.text(in: language)
        if let help = diagnostic.help {
            text += " — \(helpWord(language)): \(help.text(in: language))"
        }
        return text
    }

    static func helpWord(_ language: Language) -> String {
        language == .danish ? "hjælp" : "help"
    }
}
