/// The themes a user can pick with `--tema`.
public enum ThemeName: String, Sendable, CaseIterable {
    /// Calm colours for screens and colour print.
    case standard
    /// Greys only: every kind is told apart by its border (thick, rounded, thin, double), so
    /// the diagram survives a black-and-white printer and photocopying.
    case print
    /// The Okabe–Ito palette, distinguishable with the common colour-vision deficiencies.
    case contrast = "kontrast"

    public init?(name: String) {
        switch name.lowercased() {
        case "standard", "default": self = .standard
        case "print", "tryk", "sort-hvid", "sorthvid": self = .print
        case "kontrast", "contrast": self = .contrast
        default: return nil
        }
    }

    public var theme: Theme {
        switch self {
        case .standard: .standard
        case .print: .print
        case .contrast: .contrast
        }
    }
}

/// One colour in light mode (written into the SVG, PNG and PDF) and its dark-mode counterpart
/// (applied by the SVG's embedded style sheet when the viewer prefers a dark scheme).
public struct ThemeColor: Sendable, Hashable {
    /// Lower-case `#rrggbb`, as Graphviz writes colours into SVG.
    public let light: String
    public let dark: String

    public init(_ light: String, _ dark: String) {
        self.light = light
        self.dark = dark
    }
}

/// The colours of one kind of element.
public struct KindColors: Sendable, Hashable {
    public let fill: ThemeColor
    public let border: ThemeColor
    /// The element's ID and small headings.
    public let accent: ThemeColor

    public init(fill: ThemeColor, border: ThemeColor, accent: ThemeColor) {
        self.fill = fill
        self.border = border
        self.accent = accent
    }
}

/// Colours and line widths. Shapes do not change with the theme: every kind of element is
/// recognisable by its outline alone (see `DOTEmitter`), colour only adds to that.
///
/// Dark mode is a mapping from each light colour to its dark colour, so a light colour must
/// mean the same everywhere it is used (checked by a test).
public struct Theme: Sendable, Hashable {
    public let name: ThemeName
    public let background: ThemeColor
    public let text: ThemeColor
    public let muted: ThemeColor
    public let edge: ThemeColor
    public let columnFill: ThemeColor
    public let columnBorder: ThemeColor
    public let columnText: ThemeColor
    public let targetGroup: KindColors
    public let activity: KindColors
    public let outcome: KindColors
    public let finalOutcome: KindColors
    public let badgeFill: ThemeColor
    public let badgeText: ThemeColor
    public let assumptionFill: ThemeColor
    public let assumptionBorder: ThemeColor
    public let critical: ThemeColor
    public let draftFill: ThemeColor
    public let draftText: ThemeColor
    public let approvedFill: ThemeColor
    public let approvedText: ThemeColor
    /// Outline width of ordinary nodes, in points.
    public let lineWidth: Double
    /// The diff diagram: new, changed and removed (removed boxes are also faded and dashed,
    /// new and changed ones carry a word, so the marks never rest on colour alone).
    public let added: ThemeColor
    public let changed: ThemeColor
    public let removed: ThemeColor

    /// Every colour the theme uses, for the dark-mode style sheet.
    public var allColors: [ThemeColor] {
        [background, text, muted, edge, columnFill, columnBorder, columnText]
            + [targetGroup, activity, outcome, finalOutcome].flatMap { [$0.fill, $0.border, $0.accent] }
            + [badgeFill, badgeText, assumptionFill, assumptionBorder, critical,
               draftFill, draftText, approvedFill, approvedText, added, changed, removed]
    }

    public static let standard = Theme(
        name: .standard,
        background: ThemeColor("#ffffff", "#15171a"),
        text: ThemeColor("#1f2328", "#e6e8eb"),
        muted: ThemeColor("#57606a", "#a8b1bb"),
        edge: ThemeColor("#4b5563", "#9aa4b0"),
        columnFill: ThemeColor("#f4f6f8", "#1c2025"),
        columnBorder: ThemeColor("#e1e5ea", "#2c3239"),
        columnText: ThemeColor("#3d4650", "#b8c1cb"),
        targetGroup: KindColors(fill: ThemeColor("#f6efe3", "#2e2619"),
                                border: ThemeColor("#9a7b4f", "#c9a46e"),
                                accent: ThemeColor("#7a5c2e", "#e0bf8a")),
        activity: KindColors(fill: ThemeColor("#e7f0fa", "#16263a"),
                             border: ThemeColor("#3b6ea5", "#6fa3dc"),
                             accent: ThemeColor("#2c5a8c", "#8fbcef")),
        outcome: KindColors(fill: ThemeColor("#e8f4ea", "#17301d"),
                            border: ThemeColor("#3f8a4f", "#6cc080"),
                            accent: ThemeColor("#2f6e3d", "#8fd6a0")),
        finalOutcome: KindColors(fill: ThemeColor("#cfe8d5", "#1f4029"),
                                 border: ThemeColor("#1f6b35", "#7fd494"),
                                 accent: ThemeColor("#195a2b", "#a6e6b6")),
        badgeFill: ThemeColor("#6a4c93", "#b9a0e3"),
        badgeText: ThemeColor("#fdfdfd", "#17121f"),
        assumptionFill: ThemeColor("#fff8dc", "#332b10"),
        assumptionBorder: ThemeColor("#b08900", "#d9b54a"),
        critical: ThemeColor("#b3261e", "#ff8a80"),
        draftFill: ThemeColor("#fde7c8", "#4a3415"),
        draftText: ThemeColor("#8a4b00", "#ffc780"),
        approvedFill: ThemeColor("#dcefe0", "#1e3a25"),
        approvedText: ThemeColor("#1d6332", "#8fe0a5"),
        lineWidth: 1.2,
        added: ThemeColor("#c2255c", "#f783ac"),
        changed: ThemeColor("#d9480f", "#ffa94d"),
        removed: ThemeColor("#8c959f", "#6e7781"))

