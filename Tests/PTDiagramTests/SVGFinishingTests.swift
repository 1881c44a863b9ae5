import PTDiagram
import PTGraphviz
import Testing

/// The SVG finishing works on UTF-8 bytes; it must give exactly the bytes the `String` version
/// gave (kept below as `StringFinishing`), for every fixture and for text that only matches at
/// byte level, not at `Character` level.
@Suite("SVG finishing on bytes")
struct SVGFinishingTests {
    /// Graphviz's SVG for a fixture, before finishing.
    static func rawSVG(_ fixture: String, options: DiagramOptions = DiagramOptions()) throws -> (Diagram, String) {
        let diagram = Diagram.build(from: try DiagramTestSupport.fixture(fixture), options: options)
        let svg = try GraphvizRenderer.shared.render(dot: diagram.dot(), format: .svg)
        return (diagram, String(decoding: svg, as: UTF8.self))
    }

    static func expectSame(_ diagram: Diagram, _ svg: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = StringFinishing(diagram: diagram).process(svg)
        let processor = SVGPostProcessor(diagram: diagram)
        #expect(processor.process(svg) == expected, sourceLocation: sourceLocation)
        #expect(processor.process(utf8: Array(svg.utf8)) == Array(expected.utf8), sourceLocation: sourceLocation)
    }

    @Test("Same bytes as the String version, every fixture, theme and view", arguments: DiagramTestSupport.fixtureNames)
    func fixtures(fixture: String) throws {
        for theme in ThemeName.allCases {
            for view in [DiagramView.detailed, .overview] {
                let (diagram, svg) = try Self.rawSVG(fixture, options: DiagramOptions(view: view, theme: theme))
                #expect(svg.contains("&#45;"))
                Self.expectSame(diagram, svg)
            }
        }
    }

    @Test("Same bytes where bytes and Characters disagree: combining marks, prefix marks, CR LF, U+037E")
    func characterEdges() throws {
        let (diagram, svg) = try Self.rawSVG("sprogets-eksempel")
        let edges = [
            "<text>a&#45;\u{301}b</text>",        // a combining mark glues onto the ;
            "<text>\u{600}&#45;b</text>",         // a prefix mark takes the & into its cluster
            "<text>a&#45\u{37E}b</text>",         // GREEK QUESTION MARK is canonically a ;
            "<text>a&#45\u{37E}\u{301}b</text>",
            "<text>&#45;\u{200D}x &#45;\u{903}x &#45;\u{1F600}</text>",
            "&#45;", "&#45", "&#4", "&", "&&#45;;", "é&#45;é",
            "x\r\n<!-- not a comment line -->",    // CR LF is one Character: no line break there
            "<title>\u{301}stays</title>",
            "<!--\u{301} not a comment -->",
            "<!-- two\nlines -->",
            "",
            // Group ids, looked up to give the group a readable title.
            "<g id=\"pt&#45;D1\" class=\"node\">\n<title>D1</title>",
            "<g id=\"pt&#45\u{37E}D1\" class=\"node\">\n<title>D1</title>",
            "<g id=\"pt&#45;D1\u{301}\" class=\"node\">\n<title>D1</title>",
            "<g id=\"pt&#45;D1\"\u{301} x\" class=\"node\">\n<title>D1</title>",
            "<g id=\"\u{600}\"pt&#45;D1\" class=\"node\">\n<title>D1</title>",
            "<g id=\"pt&#45;D1 class=node>\n<title>D1</title>",
            "<g id=\"\u{301}\">\n<title>x</title>",
        ]
        for edge in edges {
            let lines = svg.split(separator: "\n", omittingEmptySubsequences: false)
            // After the root tag, inside the first group (before its <title>), and at the end.
            for position in [8, 12, lines.count] {
                var changed = lines.map(String.init)
                changed.insert(edge, at: min(position, changed.count))
                Self.expectSame(diagram, changed.joined(separator: "\n"))
            }
        }
        Self.expectSame(diagram, svg + "\r")
        Self.expectSame(diagram, "\r\n" + svg)
    }

