import PTModel
import PTSource
import PTSyntax

/// Which parts of the model the diagram shows.
public enum DiagramView: String, Sendable, CaseIterable {
    /// Everything: målgruppe, aktiviteter, delmål, slutmål, mekanismer, antagelser.
    case detailed = "detaljeret"
    /// Målgruppe, delmål and slutmål only (with their indicators and assumptions): the chain of
    /// change at a glance, for a direktion or a politisk udvalg.
    case overview = "oversigt"

    /// Accepts the Danish name, the English one (`detailed`, `overview`) and æøå-free spellings.
    public init?(name: String) {
        switch normalizeKeyword(name) {
        case "detaljeret", "detailed", "detail": self = .detailed
        case "oversigt", "overview": self = .overview
        default: return nil
        }
    }
}

/// The text widths, in columns (see `TextWrapper`), at which each kind of text is wrapped.
/// 0 means "do not wrap" (one long line).
public struct WrapWidths: Sendable, Hashable {
    public var title = 90
    public var targetGroup = 34
    public var activity = 30
    public var outcome = 34
    public var finalOutcome = 34
    public var indicator = 40
    public var mechanism = 64
    public var assumption = 30

    public init() {}

    /// The names a user writes in `--bredde navn=tal`, Danish first.
    public static var names: [(danish: String, english: String, keyPath: WritableKeyPath<WrapWidths, Int>)] {
        [
        ("titel", "title", \.title),
        ("målgruppe", "target group", \.targetGroup),
        ("aktivitet", "activity", \.activity),
        ("delmål", "outcome", \.outcome),
        ("slutmål", "final outcome", \.finalOutcome),
        ("indikator", "indicator", \.indicator),
        ("mekanisme", "mechanism", \.mechanism),
        ("antagelse", "assumption", \.assumption),
        ]
    }

    /// Sets one width from `aktivitet=28` (or `activity=28`, `maalgruppe=40`). Returns a message
    /// for the user when the setting is not understood.
    public mutating func apply(_ setting: String) -> LocalizedText? {
        let parts = setting.split(separator: "=", maxSplits: 1).map { $0.trimmed }
        let known = Self.names.map(\.danish).joined(separator: ", ")
        guard parts.count == 2 else {
            return LocalizedText(
                da: "»\(setting)« skal skrives som navn=tal, fx aktivitet=28 (navne: \(known))",
                en: "»\(setting)« must be written as name=number, e.g. activity=28 (names: \(Self.names.map(\.english).joined(separator: ", ")))")
        }
        guard let entry = Self.names.first(where: {
            normalizeKeyword($0.danish) == normalizeKeyword(parts[0]) || normalizeKeyword($0.english) == normalizeKeyword(parts[0])
        }) else {
            return LocalizedText(da: "ukendt tekstbredde »\(parts[0])«; brug en af: \(known)",
                                 en: "unknown text width »\(parts[0])«; use one of: \(Self.names.map(\.english).joined(separator: ", "))")
        }
        guard let value = Int(parts[1]), (0...400).contains(value) else {
            return LocalizedText(da: "tekstbredden for \(entry.danish) skal være et helt tal fra 0 til 400 (0 = ingen ombrydning)",
                                 en: "the text width for \(entry.english) must be a whole number from 0 to 400 (0 = no wrapping)")
        }
        self[keyPath: entry.keyPath] = value
        return nil
    }
}

/// How large a model the diagram accepts. Layout time in Graphviz's `dot` grows much faster
/// than the model (docs/diagram.md has the measurements); past these limits a diagram is also
/// too dense to read.
public struct DiagramLimits: Sendable, Hashable {
    /// Målgrupper, aktiviteter, delmål, slutmål, mekanismer and antagelser together.
    public var maxElements = 250
    /// `fører til` links plus what mechanisms support plus what assumptions apply to.
    public var maxLinks = 500

    public init(maxElements: Int = 250, maxLinks: Int = 500) {
        self.maxElements = maxElements
        self.maxLinks = maxLinks
    }
}

/// Everything that decides how a model is drawn.
public struct DiagramOptions: Sendable, Hashable {
    public var view: DiagramView
    public var theme: ThemeName
    /// Show indicators under delmål and slutmål.
    public var showIndicators: Bool
    /// The language of the diagram's own words (column headings, legend, »senest«).
    public var language: Language
    public var wrap: WrapWidths
    public var limits: DiagramLimits
    /// Named on the graph, every node and every edge, so that no viewer or renderer falls
    /// back to a font without æøå. Debian: `fonts-dejavu-core`.
    public var fontName: String
    /// Status per indicator ID from the team's measurements; empty: no statuses shown.
    public var indicatorStatuses: [String: IndicatorMark] = [:]
    /// Marks for the diff diagram (`render --sammenlign`); nil for an ordinary diagram.
    public var changes: DiagramChanges?

    public init(
        view: DiagramView = .detailed, theme: ThemeName = .standard, showIndicators: Bool = true,
        language: Language = .danish, wrap: WrapWidths = WrapWidths(), limits: DiagramLimits = DiagramLimits(),
        fontName: String = DiagramOptions.defaultFont
    ) {
        self.view = view
        self.theme = theme
        self.showIndicators = showIndicators
        self.language = language
        self.wrap = wrap
        self.limits = limits
        self.fontName = fontName
    }

    public static let defaultFont = "DejaVu Sans"
}

extension StringProtocol {
    /// Without leading and trailing whitespace.
    var trimmed: String {
        String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }
}

extension DiagramLimits {
    /// How many elements and links a model has, as the limits count them.
    public static func measure(_ model: ProgramTheory) -> (elements: Int, links: Int) {
        (model.elements.count, model.links.count + model.supports.count + model.assumptionLinks.count)
    }

    /// A message for the user when the model is too large to draw, nil when it is fine.
    public func problem(for model: ProgramTheory) -> LocalizedText? {
        let size = Self.measure(model)
        if size.elements > maxElements {
            return LocalizedText(
                da: "modellen er for stor til et diagram: \(size.elements) elementer, grænsen er \(maxElements)",
                en: "the model is too large for a diagram: \(size.elements) elements, the limit is \(maxElements)")
        }
        if size.links > maxLinks {
            return LocalizedText(
                da: "modellen har for mange forbindelser til et diagram: \(size.links) pile og henvisninger, grænsen er \(maxLinks)",
                en: "the model has too many connections for a diagram: \(size.links) arrows and references, the limit is \(maxLinks)")
        }
        return nil
    }
}
