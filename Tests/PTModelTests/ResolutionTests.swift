import PTDiagnostics
import PTModel
import PTSource
import PTSyntax
import Testing

@Suite("Resolving IDs, links and kinds")
struct ResolutionTests {
    @Test("Links from fører til and chains, in source order, without repeats")
    func links() throws {
        let (model, diagnostics) = build("""
            programteori: T
            slutmål S1: s
            delmål D1: d
              fører til: S1
            aktivitet A1: a
              fører til: D1, D1
            A1 -> D1 -> S1
            """)
        #expect(diagnostics.isEmpty)
        #expect(model.links.map { "\($0.fromKey)->\($0.toKey)" } == ["D1->S1", "A1->D1"])
    }

    @Test("An unknown ID suggests the same ID in other case, else the nearest by spelling")
    func unknownIDs() {
        let (_, diagnostics) = build("""
            programteori: T
            delmål Mødestabilitet: d
            slutmål S1: s
            aktivitet A1: a
              fører til: mødestabilitet, Modestabilitet, S2, X99
            """)
        #expect(diagnostics.codes == ["PT201", "PT201", "PT201", "PT201"])
        #expect(diagnostics.map { $0.help?.da } == [
            "mente du »Mødestabilitet«?", "mente du »Mødestabilitet«?", "mente du »S1«?",
            "intet element har dette ID; tjek stavningen eller tilføj elementet",
        ])
    }

    @Test("A duplicate ID points at both places")
    func duplicates() throws {
        let text = "programteori: T\ndelmål D1: a\ndelmål D1: b\n  indikator D1: c\n"
        let (_, diagnostics) = build(text)
        #expect(diagnostics.codes == ["PT202", "PT202"])
        let file = SourceFile(path: "model.pt", text: text)
        #expect(file.location(of: diagnostics[0].range.start).line == 3)
        #expect(file.location(of: try #require(diagnostics[0].notes.first).range.start).line == 2)
    }

    @Test("Links that go the wrong way are errors", arguments: [
        "delmål D1: d\naktivitet A1: a\nD1 -> A1\n",
        "slutmål S1: s\ndelmål D1: d\nS1 -> D1\n",
        "aktivitet A1: a\naktivitet A2: b\n  fører til: A1\n",
        "målgruppe MG: m\naktivitet A1: a\nMG -> A1\n",
        "delmål D1: d\n  indikator D1.1: i\naktivitet A1: a\n  fører til: D1.1\n",
    ])
    func wrongKinds(text: String) {
        #expect(build("programteori: T\n" + text).diagnostics.codes == ["PT203"])
    }

    @Test("understøtter names activities or existing links; gælder names existing links")
    func supportsAndAssumptions() {
        let (model, diagnostics) = build("""
            programteori: T
            delmål D1: d
            aktivitet A1: a
              fører til: D1
            mekanisme M1: m
              understøtter: A1, A1 -> D1, D1, A1 -> D2
            antagelse AN: x
              gælder: A1 -> D1, D1 -> A1
            """)
        #expect(diagnostics.codes == ["PT203", "PT201", "PT206"])
        #expect(model.supports.count == 2)
        #expect(model.assumptionLinks.count == 1)
    }

    @Test("Elements without ID get generated keys that cannot clash with written IDs")
    func generatedKeys() {
        let (model, _) = build("programteori: T\naktivitet: a\naktivitet: b\ndelmål: c\n")
        #expect(model.elements.map(\.key) == ["_activity_1", "_activity_2", "_outcome_1"])
    }

    @Test("% on a number means enhed procent")
    func percentUnit() throws {
        let (model, _) = build("programteori: T\ndelmål D1: d\n  indikator I: i\n    mål: 40% senest 2027\n")
        #expect(try #require(model.elements.first?.indicators.first).unit == "procent")
    }

    @Test("The resolved model serialises to JSON")
    func json() throws {
        let (model, _) = build("programteori: T\nslutmål S1: s\ndelmål D1: d\n  fører til: S1\n")
        let data = try JSONEncoder().encode(model)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"fromKey\":\"D1\""))
        #expect(text.contains("\"kind\":\"outcome\""))
    }
}

import Foundation
