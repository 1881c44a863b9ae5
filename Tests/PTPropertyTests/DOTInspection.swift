import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Looks through emitted DOT for text Graphviz would substitute or interpret.
///
/// - Quoted strings: every backslash is part of a pair (`\\`) or escapes a quote (`\"`), so no
///   `\N`, `\G`, `\E`, `\T`, `\H`, `\L`, `\n`, `\l` or `\r` comes from user text; no control
///   characters.
/// - HTML-like labels (`<…>`): the label is well-formed XML (so every `&`, `<`, `>` of user text
///   is an entity — expat, which Graphviz uses, would otherwise read it as markup); in the decoded
///   text every run of backslashes has even length (Graphviz decodes entities first and then
///   substitutes `\N`); no control characters except the line breaks between table rows.
enum DOTInspection {
    static func problems(_ dot: String) -> [String] {
        var problems: [String] = []
        let scalars = Array(dot.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" {
                let start = index
                index += 1
                var backslashes = 0
                while index < scalars.count {
                    let current = scalars[index]
                    if current == "\\" {
                        backslashes += 1
                    } else {
                        if backslashes % 2 == 1, current != "\"" {
                            problems.append("quoted string has a lone backslash before »\(current)«: \(excerpt(scalars, start))")
                        }
                        if current == "\"", backslashes % 2 == 0 { break }
                        if isControl(current) {
                            problems.append("control character U+\(String(current.value, radix: 16)) in a quoted string: \(excerpt(scalars, start))")
                        }
                        backslashes = 0
                    }
                    index += 1
                }
                index += 1
            } else if scalar == "<" {
                // An HTML-like label: up to the matching `>`.
                let start = index
                var depth = 0
                while index < scalars.count {
                    if scalars[index] == "<" { depth += 1 }
                    if scalars[index] == ">" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    index += 1
                }
                let label = String(String.UnicodeScalarView(scalars[(start + 1)..<min(index, scalars.count)]))
                problems += htmlProblems(label)
                index += 1
            } else {
                index += 1
            }
        }
        return problems
    }

    private static func htmlProblems(_ label: String) -> [String] {
        let reader = TextCollector()
        let parser = XMLParser(data: Data(("<label>" + label + "</label>").utf8))
        parser.delegate = reader
        guard parser.parse() else {
            return ["HTML-like label is not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "?")): \(label.prefix(300))"]
        }
        var problems: [String] = []
        for run in reader.runs {
            if run.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\n" }) { continue }
            if let control = run.unicodeScalars.first(where: isControl) {
                problems.append("control character U+\(String(control.value, radix: 16)) in label text »\(run.prefix(80))«")
            }
            var backslashes = 0
            for scalar in run.unicodeScalars + ["."] {
                if scalar == "\\" {
                    backslashes += 1
                    continue
                }
                if backslashes % 2 == 1 {
                    problems.append("label text has a lone backslash before »\(scalar)«: »\(run.prefix(80))«")
                }
                backslashes = 0
            }
        }
        return problems
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func excerpt(_ scalars: [Unicode.Scalar], _ start: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<min(start + 120, scalars.count)]))
    }

    /// Character data, one run per text node (runs split at tags).
    private final class TextCollector: NSObject, XMLParserDelegate {
        var runs: [String] = []
        private var current = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            flush()
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            flush()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current += string
        }

        func parserDidEndDocument(_ parser: XMLParser) { flush() }

        private func flush() {
            if !current.isEmpty { runs.append(current) }
            current = ""
        }
    }
}
