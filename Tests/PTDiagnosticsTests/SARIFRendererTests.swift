import Foundation
@testable import PTDiagnostics
import PTSource
import Testing

@Suite("SARIF")
struct SARIFRendererTests {
    @Test("The log validates against the official SARIF 2.1.0 schema", arguments: Language.allCases)
    func validatesAgainstSchema(language: Language) throws {
        let result = try FormatFixtures.validateAgainstSchema(FormatFixtures.sarif(language: language))
        #expect(result.status == 0, "SARIF is not valid against \(FormatFixtures.schemaPath):\n\(result.output)")
    }

    @Test("A log with no findings, and one whose files cannot be read, validate too")
    func edgeCasesValidate() throws {
        let empty = try FormatFixtures.validateAgainstSchema(FormatFixtures.sarif([]))
        #expect(empty.status == 0, "\(empty.output)")
        let unreadable = try FormatFixtures.validateAgainstSchema(FormatFixtures.sarif(source: { _ in nil }))
        #expect(unreadable.status == 0, "\(unreadable.output)")
    }

    @Test("The validator does reject a broken log (the check is not vacuous)")
    func validatorRejectsBrokenLog() throws {
        let broken = FormatFixtures.sarif().replacingOccurrences(of: "\"level\" : \"error\"", with: "\"level\" : \"fatal\"")
        #expect(broken != FormatFixtures.sarif())
        let result = try FormatFixtures.validateAgainstSchema(broken)
        #expect(result.status != 0, "expected a validation error:\n\(result.output)")
    }

