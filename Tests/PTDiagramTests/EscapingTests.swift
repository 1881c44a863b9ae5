import PTDiagram
import Testing

@Suite("Escaping user text for DOT, HTML-like labels and SVG")
struct EscapingTests {
    @Test("Quoted DOT strings: backslashes doubled (so \\N and \\G stay text), quotes escaped")
    func dotQuoted() {
        #expect(Escape.dotQuoted(#"C:\Nordic "x" \G"#) == #"C:\\Nordic \"x\" \\G"#)
        #expect(Escape.dotQuoted("{a|b} [c] <d>") == "{a|b} [c] <d>")
        #expect(Escape.dotQuoted(#"ends with \"#) == #"ends with \\"#)
    }

    @Test("HTML-like labels: & < > \" as entities, backslashes doubled")
    func htmlLabel() {
        #expect(Escape.htmlLabelText("<b>Fed</b> & \"x\"") == "&lt;b&gt;Fed&lt;/b&gt; &amp; &quot;x&quot;")
        #expect(Escape.htmlLabelText("&amp; &#92;N") == "&amp;amp; &amp;#92;N")
        #expect(Escape.htmlLabelText(#"\N \G \L"#) == #"\\N \\G \\L"#)
    }

    @Test("Control characters become spaces; æøå, emoji and RTL pass through")
    func sanitize() {
        #expect(Escape.sanitize("a\tb\nc\u{0}d\u{85}e\u{FFFE}") == "a b c d e ")
        #expect(Escape.sanitize("æøå 🎉 עברית") == "æøå 🎉 עברית")
        #expect(Escape.htmlLabelText("a\u{1B}[31m") == "a [31m")
    }

    @Test("SVG text: XML entities, backslashes kept")
    func xml() {
        #expect(Escape.xml(#"<a href="x">&\N</a>"#) == #"&lt;a href=&quot;x&quot;&gt;&amp;\N&lt;/a&gt;"#)
    }

    @Test("The label kind is chosen by type, never guessed from the text")
    func typedLabels() {
        // A plain label that looks like HTML stays a quoted string.
        #expect(DOTLabel.plain("<b>x</b>").dot == "\"<b>x</b>\"")
        // Text put into an HTML label is always escaped.
        #expect(DOTLabel.html(.text("<b>x</b>")).dot == "<&lt;b&gt;x&lt;/b&gt;>")
    }
}
