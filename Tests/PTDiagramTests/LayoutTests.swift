import Foundation
import PTDiagram
import PTGraphviz
import Testing

/// The layout Graphviz computes: columns left to right, each in source order, headings on one
/// line. Checked on Graphviz's `plain` output for every fixture and every model in Models/.
@Suite("Columns and order in the laid-out diagram", .serialized)
struct LayoutTests {
    struct PlainNode {
        let x: Double
        let y: Double
    }

    static var paths: [String] {
        DiagramTestSupport.fixtureNames.map { DiagramTestSupport.fixtures.appendingPathComponent($0 + ".pt").path }
            + DiagramTestSupport.showcaseModels
    }

    @Test("Columns run left to right and keep source order top to bottom", arguments: paths, DiagramView.allCases)
    func order(path: String, view: DiagramView) throws {
        let model = try DiagramTestSupport.model(path: path)
        let diagram = Diagram.build(from: model, options: DiagramOptions(view: view))
        let plain = try GraphvizRenderer.shared.render(dot: diagram.dot(), format: .plain)
        let nodes = Self.parse(String(decoding: plain, as: UTF8.self))

        var rankNumber = 0
        var previousX = -Double.infinity
        var headingY: Double?
        for column in diagram.columns {
            for rank in column.ranks {
                let heading = try #require(nodes[DOTEmitter.headingKey(rank: rankNumber)], "heading \(rankNumber) missing")
                let placed = try rank.map { key in try #require(nodes[key], "\(key) missing from the layout") }
                // One rank: one x; each rank right of the one before.
                for node in placed { #expect(abs(node.x - heading.x) < 0.01, "\(column.heading): not in one column") }
                #expect(heading.x > previousX, "\(column.heading) is not right of the column before")
                previousX = heading.x
                // Heading on top, then the nodes in source order (plain's y grows upwards).
                let ys = [heading.y] + placed.map(\.y)
                #expect(zip(ys, ys.dropFirst()).allSatisfy { $0 > $1 }, "\(column.heading) \(rank) is not in source order: \(ys)")
                // Headings on one line.
                if let first = headingY { #expect(abs(heading.y - first) < 0.05, "headings not aligned") } else { headingY = heading.y }
                rankNumber += 1
            }
        }
    }

    /// `node name x y width height label …`; names are quoted when they need to be.
    static func parse(_ plain: String) -> [String: PlainNode] {
        var nodes: [String: PlainNode] = [:]
        for line in plain.split(separator: "\n") where line.hasPrefix("node ") {
            var rest = line.dropFirst(5)
            let name: String
            if rest.first == "\"" {
                rest = rest.dropFirst()
                guard let end = rest.firstIndex(of: "\"") else { continue }
                name = String(rest[..<end])
                rest = rest[rest.index(after: end)...]
            } else {
                guard let end = rest.firstIndex(of: " ") else { continue }
                name = String(rest[..<end])
                rest = rest[end...]
            }
            let fields = rest.split(separator: " ")
            guard fields.count >= 2, let x = Double(fields[0]), let y = Double(fields[1]) else { continue }
            nodes[name] = PlainNode(x: x, y: y)
        }
        return nodes
    }
}
