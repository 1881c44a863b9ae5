import Foundation
@testable import PTDiagnostics
import PTSource
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("JUnit")
struct JUnitRendererTests {
    @Test("Parses as XML; one test case per model file, counts right")
    func structureAndCounts() throws {
        let document = try FormatFixtures.xml(FormatFixtures.junit())
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == 1)
        let suite = suites[0]
        #expect(suite.attribute(forName: "name")?.stringValue == "programteori")

        let cases = suite.elements(forName: "testcase")
        // The model (its part's finding counted with it), the clean model, and the configuration
        // file, which belongs to no model and so gets a test case of its own.
        #expect(cases.map { $0.attribute(forName: "classname")?.stringValue } == [
            FormatFixtures.modelPath, FormatFixtures.cleanPath, FormatFixtures.configPath,
        ])
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == ["Unge i job 😀", "Ren model", FormatFixtures.configPath])
        #expect(cases.map { $0.attribute(forName: "file")?.stringValue } == [
            FormatFixtures.modelPath, FormatFixtures.cleanPath, FormatFixtures.configPath,
        ])

        let failedCases = cases.filter { !$0.elements(forName: "failure").isEmpty }
        for element in [root, suite] {
            #expect(element.attribute(forName: "tests")?.stringValue == String(cases.count))
            #expect(element.attribute(forName: "failures")?.stringValue == String(failedCases.count))
            #expect(element.attribute(forName: "errors")?.stringValue == "0")
        }
        #expect(failedCases.count == 2)
        // Deterministic: no timestamp, no time, no host unless asked.
        #expect(suite.attribute(forName: "timestamp") == nil)
        #expect(suite.attribute(forName: "hostname") == nil)

        // The clean model passed: no children at all.
        #expect(cases[1].childCount == 0)
    }

    @Test("A failure per error, typed by code, with the text rendering as body; warnings only in system-out")
    func failuresAndOutput() throws {
        let document = try FormatFixtures.xml(FormatFixtures.junit())
        let cases = try #require(document.rootElement()?.elements(forName: "testsuite").first?.elements(forName: "testcase"))
        let model = cases[0]
        let failures = model.elements(forName: "failure")
        #expect(failures.map { $0.attribute(forName: "type")?.stringValue } == ["PT201", "PT202"])
        #expect(failures.map { $0.attribute(forName: "message")?.stringValue } == ["ukendt ID »D3«", "ID »D2« findes allerede"])
        let text = TextRenderer(language: .danish, useColor: false, source: FormatFixtures.source)
        #expect(failures[0].stringValue == text.render(FormatFixtures.diagnostics[0]))
        #expect(failures[1].stringValue == text.render(FormatFixtures.diagnostics[1]))
        #expect(failures[0].stringValue?.contains("\u{1B}") == false)

        let output = try #require(model.elements(forName: "system-out").first?.stringValue)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines == [
            "Modeller/unge i job.pt:3:22: fejl[PT201] id.ukendt: ukendt ID »D3« — hjælp: mente du »D2«?",
            "Modeller/unge i job.pt:5:10: fejl[PT202] id.dublet: ID »D2« findes allerede — hjælp: giv elementet et nyt ID",
            "Modeller/unge i job.pt:4:10: advarsel[PT101] delmaal.uden-indikator: delmål »D2« har ingen indikator",
            "Modeller/unge i job.pt:6:17: info[PT140] indikator.vag: indikatoren er vag — hjælp: sig, hvad der måles og hvordan",
            "Modeller/dele/fælles.pt:1:10: advarsel[PT101] delmaal.uden-indikator: delmål »D5« har ingen indikator",
        ])
    }

    @Test("A model with only warnings passes (warnings are not failures)")
    func warningsDoNotFail() throws {
        let warnings = FormatFixtures.diagnostics.filter { $0.severity != .error }
        let document = try FormatFixtures.xml(FormatFixtures.junit(warnings))
        let suite = try #require(document.rootElement()?.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "failures")?.stringValue == "0")
        #expect(suite.attribute(forName: "tests")?.stringValue == "2")
        let model = suite.elements(forName: "testcase")[0]
        #expect(model.elements(forName: "failure").isEmpty)
        #expect(model.elements(forName: "system-out").first?.stringValue?.contains("advarsel[PT101]") == true)
    }

    @Test("No files and no findings is still a valid, empty suite")
    func empty() throws {
        let document = try FormatFixtures.xml(FormatFixtures.junit([], files: []))
        let suite = try #require(document.rootElement()?.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "tests")?.stringValue == "0")
        #expect(suite.elements(forName: "testcase").isEmpty)
    }

    @Test("A timestamp only when the caller asks, in UTC")
    func timestamp() throws {
        let renderer = JUnitRenderer(language: .danish, timestamp: Date(timeIntervalSince1970: 1_700_000_000), source: FormatFixtures.source)
        let document = try FormatFixtures.xml(renderer.render([], files: FormatFixtures.testCases))
        let suite = try #require(document.rootElement()?.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "timestamp")?.stringValue == "2023-11-14T22:13:20Z")
        #expect(FormatFixtures.junit() == FormatFixtures.junit())
    }

    @Test("Escaping: & < > \" ' and line breaks in attributes; characters XML forbids left out")
    func escaping() {
        #expect(JUnitRenderer.escapeAttribute("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;")
        #expect(JUnitRenderer.escapeAttribute("linje 1\nlinje 2\r\tx") == "linje 1&#10;linje 2&#13;&#9;x")
        #expect(JUnitRenderer.escapeText("a & <b>\n\"c\" 'd'\r") == "a &amp; &lt;b&gt;\n&quot;c&quot; &apos;d&apos;&#13;")
        #expect(JUnitRenderer.escapeText("klokke\u{07}nul\u{0}esc\u{1B}\u{FFFE}ok") == "klokkenulescok")
        #expect(JUnitRenderer.escapeText("æøå 😀 \u{FFFD}") == "æøå 😀 \u{FFFD}")
    }

    @Test("Golden JUnit", arguments: Language.allCases)
    func golden(language: Language) throws {
        try FormatFixtures.assertGolden(FormatFixtures.junit(language: language), named: "formats.\(language.rawValue).junit.xml")
    }
}
