import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PTDiagram
import PTGraphviz
import PTModel
import ProgramteoriKit
import Testing

/// What reaches the user: the finished SVG, PNG and PDF, through libgvc in this process.
@Suite("Rendered diagrams: SVG, PNG and PDF", .serialized)
struct RenderedOutputTests {
    static let renderer = DiagramRenderer(options: DiagramOptions(), layout: .inProcess)

    static func svg(_ fixture: String, options: DiagramOptions = DiagramOptions()) throws -> (Diagram, String) {
        let model = try DiagramTestSupport.fixture(fixture)
        let rendered = try DiagramRenderer(options: options, layout: .inProcess).render(model, formats: [.svg])
        return (rendered.diagram, String(decoding: try #require(rendered.outputs[.svg]), as: UTF8.self))
    }

    /// The text of every `<text>` element, entities decoded.
    static func texts(_ svg: String) -> [String] {
        var result: [String] = []
        var rest = svg[...]
        while let open = rest.firstRange(of: "<text") {
            guard let start = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[start...].firstRange(of: "</text>") else { break }
            result.append(Self.unescape(String(rest[rest.index(after: start)..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        return result
    }

    static func unescape(_ text: String) -> String {
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { out += rest[amp...]; return out }
            let entity = String(rest[rest.index(after: amp)..<semicolon])
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(value) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "&" + entity + ";"
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    @Test("Every element is in the SVG with its id, its classes and its text", arguments: DiagramTestSupport.fixtureNames)
    func elementsPresent(fixture: String) throws {
        let (diagram, svg) = try Self.svg(fixture)
        let texts = Set(Self.texts(svg).map { $0.trimmingCharacters(in: .whitespaces) })
        for node in diagram.nodes {
            #expect(svg.contains("<g id=\"\(node.svgID)\" class=\"node \(node.classes.joined(separator: " "))\">"), "\(node.svgID) missing")
            for line in node.titleLines {
                #expect(texts.contains(line), "\(node.svgID): »\(line)« missing from the SVG")
            }
            for detail in node.details {
                guard case .indicator(let indicator) = detail else { continue }
                for line in indicator.titleLines { #expect(texts.contains(line), "\(node.svgID): indicator line »\(line)« missing") }
                if let values = indicator.values { #expect(texts.contains(values)) }
            }
        }
        for edge in diagram.edges {
            #expect(svg.contains("<g id=\"\(edge.svgID)\" class=\"edge \(edge.classes.joined(separator: " "))\">"), "\(edge.svgID) missing")
        }
        for line in diagram.titleBlock.titleLines { #expect(texts.contains(line)) }
        for mechanism in diagram.mechanisms {
            for line in mechanism.lines { #expect(texts.contains(line), "mechanism »\(line)« missing") }
        }
    }

    @Test("The finished SVG is well-formed XML", arguments: DiagramTestSupport.fixtureNames)
    func wellFormed(fixture: String) throws {
        let (_, svg) = try Self.svg(fixture)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(fixture): \(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test("Accessible SVG: role, title, description, a title per node")
    func accessibility() throws {
        let (diagram, svg) = try Self.svg("sprogets-eksempel")
        #expect(svg.contains("role=\"img\" aria-labelledby=\"pt-title pt-desc\" class=\"pt-diagram\">"))
        #expect(svg.contains("<title id=\"pt-title\">Helhedsorienteret forløb for udsatte unge</title>"))
        #expect(svg.contains("<desc id=\"pt-desc\">Programteori: Helhedsorienteret forløb for udsatte unge (Hedensted Kommune). Diagrammet viser"))
        let node = try #require(diagram.node(key: "D1"))
        #expect(svg.contains("<g id=\"pt-D1\" class=\"node pt-element pt-outcome\">\n<title>\(Escape.xml(node.accessibleTitle))</title>"))
        #expect(svg.contains("<title>MG fører til D1</title>") == false)
        #expect(svg.contains("<g id=\"pt-link-A1-D1\" class=\"edge pt-edge pt-leads-to\">\n<title>A1 fører til D1</title>"))
        // Headings, columns and the graph read as words, never as DOT names.
        #expect(svg.contains("<g id=\"pt-column-activities-heading\" class=\"node pt-heading\">\n<title>Aktiviteter</title>"))
        #expect(svg.contains("<g id=\"pt-column-outcomes-heading-2\" class=\"node pt-heading\">\n<title>Delmål</title>"))
        #expect(!svg.contains("<title>_") && !svg.contains("<title>cluster") && !svg.contains("<title>programteori</title>"))
        // No Graphviz version, no comments, no `&#45;`.
        #expect(!svg.contains("Generated by graphviz"))
        #expect(!svg.contains("<!--"))
        #expect(!svg.contains("&#45;"))
    }

    @Test("Dark mode: an embedded style sheet keyed on the theme's colours; plain attributes stay")
    func darkMode() throws {
        let (_, svg) = try Self.svg("sprogets-eksempel")
        #expect(svg.contains("@media (prefers-color-scheme: dark)"))
        let theme = Theme.standard
        #expect(svg.contains(".pt-diagram [fill=\"\(theme.outcome.fill.light)\"] { fill: \(theme.outcome.fill.dark); }"))
        #expect(svg.contains("fill=\"\(theme.outcome.fill.light)\""))
        // Every colour Graphviz wrote has a dark counterpart.
        let known = Set(theme.allColors.map(\.light))
        var rest = svg[...]
        while let range = rest.firstRange(of: "fill=\"#") {
            let value = String(rest[rest.index(range.upperBound, offsetBy: -1)...].prefix(7))
            #expect(known.contains(value), "\(value) has no dark-mode colour")
            rest = rest[range.upperBound...]
        }
    }

    @Test("Hostile titles render literally, and Graphviz reports no problem")
    func hostile() throws {
        let model = try DiagramTestSupport.fixture("fjendtlig")
        let rendered = try Self.renderer.render(model, formats: [.svg])
        let svg = String(decoding: try #require(rendered.outputs[.svg]), as: UTF8.self)
        let texts = Self.texts(svg)
        #expect(texts.contains(#"<b>Fed</b> & "citat" \N \G \L \\ {} | ] <TABLE> &amp; &#92;N"#))
        #expect(texts.contains("Kommune <script>alert(1)</script> · Team \"A\" & B \\E \\T \\H"))
        #expect(texts.contains(#"Aktivitet med "citat" og <br/>"#))
        #expect(texts.contains(#"og &nbsp; og \N\G\E\T\H\L"#))
        #expect(texts.contains("Emoji 👩‍👩‍👧‍👦 og 🎉 og flag 🇩🇰 i titlen"))
        #expect(texts.contains { $0.contains("עברית מימין לשמאל") })
        #expect(!svg.contains("<script>") && !svg.contains("<b>"))
        // The 2,000-character title is all there, wrapped.
        let long = try #require(model.element(id: "D2")).title
        let node = try #require(rendered.diagram.node(key: "D2"))
        #expect(node.titleLines.joined().filter { !$0.isWhitespace } == long.filter { !$0.isWhitespace })
        #expect(node.titleLines.allSatisfy { TextWrapper.displayWidth($0) <= WrapWidths().outcome })
    }

    @Test("PNG and PDF are produced and decodable")
    func pngAndPDF() throws {
        let model = try DiagramTestSupport.fixture("sprogets-eksempel")
        let rendered = try Self.renderer.render(model, formats: [.png, .pdf])
        let png = try #require(rendered.outputs[.png])
        let size = try #require(Self.pngSize(png), "not a PNG")
        #expect(size.width > 1000 && size.height > 300)
        let pdf = try #require(rendered.outputs[.pdf])
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        if let info = try Self.pdfinfo(pdf) {
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            #expect(pages?.split(separator: " ").last == "1", "\(info)")
        }
    }

    @Test("The same model gives the same bytes, in every format")
    func deterministic() throws {
        let model = try DiagramTestSupport.fixture("kaeder")
        let first = try Self.renderer.render(model, formats: [.svg, .png, .pdf, .dot])
        let second = try Self.renderer.render(model, formats: [.svg, .png, .pdf, .dot])
        for format in DiagramFormat.allCases {
            #expect(first.outputs[format] == second.outputs[format], "\(format) differs between two renders")
        }
    }

    @Test("Every theme and view renders without a Graphviz warning", arguments: ThemeName.allCases)
    func themesRender(theme: ThemeName) throws {
        for view in DiagramView.allCases {
            let diagram = Diagram.build(from: try DiagramTestSupport.fixture("kaeder"), options: DiagramOptions(view: view, theme: theme))
            let rendering = try PTGraphvizBridge.render(diagram.dot())
            #expect(rendering.isEmpty, "\(theme) \(view): \(rendering)")
        }
    }

    /// Width and height from a PNG's IHDR, after checking the signature and chunk order.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count > 33, bytes.starts(with: signature),
              String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR",
              String(decoding: bytes[(bytes.count - 8)..<(bytes.count - 4)], as: UTF8.self) == "IEND" else { return nil }
        func int(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    /// `pdfinfo`'s report (poppler-utils), or nil when it is not installed.
    static func pdfinfo(_ pdf: Data) throws -> String? {
        let tool = "/usr/bin/pdfinfo"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pt-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "pdfinfo rejected the PDF")
        return String(decoding: data, as: UTF8.self)
    }
}

/// Renders DOT once and returns Graphviz's warnings (an empty list when all is well).
enum PTGraphvizBridge {
    static func render(_ dot: String) throws -> [String] {
        try GraphvizRenderer.shared.render(dot: dot, formats: [.svg]).warnings.map(\.description)
    }
}
