import PTSource

/// Escaping of user text for DOT, for Graphviz's HTML-like labels and for SVG/XML.
///
/// Graphviz substitutes `\N` (node name), `\G` (graph name), `\E`, `\T`, `\H` and `\L` in
/// labels, quoted or HTML-like, even when the DOT comes through the C API; in HTML-like labels
/// even `&#92;N` is substituted (the entity is decoded first). Every backslash of user text is
/// therefore doubled, in both kinds of label. Control characters (which XML forbids and which
/// break Graphviz's HTML parser) become spaces.
public enum Escape {
    /// Replaces control characters (tabs, line breaks, C0 and C1 controls) and the XML
    /// non-characters U+FFFE/U+FFFF with a space.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isUnsafe(scalar) ? " " : scalar)
        }
        return String(scalars)
    }

    /// General category Cc (control) or a non-character. Cc is exactly U+0000–U+001F and
    /// U+007F–U+009F, and Unicode's stability policy keeps it so: no table lookup needed.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
    }

    /// The inside of a DOT double-quoted string: `\` → `\\`, `"` → `\"`.
    public static func dotQuoted(_ text: String) -> String {
        sanitize(text).escaping {
            switch $0 {
            case "\\": "\\\\"
            case "\"": "\\\""
            default: nil
            }
        }
    }

    /// Text inside an HTML-like label: `& < > "` as entities, `\` doubled, and `]` as `&#93;`.
    ///
    /// Graphviz 2.43's HTML lexer loses a `]` that ends a run of text (expat hands it over on its
    /// own while looking ahead for `]]>`): `<TD>]</TD>` is a syntax error, and in a larger label
    /// the `]` silently joins the next text. As a character reference it arrives intact.
    public static func htmlLabelText(_ text: String) -> String {
        sanitize(text).escaping {
            switch $0 {
            case "\\": "\\\\"
            case "]": "&#93;"
            default: xmlEntity($0)
            }
        }
    }

    /// Text or an attribute value in SVG/XML (no Graphviz involved: backslashes stay).
    public static func xml(_ text: String) -> String {
        sanitize(text).escaping(xmlEntity)
    }

    private static func xmlEntity(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        default: nil
        }
    }
}

/// Markup for an HTML-like label. The only ways to put user text in are `text(_:)` and the
/// `lines` parameters, which escape it; tags come from the emitter's own code.
public struct HTMLMarkup: Sendable, Hashable {
    public private(set) var markup: String

    init(raw markup: String) {
        self.markup = markup
    }

    public static func text(_ text: String) -> HTMLMarkup {
        HTMLMarkup(raw: Escape.htmlLabelText(text))
    }

    static func + (lhs: HTMLMarkup, rhs: HTMLMarkup) -> HTMLMarkup {
        HTMLMarkup(raw: lhs.markup + rhs.markup)
    }

    static func += (lhs: inout HTMLMarkup, rhs: HTMLMarkup) {
        lhs.markup += rhs.markup
    }

    static let empty = HTMLMarkup(raw: "")
}

/// A label is either HTML-like or plain text, chosen by the code that builds it and never
/// guessed from the text (a title such as `<b>` must stay text).
public enum DOTLabel: Sendable, Hashable {
    case plain(String)
    case html(HTMLMarkup)

    /// The attribute value as written in DOT, delimiters included.
    public var dot: String {
        switch self {
        case .plain(let text): "\"" + Escape.dotQuoted(text) + "\""
        case .html(let markup): "<" + markup.markup + ">"
        }
    }
}
