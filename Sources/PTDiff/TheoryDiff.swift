import PTSource
import PTSyntax

/// What changed between two versions of one programteori, by element ID — not by line.
/// Built by `TheoryComparison`; rendered as text, Markdown or JSON.
public struct TheoryDiff: Sendable, Codable, Equatable {
    /// How the old and the new version are named (`Models/x.pt`, `HEAD:Models/x.pt`).
    public var old: String
    public var new: String
    /// The new title (or the old one, when the model was removed).
    public var title: String?
    /// The model exists on only one side.
    public var modelChange: ChangeKind?
    /// `programteori:` line and its properties.
    public var header: [FieldChange]
    /// Elements in the new model's order, removed ones after them in the old model's order.
    public var elements: [ElementChange]
    /// `check` findings that appeared or disappeared.
    public var findings: [FindingChange]
    /// A side had syntax errors, so the model read from it may be incomplete.
    public var incomplete: Bool

    public var isEmpty: Bool { modelChange == nil && header.isEmpty && elements.isEmpty && findings.isEmpty }

    public init(old: String, new: String, title: String?, modelChange: ChangeKind? = nil, header: [FieldChange],
                elements: [ElementChange], findings: [FindingChange], incomplete: Bool = false) {
        self.old = old
        self.new = new
        self.title = title
        self.modelChange = modelChange
        self.header = header
        self.elements = elements
        self.findings = findings
        self.incomplete = incomplete
    }

    /// Counts for a summary line.
    public var counts: (added: Int, removed: Int, changed: Int, newFindings: Int, goneFindings: Int) {
        (elements.filter { $0.change == .added }.count, elements.filter { $0.change == .removed }.count,
         elements.filter { $0.change == .changed }.count, findings.filter { $0.change == .added }.count,
         findings.filter { $0.change == .removed }.count)
    }
}

public enum ChangeKind: String, Sendable, Codable, Equatable {
    case added, removed, changed
}

/// One property that changed. `old` is nil for a value that was added, `new` nil for one that
/// was removed. Fixed values are written as the language's Danish words (`kvartalsvis`).
public struct FieldChange: Sendable, Codable, Equatable {
    /// `title`, `kind`, or a `PropertyKey` raw value (`target`, `dataSource`, …).
    public let field: String
    public let old: String?
    public let new: String?

    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }
}

/// A link from this element that was added or removed: `fører til` (`leadsTo`), `understøtter`
/// (`supports`) or `gælder` (`appliesTo`). `target` is an ID or a link `A1 -> D2`.
public struct LinkChange: Sendable, Codable, Equatable {
    public let relation: PropertyKey
    public let target: String
    public let change: ChangeKind

    public init(relation: PropertyKey, target: String, change: ChangeKind) {
        self.relation = relation
        self.target = target
        self.change = change
    }
}

public struct IndicatorChange: Sendable, Codable, Equatable {
    public let id: String?
    public let title: String
    public let change: ChangeKind
    /// For a changed indicator: what changed. For an added one: its properties.
    public let fields: [FieldChange]

    public init(id: String?, title: String, change: ChangeKind, fields: [FieldChange]) {
        self.id = id
        self.title = title
        self.change = change
        self.fields = fields
    }
}

public struct ElementChange: Sendable, Codable, Equatable {
    public let kind: ElementKind
    public let id: String?
    public let title: String
    public let change: ChangeKind
    public let fields: [FieldChange]
    public let links: [LinkChange]
    public let indicators: [IndicatorChange]
    /// For an added element: the removed element of the same kind with the same text (the ID
    /// was probably renamed, which the diff cannot know for certain).
    public let sameTextAs: String?
    /// The `brug:` part the element is written in, relative to the model's folder; nil for the
    /// model's own file.
    public var file: String? = nil

    public init(kind: ElementKind, id: String?, title: String, change: ChangeKind, fields: [FieldChange],
                links: [LinkChange], indicators: [IndicatorChange], sameTextAs: String?) {
        self.kind = kind
        self.id = id
        self.title = title
        self.change = change
        self.fields = fields
        self.links = links
        self.indicators = indicators
        self.sameTextAs = sameTextAs
    }

    /// How people name it: the ID, or the title for an element without one.
    public var name: String { id ?? "»\(title)«" }
}

/// A `check` finding as the diff compares it: by code and message, not by line (lines move).
public struct Finding: Sendable, Codable, Hashable {
    public let code: String
    /// `error` or `warning`.
    public let severity: String
    public let message: LocalizedText
    /// `fil:linje:kolonne` on its side.
    public let location: String

    public init(code: String, severity: String, message: LocalizedText, location: String) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
    }
}

public struct FindingChange: Sendable, Codable, Equatable {
    public let finding: Finding
    /// `added`: appeared in the new version; `removed`: gone from it.
    public let change: ChangeKind
}