    @Test("Driver, rules and run carry what GitHub code scanning reads")
    func driverAndRules() throws {
        let log = try FormatFixtures.json(FormatFixtures.sarif())
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == SARIFRenderer.schemaURI)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "utf16CodeUnits")
        #expect(run["language"] as? String == "da")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "programteori")
        #expect(driver["semanticVersion"] as? String == "0.1.0")
        #expect(driver["informationUri"] as? String == "https://example.org/programteori")

        let rules = try #require(driver["rules"] as? [[String: Any]])
        // Every rule passed in plus every code found without metadata, sorted by code.
        #expect(rules.compactMap { $0["id"] as? String } == ["PT030", "PT101", "PT102", "PT140", "PT201", "PT202"])
        let pt101 = try #require(rules.first { $0["id"] as? String == "PT101" })
        #expect(pt101["name"] as? String == "delmaal.uden-indikator")
        #expect((pt101["shortDescription"] as? [String: String])?["text"] == "Et delmål uden indikator.")
        #expect((pt101["fullDescription"] as? [String: String])?["text"] == "Metoden kræver, at hvert delmål kan måles.")
        #expect(pt101["helpUri"] as? String == "https://example.org/programteori/regler#pt101")
        let help = try #require(pt101["help"] as? [String: String])
        #expect(help["text"]?.contains("Metoden kræver") == true)
        #expect(help["markdown"]?.contains("[Læs mere om PT101](https://example.org/programteori/regler#pt101)") == true)
        #expect((pt101["defaultConfiguration"] as? [String: String])?["level"] == "warning")
        let properties = try #require(pt101["properties"] as? [String: Any])
        #expect(properties["tags"] as? [String] == ["programteori", "delmaal"])
        #expect(properties["problem.severity"] as? String == "warning")
        #expect(properties["security-severity"] == nil)

        // A code without metadata (here a configuration error) still has every field GitHub requires.
        let pt030 = try #require(rules.first { $0["id"] as? String == "PT030" })
        #expect(pt030["name"] as? String == "konfiguration.ugyldig")
        #expect((pt030["shortDescription"] as? [String: String])?["text"]?.isEmpty == false)
        #expect((pt030["fullDescription"] as? [String: String])?["text"]?.isEmpty == false)
        #expect((pt030["help"] as? [String: String])?["text"]?.isEmpty == false)
        #expect((pt030["defaultConfiguration"] as? [String: String])?["level"] == "error")
    }

    @Test("Results: rule, index, level, message with help, relative URI, region, notes")
    func results() throws {
        let log = try FormatFixtures.json(FormatFixtures.sarif())
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try FormatFixtures.sarifResults(FormatFixtures.sarif())
        #expect(results.count == FormatFixtures.diagnostics.count)
        for (result, diagnostic) in zip(results, FormatFixtures.diagnostics) {
            #expect(result["ruleId"] as? String == diagnostic.code)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == diagnostic.code)
        }
        #expect(results.compactMap { $0["level"] as? String } == ["error", "error", "warning", "note", "warning", "error"])

        let first = results[0]
        #expect((first["message"] as? [String: String])?["text"] == "ukendt ID »D3« — hjælp: mente du »D2«?")
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: String])
        #expect(artifact["uri"] == "Modeller/unge%20i%20job.pt")
        #expect(artifact["uriBaseId"] == "%SRCROOT%")

        // The duplicate: its note is a related location the message links to.
        let duplicate = results[1]
        #expect((duplicate["message"] as? [String: String])?["text"]
                == "ID »D2« findes allerede — hjælp: giv elementet et nyt ID (se [første gang her](1))")
        let related = try #require(duplicate["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related[0]["id"] as? Int == 1)
        #expect((related[0]["message"] as? [String: String])?["text"] == "første gang her")
        let relatedRegion = try #require((related[0]["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
        #expect(relatedRegion["startLine"] == 4)
        #expect(results[0]["relatedLocations"] == nil)
    }

    @Test("Columns are UTF-16 code units: æøå count one, an emoji two")
    func utf16Columns() throws {
        let results = try FormatFixtures.sarifResults(FormatFixtures.sarif())
        // Line 3 is "    fører til: 😀 æøå D3": D3 is the 22nd character but the 23rd UTF-16 unit.
        let region = try FormatFixtures.region(of: results[0])
        #expect(region == ["startLine": 3, "startColumn": 23, "endLine": 3, "endColumn": 25])
        let line = FormatFixtures.files[FormatFixtures.modelPath]!.text(ofLine: 3)
        let utf16 = Array(line.utf16)
        #expect(String(decoding: utf16[(23 - 1)..<(25 - 1)], as: UTF16.self) == "D3")
        // The part file: plain ASCII before the finding.
        let part = try FormatFixtures.region(of: results[4])
        #expect(part == ["startLine": 1, "startColumn": 10, "endLine": 1, "endColumn": 12])
    }

    @Test("English follows the renderer's language")
    func english() throws {
        let text = FormatFixtures.sarif(language: .english)
        let results = try FormatFixtures.sarifResults(text)
        #expect((results[0]["message"] as? [String: String])?["text"] == "unknown ID »D3« — help: did you mean »D2«?")
        #expect((results[1]["message"] as? [String: String])?["text"]
                == "ID »D2« already exists — help: give the element a new ID (see [first defined here](1))")
        #expect(text.contains("\"language\" : \"en\""))
        #expect(text.contains("An outcome without an indicator."))
        #expect(!text.contains("Et delmål uden indikator."))
    }

    @Test("Fingerprints: GitHub's line hash and our own, stable when lines are added above")
    func fingerprintsSurviveEditsAbove() throws {
        let original = FormatFixtures.files[FormatFixtures.modelPath]!
        let shifted = SourceFile(path: FormatFixtures.modelPath, text: "# en ny kommentar øverst\n\n" + FormatFixtures.modelText)
        let offset = shifted.bytes.count - original.bytes.count
        func moved(_ diagnostic: Diagnostic) -> Diagnostic {
            Diagnostic(code: diagnostic.code, name: diagnostic.name, severity: diagnostic.severity,
                       range: SourceRange(path: diagnostic.range.path, start: diagnostic.range.start + offset, end: diagnostic.range.end + offset),
                       message: diagnostic.message, help: diagnostic.help)
        }
        let before = Array(FormatFixtures.diagnostics[0...2])
        let after = before.map(moved)
        let beforeResults = try FormatFixtures.sarifResults(FormatFixtures.sarif(before))
        let afterResults = try FormatFixtures.sarifResults(FormatFixtures.sarif(after, source: { $0 == shifted.path ? shifted : nil }))
        for (a, b) in zip(beforeResults, afterResults) {
            let fa = try #require(a["partialFingerprints"] as? [String: String])
            let fb = try #require(b["partialFingerprints"] as? [String: String])
            #expect(fa.keys.sorted() == ["primaryLocationLineHash", "programteori/v1"])
            #expect(fa == fb)
            #expect(try FormatFixtures.region(of: b)["startLine"] == FormatFixtures.region(of: a)["startLine"]! + 2)
        }
        // Two findings of one rule on one line are told apart by their occurrence number.
        let twice = [FormatFixtures.diagnostics[2], FormatFixtures.diagnostics[2]]
        let own = try FormatFixtures.sarifResults(FormatFixtures.sarif(twice)).map {
            try #require(($0["partialFingerprints"] as? [String: String])?["programteori/v1"])
        }
        #expect(own[0].hasSuffix(":1") && own[1].hasSuffix(":2"))
        #expect(own[0].dropLast(2) == own[1].dropLast(2))
    }

    @Test("The primary line hash is the one GitHub's upload action computes for that line")
    func primaryLineHashMatchesGitHub() throws {
        let results = try FormatFixtures.sarifResults(FormatFixtures.sarif())
        let file = FormatFixtures.files[FormatFixtures.modelPath]!
        let hashes = Fingerprints.gitHubLineHashes(of: file)
        for result in results.prefix(4) {
            let line = try #require(try FormatFixtures.region(of: result)["startLine"])
            #expect((result["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"] == hashes[line])
        }
        // Without the file there is nothing to hash; GitHub's action fills it in from the checkout.
        let unreadable = try FormatFixtures.sarifResults(FormatFixtures.sarif(source: { _ in nil }))
        #expect((unreadable[0]["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"] == nil)
        #expect(try FormatFixtures.region(of: unreadable[0]) == ["startLine": 1])
    }

    @Test("Paths: ./ dropped, spaces and æøå percent-encoded, absolute paths as file URIs")
    func artifactURIs() {
        func location(_ path: String) -> (String?, String?) {
            let location = SARIFRenderer.artifactLocation(path)
            return (location.uri, location.uriBaseId)
        }
        #expect(location("./Modeller/x.pt") == ("Modeller/x.pt", "%SRCROOT%"))
        #expect(location("Modeller/børn og unge.pt") == ("Modeller/b%C3%B8rn%20og%20unge.pt", "%SRCROOT%"))
        #expect(location("a:b#c?.pt") == ("a%3Ab%23c%3F.pt", "%SRCROOT%"))
        #expect(location("/home/runner/work/x y.pt") == ("file:///home/runner/work/x%20y.pt", nil))
    }

    @Test("Same findings, same bytes; the order rules are passed in does not matter")
    func deterministic() {
        let once = FormatFixtures.sarif()
        #expect(once == FormatFixtures.sarif())
        let reversed = SARIFRenderer(language: .danish, toolVersion: "0.1.0", informationURI: "https://example.org/programteori",
                                     rules: FormatFixtures.rules.reversed(), source: FormatFixtures.source)
            .render(FormatFixtures.diagnostics)
        #expect(reversed == once)
        #expect(once.hasSuffix("}\n"))
    }

    @Test("Semantic versions are recognised; others are written only as version")
    func semanticVersion() throws {
        #expect(SARIFRenderer.isSemanticVersion("0.1.0"))
        #expect(SARIFRenderer.isSemanticVersion("1.2.3-beta.1+build.5"))
        #expect(!SARIFRenderer.isSemanticVersion("1.2"))
        #expect(!SARIFRenderer.isSemanticVersion("01.2.3"))
        #expect(!SARIFRenderer.isSemanticVersion("dev"))
        let log = try FormatFixtures.json(SARIFRenderer(language: .danish, toolVersion: "dev", informationURI: "https://example.org",
                                                        rules: [], source: FormatFixtures.source).render([]))
        let driver = try #require((((log["runs"] as? [[String: Any]])?.first?["tool"]) as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["semanticVersion"] == nil)
        #expect(driver["version"] as? String == "dev")
    }

    @Test("Golden SARIF", arguments: Language.allCases)
    func golden(language: Language) throws {
        try FormatFixtures.assertGolden(FormatFixtures.sarif(language: language), named: "formats.\(language.rawValue).sarif")
    }
}
