import PTModel
import PTSyntax

/// Writes a `Diagram` as DOT for Graphviz's `dot` engine.
///
/// Layout, in Graphviz terms:
/// - `rankdir=LR`; every rank is a `rank=same` group topped by a heading node, so columns read
///   målgruppe → aktiviteter → delmål → slutmål from left to right. The headings are chained
///   by heavy invisible edges: that fixes the order of the ranks (an activity that leads
///   nowhere yet still stands in its column) and keeps the headings on one line.
/// - Order within a rank follows the source: a chain of invisible edges through the rank's
///   nodes, with `remincross=false` so the final crossing-reduction pass cannot undo it.
///   Inside a cluster Graphviz 2.43 stacks such a chain bottom-up, and every rank is inside
///   the title cluster, so the chain runs from the last node to the heading (tests check the
///   order in the laid-out output).
/// - Only the entry rank — the activities, or in the overview the first delmål — is a cluster
///   (a shaded band), so the målgruppe's arrow can end at the band: one arrow for "the target
///   group takes part in the activities". Other ranks are not clustered on purpose: an arrow
///   from an activity to a later delmål must be free to pass between the delmål of the ranks it
///   crosses; around a cluster it would loop the long way. Nothing crosses the entry rank.
/// - The title block is the label of an outer, borderless cluster; the mechanism band and the
///   legend are the graph's own label, at the bottom.
///
/// Shapes tell the kinds apart without colour: målgruppe a thick square border, aktivitet
/// rounded corners, delmål a thin square border, slutmål a double border.
public struct DOTEmitter: Sendable {
    public let diagram: Diagram
    public let theme: Theme
    /// The longest ID (element or indicator) in each node's column, in columns, by node key:
    /// read once here instead of once per node.
    private let longestIDInColumn: [String: Int]

    public init(diagram: Diagram) {
        self.diagram = diagram
        self.theme = diagram.options.theme.theme
        self.longestIDInColumn = Self.longestIDs(diagram)
    }

    private var options: DiagramOptions { diagram.options }
    private var font: String { Escape.dotQuoted(options.fontName) }

    // Font sizes, in points.
    static let titleSize = 22
    static let subtitleSize = 13
    static let headingSize = 14
    static let nodeSize = 12
    static let idSize = 11
    static let detailSize = 10
    static let badgeSize = 9
    static let bandSize = 11
    /// One font size and weight a diagram draws text in.
    public struct FontStyle: Sendable, Equatable {
        public let size: Int
        public let bold: Bool
    }
    /// Every font size and weight the diagrams use, the most used first: the layout worker loads
    /// them in this order while it waits for its first diagram (ProgramteoriKit's
    /// `LayoutWorker.warmUp`), and stops when the diagram arrives.
    public static let fontsByUse: [FontStyle] = {
        let first = [(nodeSize, false), (detailSize, false), (idSize, true), (bandSize, false), (headingSize, true),
                     (badgeSize, true), (detailSize, true), (nodeSize, true), (subtitleSize, false), (titleSize, true)]
            .map { FontStyle(size: $0.0, bold: $0.1) }
        let every = [titleSize, headingSize, subtitleSize, nodeSize, idSize, bandSize, detailSize, badgeSize]
            .flatMap { [FontStyle(size: $0, bold: false), FontStyle(size: $0, bold: true)] }
        return every.reduce(into: first) { list, style in if !list.contains(style) { list.append(style) } }
    }()
    /// DejaVu Sans: advance of Danish text, in ems. Measured with Graphviz on the titles of
    /// Models/: 0.49–0.59, mean 0.52; a wrapped line is rarely wider than 0.56 per character.
    static let averageCharacterWidth = 0.56
    /// DejaVu Sans Bold capitals and digits, as in IDs.
    static let boldCharacterWidth = 0.72

