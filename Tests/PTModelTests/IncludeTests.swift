import PTDiagnostics
import PTModel
import Testing

@Suite("brug: includes")
struct IncludeTests {
    @Test("Included elements stand where brug: stands; paths are relative to the including file")
    func relativePaths() {
        let (model, diagnostics) = build([
            "m/model.pt": "programteori: T\naktivitet A1: a\n  fører til: D1\nbrug: fælles/mål.pt\nmekanisme M1: m\n  understøtter: A1\n",
            "m/fælles/mål.pt": "delmål D1: d\n  fører til: S1\nbrug: ../slut.pt\n",
            "m/slut.pt": "slutmål S1: s\n",
        ], root: "m/model.pt")
        #expect(diagnostics.isEmpty)
        #expect(model.elements.map(\.key) == ["A1", "D1", "S1", "M1"])
        #expect(model.files == ["m/model.pt", "m/fælles/mål.pt", "m/slut.pt"])
    }

    @Test("A file included twice is read once")
    func diamond() {
        let (model, diagnostics) = build([
            "model.pt": "programteori: T\nbrug: a.pt\nbrug: b.pt\n",
            "a.pt": "brug: c.pt\n", "b.pt": "brug: c.pt\n", "c.pt": "slutmål S1: s\n",
        ])
        #expect(diagnostics.isEmpty)
        #expect(model.elements.count == 1)
    }

    @Test("A missing file, a folder, itself and a longer cycle are errors at the brug line")
    func failures() {
        let (_, diagnostics) = build([
            "model.pt": "programteori: T\nbrug: findes-ikke.pt\nbrug: mappe\nbrug: model.pt\nbrug: a.pt\n",
            "a.pt": "brug: b.pt\n", "b.pt": "brug: a.pt\n",
        ], folders: ["mappe"])
        #expect(diagnostics.codes == ["PT010", "PT010", "PT011", "PT011"])
        #expect(diagnostics[0].message.da.contains("filen findes ikke"))
        #expect(diagnostics[1].message.da.contains("mappe, ikke en fil"))
        #expect(diagnostics[3].message.da.contains("a.pt → b.pt → a.pt"))
    }

    @Test("An included file with a programteori header is an error")
    func headerInPart() {
        let (_, diagnostics) = build(["model.pt": "programteori: T\nbrug: a.pt\n", "a.pt": "programteori: A\n"])
        #expect(diagnostics.codes == ["PT015"])
    }
}
