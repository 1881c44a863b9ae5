import PTSource
import PTSyntax

/// A resolved programteori: every `brug:` followed, every ID looked up, every link checked for
/// kind. Elements keep source order (an included file's elements stand where its `brug:` line
/// stands), so everything built from the model is deterministic.
///
/// Links refer to elements by index into `elements`; each also carries the IDs for readers of
/// the JSON export.
public struct ProgramTheory: Sendable, Codable {
    public var header: Header?
    public var elements: [Element]
    /// `fører til` links and chains, in source order, without duplicates.
    public var links: [Link]
    /// What each mechanism supports, in source order.
    public var supports: [Support]
    /// Which links each assumption concerns, in source order.
    public var assumptionLinks: [AssumptionLink]
    /// The model's file first, then every included file in the order first included.
    public var files: [String]

    public init(header: Header?, elements: [Element], links: [Link], supports: [Support], assumptionLinks: [AssumptionLink], files: [String]) {
        self.header = header
        self.elements = elements
        self.links = links
        self.supports = supports
        self.assumptionLinks = assumptionLinks
        self.files = files
    }

    /// Elements of one kind, in source order.
    public func elements(of kind: ElementKind) -> [Element] {
        elements.filter { $0.kind == kind }
    }

    /// The element with this ID, if any.
    public func element(id: String) -> Element? {
        elements.first { $0.id == id }
    }
}

/// The `programteori:` line and its properties.
public struct Header: Sendable, Codable {
    public var title: String
    public var municipality: String?
    public var owner: String?
    public var version: String?
    public var date: DateValue?
    public var description: String?
    public var status: ApprovalStatus?
    public var range: SourceRange
}

/// One målgruppe, slutmål, delmål, aktivitet, mekanisme or antagelse.
public struct Element: Sendable, Codable {
    /// Position in `ProgramTheory.elements`.
    public let index: Int
    /// The ID the user wrote, if any.
    public let id: String?
    /// The ID, or a generated one (`_outcome_3`) that can never clash with a written ID
    /// (written IDs start with a letter). Stable as long as the source order is.
    public let key: String
    public let kind: ElementKind
    public let title: String
    public var description: String?
    /// The element's own line.
    public let range: SourceRange
    public let titleRange: SourceRange
    /// The element's line through its last indented line.
    public let blockRange: SourceRange

    // målgruppe
    public var characteristics: [String] = []
    public var size: Size?
    public var scope: String?
    // delmål and slutmål
    public var indicators: [Indicator] = []
    // mekanisme
    public var mechanismType: MechanismType?
    // antagelse
    public var critical: Bool?
    public var evidence: String?

    /// Where each property was written, for findings that point at it.
    public var propertyRanges = PropertyRanges()

    /// How a person names the element in a message: `delmål D1` or `delmål »Den unge …«`.
    public var displayName: String {
        if let id { return id }
        var short = title.prefix(40)
        if title.count > 40 { short += "…" }
        return "»\(short)«"
    }
}

/// One `indikator` block under a delmål or slutmål.
public struct Indicator: Sendable, Codable {
    public let id: String?
    public let title: String
    public let range: SourceRange
    public let titleRange: SourceRange
    public let blockRange: SourceRange
    /// `enhed`, or `procent` when a number was written with `%` and no `enhed` was given.
    public var unit: String?
    public var baseline: Baseline?
    public var target: Target?
    public var dataSource: String?
    public var frequency: Frequency?
    public var direction: Direction?
    public var owner: String?
    public var definition: String?
    public var description: String?
    public var propertyRanges = PropertyRanges()
}

/// Where each property of an element or indicator was written: a short list (a few keys each)
/// instead of a dictionary per element, read like one (`propertyRanges[.type]`). Encoded as the
/// dictionary it stands for.
public struct PropertyRanges: Sendable, Codable {
    private struct Entry: Sendable {
        let key: PropertyKey
        let range: SourceRange
    }

    private var entries: [Entry] = []

    public init() {}

    public init(_ ranges: [PropertyKey: SourceRange]) {
        entries = ranges.map { Entry(key: $0.key, range: $0.value) }
    }

    public subscript(key: PropertyKey) -> SourceRange? {
        get {
            for entry in entries where entry.key == key { return entry.range }
            return nil
        }
        set {
            let position = entries.firstIndex { $0.key == key }
            switch (position, newValue) {
            case (let position?, let range?): entries[position] = Entry(key: key, range: range)
            case (let position?, nil): entries.remove(at: position)
            case (nil, let range?): entries.append(Entry(key: key, range: range))
            case (nil, nil): break
            }
        }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// The ranges as a dictionary.
    public var dictionary: [PropertyKey: SourceRange] {
        Dictionary(entries.map { ($0.key, $0.range) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func reserveCapacity(_ count: Int) { entries.reserveCapacity(count) }

    public init(from decoder: any Decoder) throws {
        self.init(try [PropertyKey: SourceRange](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try dictionary.encode(to: encoder)
    }
}

/// `fører til`: from an aktivitet or delmål to a delmål or slutmål.
public struct Link: Sendable, Codable, Hashable {
    public let from: Int
    public let to: Int
    public let fromKey: String
    public let toKey: String
    /// Where the link was written (the target's ID, or the chain).
    public let range: SourceRange
}

/// What a mechanism's `understøtter` names: an element, or one link.
public enum SupportTarget: Sendable, Codable, Hashable {
    case element(Int)
    case link(from: Int, to: Int)
}

public struct Support: Sendable, Codable {
    public let mechanism: Int
    public let target: SupportTarget
    public let range: SourceRange
}

/// `gælder: A1 -> D1` on an antagelse.
public struct AssumptionLink: Sendable, Codable {
    public let assumption: Int
    public let from: Int
    public let to: Int
    public let range: SourceRange
}

extension Element {
    /// The same element at another position under another key: for a model put together from
    /// two versions (the diff diagram draws removed elements beside the new ones).
    public func reindexed(_ index: Int, key: String) -> Element {
        var copy = Element(index: index, id: id, key: key, kind: kind, title: title, description: description,
                           range: range, titleRange: titleRange, blockRange: blockRange)
        copy.characteristics = characteristics
        copy.size = size
        copy.scope = scope
        copy.indicators = indicators
        copy.mechanismType = mechanismType
        copy.critical = critical
        copy.evidence = evidence
        copy.propertyRanges = propertyRanges
        return copy
    }
}

extension Link {
    /// A link built outside the model builder (the diff diagram's removed arrows).
    public static func between(_ from: Int, _ to: Int, fromKey: String, toKey: String, range: SourceRange) -> Link {
        Link(from: from, to: to, fromKey: fromKey, toKey: toKey, range: range)
    }
}
