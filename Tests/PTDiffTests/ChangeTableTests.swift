import Foundation
import PTDiff
import PTSource
import PTSyntax
import Testing

/// One before/after pair per kind of change (Fixtures/par/). Each pair's text diff is a
/// golden file beside it (`forventet.txt`); the assertions say what the diff must contain.
@Suite("diff: a pair for every kind of change")
struct ChangeTableTests {
    static let pairs = ["ingen-aendring", "flyttet-blok", "samme-betydning", "nyt-element", "fjernet-element", "ny-tekst",
                        "ny-forbindelse", "omdoebt-id", "indikator-felter", "indikator-ny-og-fjernet", "mekanisme",
                        "antagelse", "maalgruppe-og-hoved", "fund", "brug"]

    @Test("Golden text diff", arguments: pairs)
    func golden(name: String) throws {
        let (old, new) = DiffTestSupport.pair(name)
        let diff = try DiffTestSupport.diff(old: old, new: new)
        let text = DiffTestSupport.relative(TextDiffRenderer(language: .danish).render([diff]))
        try DiffTestSupport.assertGolden(text, file: DiffTestSupport.fixtures.appendingPathComponent("par/\(name)/forventet.txt"))
    }

    @Test("No semantic change is no change: a moved block, the same numbers and words spelled otherwise",
          arguments: ["ingen-aendring", "flyttet-blok", "samme-betydning"])
    func noChange(name: String) throws {
        let (old, new) = DiffTestSupport.pair(name)
        let diff = try DiffTestSupport.diff(old: old, new: new)
        #expect(diff.isEmpty)
        #expect(old.path != new.path)
        #expect(try Data(contentsOf: old) != Data(contentsOf: new) || name == "ingen-aendring")
    }

    @Test("An added element, with its links")
    func added() throws {
        let diff = try diffOf("nyt-element")
        let change = try #require(diff.elements.first)
        #expect(diff.elements.count == 1)
        #expect(change.change == .added && change.id == "A3" && change.kind == .activity)
        #expect(change.links == [LinkChange(relation: .leadsTo, target: "D1", change: .added)])
    }

    @Test("A removed element; the mechanism that supported it loses the link, and check says so")
    func removed() throws {
        let diff = try diffOf("fjernet-element")
        #expect(diff.elements.map(\.change) == [.changed, .removed])
        #expect(diff.elements.first { $0.id == "A2" }?.change == .removed)
        #expect(diff.elements.first { $0.id == "M2" }?.links == [LinkChange(relation: .supports, target: "A2", change: .removed)])
        #expect(diff.findings.map(\.finding.code) == ["PT201"])
        #expect(diff.findings.first?.change == .added)
    }

