import PTDiagnostics
import Testing
@testable import PTSyntax

@Suite("Elements and their keywords")
struct ElementParsingTests {
    @Test("The header takes every property of language.md")
    func header() throws {
        let (tree, diagnostics) = parse("""
            programteori: Helhedsorienteret forløb
              kommune: Hedensted Kommune
              ansvarlig: Ungeenheden
              version: 1.2
              dato: 2025-03-01
              status: godkendt
              beskrivelse: Et forløb for unge
            """)
        #expect(diagnostics.isEmpty)
        let header = try #require(tree.header)
        #expect(header.kind == .programTheory)
        #expect(header.title == "Helhedsorienteret forløb")
        #expect(header.property(.municipality)?.value.text == "Hedensted Kommune")
        #expect(header.property(.owner)?.value.text == "Ungeenheden")
        #expect(header.property(.version)?.value.text == "1.2")
        guard case .date(let date) = header.property(.date)?.value else { Issue.record("no date"); return }
        #expect(date == DateValue(year: 2025, month: 3, day: 1))
        guard case .status(.approved) = header.property(.status)?.value else { Issue.record("no status"); return }
        #expect(header.property(.description)?.value.text == "Et forløb for unge")
    }

    @Test("Every element keyword, in Danish", arguments: [
        ("målgruppe MG: x", ElementKind.targetGroup),
        ("slutmål S1: x", .finalOutcome),
        ("delmål D1: x", .outcome),
        ("aktivitet A1: x", .activity),
        ("mekanisme M1: x", .mechanism),
        ("virksom mekanisme M1: x", .mechanism),
        ("antagelse AN1: x", .assumption),
    ])
    func danishKeywords(line: String, kind: ElementKind) throws {
        let (tree, diagnostics) = parse("programteori: T\n" + line + "\n")
        #expect(diagnostics.isEmpty)
        let element = try #require(tree.elements.first)
        #expect(element.kind == kind)
        #expect(element.title == "x")
    }

    @Test("English aliases, any case, and æøå written out", arguments: [
        ("TARGET GROUP MG: x", ElementKind.targetGroup),
        ("Final Outcome S1: x", .finalOutcome),
        ("outcome D1: x", .outcome),
        ("Activity A1: x", .activity),
        ("mechanism M1: x", .mechanism),
        ("assumption AN1: x", .assumption),
        ("maalgruppe MG: x", .targetGroup),
        ("SLUTMAAL S1: x", .finalOutcome),
        ("Delmaal D1: x", .outcome),
        ("MÅLGRUPPE MG: x", .targetGroup),
    ])
    func aliases(line: String, kind: ElementKind) throws {
        let (tree, diagnostics) = parse("program theory: T\n" + line + "\n")
        #expect(diagnostics.isEmpty)
        #expect(tree.header != nil)
        #expect(try #require(tree.elements.first).kind == kind)
    }

    @Test("IDs: letters, digits, . _ - and Danish letters; an element without ID is allowed")
    func identifiers() throws {
        let (tree, diagnostics) = parse("""
            programteori: T
            delmål D2.1_a-b: x
            delmål mødestabilitet: y
            aktivitet: Uden ID
            """)
        #expect(diagnostics.isEmpty)
        #expect(tree.elements.map { $0.id?.name } == ["D2.1_a-b", "mødestabilitet", nil])
    }

    @Test("An invalid ID and an ID with spaces are errors at the ID")
    func invalidIdentifiers() {
        let text = "programteori: T\ndelmål 1D: x\ndelmål D 1: y\n"
        let (_, diagnostics) = parse(text)
        #expect(diagnostics.codes == ["PT005", "PT005"])
        #expect(diagnostics.map { line(of: $0, in: text) } == [2, 3])
    }

    @Test("Indicators nest under delmål and slutmål with all their properties")
    func indicators() throws {
        let (tree, diagnostics) = parse("""
            programteori: T
            delmål D1: Møder op
              indikator D1.1: Fremmøde
                enhed: procent
                baseline: 55 (2024-06)
                mål: 80 senest 2025-12-31
                datakilde: Fagsystemet
                frekvens: månedlig
                retning: op
                ansvarlig: Teamleder
                definition: Fremmøde / aftaler
            """)
        #expect(diagnostics.isEmpty)
        let indicator = try #require(tree.elements.first?.indicators.first)
        #expect(indicator.id?.name == "D1.1")
        #expect(indicator.properties.map(\.key) == [.unit, .baseline, .target, .dataSource, .frequency, .direction, .owner, .definition])
        guard case .target(let target) = indicator.property(.target)?.value else { Issue.record("no target"); return }
        #expect(target.quantity.value == 80)
        #expect(target.deadline == DateValue(year: 2025, month: 12, day: 31))
    }

