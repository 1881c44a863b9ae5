import Foundation
import PTRules
import PTSource
import Testing

@Suite("docs/regler.md is generated from the catalogue")
struct RuleDocumentationTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/regler.md")

    @Test("docs/regler.md matches the catalogue (PT_ACCEPT=1 regenerates it)")
    func upToDate() throws {
        let generated = RuleDocumentation.markdown()
        if ProcessInfo.processInfo.environment["PT_ACCEPT"] == "1" {
            try generated.write(to: Self.path, atomically: true, encoding: .utf8)
            return
        }
        let committed = try String(contentsOf: Self.path, encoding: .utf8)
        #expect(committed == generated, "docs/regler.md is stale: run PT_ACCEPT=1 swift test and commit it")
    }

    @Test("Every rule appears in the reference with its rationale and an example")
    func completeness() {
        let markdown = RuleDocumentation.markdown()
        for rule in RuleCatalogue.all {
            let description = rule.description
            #expect(markdown.contains("## \(description.code)"))
            #expect(markdown.contains(description.rationale.da))
        }
    }

    @Test("forklar prints the rationale and both examples, in either language")
    func explain() throws {
        let rule = try #require(RuleCatalogue.rule(code: "PT101"))
        let danish = RuleDocumentation.explain(rule.description, language: .danish)
        #expect(danish.hasPrefix("PT101 delmaal.uden-indikator — Et delmål har ingen indikator."))
        #expect(danish.contains("Eksempel, der udløser reglen"))
        #expect(RuleDocumentation.explain(rule.description, language: .english).contains("Example that triggers the rule"))
    }
}