    public func emit() -> String {
        var out = "digraph \"programteori\" {\n"
        out += "  graph [rankdir=LR, compound=true, remincross=false, newrank=false, splines=spline,\n"
        out += "         outputorder=edgesfirst, nodesep=0.22, ranksep=0.45, pad=0.3,\n"
        out += "         fontname=\"\(font)\", fontsize=\(Self.bandSize), fontcolor=\"\(theme.text.light)\",\n"
        out += "         bgcolor=\"\(theme.background.light)\", id=\"pt-diagram\", class=\"pt-graph\"\(bandLabel())];\n"
        out += "  node [fontname=\"\(font)\", fontsize=\(Self.nodeSize), fontcolor=\"\(theme.text.light)\", shape=box, style=filled, margin=\"0.10,0.06\"];\n"
        out += "  edge [fontname=\"\(font)\", fontsize=\(Self.detailSize), fontcolor=\"\(theme.text.light)\", color=\"\(theme.edge.light)\", arrowsize=0.8, penwidth=1.3];\n"

        out += "  subgraph \"cluster_frame\" {\n"
        out += "    id=\"pt-title-block\"; class=\"pt-title-block\"; peripheries=0; margin=12;\n"
        out += "    labelloc=t; labeljust=l; label=\(DOTLabel.html(Self.rowPerLine(titleBlockLabel(), indent: "      ")).dot);\n"
        out += emitColumns()
        if diagram.columns.isEmpty {
            // An empty cluster is dropped by Graphviz, title and all: say so instead.
            let words = DiagramWords(language: options.language)
            out += "    \"_empty\" [id=\"pt-empty\", class=\"pt-empty\", shape=plain, style=\"\", fontcolor=\"\(theme.muted.light)\", label=\(DOTLabel.html(.text(words.emptyModel)).dot)];\n"
        }
        out += "  }\n"

        out += headingEdges()
        for edge in diagram.edges {
            out += "  " + emitEdge(edge) + "\n"
        }
        out += "}\n"
        return out
    }

    // MARK: Columns and nodes

    /// The DOT node name of a rank's heading: `_heading_3` can never clash with an element key
    /// (written IDs start with a letter, generated keys with `_` and a kind name).
    public static func headingKey(rank: Int) -> String { "_heading_\(rank)" }

    /// `pt-column-activities-heading`; with several delmål ranks `pt-column-outcomes-heading-2`.
    public static func headingSVGID(_ column: DiagramColumn, rankIndex: Int) -> String {
        column.ranks.count > 1 ? "\(column.svgID)-heading-\(rankIndex + 1)" : "\(column.svgID)-heading"
    }

    private func emitColumns() -> String {
        var out = ""
        var rankNumber = 0
        // The entry rank: the first rank after the målgruppe column (the activities, or in the
        // overview the first delmål). No arrow can pass it, so it is safe as a cluster.
        let entry = diagram.columns.firstIndex { $0.kind != .targetGroups }
        for (columnIndex, column) in diagram.columns.enumerated() {
            let clustered = columnIndex == entry
            if clustered {
                out += "    subgraph \"cluster_\(column.kind.rawValue)\" {\n"
                out += "      id=\"\(column.svgID)\"; class=\"pt-column pt-column-\(column.kind.rawValue)\"; label=\"\";\n"
                out += "      style=\"filled,rounded\"; fillcolor=\"\(theme.columnFill.light)\"; color=\"\(theme.columnBorder.light)\"; penwidth=1; margin=10;\n"
            }
            for (index, rank) in column.ranks.enumerated() {
                let inBand = clustered && index == 0
                let indent = inBand ? "      " : "    "
                let heading = Self.headingKey(rank: rankNumber)
                out += indent + "{ rank=same;\n"
                out += indent + "  " + emitHeading(column, rankIndex: index, key: heading, inBand: inBand) + "\n"
                for key in rank {
                    guard let node = diagram.node(key: key) else { continue }
                    out += indent + "  " + emitNode(node) + "\n"
                }
                // Bottom-up inside the title cluster: see the type's description.
                out += indent + "  " + ([heading] + rank).reversed().map(quoted).joined(separator: " -> ") + " [style=invis];\n"
                out += indent + "}\n"
                if inBand { out += "    }\n" }
                rankNumber += 1
            }
        }
        return out
    }

    private func emitHeading(_ column: DiagramColumn, rankIndex: Int, key: String, inBand: Bool) -> String {
        let width = columnWidth(column)
        var attributes: [(String, String)] = [
            ("id", quoted(Self.headingSVGID(column, rankIndex: rankIndex))),
            ("class", quoted("pt-heading")),
            ("style", quoted("filled,rounded")),
            ("fillcolor", quoted(theme.columnFill.light)),
            ("color", quoted(inBand ? theme.columnFill.light : theme.columnBorder.light)),
            ("penwidth", "1"),
            ("fontsize", String(Self.headingSize)),
            ("fontcolor", quoted(theme.columnText.light)),
            ("height", "0.4"),
        ]
        if let width { attributes.append(("width", number(width / 72))) }
        attributes.append(("label", DOTLabel.html(HTMLMarkup(raw: "<B>") + .text(column.heading) + HTMLMarkup(raw: "</B>")).dot))
        return quoted(key) + " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];"
    }

    /// The width of a column's boxes, in points, or nil when text is not wrapped.
    private func columnWidth(_ column: DiagramColumn) -> Double? {
        guard let first = column.nodeKeys.first.flatMap(diagram.node(key:)) else { return nil }
        let widths = cellWidths(first)
        guard let text = widths.text else { return nil }
        // Cells, their padding, and the node's margin (0.10 in on each side).
        return Double(widths.id + text + 8) + 14.4
    }

