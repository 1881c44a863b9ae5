import PTModel
import PTSource
import PTSyntax

/// PT104: how many citizens the effort is for.
public struct TargetGroupWithoutSizeRule: Rule {
    public static let description = RuleDescription(
        code: "PT104", name: "maalgruppe.uden-stoerrelse", defaultSeverity: .warning,
        summary: LocalizedText(da: "En målgruppe har ingen størrelse.", en: "A target group has no size."),
        rationale: LocalizedText(
            da: "KL's trin 1 spørger: »Hvor stor er målgruppen?« (S004 l. 415-425). Størrelsen er grundlaget for at dimensionere indsatsen og for at læse indikatorerne (20 procent af 12 borgere er ikke 20 procent af 300).",
            en: "KL's step 1 asks: \"How large is the target group?\" (S004 l. 415-425). The size is the basis for scaling the effort and for reading the indicators."),
        triggeringExamples: [RuleExample.replacing("  størrelse: 120 borgere\n", with: "")],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        context.elements(.targetGroup, where: { context.model.elements[$0].size == nil }).map { group in
            Finding(
                range: group.titleRange,
                message: LocalizedText(da: "målgruppe \(group.displayName) har ingen størrelse",
                                       en: "target group \(group.displayName) has no size"),
                help: LocalizedText(da: "tilføj »størrelse: <antal> borgere« under målgruppen",
                                    en: "add »size: <number> citizens« under the target group"))
        }
    }
}
