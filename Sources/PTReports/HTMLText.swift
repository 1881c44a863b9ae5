/// HTML escaping for text and attribute values: `& < > " '` become entities, and control
/// characters other than tab and line breaks are dropped (they are invalid in HTML).
public func html(_ text: String) -> String {
    text.escaping { scalar in
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        case "\t", "\n", "\r": nil
        default: scalar.value < 0x20 || scalar.value == 0x7F || (0xFDD0...0xFDEF).contains(scalar.value) ? "" : nil
        }
    }
}

/// Graphviz's SVG made fit to stand inside an HTML page: no XML prolog or DOCTYPE (the DOCTYPE
/// names a DTD by URL), no comments, no namespace attributes (HTML does not need them), so the
/// page holds no reference to anything outside itself.
public func inlineSVG(_ svg: String) -> String {
    var text = Substring(svg)
    if let start = text.range(of: "<svg") { text = text[start.lowerBound...] }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    while let open = text.range(of: "<!--") {
        out += text[..<open.lowerBound]
        guard let close = text[open.upperBound...].range(of: "-->") else { text = ""; break }
        text = text[close.upperBound...]
    }
    out += text
    for attribute in [" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", " xmlns=\"http://www.w3.org/2000/svg\""] {
        out = out.replacingAll(attribute, with: "")
    }
    return out
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let found = rest.range(of: target) {
            result += rest[..<found.lowerBound]
            result += replacement
            rest = rest[found.upperBound...]
        }
        return result + rest
    }
}
