import Foundation
import PTFormat
import PTSource
import PTSyntax
import Testing

/// The canonical layout, byte for byte: `rodet.pt` (tabs, English and æøå-free keywords, every
/// property out of order, comments everywhere) formatted both ways. `PT_ACCEPT=1` rewrites.
@Suite("fmt golden files")
struct GoldenFormatTests {
    static let folder = FormatTestSupport.fixtures

    @Test("Canonical layout", arguments: [("rodet", false), ("rodet", true)])
    func golden(name: String, keep: Bool) throws {
        let url = Self.folder.appendingPathComponent(name + ".pt")
        let file = SourceFile(path: url.path, bytes: [UInt8](try Data(contentsOf: url)))
        let formatted = try FormatTestSupport.format(file, options: FormatOptions(keepKeywords: keep))
        try FormatTestSupport.assertGolden(formatted, file: Self.folder.appendingPathComponent(name + (keep ? ".behold" : "") + ".ud.pt"))
    }

    @Test("A comment travels with the property below it when properties are put in order")
    func commentMovesWithProperty() throws {
        let text = """
            programteori: T
            delmål D1: Møder op
              indikator D1.1: Fremmøde
                frekvens: månedlig
                # fra fagsystemet
                enhed: procent

            """
        let formatted = try FormatTestSupport.format(SourceFile(path: "t.pt", text: text))
        #expect(formatted.contains("    # fra fagsystemet\n    enhed: procent\n    frekvens: månedlig\n"))
    }

    @Test("A comment at the end of a block stays in the block; one above an element stays above it")
    func trailingAndLeading() throws {
        let text = """
            programteori: T
            aktivitet A1: Mentor
              fører til: D1
              # slut på A1
            # om A2
            aktivitet A2: Praktik

            """
        let formatted = try FormatTestSupport.format(SourceFile(path: "t.pt", text: text))
        #expect(formatted == """
            programteori: T

            aktivitet A1: Mentor
              fører til: D1
              # slut på A1

            # om A2
            aktivitet A2: Praktik

            """)
    }

    @Test("A suppression still silences its finding after formatting")
    func suppressionKept() throws {
        let url = Self.folder.appendingPathComponent("rodet.pt")
        let file = SourceFile(path: url.path, bytes: [UInt8](try Data(contentsOf: url)))
        let formatted = try FormatTestSupport.format(file)
        let meaning = FormatTestSupport.meaning(of: formatted, path: url.path)
        // D1.1 has no baseline but is covered by the suppression; D2.1 is not.
        #expect(meaning.findings.filter { $0.hasPrefix("PT116") } == ["PT116 indikator D2.1 under D2 har ingen baseline"])
        #expect(!meaning.findings.contains { $0.hasPrefix("PT023") })
    }

    @Test("Tabs become spaces; lists get one space after each comma")
    func tabsAndLists() throws {
        let text = "programteori: T\naktivitet A1: Mentor\n\tfører til:D1,D2 ,  S1\n"
        let formatted = try FormatTestSupport.format(SourceFile(path: "t.pt", text: text))
        #expect(formatted == "programteori: T\n\naktivitet A1: Mentor\n  fører til: D1, D2, S1\n")
    }

    @Test("A combining mark right after the blank before a title is kept, and formatting it again changes nothing")
    func combiningMarkAfterBlank() throws {
        // A space followed by U+0301 is one Character; it used to be trimmed as a blank, mark and all.
        let text = "programteori: T\n\nmålgruppe MG: \u{301}Unge\n"
        let formatted = try FormatTestSupport.format(SourceFile(path: "t.pt", text: text))
        #expect(formatted.unicodeScalars.contains("\u{301}"), "\(Array(formatted.unicodeScalars))")
        #expect(FormatTestSupport.meaning(of: formatted, path: "t.pt") == FormatTestSupport.meaning(of: text, path: "t.pt"))
        #expect(try FormatTestSupport.format(SourceFile(path: "t.pt", text: formatted)) == formatted)
    }

    @Test("Multi-line text keeps its inner indentation and blank lines; line endings become \\n")
    func multiLineText() throws {
        let text = "programteori: T\r\n  beskrivelse:\r\n      a\r\n        b\r\n\r\n      c\r\n"
        let formatted = try FormatTestSupport.format(SourceFile(path: "t.pt", text: text))
        #expect(formatted == "programteori: T\n  beskrivelse:\n    a\n      b\n\n    c\n")
    }
}