    @Test("An indicator at the top level or under an aktivitet is an error that says where it belongs")
    func misplacedIndicator() {
        let text = "programteori: T\nindikator I1: x\naktivitet A1: y\n  indikator I2: z\n"
        let (_, diagnostics) = parse(text)
        #expect(diagnostics.codes == ["PT004", "PT004"])
        #expect(diagnostics[0].message.da.contains("delmål eller slutmål"))
    }

    @Test("Every property of målgruppe, mekanisme and antagelse")
    func otherProperties() throws {
        let (tree, diagnostics) = parse("""
            programteori: T
            målgruppe MG: Unge
              kendetegn: A
              kendetegn: B
              størrelse: 120 borgere
              afgrænsning: 18-29 år
            mekanisme M1: Relation
              type: organisatorisk ramme
              understøtter: A1, A2 -> D2
            antagelse AN1: Tillid virker
              gælder: A1 -> D1, D1 -> S1
              kritisk: ja
              evidens: S004 l. 1040
            """)
        #expect(diagnostics.isEmpty)
        let group = tree.elements[0]
        #expect(group.properties(.characteristic).count == 2)
        guard case .size(let size) = group.property(.size)?.value else { Issue.record("no size"); return }
        #expect(size.number == 120 && size.unit == "borgere")
        guard case .mechanismType(.organisationalFrame) = tree.elements[1].property(.type)?.value else { Issue.record("no type"); return }
        #expect(tree.elements[1].property(.supports)?.value.references.count == 2)
        #expect(tree.elements[2].property(.appliesTo)?.value.references.count == 2)
        guard case .flag(true) = tree.elements[2].property(.critical)?.value else { Issue.record("no flag"); return }
    }

    @Test("A property the element does not take is an error that lists what is allowed")
    func propertyInWrongPlace() {
        let (_, diagnostics) = parse("programteori: T\naktivitet A1: x\n  enhed: procent\n")
        #expect(diagnostics.codes == ["PT004"])
        #expect(diagnostics[0].help?.da.contains("»fører til«") == true)
        #expect(diagnostics[0].help?.da.contains("»beskrivelse«") == true)
    }

    @Test("An unknown keyword suggests the nearest and lists what is allowed")
    func unknownKeyword() {
        let (_, diagnostics) = parse("programteori: T\ndelmål D1: x\n  førertil: S1\nakivitet A1: y\n")
        #expect(diagnostics.codes == ["PT003", "PT003"])
        #expect(diagnostics[0].help?.da.hasPrefix("mente du »fører til«?") == true)
        #expect(diagnostics[1].help?.da.hasPrefix("mente du »aktivitet«?") == true)
        #expect(diagnostics[1].help?.en.contains("»activity«") == true)
    }

    @Test("A repeated single property is an error pointing at both lines")
    func repeatedProperty() {
        let (_, diagnostics) = parse("programteori: T\ndelmål D1: x\n  indikator I: y\n    enhed: procent\n    enhed: antal\n")
        #expect(diagnostics.codes == ["PT018"])
        #expect(diagnostics[0].notes.count == 1)
    }

    @Test("A missing title and a missing colon are errors with a worked example")
    func missingTitleAndColon() {
        let (_, diagnostics) = parse("programteori: T\ndelmål D1:\naktivitet A1 Fast mentor\n")
        #expect(diagnostics.codes == ["PT006", "PT021"])
        #expect(diagnostics[1].help?.da.contains("»aktivitet: A1 Fast mentor«") == true)
    }

    @Test("Only one header, and it comes first")
    func headerRules() {
        let (_, twice) = parse("programteori: A\nprogramteori: B\n")
        #expect(twice.codes == ["PT012"])
        let (_, late) = parse("delmål D1: x\nprogramteori: A\n")
        #expect(late.codes == ["PT012"])
    }
}
