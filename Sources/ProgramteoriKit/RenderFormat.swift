import PTGraphviz
import PTSource

/// A file format `render` writes.
public enum DiagramFormat: String, Sendable, CaseIterable, Hashable {
    case svg
    case png
    case pdf
    /// The DOT text handed to Graphviz: for inspection, bug reports and other Graphviz tools.
    case dot

    public var fileExtension: String { rawValue }

    /// The Graphviz format, or nil for DOT, which needs no Graphviz.
    var graphviz: GraphvizFormat? {
        switch self {
        case .svg: .svg
        case .png: .png
        case .pdf: .pdf
        case .dot: nil
        }
    }

    public struct ListError: Error, Sendable {
        public let message: LocalizedText
    }

    /// Parses `svg,png` (any case, spaces allowed); duplicates are dropped, order kept.
    public static func list(_ text: String) -> Result<[DiagramFormat], ListError> {
        var formats: [DiagramFormat] = []
        for part in text.split(separator: ",") {
            let name = part.filter { !$0.isWhitespace }.lowercased()
            guard let format = DiagramFormat(rawValue: name) else {
                return .failure(ListError(message: LocalizedText(
                    da: "ukendt format »\(name)«; brug svg, png, pdf eller dot (flere adskilt med komma)",
                    en: "unknown format »\(name)«; use svg, png, pdf or dot (several separated by commas)")))
            }
            if !formats.contains(format) { formats.append(format) }
        }
        if formats.isEmpty {
            return .failure(ListError(message: LocalizedText(da: "angiv mindst ét format: svg, png, pdf eller dot",
                                          en: "give at least one format: svg, png, pdf or dot")))
        }
        return .success(formats)
    }
}
