/// An output format libgvc renders in-process.
public enum GraphvizFormat: String, Sendable, CaseIterable {
    case svg
    case png
    case pdf
    /// Graphviz's `plain` text: node and edge coordinates, handy for layout tests.
    case plain

    /// The `format:renderer` name handed to `gvRenderData`.
    ///
    /// PNG and PDF are pinned to cairo, which draws text through pango and the system's fonts.
    /// A bare `png` would fall back to the gd renderer if the pango plugin went missing and
    /// silently produce different pixels; pinned, that shows up as an error instead.
    /// SVG stays on the core renderer, which writes text as text.
    var rendererName: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        case .plain: "plain"
        }
    }

    /// The file name extension for this format.
    public var fileExtension: String { rawValue }
}
