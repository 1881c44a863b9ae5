import PTDiagnostics
import PTSource
import Testing

@Suite("Text rendering")
struct TextRendererTests {
    static func render(_ text: String, start: Int, end: Int, language: Language = .danish) -> String {
        let file = SourceFile(path: "m.pt", text: text)
        let diagnostic = Diagnostic(code: "PT201", name: "id.ukendt", severity: .error,
                                    range: SourceRange(path: "m.pt", start: start, end: end),
                                    message: LocalizedText(da: "ukendt ID", en: "unknown ID"),
                                    help: LocalizedText(da: "mente du »D1«?", en: "did you mean »D1«?"))
        return TextRenderer(language: language, useColor: false, source: { _ in file }).render(diagnostic)
    }

    @Test("The caret sits under the span, counting æøå as one column")
    func caret() {
        let text = "delmål D1: x\n  fører til: D9\n"
        let start = Array(text.utf8).count - 3
        #expect(Self.render(text, start: start, end: start + 2) == """
            fejl[PT201]: ukendt ID
             --> m.pt:2:14
              |
            2 |   fører til: D9
              |              ^^
              |
              = hjælp: mente du »D1«?

            """)
    }

    @Test("Emoji take two columns, so the caret stays under the ID")
    func wideCharacters() {
        let text = "delmål 😀 D1: x\n"
        let start = text.utf8.count - 6
        let lines = Self.render(text, start: start, end: start + 2).split(separator: "\n")
        let source = lines[3]
        let caret = lines[4]
        #expect(source.hasSuffix("delmål 😀 D1: x"))
        #expect(caret.hasSuffix("           ^^"))
        #expect(caret.count == "  | ".count + "delmål 😀 ".count + 1 + 2)
    }

    @Test("A very long line is shown as a window around the caret")
    func longLine() {
        let text = String(repeating: "a", count: 5_000) + " D9 " + String(repeating: "b", count: 5_000) + "\n"
        let rendered = Self.render(text, start: 5_001, end: 5_003)
        let lines = rendered.split(separator: "\n")
        #expect(lines[3].count < 120)
        #expect(lines[3].contains("D9"))
        #expect(lines[3].contains("…"))
        let sourceColumn = lines[3].distance(from: lines[3].startIndex, to: lines[3].firstRange(of: "D9")!.lowerBound)
        let caretColumn = lines[4].distance(from: lines[4].startIndex, to: lines[4].firstIndex(of: "^")!)
        #expect(sourceColumn == caretColumn)
    }

    @Test("English labels and summary")
    func english() {
        let rendered = Self.render("D9\n", start: 0, end: 2, language: .english)
        #expect(rendered.hasPrefix("error[PT201]: unknown ID"))
        #expect(rendered.contains("= help: did you mean »D1«?"))
        #expect(TextRenderer(language: .english, useColor: false, source: { _ in nil }).summary([], fileCount: 3) == "No findings in 3 files.")
    }
}
