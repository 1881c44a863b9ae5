import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The ids, classes and texts of an SVG, as an XML parser (and so a browser) reads them.
/// Parsing also proves the SVG is well-formed.
final class SVGSummary: NSObject, XMLParserDelegate {
    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var ids: Set<String> = []
    private(set) var classes: Set<String> = []
    private(set) var texts: [String] = []
    private var currentText: String?

    init(_ svg: Data) throws {
        super.init()
        let parser = XMLParser(data: svg)
        parser.delegate = self
        guard parser.parse() else {
            throw ParseError(description: "SVG is not well-formed XML: \(parser.parserError.map(String.init(describing:)) ?? "?")")
        }
    }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String]
    ) {
        if let id = attributes["id"] { ids.insert(id) }
        if let `class` = attributes["class"] { classes.insert(`class`) }
        if elementName == "text" { currentText = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        currentText? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "text", let text = currentText { texts.append(text) }
        currentText = nil
    }
}
