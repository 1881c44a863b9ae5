import PTModel
import PTSource
import PTSyntax

/// One side of a comparison: a resolved model (nil when the file does not exist on that side)
/// and what `check` found in it.
public struct DiffSide: Sendable {
    public let label: String
    public let model: ProgramTheory?
    public let findings: [Finding]
    /// The side's files had syntax errors.
    public let hasSyntaxErrors: Bool

    public init(label: String, model: ProgramTheory?, findings: [Finding], hasSyntaxErrors: Bool = false) {
        self.label = label
        self.model = model
        self.findings = findings
        self.hasSyntaxErrors = hasSyntaxErrors
    }
}

/// Old model × new model → `TheoryDiff`. Elements are matched by ID (an element without an ID
/// by kind and title), so moving a block changes nothing, and a changed ID is a removal plus an
/// addition — with a hint when the text is the same. Numbers are compared by value (`55,5` is
/// `55.5`), lists and links as sets.
public enum TheoryComparison {
    public static func compare(old: DiffSide, new: DiffSide) -> TheoryDiff {
        let oldModel = old.model ?? empty
        let newModel = new.model ?? empty
        let modelChange: ChangeKind? = old.model == nil && new.model != nil ? .added
            : (old.model != nil && new.model == nil ? .removed : nil)

        let oldOutgoing = outgoingLinks(oldModel)
        let newOutgoing = outgoingLinks(newModel)
        let oldElements = Dictionary(oldModel.elements.map { (identity($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newIdentities = Set(newModel.elements.map(identity))
        var changes: [ElementChange] = []
        var seen: Set<String> = []
        let removedTitles = Dictionary(
            oldModel.elements.filter { $0.id != nil && !newIdentities.contains(identity($0)) }.map { ("\($0.kind.rawValue)\u{1F}\($0.title)", $0.id!) },
            uniquingKeysWith: { first, _ in first })

        for element in newModel.elements {
            let key = identity(element)
            guard seen.insert(key).inserted else { continue }
            if let before = oldElements[key] {
                if let change = changed(before, links: oldOutgoing[before.index] ?? [], to: element, links: newOutgoing[element.index] ?? []) {
                    changes.append(change)
                }
            } else {
                let sameText = element.id == nil ? nil : removedTitles["\(element.kind.rawValue)\u{1F}\(element.title)"]
                changes.append(added(element, links: newOutgoing[element.index] ?? [], sameTextAs: sameText))
            }
        }
        for element in oldModel.elements where !newIdentities.contains(identity(element)) {
            guard seen.insert(identity(element)).inserted else { continue }
            changes.append(ElementChange(kind: element.kind, id: element.id, title: element.title, change: .removed,
                                         fields: [], links: [], indicators: [], sameTextAs: nil))
        }

        // Name the `brug:` part an element stands in, as seen from its model's folder.
        let newElements = Dictionary(newModel.elements.map { (identity($0), $0) }, uniquingKeysWith: { first, _ in first })
        for index in changes.indices {
            let key = changes[index].id.map { "id\u{1F}" + $0 } ?? "title\u{1F}\(changes[index].kind.rawValue)\u{1F}\(changes[index].title)"
            let (element, model) = changes[index].change == .removed ? (oldElements[key], oldModel) : (newElements[key], newModel)
            guard let element, let root = model.files.first, element.range.path != root else { continue }
            changes[index].file = relativePath(element.range.path, from: root)
        }

        return TheoryDiff(
            old: old.label, new: new.label, title: newModel.header?.title ?? oldModel.header?.title,
            modelChange: modelChange,
            header: headerChanges(oldModel.header, newModel.header),
            elements: changes, findings: findingChanges(old.findings, new.findings),
            incomplete: old.hasSyntaxErrors || new.hasSyntaxErrors)
    }

    /// `a/b/faelles/x.pt` seen from the file `a/b/model.pt`: `faelles/x.pt`.
    static func relativePath(_ path: String, from root: String) -> String {
        guard let slash = root.lastIndex(of: "/") else { return path }
        let folder = root[...slash]
        return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
    }

    private static let empty = ProgramTheory(header: nil, elements: [], links: [], supports: [], assumptionLinks: [], files: [])

    /// Elements are the same element when they have the same ID; without an ID, the same kind
    /// and title.
    static func identity(_ element: Element) -> String {
        element.id.map { "id\u{1F}" + $0 } ?? "title\u{1F}\(element.kind.rawValue)\u{1F}\(element.title)"
    }

    // MARK: - Elements

    private static func added(_ element: Element, links outgoing: [Outgoing], sameTextAs: String?) -> ElementChange {
        let fields = elementFields(element).compactMap { field, value in value.map { FieldChange(field: field, old: nil, new: $0.display) } }
            + element.characteristics.map { FieldChange(field: PropertyKey.characteristic.rawValue, old: nil, new: $0) }
        let links = outgoing.map { LinkChange(relation: $0.relation, target: $0.target, change: .added) }
        let indicators = element.indicators.map { indicator in
            IndicatorChange(id: indicator.id, title: indicator.title, change: .added,
                            fields: indicatorFields(indicator).compactMap { field, value in value.map { FieldChange(field: field, old: nil, new: $0.display) } })
        }
        return ElementChange(kind: element.kind, id: element.id, title: element.title, change: .added,
                             fields: fields, links: links, indicators: indicators, sameTextAs: sameTextAs)
    }

    private static func changed(_ old: Element, links oldLinks: [Outgoing], to new: Element, links newLinks: [Outgoing]) -> ElementChange? {
        var fields: [FieldChange] = []
        if old.kind != new.kind {
            fields.append(FieldChange(field: "kind", old: old.kind.danishKeyword, new: new.kind.danishKeyword))
        }
        if old.title != new.title { fields.append(FieldChange(field: "title", old: old.title, new: new.title)) }
        fields += compareFields(elementFields(old), elementFields(new))
        fields += setChanges(PropertyKey.characteristic.rawValue, old.characteristics, new.characteristics)

        let oldSet = Set(oldLinks)
        let newSet = Set(newLinks)
        var links = newLinks.filter { !oldSet.contains($0) }.map { LinkChange(relation: $0.relation, target: $0.target, change: .added) }
        links += oldLinks.filter { !newSet.contains($0) }.map { LinkChange(relation: $0.relation, target: $0.target, change: .removed) }
        // Grouped by relation, in source order within each (a stable sort by hand: `sort` does
        // not promise stability).
        links = links.enumerated().sorted { (relationOrder($0.element.relation), $0.offset) < (relationOrder($1.element.relation), $1.offset) }.map(\.element)

        let indicators = indicatorChanges(old.indicators, new.indicators)
        guard !fields.isEmpty || !links.isEmpty || !indicators.isEmpty else { return nil }
        return ElementChange(kind: new.kind, id: new.id, title: new.title, change: .changed,
                             fields: fields, links: links, indicators: indicators, sameTextAs: nil)
    }

    private static func relationOrder(_ key: PropertyKey) -> Int {
        [PropertyKey.leadsTo, .supports, .appliesTo].firstIndex(of: key) ?? 3
    }

    /// A value to show and the key it is compared by (so `55,5` equals `55.5`).
    struct Value: Equatable {
        let display: String
        let key: String
        static func == (lhs: Value, rhs: Value) -> Bool { lhs.key == rhs.key }
    }

    private static func text(_ value: String?) -> Value? { value.map { Value(display: $0, key: $0) } }

    private static func elementFields(_ element: Element) -> [(String, Value?)] {
        [
            (PropertyKey.type.rawValue, text(element.mechanismType?.danish)),
            (PropertyKey.size.rawValue, element.size.map { size in
                Value(display: size.text, key: size.number.map { "\($0)\u{1F}\(size.unit ?? "")" } ?? size.text) }),
            (PropertyKey.scope.rawValue, text(element.scope)),
            (PropertyKey.critical.rawValue, text(element.critical.map { $0 ? "ja" : "nej" })),
            (PropertyKey.evidence.rawValue, text(element.evidence)),
            (PropertyKey.description.rawValue, text(element.description)),
        ]
    }

    private static func indicatorFields(_ indicator: Indicator) -> [(String, Value?)] {
        [
            (PropertyKey.unit.rawValue, text(indicator.unit)),
            (PropertyKey.definition.rawValue, text(indicator.definition)),
            (PropertyKey.baseline.rawValue, indicator.baseline.map { baseline in
                Value(display: baseline.quantity.text + (baseline.date.map { " (\($0))" } ?? ""),
                      key: quantityKey(baseline.quantity) + "\u{1F}" + (baseline.date?.description ?? "")) }),
            (PropertyKey.target.rawValue, indicator.target.map { target in
                Value(display: target.quantity.text + (target.deadline.map { " senest \($0)" } ?? ""),
                      key: quantityKey(target.quantity) + "\u{1F}" + (target.deadline?.description ?? "")) }),
            (PropertyKey.dataSource.rawValue, text(indicator.dataSource)),
            (PropertyKey.frequency.rawValue, text(indicator.frequency?.danish)),
            (PropertyKey.direction.rawValue, text(indicator.direction?.danish)),
            (PropertyKey.owner.rawValue, text(indicator.owner)),
            (PropertyKey.description.rawValue, text(indicator.description)),
        ]
    }

    private static func quantityKey(_ quantity: Quantity) -> String { "\(quantity.value)\(quantity.isPercent ? "%" : "")" }

    private static func compareFields(_ old: [(String, Value?)], _ new: [(String, Value?)]) -> [FieldChange] {
        zip(old, new).compactMap { before, after in
            guard before.1 != after.1 else { return nil }
            // A target whose deadline stayed reads best as just the numbers: `mål: 80 → 85`.
            if before.0 == PropertyKey.target.rawValue, let oldValue = before.1, let newValue = after.1,
               let oldDeadline = deadline(oldValue.display), oldDeadline == deadline(newValue.display) {
                return FieldChange(field: before.0, old: number(oldValue.display), new: number(newValue.display))
            }
            return FieldChange(field: before.0, old: before.1?.display, new: after.1?.display)
        }
    }

    private static func deadline(_ target: String) -> String? {
        target.range(of: " senest ").map { String(target[$0.upperBound...]) } ?? ""
    }

    private static func number(_ target: String) -> String {
        target.range(of: " senest ").map { String(target[..<$0.lowerBound]) } ?? target
    }

    private static func setChanges(_ field: String, _ old: [String], _ new: [String]) -> [FieldChange] {
        new.filter { !old.contains($0) }.map { FieldChange(field: field, old: nil, new: $0) }
            + old.filter { !new.contains($0) }.map { FieldChange(field: field, old: $0, new: nil) }
    }

    private static func indicatorChanges(_ old: [Indicator], _ new: [Indicator]) -> [IndicatorChange] {
        func key(_ indicator: Indicator) -> String { indicator.id.map { "id\u{1F}" + $0 } ?? "title\u{1F}" + indicator.title }
        let oldByKey = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.map(key))
        var changes: [IndicatorChange] = []
        for indicator in new {
            if let before = oldByKey[key(indicator)] {
                var fields: [FieldChange] = []
                if before.title != indicator.title { fields.append(FieldChange(field: "title", old: before.title, new: indicator.title)) }
                fields += compareFields(indicatorFields(before), indicatorFields(indicator))
                if !fields.isEmpty {
                    changes.append(IndicatorChange(id: indicator.id, title: indicator.title, change: .changed, fields: fields))
                }
            } else {
                changes.append(IndicatorChange(id: indicator.id, title: indicator.title, change: .added,
                                               fields: indicatorFields(indicator).compactMap { field, value in value.map { FieldChange(field: field, old: nil, new: $0.display) } }))
            }
        }
        for indicator in old where !newKeys.contains(key(indicator)) {
            changes.append(IndicatorChange(id: indicator.id, title: indicator.title, change: .removed, fields: []))
        }
        return changes
    }

    // MARK: - Links

    struct Outgoing: Hashable {
        let relation: PropertyKey
        let target: String
    }

    /// Every link that starts at each element, by element index, in source order: `fører til`
    /// targets, what a mechanism supports, the links an assumption concerns. One pass over the
    /// model, so large models stay linear.
    private static func outgoingLinks(_ model: ProgramTheory) -> [Int: [Outgoing]] {
        func name(_ index: Int) -> String { model.elements[index].id ?? model.elements[index].displayName }
        var result: [Int: [Outgoing]] = [:]
        var seen: Set<[String]> = []
        func add(_ from: Int, _ outgoing: Outgoing) {
            if seen.insert(["\(from)", outgoing.relation.rawValue, outgoing.target]).inserted { result[from, default: []].append(outgoing) }
        }
        for link in model.links { add(link.from, Outgoing(relation: .leadsTo, target: name(link.to))) }
        for support in model.supports {
            switch support.target {
            case .element(let index): add(support.mechanism, Outgoing(relation: .supports, target: name(index)))
            case .link(let from, let to): add(support.mechanism, Outgoing(relation: .supports, target: "\(name(from)) -> \(name(to))"))
            }
        }
        for link in model.assumptionLinks {
            add(link.assumption, Outgoing(relation: .appliesTo, target: "\(name(link.from)) -> \(name(link.to))"))
        }
        return result
    }

    // MARK: - Header and findings

    private static func headerChanges(_ old: Header?, _ new: Header?) -> [FieldChange] {
        func fields(_ header: Header?) -> [(String, Value?)] {
            [
                ("title", text(header?.title)),
                (PropertyKey.municipality.rawValue, text(header?.municipality)),
                (PropertyKey.owner.rawValue, text(header?.owner)),
                (PropertyKey.version.rawValue, text(header?.version)),
                (PropertyKey.date.rawValue, text(header?.date?.description)),
                (PropertyKey.status.rawValue, text(header?.status?.danish)),
                (PropertyKey.description.rawValue, text(header?.description)),
            ]
        }
        return compareFields(fields(old), fields(new))
    }

    /// Findings are compared by code and message as a multiset: two equal findings that became
    /// one is one finding gone.
    private static func findingChanges(_ old: [Finding], _ new: [Finding]) -> [FindingChange] {
        func key(_ finding: Finding) -> String { finding.code + "\u{1F}" + finding.message.da }
        var oldCounts: [String: Int] = [:]
        for finding in old { oldCounts[key(finding), default: 0] += 1 }
        var newCounts: [String: Int] = [:]
        for finding in new { newCounts[key(finding), default: 0] += 1 }
        var changes: [FindingChange] = []
        var remaining = oldCounts
        for finding in new {
            if let count = remaining[key(finding)], count > 0 {
                remaining[key(finding)] = count - 1
            } else {
                changes.append(FindingChange(finding: finding, change: .added))
            }
        }
        var remainingNew = newCounts
        for finding in old {
            if let count = remainingNew[key(finding)], count > 0 {
                remainingNew[key(finding)] = count - 1
            } else {
                changes.append(FindingChange(finding: finding, change: .removed))
            }
        }
        return changes
    }
}