    @Test("Same ID, new text: one changed element with the old and the new title")
    func newText() throws {
        let diff = try diffOf("ny-tekst")
        #expect(diff.elements.count == 1)
        #expect(diff.elements[0].fields == [FieldChange(field: "title", old: "Den unge møder stabilt op til aftaler",
                                                        new: "Den unge møder stabilt op og giver besked ved fravær")])
    }

    @Test("Moved: an element's links are added and removed")
    func moved() throws {
        let diff = try diffOf("ny-forbindelse")
        #expect(diff.elements.count == 1)
        #expect(diff.elements[0].links == [
            LinkChange(relation: .leadsTo, target: "D1", change: .added),
            LinkChange(relation: .leadsTo, target: "S1", change: .added),
            LinkChange(relation: .leadsTo, target: "D2", change: .removed),
        ])
    }

    @Test("A renamed ID is a removal and an addition, with a hint that the texts match")
    func renamedID() throws {
        let diff = try diffOf("omdoebt-id")
        let added = try #require(diff.elements.first { $0.change == .added })
        #expect(added.id == "D5")
        #expect(added.sameTextAs == "D2")
        #expect(diff.elements.first { $0.change == .removed }?.id == "D2")
        let text = TextDiffRenderer(language: .danish).render([diff])
        #expect(text.contains("har samme tekst som det fjernede D2; er ID'et omdøbt?"))
        #expect(TextDiffRenderer(language: .english).render([diff]).contains("has the same text as the removed D2; was the ID renamed?"))
    }

    @Test("Indicator fields, one by one: a raised target reads `mål: 80 → 85`")
    func indicatorFields() throws {
        let diff = try diffOf("indikator-felter")
        let d1 = try #require(diff.elements.first { $0.id == "D1" }?.indicators.first)
        #expect(d1.id == "D1.1" && d1.change == .changed)
        #expect(d1.fields == [FieldChange(field: "target", old: "80", new: "85"),
                              FieldChange(field: "dataSource", old: "Fagsystemet", new: "jobindsats.dk")])
        let d2 = try #require(diff.elements.first { $0.id == "D2" }?.indicators.first)
        #expect(d2.fields.map(\.field) == ["baseline", "target", "frequency", "direction"])
        #expect(d2.fields.first { $0.field == "target" } == FieldChange(field: "target", old: "75 senest 2026-12-31", new: "75 senest 2027-06-30"))
        let text = TextDiffRenderer(language: .danish).render([diff])
        #expect(text.contains("mål: 80 → 85"))
        #expect(text.contains("datakilde: Fagsystemet → jobindsats.dk"))
    }

    @Test("An indicator replaced by another is one new and one removed indicator")
    func indicatorReplaced() throws {
        let indicators = try #require(try diffOf("indikator-ny-og-fjernet").elements.first?.indicators)
        #expect(indicators.map(\.change) == [.added, .removed])
        #expect(indicators.map(\.id) == ["D2.2", "D2.1"])
    }

    @Test("Mechanisms: type, what they support (also single links) and description")
    func mechanisms() throws {
        let diff = try diffOf("mekanisme")
        let m1 = try #require(diff.elements.first { $0.id == "M1" })
        #expect(m1.fields == [FieldChange(field: "type", old: "tilgang", new: "kompetence")])
        #expect(m1.links == [LinkChange(relation: .supports, target: "A2 -> D2", change: .added)])
        #expect(diff.elements.first { $0.id == "M2" }?.fields == [FieldChange(field: "description", old: nil, new: "Faste aftaler med ti virksomheder")])
    }

    @Test("Assumptions: the links they concern, kritisk and evidens")
    func assumptions() throws {
        let change = try #require(try diffOf("antagelse").elements.first)
        #expect(change.fields.map(\.field) == ["critical", "evidence"])
        #expect(change.links == [LinkChange(relation: .appliesTo, target: "A2 -> D2", change: .added)])
    }

    @Test("The header and a target group: fields, and kendetegn as a set")
    func headerAndTargetGroup() throws {
        let diff = try diffOf("maalgruppe-og-hoved")
        #expect(diff.header.map(\.field) == ["owner", "version", "date", "status"])
        let group = try #require(diff.elements.first)
        #expect(group.fields.contains(FieldChange(field: "size", old: "120 borgere", new: "150 borgere")))
        #expect(group.fields.contains(FieldChange(field: "characteristic", old: "Aktivitetsparat", new: nil)))
        #expect(group.fields.contains(FieldChange(field: "characteristic", old: nil, new: "Aktivitetsparat eller uddannelsesparat")))
    }

    @Test("Findings that appeared and disappeared, each at its own side's line")
    func findings() throws {
        let diff = try diffOf("fund")
        #expect(diff.findings.map(\.change) == [.added, .removed])
        #expect(diff.findings.map(\.finding.code) == ["PT114", "PT115"])
        #expect(diff.findings[0].finding.location.hasSuffix("ny.pt:13:19"))
        #expect(diff.findings[1].finding.location.hasSuffix("gammel.pt:31:19"))
    }

    @Test("Changes inside a file pulled in with brug: show in the model that uses it")
    func includes() throws {
        let diff = try diffOf("brug")
        #expect(diff.elements.map(\.id) == ["M1", "M3"])
        #expect(diff.elements.map(\.change) == [.changed, .added])
        #expect(diff.elements.map(\.file) == ["faelles/mekanismer.pt", "faelles/mekanismer.pt"])
        #expect(try diffOf("mekanisme").elements.allSatisfy { $0.file == nil }, "elements of the model's own file name no file")
    }

    private func diffOf(_ name: String) throws -> TheoryDiff {
        let (old, new) = DiffTestSupport.pair(name)
        return try DiffTestSupport.diff(old: old, new: new)
    }

    @Test("A version with syntax errors is still compared, with its errors as new findings and a note")
    func syntaxErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try String(contentsOf: DiffTestSupport.fixtures.appendingPathComponent("basis.pt"), encoding: .utf8)
        try base.write(to: folder.appendingPathComponent("gammel.pt"), atomically: true, encoding: .utf8)
        try base.replacingOccurrences(of: "    frekvens: månedlig", with: "    frekvens: hver anden uge")
            .write(to: folder.appendingPathComponent("ny.pt"), atomically: true, encoding: .utf8)
        let diff = try DiffTestSupport.diff(old: folder.appendingPathComponent("gammel.pt"), new: folder.appendingPathComponent("ny.pt"))
        #expect(diff.incomplete)
        #expect(diff.findings.map(\.finding.code).contains("PT009"))
        #expect(TextDiffRenderer(language: .danish).render([diff]).contains("Bemærk: en af versionerne har syntaksfejl"))
    }
}
