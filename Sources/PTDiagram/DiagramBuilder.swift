import PTModel
import PTSource
import PTSyntax

extension Diagram {
    /// Decides what the diagram of `model` shows. Deterministic: the same model and options
    /// give the same diagram, in source order.
    public static func build(from model: ProgramTheory, options: DiagramOptions = DiagramOptions()) -> Diagram {
        var builder = DiagramBuilder(model: model, options: options)
        return builder.build()
    }
}

private struct LinkKey: Hashable {
    let from: Int
    let to: Int
}

private struct DiagramBuilder {
    let model: ProgramTheory
    let options: DiagramOptions
    let words: DiagramWords
    let visibleKinds: [ElementKind]

    private var usedSVGIDs: Set<String> = []

    init(model: ProgramTheory, options: DiagramOptions) {
        self.model = model
        self.options = options
        self.words = DiagramWords(language: options.language)
        switch options.view {
        case .detailed: visibleKinds = [.targetGroup, .activity, .outcome, .finalOutcome]
        case .overview: visibleKinds = [.targetGroup, .outcome, .finalOutcome]
        }
    }

    mutating func build() -> Diagram {
        let visible = Set(model.elements.filter { visibleKinds.contains($0.kind) }.map(\.index))
        let showMechanisms = options.view == .detailed

        // Mechanisms: badges on what they support, and the band.
        var mechanisms: [MechanismEntry] = []
        var badgeOfMechanism: [Int: String] = [:]
        if showMechanisms {
            for (number, mechanism) in model.elements(of: .mechanism).enumerated() {
                let badge = mechanism.id ?? "(\(number + 1))"
                badgeOfMechanism[mechanism.index] = badge
                mechanisms.append(MechanismEntry(
                    badge: badge, lines: TextWrapper.wrap(mechanism.title, width: options.wrap.mechanism),
                    typeName: mechanism.mechanismType.map(words.mechanismType)))
            }
        }
        var nodeBadges: [Int: [String]] = [:]
        var edgeBadges: [LinkKey: [String]] = [:]
        for support in model.supports {
            guard let badge = badgeOfMechanism[support.mechanism] else { continue }
            switch support.target {
            case .element(let index):
                if !(nodeBadges[index] ?? []).contains(badge) { nodeBadges[index, default: []].append(badge) }
            case .link(let from, let to):
                let key = LinkKey(from: from, to: to)
                if !(edgeBadges[key] ?? []).contains(badge) { edgeBadges[key, default: []].append(badge) }
            }
        }

        // Assumptions, on the arrows they concern.
        var notes: [LinkKey: [AssumptionNote]] = [:]
        var notedAssumptions: Set<[Int]> = []
        for applied in model.assumptionLinks {
            guard notedAssumptions.insert([applied.assumption, applied.from, applied.to]).inserted,
                  model.elements.indices.contains(applied.assumption) else { continue }
            let assumption = model.elements[applied.assumption]
            notes[LinkKey(from: applied.from, to: applied.to), default: []].append(AssumptionNote(
                displayID: assumption.id, critical: assumption.critical == true,
                lines: TextWrapper.wrap(assumption.title, width: options.wrap.assumption)))
        }

        // The `fører til` links that are drawn, once each, in source order.
        var links: [LinkKey] = []
        var seenLinks: Set<LinkKey> = []
        for link in model.links where visible.contains(link.from) && visible.contains(link.to) {
            let key = LinkKey(from: link.from, to: link.to)
            if seenLinks.insert(key).inserted { links.append(key) }
        }

        // Columns.
        var columns: [DiagramColumn] = []
        func addColumn(_ kind: DiagramColumn.Kind, _ elementKind: ElementKind, ranks: [[Element]]) {
            let count = ranks.reduce(0) { $0 + $1.count }
            guard count > 0 else { return }
            columns.append(DiagramColumn(
                kind: kind, svgID: "pt-column-\(kind.rawValue)",
                heading: words.columnHeading(elementKind, count: count),
                ranks: ranks.map { $0.map(\.key) }))
        }
        addColumn(.targetGroups, .targetGroup, ranks: [model.elements(of: .targetGroup)])
        if visibleKinds.contains(.activity) {
            addColumn(.activities, .activity, ranks: [model.elements(of: .activity)])
        }
        addColumn(.outcomes, .outcome, ranks: outcomeRanks(links: links))
        addColumn(.finalOutcomes, .finalOutcome, ranks: [model.elements(of: .finalOutcome)])

        // Nodes, column by column.
        let keyToElement = Dictionary(model.elements.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var nodes: [DiagramNode] = []
        for column in columns {
            for key in column.nodeKeys {
                guard let element = keyToElement[key] else { continue }
                nodes.append(node(for: element, badges: nodeBadges[element.index] ?? [], links: links))
            }
        }

        // Arrows: målgruppe into the next column, then the links.
        var edges: [DiagramEdge] = []
        if let first = columns.first, first.kind == .targetGroups, columns.count > 1 {
            let next = columns[1]
            let entry = next.ranks[0]
            let head = entry[(entry.count - 1) / 2]
            for key in first.nodeKeys {
                guard let element = keyToElement[key] else { continue }
                let target = next.heading.lowercased()
                edges.append(DiagramEdge(
                    kind: .targetGroup, svgID: uniqueSVGID("pt-targetgroup-\(key)"),
                    classes: ["pt-edge", "pt-target-group"], from: key, to: head, headColumn: next.svgID,
                    badges: [], assumptions: [],
                    accessibleTitle: "\(words.kindName(.targetGroup)) \(element.id ?? element.title) → \(target)"))
            }
        }
        var shownInFull: Set<[String]> = []
        for link in links {
            let from = model.elements[link.from]
            let to = model.elements[link.to]
            let badges = edgeBadges[link] ?? []
            // An assumption on several arrows is written out on the first one drawn.
            let linkNotes = (notes[link] ?? []).map { note in
                var note = note
                note.repeatsEarlier = !shownInFull.insert([note.displayID ?? ""] + note.lines).inserted
                return note
            }
            var title = "\(from.displayName) \(words.leadsTo) \(to.displayName)"
            if !badges.isEmpty { title += ". \(words.supportedBy) \(badges.joined(separator: ", "))" }
            for note in linkNotes {
                let kindWord = note.critical ? words.criticalAssumption : words.assumption
                title += ". \(kindWord)\(note.displayID.map { " " + $0 } ?? ""): \(note.lines.joined(separator: " "))"
            }
            let mark = options.changes?.links[DiagramChanges.linkKey(from: from.key, to: to.key)]
            if let mark { title = words.changeMark(mark) + ": " + title }
            var edge = DiagramEdge(
                kind: .leadsTo, svgID: uniqueSVGID("pt-link-\(from.key)-\(to.key)"),
                classes: ["pt-edge", "pt-leads-to"] + (linkNotes.isEmpty ? [] : ["pt-has-assumption"])
                    + (linkNotes.contains(where: \.critical) ? ["pt-critical"] : [])
                    + (mark.map { ["pt-" + $0.rawValue] } ?? []),
                from: from.key, to: to.key, headColumn: nil, badges: badges, assumptions: linkNotes,
                accessibleTitle: title)
            edge.mark = mark
            edges.append(edge)
        }

        // Legend: only what is used.
        var legend: [LegendItem] = columns.map {
            switch $0.kind {
            case .targetGroups: .kind(.targetGroup)
            case .activities: .kind(.activity)
            case .outcomes: .kind(.outcome)
            case .finalOutcomes: .kind(.finalOutcome)
            }
        }
        if edges.contains(where: { $0.kind == .targetGroup }) {
            legend.append(columns[1].kind == .activities ? .targetGroupEdge : .targetGroupEdgeOverview)
        }
        if edges.contains(where: { $0.kind == .leadsTo }) { legend.append(.leadsTo) }
        if nodes.contains(where: { !$0.badges.isEmpty }) || edges.contains(where: { !$0.badges.isEmpty }) {
            legend.append(.mechanism)
        }
        if nodes.contains(where: { $0.details.contains { if case .indicator = $0 { true } else { false } } }) {
            legend.append(.indicator)
            if !options.indicatorStatuses.isEmpty { legend.append(.indicatorStatus) }
        }
        let allNotes = edges.flatMap(\.assumptions)
        if allNotes.contains(where: { !$0.critical }) { legend.append(.assumption) }
        if allNotes.contains(where: \.critical) { legend.append(.criticalAssumption) }
        // The diff diagram explains its marks, and only those it uses.
        for mark in ChangeMark.allCases where nodes.contains(where: { $0.mark == mark }) || edges.contains(where: { $0.mark == mark }) {
            legend.append(.change(mark))
        }

        return Diagram(
            options: options, titleBlock: titleBlock(), columns: columns, nodes: nodes, edges: edges,
            mechanisms: mechanisms, legend: legend,
            accessibleTitle: model.header?.title ?? words.kindName(.programTheory),
            accessibleSummary: summary(columns: columns, mechanisms: mechanisms, notes: allNotes))
    }

    /// Delmål ranks: a delmål stands one rank after the longest chain of delmål leading to it.
    /// Cycles (an error the checker reports) are cut off after as many rounds as there are
    /// delmål, so the ranks stay finite; empty ranks are dropped.
    private func outcomeRanks(links: [LinkKey]) -> [[Element]] {
        let outcomes = model.elements(of: .outcome)
        guard !outcomes.isEmpty else { return [] }
        let isOutcome = Set(outcomes.map(\.index))
        let inner = links.filter { isOutcome.contains($0.from) && isOutcome.contains($0.to) && $0.from != $0.to }
        var depth: [Int: Int] = [:]
        for _ in 0..<outcomes.count {
            var changed = false
            for link in inner {
                let candidate = min((depth[link.from] ?? 0) + 1, outcomes.count - 1)
                if candidate > depth[link.to] ?? 0 {
                    depth[link.to] = candidate
                    changed = true
                }
            }
            if !changed { break }
        }
        var ranks: [[Element]] = Array(repeating: [], count: outcomes.count)
        for outcome in outcomes { ranks[depth[outcome.index] ?? 0].append(outcome) }
        return ranks.filter { !$0.isEmpty }
    }

    private mutating func node(for element: Element, badges: [String], links: [LinkKey]) -> DiagramNode {
        let width = wrapWidth(element.kind)
        var details: [NodeDetail] = []
        var spoken: [String] = []
        switch element.kind {
        case .targetGroup:
            // Details are set smaller than the title (10 pt against 12 pt), so more fits a line.
            let detailWidth = width > 0 ? width * DOTEmitter.nodeSize / DOTEmitter.detailSize : 0
            if options.view == .detailed, !element.characteristics.isEmpty {
                details.append(.bullets(element.characteristics.map { TextWrapper.wrap($0, width: max(detailWidth - 2, 0)) }))
                spoken.append(element.characteristics.joined(separator: "; "))
            }
            if let size = element.size {
                details.append(.field(label: words.size, lines: TextWrapper.wrap("\(words.size): \(size.text)", width: detailWidth)))
                spoken.append("\(words.size): \(size.text)")
            }
            if options.view == .detailed, let scope = element.scope {
                details.append(.field(label: words.scope, lines: TextWrapper.wrap("\(words.scope): \(scope)", width: detailWidth)))
                spoken.append("\(words.scope): \(scope)")
            }
        case .outcome, .finalOutcome:
            if options.showIndicators {
                for indicator in element.indicators {
                    let line = indicatorLine(indicator)
                    details.append(.indicator(line))
                    spoken.append(([indicator.id, indicator.title].compactMap { $0 }.joined(separator: " ")) + (line.values.map { ": " + $0 } ?? "")
                        + (line.status.map { " (\($0.word(danish: options.language == .danish)))" } ?? ""))
                }
            }
        default:
            break
        }
        let targets = links.filter { $0.from == element.index }.map { model.elements[$0.to].displayName }
        var title = "\(words.kindName(element.kind))\(element.id.map { " " + $0 } ?? ""): \(element.title)"
        for part in spoken { title += ". " + part }
        if !targets.isEmpty { title += ". \(words.leadsTo.prefix(1).uppercased() + words.leadsTo.dropFirst()) \(targets.joined(separator: ", "))" }
        if !badges.isEmpty { title += ". \(words.supportedBy) \(badges.joined(separator: ", "))" }

        let mark = options.changes?.elements[element.key]
        if let mark { title = words.changeMark(mark) + ": " + title }
        var node = DiagramNode(
            key: element.key, elementIndex: element.index, kind: element.kind,
            svgID: uniqueSVGID("pt-" + element.key),
            classes: ["pt-element", "pt-" + Self.className(element.kind)] + (mark.map { ["pt-" + $0.rawValue] } ?? []),
            displayID: element.id, titleLines: TextWrapper.wrap(element.title, width: width),
            details: details, badges: badges, accessibleTitle: title, wrapWidth: width)
        node.mark = mark
        return node
    }

    private func indicatorLine(_ indicator: Indicator) -> IndicatorLine {
        var quantities: [Quantity] = []
        if let baseline = indicator.baseline { quantities.append(baseline.quantity) }
        if let target = indicator.target { quantities.append(target.quantity) }
        let unit = words.unitSuffix(indicator.unit, quantities: quantities)
        var values: String?
        switch (indicator.baseline, indicator.target) {
        case let (baseline?, target?):
            values = "\(words.number(baseline.quantity)) → \(words.number(target.quantity))\(unit)"
        case let (nil, target?):
            values = "\(words.targetWord) \(words.number(target.quantity))\(unit)"
        case let (baseline?, nil):
            values = "\(words.baselineWord) \(words.number(baseline.quantity))\(unit)"
        case (nil, nil):
            values = nil
        }
        if let deadline = indicator.target?.deadline, let text = values {
            values = "\(text) \(words.by) \(words.shortDate(deadline))"
        }
        return IndicatorLine(displayID: indicator.id,
                             titleLines: TextWrapper.wrap(indicator.title, width: options.wrap.indicator),
                             values: values, status: indicator.id.flatMap { options.indicatorStatuses[$0] })
    }

    private func wrapWidth(_ kind: ElementKind) -> Int {
        switch kind {
        case .targetGroup: options.wrap.targetGroup
        case .activity: options.wrap.activity
        case .outcome: options.wrap.outcome
        case .finalOutcome: options.wrap.finalOutcome
        case .mechanism: options.wrap.mechanism
        case .assumption: options.wrap.assumption
        case .indicator: options.wrap.indicator
        case .programTheory: options.wrap.title
        }
    }

    static func className(_ kind: ElementKind) -> String {
        switch kind {
        case .programTheory: "program-theory"
        case .targetGroup: "target-group"
        case .finalOutcome: "final-outcome"
        case .outcome: "outcome"
        case .activity: "activity"
        case .mechanism: "mechanism"
        case .indicator: "indicator"
        case .assumption: "assumption"
        }
    }

    /// SVG ids must be unique; a model with a duplicate ID (an error, drawn with `--tving`)
    /// still gets unique ones.
    private mutating func uniqueSVGID(_ base: String) -> String {
        var candidate = base
        var number = 2
        while !usedSVGIDs.insert(candidate).inserted {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }

    private func titleBlock() -> TitleBlock {
        let header = model.header
        let title = header?.title ?? words.kindName(.programTheory)
        let subtitle = [header?.municipality, header?.owner].compactMap { $0 }.joined(separator: " · ")
        var facts: [String] = []
        if let version = header?.version { facts.append("\(words.version) \(version)") }
        if let date = header?.date { facts.append(words.longDate(date)) }
        return TitleBlock(
            titleLines: TextWrapper.wrap(title, width: options.wrap.title),
            subtitleLines: TextWrapper.wrap(subtitle, width: options.wrap.title + 20),
            facts: facts + (options.changes.map { [words.comparedWith($0.comparedWith)] } ?? []),
            status: header?.status, statusText: header?.status.map(words.status),
            viewNote: options.view == .overview ? words.overviewNote : nil)
    }

    private func summary(columns: [DiagramColumn], mechanisms: [MechanismEntry], notes: [AssumptionNote]) -> String {
        let danish = options.language == .danish
        var parts: [String] = []
        for column in columns {
            parts.append("\(column.nodeKeys.count) \(column.heading.lowercased())")
        }
        if !mechanisms.isEmpty {
            parts.append(danish ? "\(mechanisms.count) virksomme mekanismer" : "\(mechanisms.count) mechanisms of change")
        }
        if !notes.isEmpty {
            parts.append(danish ? "\(notes.count) antagelser" : "\(notes.count) assumptions")
        }
        let list = parts.count > 1
            ? parts.dropLast().joined(separator: ", ") + (danish ? " og " : " and ") + parts.last!
            : parts.first ?? ""
        let header = model.header
        var text = (danish ? "Programteori" : "Program theory") + ": " + (header?.title ?? "")
        if let municipality = header?.municipality { text += " (\(municipality))" }
        text += ". "
        text += options.view == .overview
            ? (danish ? "Oversigt med " : "Overview with ")
            : (danish ? "Diagrammet viser " : "The diagram shows ")
        text += list + "."
        let finals = model.elements(of: .finalOutcome)
        if !finals.isEmpty {
            text += " " + words.columnHeading(.finalOutcome, count: finals.count) + ": "
                + finals.map { ($0.id.map { $0 + " " } ?? "") + $0.title }.joined(separator: "; ") + "."
        }
        if let changes = options.changes {
            // The diff diagram says in words what its marks show.
            func count(_ marks: [String: ChangeMark], _ mark: ChangeMark) -> Int { marks.values.filter { $0 == mark }.count }
            let e = changes.elements, l = changes.links
            if danish {
                // Danish adjectives agree: »1 nyt element«, »2 nye«; »1 ny pil«.
                func word(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
                text += " \(words.comparedWith(changes.comparedWith)): elementer \(word(count(e, .added), "nyt", "nye")), "
                    + "\(word(count(e, .changed), "ændret", "ændrede")), \(word(count(e, .removed), "fjernet", "fjernede")); "
                    + "pile \(word(count(l, .added), "ny", "nye")), \(word(count(l, .removed), "fjernet", "fjernede"))."
            } else {
                text += " \(words.comparedWith(changes.comparedWith)): elements \(count(e, .added)) new, \(count(e, .changed)) changed, "
                    + "\(count(e, .removed)) removed; arrows \(count(l, .added)) new, \(count(l, .removed)) removed."
            }
        }
        return text
    }
}