    /// Minimum widths of the ID cell and the text cell, in points: the ID cell fits the
    /// longest ID in the node's column (element and indicator IDs), the text cell the wrap
    /// width. Text wider than estimated only makes its own box a little wider.
    private func cellWidths(_ node: DiagramNode) -> (id: Int, text: Int?) {
        let longest = longestIDInColumn[node.key] ?? Self.longestID(in: node)
        let id = Int((Double(max(longest, 1)) * Self.boldCharacterWidth * Double(Self.idSize)).rounded(.up)) + 4
        let text = node.wrapWidth > 0
            ? Int((Double(node.wrapWidth) * Self.averageCharacterWidth * Double(Self.nodeSize)).rounded(.up))
            : nil
        return (id, text)
    }

    /// For every node in a column, the longest ID in the first column that holds it.
    private static func longestIDs(_ diagram: Diagram) -> [String: Int] {
        var nodes: [String: DiagramNode] = [:]
        for node in diagram.nodes where nodes[node.key] == nil { nodes[node.key] = node }
        var longest: [String: Int] = [:]
        for column in diagram.columns {
            let width = column.nodeKeys.reduce(0) { max($0, nodes[$1].map(longestID(in:)) ?? 0) }
            for key in column.nodeKeys where longest[key] == nil { longest[key] = width }
        }
        return longest
    }

    /// The longest of a node's own ID and its indicators' IDs, in columns.
    private static func longestID(in node: DiagramNode) -> Int {
        var longest = TextWrapper.displayWidth(node.displayID ?? "")
        for detail in node.details {
            if case .indicator(let indicator) = detail {
                longest = max(longest, TextWrapper.displayWidth(indicator.displayID ?? ""))
            }
        }
        return longest
    }

    private func colors(_ kind: ElementKind) -> KindColors {
        switch kind {
        case .targetGroup: theme.targetGroup
        case .activity: theme.activity
        case .finalOutcome: theme.finalOutcome
        default: theme.outcome
        }
    }

    private func emitNode(_ node: DiagramNode) -> String {
        let kindColors = colors(node.kind)
        var attributes: [(String, String)] = [
            ("id", quoted(node.svgID)),
            ("class", quoted(node.classes.joined(separator: " "))),
            ("fillcolor", quoted(kindColors.fill.light)),
            ("color", quoted(kindColors.border.light)),
        ]
        switch node.kind {
        case .targetGroup:
            attributes.append(("penwidth", number(theme.lineWidth * 2.4)))
        case .activity:
            attributes.append(("style", quoted("rounded,filled")))
            attributes.append(("penwidth", number(theme.lineWidth)))
        case .finalOutcome:
            attributes.append(("peripheries", "2"))
            attributes.append(("penwidth", number(theme.lineWidth * 1.2)))
        default:
            attributes.append(("penwidth", number(theme.lineWidth)))
        }
        var labelColors = kindColors
        if let mark = node.mark {
            // Diff diagram: a coloured, heavier border for new and changed boxes; a removed box
            // keeps its shape but is faded and dashed.
            let markColor = color(of: mark)
            set(&attributes, "color", quoted(markColor))
            switch mark {
            case .added, .changed:
                set(&attributes, "penwidth", number(theme.lineWidth * (node.kind == .targetGroup ? 2.4 : 2.2)))
            case .removed:
                set(&attributes, "fillcolor", quoted(theme.background.light))
                set(&attributes, "fontcolor", quoted(markColor))
                set(&attributes, "style", quoted(node.kind == .activity ? "rounded,filled,dashed" : "filled,dashed"))
                labelColors = KindColors(fill: ThemeColor(theme.background.light, theme.background.dark),
                                         border: theme.removed, accent: theme.removed)
            }
        }
        attributes.append(("label", DOTLabel.html(Self.rowPerLine(nodeLabel(node, colors: labelColors), indent: "          ")).dot))
        return quoted(node.key) + " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];"
    }

