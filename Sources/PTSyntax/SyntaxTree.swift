import PTSource

/// What one `.pt` file says, before any ID is resolved. Every node keeps its range.
public struct SyntaxTree: Sendable {
    public let file: SourceFile
    /// The `programteori:` header, if the file has one.
    public var header: ElementSyntax?
    /// Elements, `brug:` lines and chains, in source order (the header is not repeated here).
    public var items: [TopLevelItem]
    /// Every comment line, in source order (suppressions and `fmt` read them).
    public var comments: [CommentSyntax]

    /// Elements in source order, the header excluded.
    public var elements: [ElementSyntax] {
        items.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    public var includes: [IncludeSyntax] {
        items.compactMap { if case .include(let include) = $0 { include } else { nil } }
    }
}

public enum TopLevelItem: Sendable {
    case element(ElementSyntax)
    case include(IncludeSyntax)
    case chain(ChainSyntax)
}

/// `delmål D1: Den unge møder stabilt op` and everything indented under it.
public struct ElementSyntax: Sendable {
    public let kind: ElementKind
    public let keywordRange: SourceRange
    public let id: Identifier?
    public let title: String
    public let titleRange: SourceRange
    /// The element's own line.
    public let range: SourceRange
    /// The element's line through its last indented line.
    public var blockRange: SourceRange
    public var properties: [PropertySyntax]
    /// `indikator` blocks (only under delmål and slutmål).
    public var indicators: [ElementSyntax]

    /// Every property with this key, in source order.
    public func properties(_ key: PropertyKey) -> [PropertySyntax] {
        properties.filter { $0.key == key }
    }

    /// The first property with this key.
    public func property(_ key: PropertyKey) -> PropertySyntax? {
        properties.first { $0.key == key }
    }
}

/// `fører til: D2` — a key and its typed value.
///
/// The three ranges lie in one file, so it is stored once with their six offsets: 48 bytes a
/// property instead of 56 (a model of 100 000 elements has some 565 000 of them, all alive
/// while the file is parsed).
public struct PropertySyntax: Sendable {
    private let file: SourcePathID
    private let offsets: (keyStart: UInt32, keyEnd: UInt32, valueStart: UInt32, valueEnd: UInt32,
                          start: UInt32, end: UInt32)
    public let key: PropertyKey
    public let value: PropertyValue

    public var keyRange: SourceRange { SourceRange(file: file, start: Int(offsets.keyStart), end: Int(offsets.keyEnd)) }
    public var valueRange: SourceRange { SourceRange(file: file, start: Int(offsets.valueStart), end: Int(offsets.valueEnd)) }
    /// The whole line (and, for multi-line text, the indented lines under it).
    public var range: SourceRange { SourceRange(file: file, start: Int(offsets.start), end: Int(offsets.end)) }

    /// All three ranges are in the file of `range`.
    public init(key: PropertyKey, keyRange: SourceRange, value: PropertyValue, valueRange: SourceRange, range: SourceRange) {
        self.file = range.file
        // The ranges' offsets are 32-bit already (`SourceRange`), so this is exact.
        self.offsets = (UInt32(keyRange.start), UInt32(keyRange.end), UInt32(valueRange.start), UInt32(valueRange.end),
                        UInt32(range.start), UInt32(range.end))
        self.key = key
        self.value = value
    }
}

public enum PropertyValue: Sendable {
    case text(String)
    case references([Reference])
    // The large values stand in a box of their own, so every property (most are text or
    // references) is as small as a string: ~64 instead of ~112 bytes, some 565 000 of them in
    // a model of 100 000 elements.
    indirect case size(Size)
    indirect case baseline(Baseline)
    indirect case target(Target)
    indirect case date(DateValue)
    case frequency(Frequency)
    case direction(Direction)
    case flag(Bool)
    case status(ApprovalStatus)
    case mechanismType(MechanismType)
    /// The value could not be read; a diagnostic says why.
    case invalid

    public var text: String? {
        if case .text(let text) = self { text } else { nil }
    }

    public var references: [Reference] {
        if case .references(let references) = self { references } else { [] }
    }
}

/// `brug: sti/til/fil.pt`
public struct IncludeSyntax: Sendable {
    public let path: String
    public let pathRange: SourceRange
    public let range: SourceRange
}

/// `A1 -> D1 -> S1` on a line of its own: shorthand for `fører til` lines.
public struct ChainSyntax: Sendable {
    public let ids: [Identifier]
    public let range: SourceRange
}

/// A line whose first non-blank character is `#`. `text` is everything after the `#`.
public struct CommentSyntax: Sendable {
    public let text: String
    public let range: SourceRange
    public let line: Int
}

extension SyntaxTree {
    /// How many columns a tab in the indentation counts up to (the formatter measures
    /// indentation exactly as the parser does).
    public static var tabWidth: Int { LineScanner.tabWidth }
}
