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
            // Comments: Graphviz writes one per node and edge, on a line of its own.
            if insideComment {
                if line.contains("-->") { insideComment = false }
                continue
            }
            if line.hasPrefix("<!--") {
                if !line.contains("-->") { insideComment = true }
                continue
            }
            if !rootDone, line.hasPrefix("<svg") {
                // The root tag may span lines; collect it whole.
                var tag = String(line)
                while !tag.contains(">"), index < lines.count {
                    tag += "\n" + lines[index]
                    index += 1
                }
                replacements.append(rootTag(tag))
                output.append(Substring(replacements[replacements.count - 1]))
                rootDone = true
                continue
            }
            if line.hasPrefix("<g id=\"") {
                let id = Self.attribute("id", in: line).map(Self.unescapeHyphens)
                pendingTitle = id.flatMap { titles[$0] }
            } else if let title = pendingTitle, line.hasPrefix("<title>") {
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
        var seen: Set<String> = []
        var rules: [String] = []
        for color in diagram.options.theme.theme.allColors where seen.insert(color.light).inserted {
            rules.append(".pt-diagram [fill=\"\(color.light)\"] { fill: \(color.dark); }")
            rules.append(".pt-diagram [stroke=\"\(color.light)\"] { stroke: \(color.dark); }")
        }
        return "<style>\n@media (prefers-color-scheme: dark) {\n" + rules.joined(separator: "\n") + "\n}\n</style>"
    }

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

    static func attribute(_ name: String, in line: Substring) -> String? {
        guard let start = line.firstRange(of: " \(name)=\"") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func unescapeHyphens(_ text: String) -> String {
        guard text.contains("&#45;") else { return text }
        return text.replacing("&#45;", with: "-")
    }
}

extension Diagram {
    /// The SVG Graphviz wrote, finished: see `SVGPostProcessor`.
    public func finishSVG(_ svg: String) -> String {
        SVGPostProcessor(diagram: self).process(svg)
    }
}