    public static let print = Theme(
        name: .print,
        background: ThemeColor("#ffffff", "#121212"),
        text: ThemeColor("#000000", "#eeeeee"),
        muted: ThemeColor("#3a3a3a", "#c4c4c4"),
        edge: ThemeColor("#1a1a1a", "#d6d6d6"),
        columnFill: ThemeColor("#f3f3f3", "#1c1c1c"),
        columnBorder: ThemeColor("#bdbdbd", "#4a4a4a"),
        columnText: ThemeColor("#2b2b2b", "#cfcfcf"),
        targetGroup: KindColors(fill: ThemeColor("#e4e4e4", "#2e2e2e"),
                                border: ThemeColor("#000000", "#eeeeee"),
                                accent: ThemeColor("#000000", "#eeeeee")),
        activity: KindColors(fill: ThemeColor("#fefefe", "#181818"),
                             border: ThemeColor("#000000", "#eeeeee"),
                             accent: ThemeColor("#000000", "#eeeeee")),
        outcome: KindColors(fill: ThemeColor("#f7f7f7", "#222222"),
                            border: ThemeColor("#000000", "#eeeeee"),
                            accent: ThemeColor("#000000", "#eeeeee")),
        finalOutcome: KindColors(fill: ThemeColor("#d4d4d4", "#363636"),
                                 border: ThemeColor("#000000", "#eeeeee"),
                                 accent: ThemeColor("#000000", "#eeeeee")),
        badgeFill: ThemeColor("#000000", "#eeeeee"),
        badgeText: ThemeColor("#fdfdfd", "#111111"),
        assumptionFill: ThemeColor("#fcfcfc", "#1a1a1a"),
        assumptionBorder: ThemeColor("#4d4d4d", "#b5b5b5"),
        critical: ThemeColor("#000000", "#eeeeee"),
        draftFill: ThemeColor("#e9e9e9", "#333333"),
        draftText: ThemeColor("#000000", "#eeeeee"),
        approvedFill: ThemeColor("#e9e9e9", "#333333"),
        approvedText: ThemeColor("#000000", "#eeeeee"),
        lineWidth: 1.4,
        added: ThemeColor("#000000", "#eeeeee"),
        changed: ThemeColor("#3a3a3a", "#c4c4c4"),
        removed: ThemeColor("#9e9e9e", "#6b6b6b"))

    /// Okabe & Ito (2008): orange #e69f00, sky blue #56b4e9, bluish green #009e73, yellow
    /// #f0e442, blue #0072b2, vermillion #d55e00, reddish purple #cc79a7; fills are light tints.
    public static let contrast = Theme(
        name: .contrast,
        background: ThemeColor("#ffffff", "#111111"),
        text: ThemeColor("#000000", "#f2f2f2"),
        muted: ThemeColor("#404040", "#c8c8c8"),
        edge: ThemeColor("#333333", "#d0d0d0"),
        columnFill: ThemeColor("#f5f5f5", "#1b1b1b"),
        columnBorder: ThemeColor("#d9d9d9", "#3a3a3a"),
        columnText: ThemeColor("#262626", "#dedede"),
        targetGroup: KindColors(fill: ThemeColor("#fbecc9", "#3d2c05"),
                                border: ThemeColor("#e69f00", "#f0b733"),
                                accent: ThemeColor("#8a5f00", "#f5c85c")),
        activity: KindColors(fill: ThemeColor("#d6ebf8", "#0d2a3d"),
                             border: ThemeColor("#0072b2", "#56b4e9"),
                             accent: ThemeColor("#005a8c", "#8fd0f5")),
        outcome: KindColors(fill: ThemeColor("#d1f0e5", "#06352a"),
                            border: ThemeColor("#009e73", "#2fd3a4"),
                            accent: ThemeColor("#006b4e", "#6fe6c2")),
        finalOutcome: KindColors(fill: ThemeColor("#f5deea", "#3d1730"),
                                 border: ThemeColor("#cc79a7", "#e7a6ca"),
                                 accent: ThemeColor("#8e3b6c", "#f2bfdc")),
        badgeFill: ThemeColor("#000000", "#f2f2f2"),
        badgeText: ThemeColor("#fdfdfd", "#111112"),
        assumptionFill: ThemeColor("#fbf6c2", "#34310a"),
        assumptionBorder: ThemeColor("#8c8100", "#f0e442"),
        critical: ThemeColor("#d55e00", "#ff9a4d"),
        draftFill: ThemeColor("#fde3cc", "#45230a"),
        draftText: ThemeColor("#a34700", "#ffb27a"),
        approvedFill: ThemeColor("#d1f0e5", "#06352a"),
        approvedText: ThemeColor("#006b4e", "#6fe6c2"),
        lineWidth: 1.4,
        added: ThemeColor("#d55e00", "#ff9a4d"),
        changed: ThemeColor("#8c8100", "#f0e442"),
        removed: ThemeColor("#8f8f8f", "#6a6a6a"))
}
