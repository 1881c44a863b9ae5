import PTModel
import PTSource
import PTSyntax

/// PT103: a målgruppe is described by its kendetegn.
public struct TargetGroupWithoutCharacteristicsRule: Rule {
    public static let description = RuleDescription(
        code: "PT103", name: "maalgruppe.uden-kendetegn", defaultSeverity: .warning,
        summary: LocalizedText(da: "En målgruppe har ingen kendetegn.", en: "A target group has no characteristics."),
        rationale: LocalizedText(
            da: "KL's trin 1 spørger: »Hvilke kendetegn har målgruppen?« (S004 l. 415-425). Kendetegnene afgør, hvem der visiteres til indsatsen, og gør resultaterne sammenlignelige.",
            en: "KL's step 1 asks: \"What characterises the target group?\" (S004 l. 415-425). The characteristics decide who is referred to the effort and make results comparable."),
        triggeringExamples: [RuleExample.replacing("  kendetegn: Aktivitetsparate\n", with: "")],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        context.elements(.targetGroup, where: { context.model.elements[$0].characteristics.isEmpty }).map { group in
            Finding(
                range: group.titleRange,
                message: LocalizedText(da: "målgruppe \(group.displayName) har ingen kendetegn",
                                       en: "target group \(group.displayName) has no characteristics"),
                help: LocalizedText(da: "tilføj en eller flere linjer »kendetegn: …« under målgruppen",
                                    en: "add one or more »characteristic: …« lines under the target group"))
        }
    }
}
