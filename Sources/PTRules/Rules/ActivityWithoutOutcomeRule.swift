import PTModel
import PTSource
import PTSyntax

/// PT107: an aktivitet is there to bring about a delmål or slutmål.
public struct ActivityWithoutOutcomeRule: Rule {
    public static let description = RuleDescription(
        code: "PT107", name: "aktivitet.uden-maal", defaultSeverity: .warning,
        summary: LocalizedText(da: "En aktivitet fører ikke til et delmål eller slutmål.", en: "An activity leads to no outcome or final outcome."),
        rationale: LocalizedText(
            da: "KL's trin 4: »Beskriv de aktiviteter, der skal skabe delmål og slutmål« (S004 l. 415-425). En aktivitet uden mål kan ikke vurderes — »Bevar indsatser, der virker og nedlæg indsatser, der ikke virker« (l. 361-379).",
            en: "KL's step 4: describe the activities that produce the outcomes (S004 l. 415-425). An activity without a goal cannot be judged — \"keep what works, close what does not\" (l. 361-379)."),
        triggeringExamples: [
            RuleExample.replacing("  understøtter: A1\n", with: "  understøtter: A1, A2\n") + """
                aktivitet A2: Motionshold

                """,
        ],
        nonTriggeringExamples: [RuleExample.valid],
        readsLinks: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        context.elements(.activity, where: { context.outgoing[$0].isEmpty && !context.isIsolated($0) }).map { activity in
            Finding(
                range: activity.titleRange,
                message: LocalizedText(da: "aktivitet \(activity.displayName) fører ikke til et delmål eller slutmål",
                                       en: "activity \(activity.displayName) leads to no outcome or final outcome"),
                help: LocalizedText(da: "tilføj »fører til: D…« med det delmål, aktiviteten skal skabe",
                                    en: "add »leads to: D…« with the outcome the activity is meant to bring about"))
        }
    }
}
