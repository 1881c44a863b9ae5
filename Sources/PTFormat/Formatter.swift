import PTSource
import PTSyntax

/// What `programteori fmt` may change besides layout.
public struct FormatOptions: Sendable, Equatable {
    /// Keep every keyword and fixed value (`frekvens: aarlig`, `leads to:`) as the author spelled
    /// it instead of writing the Danish keyword with æøå.
    public var keepKeywords: Bool

    public init(keepKeywords: Bool = false) {
        self.keepKeywords = keepKeywords
    }
}

/// Why a file was not formatted.
public enum FormatError: Error, Equatable, Sendable {
    /// A line the syntax tree does not account for (only possible in a file with syntax
    /// errors, which the formatter must not be given): formatting would lose it.
    case unplacedLine(Int)
}

/// A syntax tree and its comments → the file in the one canonical layout (docs/fmt-og-diff.md):
/// two spaces per level, Danish keywords, properties in canonical order, one blank line between
/// top-level elements, `D1, D2` list spacing, every comment kept beside the line it describes.
///
/// Give it only trees whose file parsed without errors; the result then parses to the same
/// model, and formatting it again changes nothing.
public enum Formatter {
    public static func format(_ tree: SyntaxTree, options: FormatOptions = FormatOptions()) throws(FormatError) -> String {
        var layout = Layout(tree: tree, spelling: Spelling(file: tree.file, keepKeywords: options.keepKeywords))
        layout.build()
        try layout.placeComments()
        return layout.render()
    }
}

/// One comment line and where it stood.
struct PlacedComment {
    let line: Int
    let text: String
    /// A blank line stood right above it in the source.
    let blankBefore: Bool
}

/// The file as a small tree of output nodes, each remembering the source lines it came from.
struct Layout {
    enum Kind { case header, element, indicator, property, include, chain }

    struct Node {
        let kind: Kind
        /// First and last source line of the node's block.
        let line: Int
        let lastLine: Int
        /// The node's own output lines, indentation relative to the node (0 for the first).
        var body: [(indent: Int, text: String)] = []
        var children: [Int] = []
        var parent: Int?
        var leading: [PlacedComment] = []
        var trailing: [PlacedComment] = []

        var holdsChildren: Bool { kind == .header || kind == .element || kind == .indicator }
    }

    let tree: SyntaxTree
    let spelling: Spelling
    let lines: SourceLines
    var nodes: [Node] = []
    var topLevel: [Int] = []
    var fileTrailing: [PlacedComment] = []
    /// Source line → the node that starts on it.
    var nodeStarting: [Int: Int] = [:]
    /// Source line inside a multi-line text → the property that owns it.
    var textOwner: [Int: Int] = [:]

    init(tree: SyntaxTree, spelling: Spelling) {
        self.tree = tree
        self.spelling = spelling
        self.lines = SourceLines(tree.file)
    }

    private func line(of offset: Int) -> Int { tree.file.line(containing: offset) }

    private func lastLine(of range: SourceRange) -> Int { line(of: max(range.start, range.end - 1)) }

    // MARK: - Building

    mutating func build() {
        if let header = tree.header { topLevel.append(addElement(header, kind: .header, parent: nil)) }
        for item in tree.items {
            switch item {
            case .element(let element):
                topLevel.append(addElement(element, kind: .element, parent: nil))
            case .include(let include):
                let text = spelling.includeKeyword(include) + ": " + include.path
                topLevel.append(add(Node(kind: .include, line: line(of: include.range.start), lastLine: line(of: include.range.start),
                                         body: [(0, text)])))
            case .chain(let chain):
                let text = chain.ids.map(\.name).joined(separator: " -> ")
                topLevel.append(add(Node(kind: .chain, line: line(of: chain.range.start), lastLine: line(of: chain.range.start),
                                         body: [(0, text)])))
            }
        }
    }

    private mutating func add(_ node: Node) -> Int {
        let index = nodes.count
        nodes.append(node)
        nodeStarting[node.line] = index
        return index
    }

    private mutating func addElement(_ element: ElementSyntax, kind: Kind, parent: Int?) -> Int {
        let idPart = element.id.map { " " + $0.name } ?? ""
        let text = spelling.elementKeyword(element) + idPart + ": " + element.title
        var node = Node(kind: kind, line: line(of: element.range.start), lastLine: lastLine(of: element.blockRange), body: [(0, text)])
        node.parent = parent
        let index = add(node)
        var children: [Int] = []
        for property in CanonicalOrder.sorted(element.properties, in: element.kind) {
            children.append(addProperty(property, parent: index))
        }
        for indicator in element.indicators {
            children.append(addElement(indicator, kind: .indicator, parent: index))
        }
        nodes[index].children = children
        return index
    }

