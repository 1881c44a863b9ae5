/// Finishes the SVG that Graphviz wrote for a diagram: accessible, dark-mode aware, clean.
///
/// - The `<svg>` element gets `role="img"`, `aria-labelledby`, a `<title>` (the model's
///   title) and a `<desc>` (what the diagram shows), as screen readers expect.
/// - Every node, arrow and column group keeps its stable `id` and `class` from the DOT and
///   gets a `<title>` a person can read (`Delmål D1: …`) instead of the DOT node name, which is
///   also what a browser shows on hover.
/// - An embedded style sheet recolours the diagram when the viewer prefers a dark colour scheme.
///   Graphviz writes plain `fill`/`stroke` attributes, which stay as they are: they are the
///   light colours and the fallback for viewers without CSS. The rules select by the root's
///   `pt-diagram` class and the attribute value, so they reach every shape inside the element
///   groups, table cells of HTML-like labels included (those carry no class of their own).
/// - Graphviz's comments (node names) go, and `&#45;` becomes `-`, so ids and classes read as
///   written and the file has no `--` anywhere a comment could trip over.
public struct SVGPostProcessor: Sendable {
    public let diagram: Diagram

    public init(diagram: Diagram) {
        self.diagram = diagram
    }

    public func process(_ svg: String) -> String {
        var svg = svg
        return String(decoding: svg.withUTF8(finish), as: UTF8.self)
    }

    /// `process` on the bytes Graphviz wrote: bytes in, bytes out, with no `String` in between
    /// for the bulk of the file. Invalid UTF-8 is repaired first, as `String(decoding:as:)` does.
    public func process(utf8 svg: some Collection<UInt8>) -> [UInt8] {
        var text = String(decoding: svg, as: UTF8.self)
        return text.withUTF8(finish)
    }

    /// The work, on valid UTF-8, one line at a time.
    ///
    /// This is the `String` version it replaced (split on `"\n"`, per-line tests, join,
    /// `replacing("&#45;", with: "-")` over the whole text), done on bytes: same output, byte for
    /// byte. Swift compares `Character`s (grapheme clusters, canonical equivalence), so where a
    /// byte-level match would not be a `Character`-level one — `"\r\n"` is one character, and
    /// `&#45;` followed by a combining mark is not `&#45;` — the byte version checks the
    /// neighbouring scalars (`UTF8Text`). The few lines that need more than a prefix test (comments,
    /// the root tag, group ids) are turned into `String`s and handled exactly as before.
    private func finish(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let titles = elementTitles()
        let text = UTF8Text(input)
        var output: [UInt8] = []
        output.reserveCapacity(input.count + 4096)
        var firstPiece = true
        func emit(_ range: Range<Int>) {
            if !firstPiece { output.append(UInt8(ascii: "\n")) }
            firstPiece = false
            text.appendUnescapingHyphens(range, to: &output)
        }
        func emit(_ string: String) {
            var string = string
            string.withUTF8 { bytes in
                if !firstPiece { output.append(UInt8(ascii: "\n")) }
                firstPiece = false
                UTF8Text(bytes).appendUnescapingHyphens(0..<bytes.count, to: &output)
            }
        }

        var pendingTitle: String?
        var insideComment = false
        var rootDone = false
        let lines = text.lines()
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            // Comments: Graphviz writes one per node and edge, on a line of its own.
            if insideComment {
                if text.contains("-->", line) { insideComment = false }
                continue
            }
            if text.hasPrefix("<!--", line) {
                if !text.contains("-->", line) { insideComment = true }
                continue
            }
            if !rootDone, text.hasPrefix("<svg", line) {
                // The root tag may span lines; collect it whole.
                var tag = text.string(line)
                while !tag.contains(">"), index < lines.count {
                    tag += "\n" + text.string(lines[index])
                    index += 1
                }
                emit(rootTag(tag))
                rootDone = true
                continue
            }
            if text.hasPrefix("<g id=\"", line) {
                pendingTitle = text.groupID(line).flatMap { titles[$0] }
            } else if let title = pendingTitle, text.hasPrefix("<title>", line) {
                emit("<title>" + Escape.xml(title) + "</title>")
                pendingTitle = nil
                continue
            } else {
                pendingTitle = nil
            }
            emit(line)
        }
        return output
    }

    /// `<svg …>` with the accessibility attributes, then the title, description and style.
    private func rootTag(_ tag: String) -> String {
        guard let close = tag.lastIndex(of: ">") else { return tag }
        var opened = String(tag[..<close])
        if opened.hasSuffix("/") { opened.removeLast() }
        opened += " role=\"img\" aria-labelledby=\"pt-title pt-desc\" class=\"pt-diagram\">"
        return opened
            + "\n<title id=\"pt-title\">" + Escape.xml(diagram.accessibleTitle) + "</title>"
            + "\n<desc id=\"pt-desc\">" + Escape.xml(diagram.accessibleSummary) + "</desc>"
            + "\n" + styleSheet()
    }

    /// The dark-mode rules: each light colour of the theme becomes its dark counterpart.
    public func styleSheet() -> String {
        Self.styleSheets[diagram.options.theme]!
    }

    /// Every theme's style sheet, built once per process (every diagram of a batch needs one).
    private static let styleSheets: [ThemeName: String] = Dictionary(uniqueKeysWithValues: ThemeName.allCases.map { name in
        var seen: Set<String> = []
        var rules: [String] = []
        for color in name.theme.allColors where seen.insert(color.light).inserted {
            rules.append(".pt-diagram [fill=\"\(color.light)\"] { fill: \(color.dark); }")
            rules.append(".pt-diagram [stroke=\"\(color.light)\"] { stroke: \(color.dark); }")
        }
        return (name, "<style>\n@media (prefers-color-scheme: dark) {\n" + rules.joined(separator: "\n") + "\n}\n</style>")
    })

    /// What each group's `<title>` says, by SVG id.
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
}

