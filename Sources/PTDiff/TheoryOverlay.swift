import PTModel
import PTSyntax

/// The new model with the removed elements and arrows of the old one put back, and what
/// changed about each: what the diff diagram draws. Elements are matched as in
/// `TheoryComparison` (by ID, else by kind and title).
public struct TheoryOverlay: Sendable {
    /// The new model's elements first (same indices and keys), then the removed ones.
    public let model: ProgramTheory
    /// By element key.
    public let elements: [String: ChangeKind]
    /// By `from -> to` key (element keys of `model`): `fører til` arrows added or removed.
    public let links: [String: ChangeKind]

    public static func linkKey(from: String, to: String) -> String { from + " -> " + to }

    public static func build(old: ProgramTheory, new: ProgramTheory) -> TheoryOverlay {
        var elements = new.elements
        var marks: [String: ChangeKind] = [:]
        let newByIdentity = Dictionary(new.elements.map { (TheoryComparison.identity($0), $0) }, uniquingKeysWith: { first, _ in first })
        let oldByIdentity = Dictionary(old.elements.map { (TheoryComparison.identity($0), $0) }, uniquingKeysWith: { first, _ in first })
        let keys = Set(new.elements.map(\.key))

        // Old index → index in the overlay.
        var position: [Int: Int] = [:]
        for element in old.elements {
            if let counterpart = newByIdentity[TheoryComparison.identity(element)] {
                position[element.index] = counterpart.index
                continue
            }
            // A removed element keeps its key unless the new model uses it for another element.
            var key = element.key
            if keys.contains(key) { key = "_removed_\(elements.count)" }
            let copy = element.reindexed(elements.count, key: key)
            position[element.index] = copy.index
            marks[key] = .removed
            elements.append(copy)
        }
        for element in new.elements {
            guard let before = oldByIdentity[TheoryComparison.identity(element)] else {
                marks[element.key] = .added
                continue
            }
            if ownChange(before, element) { marks[element.key] = .changed }
        }

        var links = new.links
        var linkMarks: [String: ChangeKind] = [:]
        let oldPairs = Set(old.links.compactMap { link in position[link.from].flatMap { from in position[link.to].map { [from, $0] } } })
        let newPairs = Set(new.links.map { [$0.from, $0.to] })
        for link in new.links where !oldPairs.contains([link.from, link.to]) {
            linkMarks[linkKey(from: link.fromKey, to: link.toKey)] = .added
        }
        for link in old.links {
            guard let from = position[link.from], let to = position[link.to], !newPairs.contains([from, to]) else { continue }
            let removed = Link.between(from, to, fromKey: elements[from].key, toKey: elements[to].key, range: link.range)
            guard linkMarks[linkKey(from: removed.fromKey, to: removed.toKey)] == nil else { continue }
            links.append(removed)
            linkMarks[linkKey(from: removed.fromKey, to: removed.toKey)] = .removed
        }

        let model = ProgramTheory(header: new.header ?? old.header, elements: elements, links: links, supports: new.supports,
                                  assumptionLinks: new.assumptionLinks, files: new.files)
        return TheoryOverlay(model: model, elements: marks, links: linkMarks)
    }

    /// Whether the element itself changed — its text, properties or indicators. A change of
    /// links alone shows on the arrows, not on the box.
    private static func ownChange(_ old: Element, _ new: Element) -> Bool {
        let oldModel = ProgramTheory(header: nil, elements: [old.reindexed(0, key: old.key)], links: [], supports: [], assumptionLinks: [], files: [])
        let newModel = ProgramTheory(header: nil, elements: [new.reindexed(0, key: new.key)], links: [], supports: [], assumptionLinks: [], files: [])
        let diff = TheoryComparison.compare(old: DiffSide(label: "", model: oldModel, findings: []),
                                            new: DiffSide(label: "", model: newModel, findings: []))
        return !diff.elements.isEmpty
    }
}
