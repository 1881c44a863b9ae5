import Foundation
import PTDiagram
import PTSource
import Testing

/// The DOT of every fixture, byte for byte: `Fixtures/x.pt` → `Fixtures/x.dot` (and
/// `x.<variant>.dot` for the variants below). `PT_ACCEPT=1 swift test` rewrites them; review
/// the diff like code.
@Suite("Golden DOT files")
struct GoldenDOTTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let fixture: String
        let variant: String?
        let options: DiagramOptions

        var golden: URL {
            DiagramTestSupport.fixtures.appendingPathComponent(fixture + (variant.map { "." + $0 } ?? "") + ".dot")
        }

        var testDescription: String { fixture + (variant.map { " (\($0))" } ?? "") }
    }

    static let cases: [Case] = DiagramTestSupport.fixtureNames.map { Case(fixture: $0, variant: nil, options: DiagramOptions()) } + [
        Case(fixture: "sprogets-eksempel", variant: "oversigt", options: DiagramOptions(view: .overview)),
        Case(fixture: "sprogets-eksempel", variant: "uden-indikatorer", options: DiagramOptions(showIndicators: false)),
        Case(fixture: "sprogets-eksempel", variant: "en", options: DiagramOptions(language: .english)),
        Case(fixture: "kaeder", variant: "oversigt", options: DiagramOptions(view: .overview)),
        Case(fixture: "kaeder", variant: "print", options: DiagramOptions(theme: .print)),
        Case(fixture: "kaeder", variant: "kontrast", options: DiagramOptions(theme: .contrast)),
    ]

    @Test("Each fixture's DOT matches its golden file", arguments: cases)
    func golden(_ testCase: Case) throws {
        let model = try DiagramTestSupport.fixture(testCase.fixture)
        let dot = Diagram.build(from: model, options: testCase.options).dot()
        try DiagramTestSupport.assertGolden(dot, file: testCase.golden)
    }

    @Test("Every golden file belongs to a case (none left behind by a renamed fixture)")
    func noStrayGoldens() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: DiagramTestSupport.fixtures.path).filter { $0.hasSuffix(".dot") }
        let expected = Set(Self.cases.map(\.golden.lastPathComponent))
        #expect(Set(names).subtracting(expected).isEmpty, "stray: \(Set(names).subtracting(expected).sorted())")
    }

    @Test("The same model gives the same DOT")
    func deterministic() throws {
        let model = try DiagramTestSupport.fixture("kaeder")
        #expect(Diagram.build(from: model).dot() == Diagram.build(from: model).dot())
    }

    @Test("One pinned font, named on graph, nodes and edges")
    func font() throws {
        let dot = Diagram.build(from: try DiagramTestSupport.fixture("sprogets-eksempel")).dot()
        let lines = dot.split(separator: "\n")
        for prefix in ["  graph [", "  node [", "  edge ["] {
            let defaults = lines.drop { !$0.hasPrefix(prefix) }.prefix(4).joined(separator: "\n")
            #expect(defaults.contains("fontname=\"DejaVu Sans\""), "\(prefix) names no font")
        }
        #expect(Diagram.build(from: try DiagramTestSupport.fixture("sprogets-eksempel"), options: DiagramOptions(fontName: "Liberation Sans")).dot()
            .contains("fontname=\"Liberation Sans\""))
    }

    @Test("Hostile text stays text: nothing raw reaches the DOT")
    func hostileEscaped() throws {
        let dot = Diagram.build(from: try DiagramTestSupport.fixture("fjendtlig")).dot()
        #expect(!dot.contains("<b>"))
        #expect(!dot.contains("<script>"))
        #expect(dot.contains("&lt;b&gt;Fed&lt;/b&gt; &amp; &quot;citat&quot; \\\\N \\\\G \\\\L \\\\\\\\ {} | &#93; &lt;TABLE&gt; &amp;amp; &amp;#92;N"))
        // No single backslash before a Graphviz escape letter anywhere in the file.
        for letter in ["N", "G", "E", "T", "H", "L"] {
            let parts = dot.components(separatedBy: "\\" + letter)
            for part in parts.dropLast() {
                let backslashes = part.reversed().prefix { $0 == "\\" }.count
                #expect(backslashes % 2 == 1, "an unescaped \\\(letter) in the DOT")
            }
        }
    }
}
