import PTModel
import PTSyntax

/// What will be drawn, decided but not yet written as DOT: which nodes stand in which column in
/// which order, what each says (already wrapped), which arrows there are and what they carry.
/// Built by `Diagram.build(from:options:)`; turned into DOT by `DOTEmitter`.
public struct Diagram: Sendable {
    public let options: DiagramOptions
    public let titleBlock: TitleBlock
    /// Left to right. Every node stands in exactly one column.
    public let columns: [DiagramColumn]
    /// Every node, column by column, each column in source order.
    public let nodes: [DiagramNode]
    /// Arrows in source order: målgruppe arrows first, then `fører til` links.
    public let edges: [DiagramEdge]
    /// The band of virksomme mekanismer under the diagram (empty in the overview).
    public let mechanisms: [MechanismEntry]
    /// What the legend explains: only what this diagram uses.
    public let legend: [LegendItem]
    /// For the SVG's `<title>`: the model's title.
    public let accessibleTitle: String
    /// For the SVG's `<desc>`: what the diagram shows, in sentences.
    public let accessibleSummary: String

    public func node(key: String) -> DiagramNode? {
        nodes.first { $0.key == key }
    }
}

/// The block at the top: title, kommune, ansvarlig, version, dato, status.
public struct TitleBlock: Sendable, Hashable {
    public let titleLines: [String]
    /// `kommune · ansvarlig`, wrapped.
    public let subtitleLines: [String]
    /// `Version 1.2`, `1. marts 2025`.
    public let facts: [String]
    public let status: ApprovalStatus?
    public let statusText: String?
    /// `Oversigt` in the overview, so a printed page says what it leaves out.
    public let viewNote: String?
}

public struct DiagramColumn: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case targetGroups = "target-groups"
        case activities
        case outcomes
        case finalOutcomes = "final-outcomes"
    }

    public let kind: Kind
    /// `pt-column-activities`.
    public let svgID: String
    public let heading: String
    /// The node keys of each rank inside the column, left to right, each in source order.
    /// Only the delmål column has more than one rank: a delmål that leads to another delmål
    /// stands to the left of it (its rank is the longest chain of delmål before it).
    public let ranks: [[String]]

    public var nodeKeys: [String] { ranks.flatMap { $0 } }
}

/// One box: a målgruppe, aktivitet, delmål or slutmål.
public struct DiagramNode: Sendable, Hashable {
    /// The element's key: the DOT node name.
    public let key: String
    public let elementIndex: Int
    public let kind: ElementKind
    /// `pt-D1`, unique in the diagram.
    public let svgID: String
    /// `pt-element pt-outcome`.
    public let classes: [String]
    /// The ID the user wrote, shown in the box's corner.
    public let displayID: String?
    public let titleLines: [String]
    public let details: [NodeDetail]
    /// Mechanism badges (`M1`) for what supports this element.
    public let badges: [String]
    /// What a screen reader says for this box (the SVG node's `<title>`).
    public let accessibleTitle: String
    /// The wrap width used for the title, in columns; the emitter sizes the box from it so a
    /// column of boxes lines up.
    public let wrapWidth: Int
    /// New, changed or removed since the version compared with (diff diagram only).
    public var mark: ChangeMark? = nil
}

public enum NodeDetail: Sendable, Hashable {
    /// `kendetegn`, one bullet each, wrapped.
    case bullets([[String]])
    /// `Størrelse: 120 borgere`: the lines start with the label and its colon.
    case field(label: String, lines: [String])
    case indicator(IndicatorLine)
}

/// One indicator, compactly: `D1.1 Fremmøde` and `55 → 80 % senest 31.12.2027`.
public struct IndicatorLine: Sendable, Hashable {
    public let displayID: String?
    public let titleLines: [String]
    /// Baseline, target and deadline; nil when the indicator has neither baseline nor target.
    public let values: String?
    /// From the team's measurements, when given.
    public var status: IndicatorMark? = nil
}

/// An arrow.
public struct DiagramEdge: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// `fører til`.
        case leadsTo = "leads-to"
        /// From a målgruppe into the column of activities (or, in the overview, of delmål).
        case targetGroup = "target-group"
    }

    public let kind: Kind
    /// `pt-link-A1-D1`, unique in the diagram.
    public let svgID: String
    public let classes: [String]
    public let from: String
    public let to: String
    /// The column the arrow ends at the border of, instead of at `to` (målgruppe arrows).
    public let headColumn: String?
    /// Mechanisms that support this one link (`understøtter: A2 -> D2`).
    public let badges: [String]
    public let assumptions: [AssumptionNote]
    public let accessibleTitle: String
    /// New or removed since the version compared with (diff diagram only).
    public var mark: ChangeMark? = nil
}

/// An antagelse on the arrow it concerns.
public struct AssumptionNote: Sendable, Hashable {
    public let displayID: String?
    public let critical: Bool
    public let lines: [String]
    /// The same assumption already stands in full on an earlier arrow; this one shows only its
    /// heading, so one assumption is never read as two.
    public var repeatsEarlier = false
}

/// One line of the mechanism band: the badge and the text.
public struct MechanismEntry: Sendable, Hashable {
    public let badge: String
    public let lines: [String]
    /// `tilgang`, `ressource`, … in the diagram's language.
    public let typeName: String?
}

/// Something the legend explains.
public enum LegendItem: Sendable, Hashable {
    case kind(ElementKind)
    case leadsTo
    case targetGroupEdge
    case targetGroupEdgeOverview
    case mechanism
    case indicator
    /// Indicator statuses from measurements: nået, på sporet, bagud, ingen data.
    case indicatorStatus
    case assumption
    case criticalAssumption
    /// The diff diagram's marks.
    case change(ChangeMark)
}