    @Test("Invalid UTF-8 is repaired as String(decoding:) repairs it")
    func invalidUTF8() throws {
        let (diagram, svg) = try Self.rawSVG("kaeder")
        var bytes = Array(svg.utf8)
        bytes.insert(contentsOf: [0xFF, 0xC3, UInt8(ascii: "&"), 0xE2, 0x82], at: bytes.count / 2)
        let expected = StringFinishing(diagram: diagram).process(String(decoding: bytes, as: UTF8.self))
        #expect(SVGPostProcessor(diagram: diagram).process(utf8: bytes) == Array(expected.utf8))
    }
}

/// The finishing as it was written on `String` (commit e1e0786), as the reference. Every call is
/// the standard library's `Character`-level one (`starts(with:)`, `firstRange(of:)`,
/// `replacing`), as in `PTDiagram`, which does not import Foundation.
private struct StringFinishing {
    let diagram: Diagram

    func process(_ svg: String) -> String {
        let titles = elementTitles()
        var output: [Substring] = []
        var replacements: [String] = []
        var pendingTitle: String?
        var insideComment = false
        var rootDone = false

        let lines = svg.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < lines.count {
            var line = lines[index]
            index += 1
            if insideComment {
                if line.firstRange(of: "-->") != nil { insideComment = false }
                continue
            }
            if line.starts(with: "<!--") {
                if line.firstRange(of: "-->") == nil { insideComment = true }
                continue
            }
            if !rootDone, line.starts(with: "<svg") {
                var tag = String(line)
                while tag.firstRange(of: ">") == nil, index < lines.count {
                    tag += "\n" + lines[index]
                    index += 1
                }
                replacements.append(rootTag(tag))
                output.append(Substring(replacements[replacements.count - 1]))
                rootDone = true
                continue
            }
            if line.starts(with: "<g id=\"") {
                let id = Self.attribute("id", in: line).map(Self.unescapeHyphens)
                pendingTitle = id.flatMap { titles[$0] }
            } else if let title = pendingTitle, line.starts(with: "<title>") {
                replacements.append("<title>" + Escape.xml(title) + "</title>")
                line = Substring(replacements[replacements.count - 1])
                pendingTitle = nil
            } else {
                pendingTitle = nil
            }
            output.append(line)
        }
        return Self.unescapeHyphens(output.joined(separator: "\n"))
    }

    private func rootTag(_ tag: String) -> String {
        guard let close = tag.lastIndex(of: ">") else { return tag }
        var opened = String(tag[..<close])
        if opened.hasSuffix("/") { opened.removeLast() }
        opened += " role=\"img\" aria-labelledby=\"pt-title pt-desc\" class=\"pt-diagram\">"
        return opened
            + "\n<title id=\"pt-title\">" + Escape.xml(diagram.accessibleTitle) + "</title>"
            + "\n<desc id=\"pt-desc\">" + Escape.xml(diagram.accessibleSummary) + "</desc>"
            + "\n" + SVGPostProcessor(diagram: diagram).styleSheet()
    }

    private func elementTitles() -> [String: String] {
        var titles: [String: String] = ["pt-diagram": diagram.accessibleTitle]
        titles["pt-title-block"] = diagram.titleBlock.titleLines.joined(separator: " ")
        for column in diagram.columns {
            titles[column.svgID] = column.heading
            for index in column.ranks.indices {
                titles[DOTEmitter.headingSVGID(column, rankIndex: index)] = column.heading
            }
        }
        for node in diagram.nodes { titles[node.svgID] = node.accessibleTitle }
        for edge in diagram.edges { titles[edge.svgID] = edge.accessibleTitle }
        return titles
    }

    static func attribute(_ name: String, in line: Substring) -> String? {
        guard let start = line.firstRange(of: " \(name)=\"") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func unescapeHyphens(_ text: String) -> String {
        guard text.firstRange(of: "&#45;") != nil else { return text }
        return text.replacing("&#45;", with: "-")
    }
}
