import PTModel
import PTSource
import PTSyntax

/// PT102: a programteori starts with whom it is for.
public struct MissingTargetGroupRule: Rule {
    public static let description = RuleDescription(
        code: "PT102", name: "maalgruppe.mangler", defaultSeverity: .error,
        summary: LocalizedText(da: "Modellen har ingen målgruppe.", en: "The model has no target group."),
        rationale: LocalizedText(
            da: "KL's trin 1: »Definér målgruppen for forandring« — hvilke kendetegn har den, og hvor stor er den? (S004 l. 415-425). Aktiviteter og mål giver kun mening for en bestemt gruppe borgere.",
            en: "KL's step 1: define the target group for change — what characterises it and how large is it? (S004 l. 415-425). Activities and goals only make sense for a particular group of citizens."),
        triggeringExamples: [
            RuleExample.replacing("""
                målgruppe MG: Unge på uddannelseshjælp
                  kendetegn: Aktivitetsparate
                  størrelse: 120 borgere

                """, with: ""),
        ],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard !context.has(.targetGroup) else { return [] }
        return [Finding(
            range: context.modelRange,
            message: LocalizedText(da: "programteorien har ingen målgruppe", en: "the program theory has no target group"),
            help: LocalizedText(da: "tilføj »målgruppe MG: …« med »kendetegn:« og »størrelse:«",
                                en: "add »target group MG: …« with »characteristic:« and »size:«"))]
    }
}
