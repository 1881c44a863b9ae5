import PTSource

/// Renders diagnostics the way rustc and ruff do, in the reader's language:
///
/// ```
/// fejl[PT201]: ukendt ID »D3«
///   --> model.pt:16:14
///    |
/// 16 |   fører til: D3
///    |              ^^
///    |
///    = hjælp: mente du »D2«?
/// ```
public struct TextRenderer: Sendable {
    public let language: Language
    public let useColor: Bool
    /// Looks up the file behind a range; a diagnostic for a file we cannot show still renders.
    public let source: @Sendable (String) -> SourceFile?

    /// Source lines longer than this are shown as a window around the caret.
    static let maxSnippetWidth = 100

    public init(language: Language, useColor: Bool, source: @escaping @Sendable (String) -> SourceFile?) {
        self.language = language
        self.useColor = useColor
        self.source = source
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        let label = diagnostic.severity.label(in: language)
        out += paint("\(label)[\(diagnostic.code)]", severityStyle(diagnostic.severity) + Style.bold)
        out += paint(": \(diagnostic.message.text(in: language))", Style.bold) + "\n"

        let file = source(diagnostic.range.path)
        let gutter = gutterWidth(diagnostic, file: file)
        let pad = String(repeating: " ", count: gutter)
        out += snippet(for: diagnostic.range, file: file, gutter: gutter, arrow: "-->", marker: "^",
                       style: severityStyle(diagnostic.severity), label: nil)
        for note in diagnostic.notes {
            let noteFile = source(note.range.path)
            out += snippet(for: note.range, file: noteFile, gutter: gutter, arrow: ":::", marker: "-",
                           style: Style.blue, label: note.message.text(in: language))
        }
        if let help = diagnostic.help {
            let word = language == .danish ? "hjælp" : "help"
            out += "\(pad) " + paint("= \(word):", Style.bold) + " \(help.text(in: language))\n"
        }
        return out
    }

    /// All diagnostics, then one summary line.
    public func render(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        var out = ""
        for diagnostic in diagnostics {
            out += render(diagnostic) + "\n"
        }
        out += summary(diagnostics, fileCount: fileCount) + "\n"
        return out
    }

    public func summary(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        let infos = diagnostics.infoCount
        switch language {
        case .danish:
            let files = fileCount == 1 ? "1 fil" : "\(fileCount) filer"
            if diagnostics.isEmpty { return "Ingen fund i \(files)." }
            var parts: [String] = []
            if errors > 0 { parts.append("\(errors) fejl") }
            if warnings > 0 { parts.append(warnings == 1 ? "1 advarsel" : "\(warnings) advarsler") }
            if infos > 0 { parts.append("\(infos) info") }
            return "Fandt \(joined(parts, and: "og")) i \(files)."
        case .english:
            let files = fileCount == 1 ? "1 file" : "\(fileCount) files"
            if diagnostics.isEmpty { return "No findings in \(files)." }
            var parts: [String] = []
            if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
            if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
            if infos > 0 { parts.append("\(infos) info") }
            return "Found \(joined(parts, and: "and")) in \(files)."
        }
    }

    private func joined(_ parts: [String], and word: String) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " \(word) " + parts.last!
    }

    private func gutterWidth(_ diagnostic: Diagnostic, file: SourceFile?) -> Int {
        var widest = 1
        for range in [diagnostic.range] + diagnostic.notes.map(\.range) {
            if let file = range.path == file?.path ? file : source(range.path) {
                widest = max(widest, String(file.line(containing: range.start)).count)
            }
        }
        return widest
    }

    private func snippet(for range: SourceRange, file: SourceFile?, gutter: Int, arrow: String,
                         marker: Character, style: String, label: String?) -> String {
        let pad = String(repeating: " ", count: gutter)
        guard let file else {
            return "\(pad)" + paint(arrow, Style.blue) + " \(range.path)\n"
        }
        let location = file.location(of: range.start)
        var out = "\(pad)" + paint(arrow, Style.blue) + " \(range.path):\(location.line):\(location.column)\n"
        let bar = paint("|", Style.blue)
        out += "\(pad) \(bar)\n"

        let lineRange = file.byteRange(ofLine: location.line)
        let lineText = String(decoding: file.bytes[lineRange], as: UTF8.self)
        // Caret span in characters: from the start column to the range end (or the line end).
        let endOffset = min(max(range.end, range.start), lineRange.upperBound)
        let endColumn = endOffset > range.start ? file.location(of: endOffset).column : location.column + 1
        let (shown, caretStart, caretLength) = displayLine(lineText, fromColumn: location.column,
                                                            toColumn: max(endColumn, location.column + 1))

        let number = String(location.line)
        let numberPad = String(repeating: " ", count: gutter - number.count)
        out += paint(numberPad + number, Style.blue) + " \(bar) \(shown)\n"
        var markers = String(repeating: " ", count: caretStart) + String(repeating: marker, count: caretLength)
        if let label { markers += " " + label }
        out += "\(pad) \(bar) " + paint(markers, style + Style.bold) + "\n"
        out += "\(pad) \(bar)\n"
        return out
    }

    /// Expands tabs and, for very long lines, cuts a window around the span. Returns the text to
    /// show and the caret's start and length in shown characters.
    private func displayLine(_ line: String, fromColumn: Int, toColumn: Int) -> (String, Int, Int) {
        var characters: [String] = []
        var startIndex = 0
        var endIndex = 0
        var column = 1
        for scalar in line.unicodeScalars {
            if column == fromColumn { startIndex = characters.count }
            if column == toColumn { endIndex = characters.count }
            if scalar == "\t" {
                characters.append(contentsOf: repeatElement(" ", count: 4))
            } else if scalar.properties.generalCategory == .control {
                characters.append("\u{FFFD}")
            } else if Self.isWide(scalar) {
                // Terminals draw emoji and CJK two columns wide; an empty cell keeps the caret under it.
                characters.append(String(scalar))
                characters.append("")
            } else {
                characters.append(String(scalar))
            }
            column += 1
        }
        if column <= fromColumn { startIndex = characters.count }
        if column <= toColumn { endIndex = max(characters.count, startIndex + 1) }
        var length = max(1, endIndex - startIndex)
        let width = Self.maxSnippetWidth
        guard characters.count > width else {
            return (characters.joined(), startIndex, length)
        }
        // Keep the caret inside a window of `width` characters, marked with … on cut sides.
        let windowStart = max(0, min(startIndex - 20, characters.count - width))
        let windowEnd = min(characters.count, windowStart + width)
        let prefix = windowStart > 0 ? "…" : ""
        let suffix = windowEnd < characters.count ? "…" : ""
        let text = prefix + characters[windowStart..<windowEnd].joined() + suffix
        let caretStart = startIndex - windowStart + prefix.count
        length = min(length, windowEnd - startIndex)
        return (text, caretStart, max(1, length))
    }

    /// East Asian wide characters and emoji: two terminal columns.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    private func severityStyle(_ severity: Severity) -> String {
        switch severity {
        case .error: Style.red
        case .warning: Style.yellow
        case .info: Style.cyan
        }
    }

    private func paint(_ text: String, _ style: String) -> String {
        useColor ? style + text + Style.reset : text
    }

    private enum Style {
        static let reset = "\u{1B}[0m"
        static let bold = "\u{1B}[1m"
        static let red = "\u{1B}[31m"
        static let yellow = "\u{1B}[33m"
        static let cyan = "\u{1B}[36m"
        static let blue = "\u{1B}[34m"
    }
}
