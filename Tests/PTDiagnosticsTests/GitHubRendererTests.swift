@testable import PTDiagnostics
import PTSource
import Testing

@Suite("GitHub workflow commands")
struct GitHubRendererTests {
    @Test("One command per finding, in the documented shape")
    func shape() {
        let lines = FormatFixtures.github().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == FormatFixtures.diagnostics.count + 1)  // and a final newline
        #expect(lines.last == "")
        #expect(lines[0] == "::error file=Modeller/unge i job.pt,line=3,col=22,endLine=3,endColumn=24,title=PT201 id.ukendt::ukendt ID »D3« — hjælp: mente du »D2«?")
        #expect(lines[2] == "::warning file=Modeller/unge i job.pt,line=4,col=10,endLine=4,endColumn=12,title=PT101 delmaal.uden-indikator::delmål »D2« har ingen indikator")
        #expect(lines[3].hasPrefix("::notice file=Modeller/unge i job.pt,line=6,col=17,endLine=6,endColumn=28,title=PT140 indikator.vag::"))
    }

    @Test("Notes follow the message on their own lines")
    func notes() throws {
        let line = GitHubRenderer(language: .danish, source: FormatFixtures.source).render(FormatFixtures.diagnostics[1])
        #expect(line.hasSuffix("::ID »D2« findes allerede — hjælp: giv elementet et nyt ID%0AModeller/unge i job.pt:4:10: første gang her"))
        let command = try FormatFixtures.parseCommand(line)
        #expect(command.message == "ID »D2« findes allerede — hjælp: giv elementet et nyt ID\nModeller/unge i job.pt:4:10: første gang her")
    }

    @Test("Data escapes %, CR and LF; properties also : and ,")
    func escaping() {
        #expect(GitHubRenderer.escapeData("100% færdig\r\nnæste: a,b") == "100%25 færdig%0D%0Anæste: a,b")
        #expect(GitHubRenderer.escapeProperty("mappe:a,b/100%\n.pt") == "mappe%3Aa%2Cb/100%25%0A.pt")
    }

    @Test("A path with : and , stays one property; the title's code survives")
    func hostilePath() throws {
        let path = "mappe:a,b/50% ./x.pt"
        let file = SourceFile(path: path, text: "programteori: X\n  delmål D1: Y\n")
        let diagnostic = Diagnostic(code: "PT101", name: "delmaal.uden-indikator", severity: .warning,
                                    range: SourceRange(path: path, start: 26, end: 28),
                                    message: LocalizedText(da: "a:b, c", en: "a:b, c"))
        let line = GitHubRenderer(language: .danish, source: { $0 == path ? file : nil }).render(diagnostic)
        #expect(line.hasPrefix("::warning file=mappe%3Aa%2Cb/50%25 ./x.pt,line=2,col=10,endLine=2,endColumn=12,title=PT101 delmaal.uden-indikator::"))
        let command = try FormatFixtures.parseCommand(line)
        #expect(command.properties["file"] == path)
        #expect(command.properties["line"] == "2")
        #expect(command.message == "a:b, c")
    }

    @Test("A leading ./ is dropped from the file; an unreadable file is put on line 1")
    func pathsAndUnknownFiles() {
        let diagnostic = Diagnostic(code: "PT016", name: "fil.for-stor", severity: .error,
                                    range: SourceRange(path: "./stor.pt", start: 0, end: 0),
                                    message: LocalizedText(da: "filen er for stor", en: "the file is too large"))
        let line = GitHubRenderer(language: .english, source: { _ in nil }).render(diagnostic)
        #expect(line == "::error file=stor.pt,line=1,title=PT016 fil.for-stor::the file is too large")
    }

    @Test("Golden GitHub commands", arguments: Language.allCases)
    func golden(language: Language) throws {
        try FormatFixtures.assertGolden(FormatFixtures.github(language: language), named: "formats.\(language.rawValue).github.txt")
    }
}
