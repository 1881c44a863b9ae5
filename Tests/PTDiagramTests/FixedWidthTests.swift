import Foundation
import PTDiagram
import PTGraphviz
import PTModel
import ProgramteoriKit
import Testing

/// A fixed-size cell is a promise that its text fits: when it does not, Graphviz warns "cell
/// size too small for content" and, in a nested table, asserts and aborts the layout.
@Suite("Fixed widths come from the font", .serialized)
struct FixedWidthTests {
    /// Every printable character of the metrics table, alone and seven times over, and mixed
    /// strings past the table, each in a fixed cell exactly as wide as the bound says.
    @Test("The bound holds for every character Graphviz measures")
    func boundHoldsAgainstGraphviz() throws {
        var samples: [String] = []
        for value in 0x20...0x24F {
            guard let scalar = Unicode.Scalar(value), !(0x7F...0x9F).contains(value) else { continue }
            samples.append(String(scalar))
            samples.append(String(repeating: String(scalar), count: 7))
        }
        // Nothing to draw: Graphviz estimates these itself (soft hyphen, zero-width space,
        // word joiner, BOM, a tag character, a musical format character).
        samples += ["\u{AD}", "\u{AD}\u{AD}\u{AD}", "\u{200B}\u{200B}", "\u{2060}", "\u{FEFF}\u{FEFF}", "\u{E0041}", "\u{1D173}\u{1D173}", "\u{3164}\u{3164}"]
        samples += ["ressourcer", "mmmmmmmmmmmmmmmmmmmm", "WWWWWWWWWW", "Ǆǅǆ", "ᙱᙱᙱ", "中文字符", "ﷺﷺ", "a\u{310}\u{310}\u{310}", "M1"]
        var nodes = ""
        for (index, text) in samples.enumerated() {
            let width = Int(FontMetrics.boldWidthBound(text, pointSize: 9).rounded(.up))
            nodes += "n\(index) [label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\"><TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"\(width)\" HEIGHT=\"16\" CELLPADDING=\"0\"><FONT POINT-SIZE=\"9\"><B>\(Escape.htmlLabelText(text))</B></FONT></TD></TR></TABLE>>];\n"
        }
        let dot = "digraph { node [shape=plain, fontname=\"DejaVu Sans\"];\n\(nodes)}"
        let rendering = try GraphvizRenderer.shared.render(dot: dot, formats: [.svg])
        #expect(rendering.warnings.isEmpty, "\(rendering.warnings.prefix(3))")
    }

    /// The model that first hit it: one mechanism with a six-letter lowercase ID, drawn through
    /// the real pipeline in every format, view and theme without a word from Graphviz.
    @Test("Long and wide mechanism IDs render without a Graphviz warning")
    func wideMechanismIDs() throws {
        let ids = ["ressourcer", "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm", "WWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "Ǆǅǆ中文字符ᙱᙱᙱ", "x"]
        var text = """
            programteori: Brede ID'er
            målgruppe MG: Unge
              kendetegn: Ledige
              størrelse: 10 borgere
            slutmål S1: I job
            delmål D1: Møder op
              fører til: S1
            aktivitet A1: Mentor
              fører til: D1

            """
        for id in ids {
            text += "mekanisme \(id): Tid til samtaler\n  type: ressource\n  understøtter: A1, A1 -> D1\n"
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-fixed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.pt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let model = try DiagramTestSupport.model(path: path)

        for view in DiagramView.allCases {
            for theme in ThemeName.allCases {
                let diagram = Diagram.build(from: model, options: DiagramOptions(view: view, theme: theme))
                let rendering = try GraphvizRenderer.shared.render(dot: diagram.dot(), formats: [.svg, .png, .pdf])
                #expect(rendering.warnings.isEmpty, "\(view) \(theme): \(rendering.warnings)")
                #expect(rendering[.svg].map { !$0.isEmpty } == true)
            }
        }
    }
}
