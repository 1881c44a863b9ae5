/// How an element or an arrow differs from the version it is compared with
/// (`render --sammenlign`).
public enum ChangeMark: String, Sendable, Hashable, CaseIterable {
    case added, changed, removed
}

/// What the diff diagram marks: elements by key, arrows by `from -> to` key. The model drawn
/// holds the new version plus the removed elements and arrows, which are drawn faded.
public struct DiagramChanges: Sendable, Hashable {
    public var elements: [String: ChangeMark]
    public var links: [String: ChangeMark]
    /// The version compared with, as the title block names it (`Models/x.pt`, `main`).
    public var comparedWith: String

    public init(elements: [String: ChangeMark], links: [String: ChangeMark], comparedWith: String) {
        self.elements = elements
        self.links = links
        self.comparedWith = comparedWith
    }

    public static func linkKey(from: String, to: String) -> String { from + " -> " + to }
}