extension Diagram {
    /// The SVG Graphviz wrote, finished: see `SVGPostProcessor`.
    public func finishSVG(_ svg: String) -> String {
        SVGPostProcessor(diagram: self).process(svg)
    }

    /// The same, on the bytes Graphviz wrote.
    public func finishSVG(utf8 svg: some Collection<UInt8>) -> [UInt8] {
        SVGPostProcessor(diagram: self).process(utf8: svg)
    }
}

/// Valid UTF-8 read byte by byte, with the `Character` semantics the finishing relied on when it
/// worked on `String`s.
struct UTF8Text {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The lines, as `split(separator: "\n", omittingEmptySubsequences: false)` on the `String`
    /// gives them: at every line feed except one right after a carriage return (`"\r\n"` is a
    /// single `Character`, and not equal to `"\n"`).
    func lines() -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
            if index > 0, bytes[index - 1] == UInt8(ascii: "\r") { continue }
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<bytes.count)
        return lines
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `line.hasPrefix(prefix)` for an ASCII `prefix`: the bytes match and the prefix's last
    /// character is not extended by what follows (a combining mark would make it another one).
    func hasPrefix(_ prefix: StaticString, _ line: Range<Int>) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard line.count >= count else { return false }
        let pattern = UnsafeBufferPointer(start: prefix.utf8Start, count: count)
        for offset in 0..<count where bytes[line.lowerBound + offset] != pattern[offset] { return false }
        return !extends(Unicode.Scalar(pattern[count - 1]), at: line.lowerBound + count, end: line.upperBound)
    }

    /// `string(line).contains(needle)` for an ASCII `needle`: its bytes, with its first character
    /// not glued to the scalar before it and its last not extended by the one after it.
    func contains(_ needle: StaticString, _ line: Range<Int>) -> Bool {
        let count = needle.utf8CodeUnitCount
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: count)
        var index = line.lowerBound
        while index + count <= line.upperBound {
            var matches = true
            for offset in 0..<count where bytes[index + offset] != pattern[offset] {
                matches = false
                break
            }
            if matches, !gluesToPrevious(pattern[0], at: index, start: line.lowerBound),
               !extends(Unicode.Scalar(pattern[count - 1]), at: index + count, end: line.upperBound) {
                return true
            }
            index += 1
        }
        return false
    }

    /// The first `Character` equal to the ASCII `byte` at or after `start` (before `end`): that
    /// byte, not glued to the scalar before it, and not extended by the one after it.
    func firstCharacter(_ byte: UInt8, from start: Int, end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        var index = start
        while index < end {
            if bytes[index] == byte, !gluesToPrevious(byte, at: index, start: 0),
               !extends(Unicode.Scalar(byte), at: index + 1, end: end) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The `id` of a line that starts `<g id="` (checked by the caller), with `&#45;` unescaped:
    /// `attribute("id", in: line).map(unescapeHyphens)` on the line's bytes.
    func groupID(_ line: Range<Int>) -> String? {
        let start = line.lowerBound + 7  // after `<g id="`, the first match of ` id="`
        guard let close = firstCharacter(UInt8(ascii: "\""), from: start, end: line.upperBound) else { return nil }
        var id: [UInt8] = []
        appendUnescapingHyphens(start..<close, to: &id)
        return String(decoding: id, as: UTF8.self)
    }

    /// `hasPrefix` at `index` for an ASCII `prefix` whose first character starts at `index`.
    func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
        hasPrefix(prefix, index..<bytes.count)
    }

    /// Appends `bytes[range]` with every `&#45;` (a `Character`-level match) turned into `-`.
    ///
    /// `Character`-level means: the `&` starts a character (is not glued to a prefix mark before
    /// it), the terminator is `;` or U+037E GREEK QUESTION MARK (canonically equivalent to `;`, so
    /// `String` comparison matches it), and nothing glues onto the terminator. The edges of
    /// `range` are line breaks or the ends of the text, which always separate characters.
    func appendUnescapingHyphens(_ range: Range<Int>, to output: inout [UInt8]) {
        var copied = range.lowerBound
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            guard bytes[index] == UInt8(ascii: "&") else {
                index += 1
                continue
            }
            if let length = hyphenEntityLength(at: index, end: end),
               !gluesToPrevious(UInt8(ascii: "&"), at: index, start: range.lowerBound) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                output.append(UInt8(ascii: "-"))
                index += length
                copied = index
            } else {
                index += 1
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end]))
    }

    /// The byte length of `&#45;` (5) or `&#45` + U+037E (6) at `index`, if it is one whole
    /// `Character` sequence; nil otherwise.
    private func hyphenEntityLength(at index: Int, end: Int) -> Int? {
        guard end - index >= 5, bytes[index + 1] == UInt8(ascii: "#"), bytes[index + 2] == UInt8(ascii: "4"),
              bytes[index + 3] == UInt8(ascii: "5") else { return nil }
        let terminator: Unicode.Scalar
        let length: Int
        if bytes[index + 4] == UInt8(ascii: ";") {
            terminator = ";"
            length = 5
        } else if end - index >= 6, bytes[index + 4] == 0xCD, bytes[index + 5] == 0xBE {
            terminator = "\u{37E}"
            length = 6
        } else {
            return nil
        }
        return extends(terminator, at: index + length, end: end) ? nil : length
    }

    /// Whether the scalar starting at `index` (before `end`) joins `previous` into one
    /// `Character` (a combining mark, a spacing mark, a zero-width joiner).
    private func extends(_ previous: Unicode.Scalar, at index: Int, end: Int) -> Bool {
        guard index < end, bytes[index] >= 0x80, let next = scalar(at: index, end: end) else { return false }
        return Self.joined(previous, next)
    }

    /// Whether the ASCII `byte` at `index` is glued to the scalar before it (a prefix mark such
    /// as U+0600 ARABIC NUMBER SIGN takes the next character into its cluster).
    private func gluesToPrevious(_ byte: UInt8, at index: Int, start: Int) -> Bool {
        guard index > start, bytes[index - 1] >= 0x80 else { return false }
        var first = index - 1
        while first > start, bytes[first] & 0xC0 == 0x80 { first -= 1 }
        guard let previous = scalar(at: first, end: index) else { return false }
        return Self.joined(previous, Unicode.Scalar(byte))
    }

    private func scalar(at index: Int, end: Int) -> Unicode.Scalar? {
        var iterator = UnsafeBufferPointer(rebasing: bytes[index..<min(end, index + 4)]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// Whether two scalars side by side form one `Character`.
    private static func joined(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        var pair = String()
        pair.unicodeScalars.append(first)
        pair.unicodeScalars.append(second)
        return pair.count == 1
    }
}