    private mutating func addProperty(_ property: PropertySyntax, parent: Int) -> Int {
        let first = line(of: property.keyRange.start)
        let last = lastLine(of: property.range)
        let keyword = spelling.propertyKeyword(property)
        var node = Node(kind: .property, line: first, lastLine: last)
        node.parent = parent
        if last > first, case .text = property.value {
            // Multi-line text: the lines under the key keep their indentation relative to each
            // other (the text is what the author wrote, blank lines and comments included).
            node.body = [(0, keyword + ":")]
            let textLines = (first + 1)...last
            let common = textLines.filter { lines[$0].form == .code }.map { lines[$0].indent }.min() ?? 0
            var started = false
            for number in textLines {
                let source = lines[number]
                switch source.form {
                case .blank:
                    if started { node.body.append((0, "")) }
                case .comment:
                    node.body.append((2 + max(0, source.indent - common), source.text))
                case .code:
                    started = true
                    node.body.append((2 + source.indent - common, source.text))
                }
            }
        } else {
            node.body = [(0, keyword + ": " + spelling.value(property))]
        }
        let index = add(node)
        if last > first {
            for number in (first + 1)...last { textOwner[number] = index }
        }
        return index
    }

    // MARK: - Comments

    /// A comment belongs to the line below it, so it moves with that line when properties are
    /// put in order. A comment indented deeper than the line below it closes the block above
    /// it instead (it stays at the end of that block). Comments inside a multi-line text stay
    /// inside the text.
    mutating func placeComments() throws(FormatError) {
        for number in 1...max(1, lines.count) where lines[number].form == .code {
            if nodeStarting[number] == nil, textOwner[number] == nil { throw .unplacedLine(number) }
        }
        for comment in tree.comments where textOwner[comment.line] == nil {
            let placed = PlacedComment(line: comment.line, text: lines[comment.line].text,
                                       blankBefore: lines.isBlank(comment.line - 1))
            let indent = lines[comment.line].indent
            let next = lines.nextCode(after: comment.line)
            if let next, let node = nodeStarting[next], indent == 0 || lines[next].indent >= indent {
                nodes[node].leading.append(placed)
            } else if let block = enclosingBlock(before: comment.line, indent: indent) {
                nodes[block].trailing.append(placed)
            } else if let next, let node = nodeStarting[next] {
                nodes[node].leading.append(placed)
            } else {
                fileTrailing.append(placed)
            }
        }
    }

    /// The innermost element block, above `line`, that a comment indented `indent` columns
    /// stands inside.
    private func enclosingBlock(before line: Int, indent: Int) -> Int? {
        guard let previous = lines.previousCode(before: line) else { return nil }
        var node = nodeStarting[previous] ?? textOwner[previous]
        while let current = node {
            if nodes[current].holdsChildren, lines[nodes[current].line].indent < indent { return current }
            node = nodes[current].parent
        }
        return nil
    }

    // MARK: - Rendering

    func render() -> String {
        var out: [String] = []
        var previous: Kind?
        for index in topLevel {
            let node = nodes[index]
            if let previous {
                // `brug:` lines and chains stand together as the author grouped them; every other
                // neighbour is set off by one blank line.
                let grouped = previous == node.kind && (node.kind == .include || node.kind == .chain)
                let authorBlank = lines.isBlank((node.leading.first?.line ?? node.line) - 1)
                if !grouped || authorBlank { out.append("") }
            }
            emit(index, indent: 0, into: &out, topLevel: true)
            previous = node.kind
        }
        for (position, comment) in fileTrailing.enumerated() {
            if !out.isEmpty, position == 0 || comment.blankBefore { out.append("") }
            out.append(comment.text)
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func emit(_ index: Int, indent: Int, into out: inout [String], topLevel: Bool) {
        let node = nodes[index]
        let pad = String(repeating: " ", count: indent)
        for (position, comment) in node.leading.enumerated() {
            // Blank lines between comments above a top-level element are kept (one at most):
            // a file's opening comment often stands apart from the first element.
            if topLevel, position > 0, comment.blankBefore { out.append("") }
            out.append(pad + comment.text)
        }
        if topLevel, !node.leading.isEmpty, lines.isBlank(node.line - 1) { out.append("") }
        for (relative, text) in node.body {
            out.append(text.isEmpty ? "" : String(repeating: " ", count: indent + relative) + text)
        }
        for child in node.children {
            emit(child, indent: indent + 2, into: &out, topLevel: false)
        }
        let childPad = String(repeating: " ", count: indent + 2)
        for comment in node.trailing {
            out.append(childPad + comment.text)
        }
    }
}
