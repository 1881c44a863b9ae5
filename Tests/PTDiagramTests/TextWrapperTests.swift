import PTDiagram
import Testing

@Suite("Wrapping text at a measured width")
struct TextWrapperTests {
    @Test("Breaks at whitespace and never exceeds the width")
    func breaksAtWhitespace() {
        let lines = TextWrapper.wrap("Den unge møder stabilt op til aftaler og giver besked ved fravær", width: 20)
        #expect(lines == ["Den unge møder", "stabilt op til", "aftaler og giver", "besked ved fravær"])
        #expect(lines.allSatisfy { TextWrapper.displayWidth($0) <= 20 })
    }

    @Test("A word exactly as wide as the line fits; runs of whitespace collapse")
    func exactFitAndWhitespace() {
        #expect(TextWrapper.wrap("abcde fghij", width: 5) == ["abcde", "fghij"])
        #expect(TextWrapper.wrap("  a \t  b\n c  ", width: 80) == ["a b c"])
        #expect(TextWrapper.wrap("   ", width: 10) == [])
        #expect(TextWrapper.wrap("", width: 10) == [])
    }

    @Test("A combining mark written after a blank is kept, not dropped with the blank (found by the property tests)")
    func combiningMarkAfterBlank() {
        let text = "praktik \u{301}start for"
        let lines = TextWrapper.wrap(text, width: 80)
        #expect(lines.joined(separator: " ").unicodeScalars.contains("\u{301}"))
        #expect(lines == [text])
        // The blank with its mark is a character of the word, not a place to break; cut, the
        // mark stays on its blank.
        #expect(TextWrapper.wrap(text, width: 8) == ["praktik \u{301}", "start", "for"])
    }

    @Test("A word longer than the line is cut between characters")
    func longWordIsCut() {
        let lines = TextWrapper.wrap("ab Uafbrudtordudenmellemrum cd", width: 8)
        #expect(lines == ["ab", "Uafbrudt", "ordudenm", "ellemrum", "cd"])
    }

    @Test("Counts graphemes: æøå, combining marks and emoji sequences count once")
    func graphemes() {
        #expect(TextWrapper.displayWidth("æøå") == 3)
        #expect(TextWrapper.displayWidth("a\u{30A}") == 1)  // a + combining ring = å
        #expect(TextWrapper.displayWidth("👩‍👩‍👧‍👦") == 2)  // one grapheme, shown as a wide picture
        #expect(TextWrapper.displayWidth("🇩🇰") == 2)
        #expect(TextWrapper.wrap("å\u{30A}b", width: 1).count == 2)
    }

    @Test("East Asian wide characters take two columns")
    func wideCharacters() {
        #expect(TextWrapper.displayWidth("中文") == 4)
        #expect(TextWrapper.displayWidth("ｶﾀｶﾅ") == 4)  // half-width katakana are narrow
        #expect(TextWrapper.wrap("日本語のテキスト", width: 6) == ["日本語", "のテキ", "スト"])
    }

    @Test("Right-to-left text wraps in logical order, untouched")
    func rightToLeft() {
        let lines = TextWrapper.wrap("עברית מימין לשמאל", width: 11)
        #expect(lines == ["עברית מימין", "לשמאל"])
    }

    @Test("Width 0 means no wrapping")
    func noWrap() {
        #expect(TextWrapper.wrap("en  lang linje uden ombrydning", width: 0) == ["en lang linje uden ombrydning"])
    }

    @Test("Truncation ends with an ellipsis inside the width")
    func truncate() {
        #expect(TextWrapper.truncate("Den unge møder stabilt op", width: 10) == "Den unge…")
        #expect(TextWrapper.truncate("kort", width: 10) == "kort")
    }
}
