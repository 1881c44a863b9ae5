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

    // delmål and slutmål
    public var indicators: [Indicator] = []
    // mekanisme
    public var mechanismType: MechanismType?
    // antagelse
    public var critical: Bool?

    /// Where each property was written, for findings that point at it.
    public var propertyRanges = PropertyRanges()

    /// What only a målgruppe (kendetegn, størrelse, afgrænsning) or an antagelse (evidens) has,
    /// in a box of its own that most elements do not have: an element is ~140 bytes instead of
    /// ~230, in an array of every element of the model.
    private var details: DetailsBox?

    private struct Details: Sendable {
        var characteristics: [String] = []
        var size: Size?
        var scope: String?
        var evidence: String?
    }

    /// Immutable: a change makes a new box, so copies of an element never share a change.
    private final class DetailsBox: Sendable {
        let value: Details
        init(_ value: Details) { self.value = value }
    }

    private mutating func changeDetails(_ change: (inout Details) -> Void) {
        var value = details?.value ?? Details()
        change(&value)
        details = DetailsBox(value)
    }

    // målgruppe
    public var characteristics: [String] {
        get { details?.value.characteristics ?? [] }
        set { changeDetails { $0.characteristics = newValue } }
    }
    public var size: Size? {
        get { details?.value.size }
        set { changeDetails { $0.size = newValue } }
    }
    public var scope: String? {
        get { details?.value.scope }
        set { changeDetails { $0.scope = newValue } }
    }
    // antagelse
    public var evidence: String? {
        get { details?.value.evidence }
        set { changeDetails { $0.evidence = newValue } }
    }

    init(index: Int, id: String?, key: String, kind: ElementKind, title: String, description: String? = nil,
         range: SourceRange, titleRange: SourceRange, blockRange: SourceRange) {
        self.index = index
        self.id = id
        self.key = key
        self.kind = kind
        self.title = title
        self.description = description
        self.range = range
        self.titleRange = titleRange
        self.blockRange = blockRange
    }

    /// How a person names the element in a message: `delmål D1` or `delmål »Den unge …«`.
    public var displayName: String {
        if let id { return id }
        var short = title.prefix(40)
        if title.count > 40 { short += "…" }
        return "»\(short)«"
    }

    // Coded as the fields it had before the box (the box is a matter of memory only).
    private enum CodingKeys: String, CodingKey {
        case index, id, key, kind, title, description, range, titleRange, blockRange
        case characteristics, size, scope, indicators, mechanismType, critical, evidence, propertyRanges
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(index: try container.decode(Int.self, forKey: .index),
                  id: try container.decodeIfPresent(String.self, forKey: .id),
                  key: try container.decode(String.self, forKey: .key),
                  kind: try container.decode(ElementKind.self, forKey: .kind),
                  title: try container.decode(String.self, forKey: .title),
                  description: try container.decodeIfPresent(String.self, forKey: .description),
                  range: try container.decode(SourceRange.self, forKey: .range),
                  titleRange: try container.decode(SourceRange.self, forKey: .titleRange),
                  blockRange: try container.decode(SourceRange.self, forKey: .blockRange))
        let details = Details(characteristics: try container.decode([String].self, forKey: .characteristics),
                              size: try container.decodeIfPresent(Size.self, forKey: .size),
                              scope: try container.decodeIfPresent(String.self, forKey: .scope),
                              evidence: try container.decodeIfPresent(String.self, forKey: .evidence))
        if !details.characteristics.isEmpty || details.size != nil || details.scope != nil || details.evidence != nil {
            self.details = DetailsBox(details)
        }
        indicators = try container.decode([Indicator].self, forKey: .indicators)
        mechanismType = try container.decodeIfPresent(MechanismType.self, forKey: .mechanismType)
        critical = try container.decodeIfPresent(Bool.self, forKey: .critical)
        propertyRanges = try container.decode(PropertyRanges.self, forKey: .propertyRanges)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(key, forKey: .key)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encode(range, forKey: .range)
        try container.encode(titleRange, forKey: .titleRange)
        try container.encode(blockRange, forKey: .blockRange)
        try container.encode(characteristics, forKey: .characteristics)
        try container.encodeIfPresent(size, forKey: .size)
        try container.encodeIfPresent(scope, forKey: .scope)
        try container.encode(indicators, forKey: .indicators)
        try container.encodeIfPresent(mechanismType, forKey: .mechanismType)
        try container.encodeIfPresent(critical, forKey: .critical)
        try container.encodeIfPresent(evidence, forKey: .evidence)
        try container.encode(propertyRanges, forKey: .propertyRanges)
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
        copy.details = details
        copy.indicators = indicators
        copy.mechanismType = mechanismType
        copy.critical = critical
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
