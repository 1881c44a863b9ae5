import Foundation
import PTDiagram
import PTGraphviz
import PTModel
import ProgramteoriKit
import Testing

/// `render --sammenlign`: the new version drawn with what is new, changed and removed marked,
/// on the yearly revision and every before/after pair of the diff tests. Every render is
/// checked for Graphviz warnings.
@Suite("Diff diagram")
struct ComparisonDiagramTests {
    static let diffFixtures = DiagramTestSupport.packageRoot.appendingPathComponent("Tests/PTDiffTests/Fixtures")

    static func pair(_ name: String) throws -> (old: ProgramTheory, new: ProgramTheory) {
        if name == "revision" {
            return (try DiagramTestSupport.model(path: diffFixtures.appendingPathComponent("revision/2026.pt").path),
                    try DiagramTestSupport.model(path: diffFixtures.appendingPathComponent("revision/2027.pt").path))
        }
        let folder = diffFixtures.appendingPathComponent("par/\(name)")
        let flat = FileManager.default.fileExists(atPath: folder.appendingPathComponent("gammel.pt").path)
        return (try DiagramTestSupport.model(path: folder.appendingPathComponent(flat ? "gammel.pt" : "gammel/model.pt").path),
                try DiagramTestSupport.model(path: folder.appendingPathComponent(flat ? "ny.pt" : "ny/model.pt").path))
    }

    static func diagram(_ name: String, options: DiagramOptions = DiagramOptions()) throws -> Diagram {
        let (old, new) = try pair(name)
        let overlay = DiagramComparison(old: old, label: "gammel.pt").overlay(on: new)
        var options = options
        options.changes = overlay.changes
        return Diagram.build(from: overlay.model, options: options)
    }

    static let pairs = ["revision", "nyt-element", "fjernet-element", "ny-tekst", "ny-forbindelse", "omdoebt-id",
                        "indikator-felter", "flyttet-blok", "maalgruppe-og-hoved", "brug"]

    @Test("Every pair renders without a Graphviz warning", arguments: pairs)
    func rendersCleanly(name: String) throws {
        let warnings = try PTGraphvizBridge.render(try Self.diagram(name).dot())
        #expect(warnings.isEmpty, "\(name): \(warnings)")
    }

    @Test("Every theme and view of the revision renders without a Graphviz warning", arguments: ThemeName.allCases)
    func themes(theme: ThemeName) throws {
        for view in DiagramView.allCases {
            let warnings = try PTGraphvizBridge.render(try Self.diagram("revision", options: DiagramOptions(view: view, theme: theme)).dot())
            #expect(warnings.isEmpty, "\(theme) \(view): \(warnings)")
        }
    }

    @Test("The revision: the split delmål is new, changed boxes are marked, the moved arrow is new and the old one removed")
    func revisionMarks() throws {
        let diagram = try Self.diagram("revision")
        #expect(diagram.node(key: "D6")?.mark == .added)
        for key in ["S1", "D1", "D2", "D4"] { #expect(diagram.node(key: key)?.mark == .changed, "\(key)") }
        #expect(diagram.node(key: "A3")?.mark == nil, "A3 only has new arrows")
        #expect(diagram.node(key: "A9")?.mark == nil, "moving A9 is no change")
        let a3d6 = diagram.edges.first { $0.from == "A3" && $0.to == "D6" }
        let a3d3 = diagram.edges.first { $0.from == "A3" && $0.to == "D3" }
        #expect(a3d6?.mark == .added)
        #expect(a3d3?.mark == .removed)
        #expect(a3d3?.classes.contains("pt-removed") == true)
        #expect(diagram.legend.suffix(3) == [.change(.added), .change(.changed), .change(.removed)])
        let dot = diagram.dot()
        #expect(dot.contains(">NY<"))
        #expect(dot.contains(">ÆNDRET<"))
        #expect(dot.contains("Ændringer siden gammel.pt"))
        #expect(dot.contains("style=\"dashed\""))
        #expect(diagram.accessibleSummary.hasSuffix("Ændringer siden gammel.pt: elementer 1 nyt, 4 ændrede, 0 fjernede; pile 3 nye, 1 fjernet."))
    }

    @Test("A removed element is drawn faded in its column, with its arrows dashed")
    func removedElement() throws {
        let diagram = try Self.diagram("fjernet-element")
        let removed = try #require(diagram.node(key: "A2"))
        #expect(removed.mark == .removed)
        #expect(removed.classes.contains("pt-removed"))
        #expect(diagram.columns.first { $0.kind == .activities }?.nodeKeys == ["A1", "A2"])
        #expect(diagram.edges.first { $0.from == "A2" }?.mark == .removed)
        #expect(removed.accessibleTitle.hasPrefix("Fjernet: "))
        #expect(diagram.dot().contains("\"A2\" [id=\"pt-A2\", class=\"pt-element pt-activity pt-removed\", fillcolor=\"#ffffff\", color=\"#8c959f\""))
    }

    @Test("A model compared with itself has no marks and no change legend; a plain diagram is untouched")
    func noChanges() throws {
        let diagram = try Self.diagram("flyttet-blok")
        #expect(diagram.nodes.allSatisfy { $0.mark == nil })
        #expect(diagram.edges.allSatisfy { $0.mark == nil })
        #expect(!diagram.legend.contains { if case .change = $0 { true } else { false } })
        let (_, new) = try Self.pair("flyttet-blok")
        #expect(!Diagram.build(from: new).dot().contains("Ændringer siden"))
    }

    @Test("The finished SVG carries the marks as classes, for styling and for screen readers")
    func svgClasses() throws {
        let rendered = try DiagramRenderer().render(try Self.pair("revision").new, formats: [.svg])
        #expect(!String(decoding: rendered.outputs[.svg] ?? Data(), as: UTF8.self).contains("pt-added"), "an ordinary diagram has no marks")
        let (old, new) = try Self.pair("revision")
        let overlay = DiagramComparison(old: old, label: "2026.pt").overlay(on: new)
        var renderer = DiagramRenderer()
        renderer.options.changes = overlay.changes
        let svg = String(decoding: try renderer.render(overlay.model, formats: [.svg]).outputs[.svg] ?? Data(), as: UTF8.self)
        #expect(svg.contains("pt-added"))
        #expect(svg.contains("pt-changed"))
        #expect(svg.contains("pt-removed"))
    }
}
