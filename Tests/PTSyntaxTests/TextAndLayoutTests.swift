import PTDiagnostics
import PTSource
import Testing
@testable import PTSyntax

@Suite("Text, comments, chains, includes and indentation")
struct TextAndLayoutTests {
    @Test("Free text needs no quotes; a # inside a text is text; a # line is a comment")
    func freeTextAndComments() throws {
        let (tree, diagnostics) = parse("""
            # En kommentar
            programteori: Indsats #2: "unge" & <voksne>
              # også en kommentar
            """)
        #expect(diagnostics.isEmpty)
        #expect(tree.header?.title == "Indsats #2: \"unge\" & <voksne>")
        #expect(tree.comments.map(\.text) == [" En kommentar", " også en kommentar"])
    }

    @Test("An empty value takes the more-indented lines below as multi-line text")
    func multiLineText() throws {
        let (tree, diagnostics) = parse("""
            programteori: T
              beskrivelse:
                Første linje.
                  Indrykket linje.

                Efter en tom linje.
            delmål D1: x
            """)
        #expect(diagnostics.isEmpty)
        #expect(tree.header?.property(.description)?.value.text == "Første linje.\n  Indrykket linje.\n\nEfter en tom linje.")
        #expect(tree.elements.count == 1)
    }

    @Test("A chain at the top level is shorthand for fører til")
    func chains() throws {
        let (tree, diagnostics) = parse("programteori: T\nA1 -> D1 -> S1\n")
        #expect(diagnostics.isEmpty)
        guard case .chain(let chain) = tree.items.first else { Issue.record("no chain"); return }
        #expect(chain.ids.map(\.name) == ["A1", "D1", "S1"])
    }

    @Test("brug: at the top level is an include with its path")
    func includes() throws {
        let (tree, diagnostics) = parse("programteori: T\nbrug: fælles/mekanismer.pt\nuse: other.pt\n")
        #expect(diagnostics.isEmpty)
        #expect(tree.includes.map(\.path) == ["fælles/mekanismer.pt", "other.pt"])
    }

    @Test("A byte-order mark is accepted and columns still count from the text")
    func byteOrderMark() throws {
        let (tree, diagnostics) = parse(bytes: [0xEF, 0xBB, 0xBF] + Array("programteori: T\ndelmål D1: x\n  fører til: S9\n".utf8))
        #expect(diagnostics.isEmpty)
        #expect(tree.header?.title == "T")
    }

    @Test("CRLF and lone CR line endings work")
    func lineEndings() {
        let (tree, diagnostics) = parse("programteori: T\r\ndelmål D1: x\r\n  fører til: S1\rslutmål S1: y\r\n")
        #expect(diagnostics.isEmpty)
        #expect(tree.elements.count == 2)
    }

    @Test("Tabs are accepted with one warning for the file")
    func tabs() {
        let (tree, diagnostics) = parse("programteori: T\ndelmål D1: x\n\tfører til: S1\n\tbeskrivelse: y\n")
        #expect(diagnostics.codes == ["PT002"])
        #expect(diagnostics[0].message.da.contains("1 andre"))
        #expect(tree.elements[0].properties.count == 2)
    }

    @Test("Invalid UTF-8 names the line and byte offset, and parsing goes on")
    func invalidUTF8() {
        let bytes = Array("programteori: T\ndelmål D1: M".utf8) + [0xF8] + Array("de\n  fører: x\n".utf8)
        let (tree, diagnostics) = parse(bytes: bytes)
        #expect(diagnostics.codes == ["PT001", "PT003"])
        #expect(diagnostics[0].message.da.contains("linje 2 ved byte 29"))
        #expect(tree.elements.count == 1)
    }

    @Test("Unexpected indentation under a property is one error for the block")
    func unexpectedIndentation() {
        let (_, diagnostics) = parse("programteori: T\ndelmål D1: x\n  fører til: S1\n    fører til: S2\n      mere\n")
        #expect(diagnostics.codes == ["PT013"])
    }

    @Test("An element indented under another says elements do not nest")
    func nestedElement() {
        let (_, diagnostics) = parse("programteori: T\ndelmål D1: x\n  delmål D2: y\n")
        #expect(diagnostics.codes == ["PT013"])
        #expect(diagnostics[0].help?.da.contains("fører til") == true)
    }

    @Test("The example model in language.md parses with no findings")
    func languageExample() {
        let (tree, diagnostics) = parse(LanguageExample.text)
        #expect(diagnostics.isEmpty)
        #expect(tree.elements.count == 8)
        #expect(tree.header?.properties.count == 4)
    }
}

/// The complete small model from language.md, verbatim.
enum LanguageExample {
    static let text = """
        # Linjer der starter med # er kommentarer.
        programteori: Helhedsorienteret forløb for udsatte unge
          kommune: Hedensted Kommune
          ansvarlig: Ungeenheden, Jobcenter Hedensted
          version: 1.2
          dato: 2025-03-01

        målgruppe MG: Udsatte unge 18-29 år på uddannelseshjælp
          kendetegn: Visiteret aktivitetsparat
          kendetegn: Ingen erhvervskompetencegivende uddannelse
          størrelse: 120 borgere

        slutmål S1: Den unge er i gang med en ordinær uddannelse
          indikator S1.1: Andel i uddannelse 12 måneder efter forløbsstart
            enhed: procent
            baseline: 22 (2024)
            mål: 40 senest 2026-12-31
            datakilde: jobindsats.dk
            frekvens: kvartalsvis

        delmål D1: Den unge møder stabilt op til aftaler
          fører til: D2
          indikator D1.1: Fremmøde til aftalte aktiviteter
            enhed: procent
            baseline: 55 (2024-06)
            mål: 80 senest 2025-12-31
            datakilde: Fagsystemet (fremmøderegistrering)
            frekvens: månedlig

        delmål D2: Den unge har et afklaret og realistisk uddannelsesmål
          fører til: S1
          indikator D2.1: Andel med uddannelsesmål registreret i Min Plan
            enhed: procent
            mål: 75 senest 2025-12-31
            datakilde: Min Plan
            frekvens: kvartalsvis

        aktivitet A1: Fast mentor
          fører til: D1
        aktivitet A2: Afklaringspraktik i virksomhed
          fører til: D2

        mekanisme M1: Troværdig og tillidsbaseret relation til den unge
          type: tilgang
          understøtter: A1
        mekanisme M2: Strategi for det virksomhedsrettede samarbejde
          type: organisatorisk ramme
          understøtter: A2 -> D2

        """
}
