import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG read with Foundation's XMLParser: whether it is well-formed, and the text Graphviz drew
/// (the character data of `<text>` elements, entities decoded), per `<g id="…">` and in all.
struct SVGText {
    /// nil when well-formed; else the parser's complaint with line and column.
    let error: String?
    /// The drawn text inside each group (a node's group holds its whole label), in document order.
    let textByGroup: [String: String]
    let allText: String

    init(_ data: Data) {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let ok = parser.parse()
        if ok {
            error = nil
        } else {
            let line = parser.lineNumber, column = parser.columnNumber
            error = "XMLParser: \(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(line), column \(column)"
        }
        textByGroup = reader.byGroup
        allText = reader.all
    }

    /// Text without any whitespace: wrapping breaks lines at blanks (and collapses runs of them),
    /// and cuts an over-long word between graphemes, so the drawn lines joined without blanks
    /// must contain the title without blanks.
    static func compact(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            !$0.properties.isWhitespace && !($0.value < 0x20) && !(0x7F...0x9F).contains($0.value)
        }))
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var byGroup: [String: String] = [:]
        var all = ""
        private var groups: [String?] = []
        private var textDepth = 0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "g" { groups.append(attributes["id"]) }
            if name == "text" { textDepth += 1 }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "g" { _ = groups.popLast() }
            if name == "text" {
                textDepth -= 1
                // Lines are separate `<text>` elements.
                append(" ")
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if textDepth > 0 { append(string) }
        }

        private func append(_ string: String) {
            all += string
            for case let id? in groups { byGroup[id, default: ""] += string }
        }
    }
}
