import Foundation
import PTDiff
import PTSource
import PTSyntax
import Testing

/// Two real revisions of `Models/udsatte-borgere-over-30-virksomhedsrettet-indsats.pt`
/// (Fixtures/revision: 2026 as in Models/, 2027 a yearly revision: a delmål split, targets
/// raised, a data source changed, a block moved). Their diff in every format is golden, and
/// docs/fmt-og-diff.md shows the text and Markdown.
@Suite("diff of a yearly revision")
struct RevisionGoldenTests {
    static let folder = DiffTestSupport.fixtures.appendingPathComponent("revision")

    func diff() throws -> TheoryDiff {
        try DiffTestSupport.diff(old: Self.folder.appendingPathComponent("2026.pt"), new: Self.folder.appendingPathComponent("2027.pt"))
    }

    @Test("Text, English text, Markdown and JSON match the golden files")
    func golden() throws {
        let diff = try diff()
        try DiffTestSupport.assertGolden(DiffTestSupport.relative(TextDiffRenderer(language: .danish).render([diff])),
                                         file: Self.folder.appendingPathComponent("diff.txt"))
        try DiffTestSupport.assertGolden(DiffTestSupport.relative(TextDiffRenderer(language: .english).render([diff])),
                                         file: Self.folder.appendingPathComponent("diff.en.txt"))
        try DiffTestSupport.assertGolden(DiffTestSupport.relative(MarkdownDiffRenderer(language: .danish).render([diff])),
                                         file: Self.folder.appendingPathComponent("diff.md"))
        try DiffTestSupport.assertGolden(DiffTestSupport.relative(JSONDiffRenderer().render([diff])),
                                         file: Self.folder.appendingPathComponent("diff.json"))
    }

    @Test("The revision reads as a reviewer wants it: the split, the raised targets, the new data source, the broken assumption")
    func content() throws {
        let diff = try diff()
        #expect(diff.elements.first { $0.id == "D6" }?.change == .added)
        #expect(diff.elements.first { $0.id == "A9" } == nil, "moving A9 is no change")
        let s1 = try #require(diff.elements.first { $0.id == "S1" }?.indicators.first)
        #expect(s1.fields == [FieldChange(field: "target", old: "45", new: "50")])
        let d1 = try #require(diff.elements.first { $0.id == "D1" }?.indicators.first)
        #expect(d1.fields == [FieldChange(field: "dataSource", old: "Planen i fagsystemet", new: "Min Plan (jobnet.dk)")])
        #expect(diff.findings.map(\.finding.code) == ["PT116", "PT206"])
    }

    @Test("The JSON is valid and says a change was found")
    func json() throws {
        let text = JSONDiffRenderer().render([try diff()])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "programteori-diff")
        #expect(object["changed"] as? Bool == true)
        #expect((object["models"] as? [Any])?.count == 1)
    }

    @Test("Markdown escapes what the user wrote, so it cannot become markup")
    func markdownEscapes() {
        let diff = TheoryDiff(old: "a.pt", new: "b.pt", title: "T", header: [],
                              elements: [ElementChange(kind: .activity, id: "A1", title: "*fed* <b>x</b> | [link](y)", change: .added,
                                                       fields: [], links: [], indicators: [], sameTextAs: nil)],
                              findings: [])
        let markdown = MarkdownDiffRenderer(language: .danish).render([diff])
        #expect(markdown.contains("\\*fed\\* \\<b\\>x\\</b\\> \\| \\[link\\](y)"))
        #expect(markdown.hasPrefix(MarkdownDiffRenderer.marker))
    }
}
