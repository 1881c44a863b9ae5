import PTDiagram
import PTGraphviz
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
        #expect(Escape.htmlLabelText("[x] ]") == "[x&#93; &#93;")
    }

    /// Graphviz 2.43 lost a `]` that ended a run of label text: a title of just `]` vanished
    /// from its box and turned up glued to the next text, with no error.
    @Test("A title of just ] stays in its own box", arguments: ["]", "]]", "a]", "x [1]"])
    func closingBracket(title: String) throws {
        let cell = Escape.htmlLabelText(title)
        let dot = "digraph { node [shape=plain]; a [label=<<TABLE><TR><TD>\(cell)</TD></TR><TR><TD>next</TD></TR></TABLE>>]; }"
        let rendering = try GraphvizRenderer.shared.render(dot: dot, formats: [.svg])
        #expect(rendering.warnings.isEmpty)
        let svg = String(decoding: try #require(rendering[.svg]), as: UTF8.self)
        #expect(svg.contains(">\(title)</text>"))
        #expect(svg.contains(">next</text>"))
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
