import PTDiagnostics
import PTModel
import PTSource
import PTSyntax

/// PT123: the size of a målgruppe is a number of people.
public struct TargetGroupSizeNotNumberRule: Rule {
    public static let description = RuleDescription(
        code: "PT123", name: "maalgruppe.stoerrelse-ikke-tal", defaultSeverity: .warning,
        summary: LocalizedText(da: "En målgruppes størrelse er ikke et tal.", en: "A target group's size is not a number."),
        rationale: LocalizedText(
            da: "KL's trin 1 spørger »Hvor stor er målgruppen?« (S004 l. 415-425). »Mange« eller »ca. en tredjedel« kan ikke bruges til at dimensionere indsatsen eller regne andele ud; skriv et antal, evt. med enhed (»120 borgere«).",
            en: "KL's step 1 asks how large the target group is (S004 l. 415-425). \"Many\" cannot be used to scale the effort or compute shares; write a number, optionally with a unit (»120 citizens«)."),
        triggeringExamples: [RuleExample.replacing("  størrelse: 120 borgere", with: "  størrelse: ca. en tredjedel af de unge")],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        context.elements(.targetGroup, where: { _ in true }).compactMap { group in
            guard let size = group.size, size.number == nil else { return nil }
            return Finding(
                range: group.propertyRanges[.size] ?? group.titleRange,
                message: LocalizedText(da: "størrelsen på målgruppe \(group.displayName) er ikke et tal: \(quoted(size.text))",
                                       en: "the size of target group \(group.displayName) is not a number: \(quoted(size.text))"),
                help: LocalizedText(da: "skriv antallet først, fx »størrelse: 120 borgere«", en: "write the number first, e.g. »size: 120 citizens«"))
        }
    }
}