    private func nodeLabel(_ node: DiagramNode, colors kindColors: KindColors) -> HTMLMarkup {
        var rows: [HTMLMarkup] = []
        if let mark = node.mark {
            let word = DiagramWords(language: options.language).changeMark(mark).uppercased()
            rows.append(HTMLMarkup(raw: "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(Self.badgeSize)\" COLOR=\"\(color(of: mark))\"><B>")
                + .text(word) + HTMLMarkup(raw: "</B></FONT></TD></TR>"))
        }
        // Both cells get a minimum width shared by the whole column, so its boxes line up.
        let widths = cellWidths(node)
        let idCell = HTMLMarkup(raw: "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\" WIDTH=\"\(widths.id)\">")
            + (node.displayID.map {
                HTMLMarkup(raw: "<FONT POINT-SIZE=\"\(Self.idSize)\" COLOR=\"\(kindColors.accent.light)\"><B>")
                    + .text($0) + HTMLMarkup(raw: "</B></FONT>")
            } ?? .empty) + HTMLMarkup(raw: "</TD>")
        let titleText: HTMLMarkup = node.kind == .finalOutcome || node.kind == .targetGroup
            ? HTMLMarkup(raw: "<B>") + lines(node.titleLines) + HTMLMarkup(raw: "</B>")
            : lines(node.titleLines)
        let textWidth = widths.text.map { " WIDTH=\"\($0)\"" } ?? ""
        rows.append(HTMLMarkup(raw: "<TR>") + idCell
            + HTMLMarkup(raw: "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"\(textWidth)>") + titleText + HTMLMarkup(raw: "</TD></TR>"))
        if !node.badges.isEmpty {
            rows.append(HTMLMarkup(raw: "<TR><TD COLSPAN=\"2\" HEIGHT=\"2\"></TD></TR><TR>") + badgeStrip(node.badges, columns: 2) + HTMLMarkup(raw: "</TR>"))
        }

        var detailRows: [HTMLMarkup] = []
        var indicatorRows: [HTMLMarkup] = []
        for detail in node.details {
            switch detail {
            case .bullets(let items):
                for item in items {
                    detailRows.append(HTMLMarkup(raw: "<TR><TD ALIGN=\"RIGHT\" VALIGN=\"TOP\"><FONT POINT-SIZE=\"\(Self.detailSize)\">•</FONT></TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(Self.detailSize)\">")
                        + lines(item) + HTMLMarkup(raw: "</FONT></TD></TR>"))
                }
            case .field(let label, let value):
                // The label, in the muted colour, starts the first line.
                var text = lines(value)
                if let first = value.first, first.hasPrefix(label + ":") {
                    text = HTMLMarkup(raw: "<FONT COLOR=\"\(theme.muted.light)\">") + .text(label + ":") + HTMLMarkup(raw: "</FONT>")
                        + lines([String(first.dropFirst(label.count + 1))] + value.dropFirst())
                }
                detailRows.append(HTMLMarkup(raw: "<TR><TD></TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(Self.detailSize)\">")
                    + text + HTMLMarkup(raw: "</FONT></TD></TR>"))
            case .indicator(let indicator):
                var cell = HTMLMarkup(raw: "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(Self.detailSize)\">") + lines(indicator.titleLines)
                let accent = indicator.status?.color ?? kindColors.accent.light
                if let values = indicator.values {
                    if !indicator.titleLines.isEmpty { cell += HTMLMarkup(raw: "<BR/>") }
                    cell += HTMLMarkup(raw: "<FONT COLOR=\"\(accent)\"><B>") + .text(values) + HTMLMarkup(raw: "</B></FONT>")
                }
                if let status = indicator.status {
                    cell += HTMLMarkup(raw: indicator.values == nil && indicator.titleLines.isEmpty ? "" : "<BR/>")
                        + HTMLMarkup(raw: "<FONT COLOR=\"\(status.color)\"><B>") + .text("● " + status.word(danish: diagram.options.language == .danish)) + HTMLMarkup(raw: "</B></FONT>")
                }
                cell += HTMLMarkup(raw: "</FONT></TD>")
                let id = HTMLMarkup(raw: "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><FONT POINT-SIZE=\"\(Self.detailSize)\" COLOR=\"\(accent)\"><B>")
                    + .text(indicator.displayID ?? "•") + HTMLMarkup(raw: "</B></FONT></TD>")
                indicatorRows.append(HTMLMarkup(raw: "<TR>") + id + cell + HTMLMarkup(raw: "</TR>"))
            }
        }
        var markup = HTMLMarkup(raw: "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">")
        for row in rows { markup += row }
        if !detailRows.isEmpty {
            markup += HTMLMarkup(raw: "<HR/>")
            for row in detailRows { markup += row }
        }
        if !indicatorRows.isEmpty {
            markup += HTMLMarkup(raw: "<HR/>")
            markup += indicatorRows.joined(separator: HTMLMarkup(raw: "<TR><TD COLSPAN=\"2\" HEIGHT=\"3\"></TD></TR>"))
        }
        markup += HTMLMarkup(raw: "</TABLE>")
        return markup
    }

    /// Wrapped lines, each ended by a left-aligned break except the last.
    private func lines(_ lines: [String]) -> HTMLMarkup {
        HTMLMarkup(raw: lines.map(Escape.htmlLabelText).joined(separator: "<BR/>"))
    }

    /// The mechanisms behind a box or an arrow, as one strip: `M1 · M4`. (Graphviz 2.43 stretches
    /// nested cells to the width of their column, so separate chips would not stay small.)
    private func badgeStrip(_ names: [String], columns: Int = 1) -> HTMLMarkup {
        HTMLMarkup(raw: "<TD\(columns > 1 ? " COLSPAN=\"\(columns)\"" : "") ALIGN=\"LEFT\" BGCOLOR=\"\(theme.badgeFill.light)\" CELLPADDING=\"2\"><FONT POINT-SIZE=\"\(Self.badgeSize)\" COLOR=\"\(theme.badgeText.light)\"><B>")
            + .text(names.joined(separator: " · ")) + HTMLMarkup(raw: "</B></FONT></TD>")
    }

    private func badge(_ name: String) -> HTMLMarkup {
        badgeStrip([name])
    }

    // MARK: Edges

    /// Heading to heading, left to right: the order of the ranks, and one straight line.
    private func headingEdges() -> String {
        let count = diagram.columns.reduce(0) { $0 + $1.ranks.count }
        guard count > 1 else { return "" }
        return "  " + (0..<count).map { quoted(Self.headingKey(rank: $0)) }.joined(separator: " -> ") + " [style=invis, weight=1000];\n"
    }

    private func emitEdge(_ edge: DiagramEdge) -> String {
        var attributes: [(String, String)] = [
            ("id", quoted(edge.svgID)),
            ("class", quoted(edge.classes.joined(separator: " "))),
        ]
        switch edge.kind {
        case .targetGroup:
            attributes.append(("color", quoted(theme.targetGroup.border.light)))
            attributes.append(("penwidth", number(3)))
            attributes.append(("arrowsize", number(1)))
            // Pulls the målgruppe level with the middle of the activity column.
            attributes.append(("weight", "10"))
            if let column = edge.headColumn, let kind = diagram.columns.first(where: { $0.svgID == column })?.kind {
                attributes.append(("lhead", quoted("cluster_\(kind.rawValue)")))
            }
        case .leadsTo:
            if edge.assumptions.contains(where: \.critical) {
                attributes.append(("penwidth", number(2)))
            }
            switch edge.mark {
            case .added?, .changed?:
                attributes.append(("color", quoted(color(of: edge.mark!))))
                set(&attributes, "penwidth", number(2.6))
            case .removed?:
                attributes.append(("color", quoted(theme.removed.light)))
                attributes.append(("style", quoted("dashed")))
            case nil:
                break
            }
        }
        if !edge.badges.isEmpty || !edge.assumptions.isEmpty {
            // `decorate` underlines the label and joins it to its arrow: on a long arrow the
            // label stands in the middle rank, and without the line it seems to float.
            attributes.append(("decorate", "true"))
            attributes.append(("label", DOTLabel.html(Self.rowPerLine(edgeLabel(edge), indent: "      ")).dot))
        }
        return quoted(edge.from) + " -> " + quoted(edge.to) + " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];"
    }

    private func edgeLabel(_ edge: DiagramEdge) -> HTMLMarkup {
        var markup = HTMLMarkup(raw: "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\">")
        if !edge.badges.isEmpty {
            markup += HTMLMarkup(raw: "<TR>") + badgeStrip(edge.badges) + HTMLMarkup(raw: "</TR>")
        }
        for note in edge.assumptions {
            markup += HTMLMarkup(raw: "<TR><TD ALIGN=\"LEFT\">") + assumptionNote(note) + HTMLMarkup(raw: "</TD></TR>")
        }
        return markup + HTMLMarkup(raw: "</TABLE>")
    }

    private func assumptionNote(_ note: AssumptionNote) -> HTMLMarkup {
        let words = DiagramWords(language: options.language)
        let border = note.critical ? theme.critical.light : theme.assumptionBorder.light
        let style = note.critical ? "rounded" : "dashed"
        let heading = note.critical
            ? "\(words.criticalMark) \(words.criticalAssumption)\(note.displayID.map { " " + $0 } ?? "")"
            : "\(words.assumption)\(note.displayID.map { " " + $0 } ?? "")"
        let headingColor = note.critical ? theme.critical.light : theme.muted.light
        let table = HTMLMarkup(raw: "<TABLE BORDER=\"\(note.critical ? 2 : 1)\" STYLE=\"\(style)\" COLOR=\"\(border)\" BGCOLOR=\"\(theme.assumptionFill.light)\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">")
            + HTMLMarkup(raw: "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(Self.badgeSize)\" COLOR=\"\(headingColor)\"><B>") + .text(heading)
            + HTMLMarkup(raw: "</B></FONT></TD></TR>")
        // A repeat shows only the heading: the text stands on the assumption's first arrow.
        guard !note.repeatsEarlier else { return table + HTMLMarkup(raw: "</TABLE>") }
        return table + HTMLMarkup(raw: "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(Self.detailSize)\">")
            + lines(note.lines) + HTMLMarkup(raw: "</FONT></TD></TR></TABLE>")
    }

    // MARK: Title block, band and legend

    private func titleBlockLabel() -> HTMLMarkup {
        let block = diagram.titleBlock
        var markup = HTMLMarkup(raw: "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">")
        markup += HTMLMarkup(raw: "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(Self.titleSize)\"><B>")
            + lines(block.titleLines) + HTMLMarkup(raw: "</B></FONT></TD></TR>")
        if !block.subtitleLines.isEmpty {
            markup += HTMLMarkup(raw: "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(Self.subtitleSize)\" COLOR=\"\(theme.muted.light)\">")
                + lines(block.subtitleLines) + HTMLMarkup(raw: "</FONT></TD></TR>")
        }
        // One line of facts; view and status stand out in bold colour (no chips: Graphviz 2.43
        // would stretch them to the width of the title).
        var parts: [HTMLMarkup] = block.facts.map { HTMLMarkup.text($0) }
        if let status = block.status, let text = block.statusText {
            let color = status == .draft ? theme.draftText.light : theme.approvedText.light
            parts.append(HTMLMarkup(raw: "<FONT COLOR=\"\(color)\"><B>") + .text(text.uppercased()) + HTMLMarkup(raw: "</B></FONT>"))
        }
        if let note = block.viewNote {
            parts.append(HTMLMarkup(raw: "<FONT COLOR=\"\(theme.columnText.light)\"><B>") + .text(note.uppercased()) + HTMLMarkup(raw: "</B></FONT>"))
        }
        if !parts.isEmpty {
            markup += HTMLMarkup(raw: "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(Self.subtitleSize)\" COLOR=\"\(theme.muted.light)\">")
                + parts.joined(separator: HTMLMarkup.text(" · ")) + HTMLMarkup(raw: "</FONT></TD></TR>")
        }
        markup += HTMLMarkup(raw: "<TR><TD HEIGHT=\"6\"></TD></TR></TABLE>")
        return markup
    }

    /// The band under the diagram: the mechanisms (full text, with their badges) and the
    /// legend, side by side. One flat table: Graphviz 2.43 stretches a nested table to the
    /// height of its row, which would pull the shorter of two side-by-side lists apart.
    private func bandLabel() -> String {
        let words = DiagramWords(language: options.language)
        let mechanisms = diagram.mechanisms
        let legend = diagram.legend
        guard !mechanisms.isEmpty || !legend.isEmpty else { return "" }

        // Mechanisms run down one column, or two when there are more than four.
        let perRow = mechanisms.count > 4 ? 2 : 1
        let mechanismRows = mechanisms.isEmpty ? 0 : (mechanisms.count + perRow - 1) / perRow
        let mechanismColumns = mechanisms.isEmpty ? 0 : perRow * 2 + (perRow - 1)
        let rows = max(mechanismRows, legend.count)
        let fill = theme.columnFill.light

        var markup = HTMLMarkup(raw: "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\">")
        markup += HTMLMarkup(raw: "<TR><TD HEIGHT=\"14\"></TD></TR><TR>")
        if !mechanisms.isEmpty {
            markup += bandHeading(words.mechanismsHeading, columns: mechanismColumns, fill: fill)
            if !legend.isEmpty { markup += HTMLMarkup(raw: "<TD WIDTH=\"28\"></TD>") }
        }
        if !legend.isEmpty { markup += bandHeading(words.legendHeading, columns: 2, fill: nil) }
        markup += HTMLMarkup(raw: "</TR>")

        for row in 0..<rows {
            markup += HTMLMarkup(raw: "<TR>")
            if !mechanisms.isEmpty {
                for column in 0..<perRow {
                    if column > 0 { markup += HTMLMarkup(raw: "<TD BGCOLOR=\"\(fill)\" WIDTH=\"12\"></TD>") }
                    // Column-major: M1–M4 down the left column, M5–M8 down the right.
                    let index = column * mechanismRows + row
                    guard row < mechanismRows, index < mechanisms.count else {
                        markup += HTMLMarkup(raw: "<TD BGCOLOR=\"\(fill)\"></TD><TD BGCOLOR=\"\(fill)\"></TD>")
                        continue
                    }
                    let entry = mechanisms[index]
                    markup += HTMLMarkup(raw: "<TD BGCOLOR=\"\(fill)\" ALIGN=\"LEFT\" VALIGN=\"TOP\">") + badgeTable(entry.badge) + HTMLMarkup(raw: "</TD>")
                    var text = HTMLMarkup(raw: "<TD BGCOLOR=\"\(fill)\" ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(Self.bandSize)\">") + lines(entry.lines)
                    if let type = entry.typeName {
                        text += HTMLMarkup(raw: "<BR/><FONT POINT-SIZE=\"\(Self.detailSize)\" COLOR=\"\(theme.muted.light)\">") + .text(type) + HTMLMarkup(raw: "</FONT>")
                    }
                    markup += text + HTMLMarkup(raw: "</FONT></TD>")
                }
                if !legend.isEmpty { markup += HTMLMarkup(raw: "<TD></TD>") }
            }
            if row < legend.count {
                let item = legend[row]
                // Samples keep one fixed size, except the mechanism's: it shows the model's
                // first badge, which has a fixed size of its own that may be wider.
                let fixed = item == .mechanism ? "" : "FIXEDSIZE=\"TRUE\" "
                markup += HTMLMarkup(raw: "<TD \(fixed)WIDTH=\"36\" HEIGHT=\"22\" CELLPADDING=\"2\">") + legendSample(item)
                    + HTMLMarkup(raw: "</TD><TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><FONT POINT-SIZE=\"\(Self.bandSize)\">") + .text(words.legendText(item))
                    + HTMLMarkup(raw: "</FONT></TD>")
            } else if !legend.isEmpty {
                markup += HTMLMarkup(raw: "<TD></TD><TD></TD>")
            }
            markup += HTMLMarkup(raw: "</TR>")
        }
        markup += HTMLMarkup(raw: "</TABLE>")
        return ", labelloc=b, labeljust=l, label=" + DOTLabel.html(Self.rowPerLine(markup, indent: "           ")).dot
    }

    private func bandHeading(_ text: String, columns: Int, fill: String?) -> HTMLMarkup {
        HTMLMarkup(raw: "<TD COLSPAN=\"\(columns)\" ALIGN=\"LEFT\"\(fill.map { " BGCOLOR=\"\($0)\"" } ?? "")><FONT POINT-SIZE=\"\(Self.headingSize)\" COLOR=\"\(theme.columnText.light)\"><B>")
            + .text(text) + HTMLMarkup(raw: "</B></FONT></TD>")
    }

    /// A badge that keeps its own size: a fixed cell in a table of its own.
    private func badgeTable(_ name: String) -> HTMLMarkup {
        // Fixed, so the badge keeps its own size in the flat band table; a fixed cell must fit
        // its text, so the width is the font's bound, never an estimate.
        let width = Int(FontMetrics.boldWidthBound(name, pointSize: Double(Self.badgeSize)).rounded(.up)) + 8
        return HTMLMarkup(raw: "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"\(width)\" HEIGHT=\"16\" BGCOLOR=\"\(theme.badgeFill.light)\"><FONT POINT-SIZE=\"\(Self.badgeSize)\" COLOR=\"\(theme.badgeText.light)\"><B>")
            + .text(name) + HTMLMarkup(raw: "</B></FONT></TD></TR></TABLE>")
    }

    private func legendSample(_ item: LegendItem) -> HTMLMarkup {
        switch item {
        case .kind(let kind):
            let kindColors = colors(kind)
            let box = "BGCOLOR=\"\(kindColors.fill.light)\" COLOR=\"\(kindColors.border.light)\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\""
            let cell = "<TR><TD></TD></TR>"
            switch kind {
            case .targetGroup:
                return HTMLMarkup(raw: "<TABLE BORDER=\"3\" \(box)>\(cell)</TABLE>")
            case .activity:
                return HTMLMarkup(raw: "<TABLE BORDER=\"1\" STYLE=\"rounded\" \(box)>\(cell)</TABLE>")
            case .finalOutcome:
                return HTMLMarkup(raw: "<TABLE BORDER=\"1\" COLOR=\"\(kindColors.border.light)\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\"><TR><TD><TABLE BORDER=\"1\" \(box)>\(cell)</TABLE></TD></TR></TABLE>")
            default:
                return HTMLMarkup(raw: "<TABLE BORDER=\"1\" \(box)>\(cell)</TABLE>")
            }
        case .leadsTo:
            return HTMLMarkup(raw: "<FONT POINT-SIZE=\"\(Self.bandSize)\" COLOR=\"\(theme.edge.light)\">") + .text("──▶") + HTMLMarkup(raw: "</FONT>")
        case .targetGroupEdge, .targetGroupEdgeOverview:
            return HTMLMarkup(raw: "<FONT POINT-SIZE=\"\(Self.bandSize)\" COLOR=\"\(theme.targetGroup.border.light)\"><B>") + .text("━━▶") + HTMLMarkup(raw: "</B></FONT>")
        case .mechanism:
            // The model's own shortest badge (the first of equals), so a long ID does not
            // stretch the legend.
            let badge = diagram.mechanisms.map(\.badge).min { TextWrapper.displayWidth($0) < TextWrapper.displayWidth($1) }
            return badgeTable(badge ?? "M1")
        case .indicator:
            return HTMLMarkup(raw: "<FONT POINT-SIZE=\"\(Self.detailSize)\" COLOR=\"\(theme.outcome.accent.light)\"><B>") + .text("D1.1") + HTMLMarkup(raw: "</B></FONT>")
        case .indicatorStatus:
            // Four bold dots at the badge size: at the detail size they overflow the sample's
            // fixed 36-point cell, and Graphviz warns ("cell size too small for content").
            return IndicatorMark.allCases.map { HTMLMarkup(raw: "<FONT POINT-SIZE=\"\(Self.badgeSize)\" COLOR=\"\($0.color)\"><B>") + .text("●") + HTMLMarkup(raw: "</B></FONT>") }
                .joined(separator: HTMLMarkup(raw: ""))
        case .assumption:
            return HTMLMarkup(raw: "<TABLE BORDER=\"1\" STYLE=\"dashed\" COLOR=\"\(theme.assumptionBorder.light)\" BGCOLOR=\"\(theme.assumptionFill.light)\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD><FONT POINT-SIZE=\"\(Self.badgeSize)\" COLOR=\"\(theme.muted.light)\">")
                + .text("AN") + HTMLMarkup(raw: "</FONT></TD></TR></TABLE>")
        case .change(let mark):
            let kindColors = colors(.activity)
            let border = mark == .removed ? 1 : 3
            let style = mark == .removed ? " STYLE=\"dashed\"" : ""
            let fill = mark == .removed ? theme.background.light : kindColors.fill.light
            return HTMLMarkup(raw: "<TABLE BORDER=\"\(border)\"\(style) BGCOLOR=\"\(fill)\" COLOR=\"\(color(of: mark))\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD></TD></TR></TABLE>")
        case .criticalAssumption:
            return HTMLMarkup(raw: "<TABLE BORDER=\"2\" STYLE=\"rounded\" COLOR=\"\(theme.critical.light)\" BGCOLOR=\"\(theme.assumptionFill.light)\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD><FONT POINT-SIZE=\"\(Self.badgeSize)\" COLOR=\"\(theme.critical.light)\"><B>")
                + .text("⚠") + HTMLMarkup(raw: "</B></FONT></TD></TR></TABLE>")
        }
    }

    // MARK: Helpers

    /// Puts each row of the outermost table on a line of its own, so a change to one line of a
    /// box shows as one changed line in a golden file. Only between the outer table's rows:
    /// Graphviz ignores whitespace there, but not inside a cell.
    static func rowPerLine(_ markup: HTMLMarkup, indent: String) -> HTMLMarkup {
        var text = markup.markup
        return HTMLMarkup(raw: text.withUTF8 { rowPerLine(UTF8Text($0), indent: indent) })
    }

    /// The work, on the markup's bytes. It was written on `Character`s; where bytes and
    /// characters differ (a `<` glued to a prefix mark before it, a `>` extended by a combining
    /// mark after it), the byte version does what the character version did: pass them over.
    private static func rowPerLine(_ text: UTF8Text, indent: String) -> String {
        let bytes = text.bytes
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        let newline = Array(("\n" + indent).utf8)
        var depth = 0
        var rest = 0
        while let open = text.firstCharacter(lt, from: rest) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest..<open]))
            rest = open
            if text.hasPrefix("</TABLE", at: rest) {
                depth -= 1
                if depth == 0 { out += newline }
            } else {
                if text.hasPrefix("<TABLE", at: rest) { depth += 1 }
                if depth == 1, text.hasPrefix("<TR>", at: rest) || text.hasPrefix("<HR/>", at: rest) { out += newline }
            }
            guard let close = text.firstCharacter(gt, from: rest) else { break }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest...close]))
            rest = close + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest...]))
        return String(decoding: out, as: UTF8.self)
    }

    /// The diff diagram's colour for a mark.
    private func color(of mark: ChangeMark) -> String {
        switch mark {
        case .added: theme.added.light
        case .changed: theme.changed.light
        case .removed: theme.removed.light
        }
    }

    /// Replaces an attribute already in the list, or adds it.
    private func set(_ attributes: inout [(String, String)], _ key: String, _ value: String) {
        if let index = attributes.firstIndex(where: { $0.0 == key }) {
            attributes[index].1 = value
        } else {
            attributes.append((key, value))
        }
    }

    private func quoted(_ text: String) -> String {
        "\"" + Escape.dotQuoted(text) + "\""
    }

    /// A number with at most two decimals and no trailing zeros, the same on every platform.
    private func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)" }
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension Array where Element == HTMLMarkup {
    func joined(separator: HTMLMarkup) -> HTMLMarkup {
        HTMLMarkup(raw: map(\.markup).joined(separator: separator.markup))
    }
}

extension Diagram {
    /// The DOT text for this diagram.
    public func dot() -> String {
        DOTEmitter(diagram: self).emit()
    }
}
