import PTDiagnostics
import PTModel
import PTSource
import PTSyntax

/// PT124: a delmål is a state the citizen reaches, not something the jobcenter does.
public struct OutcomePhrasedAsActivityRule: Rule {
    public static let description = RuleDescription(
        code: "PT124", name: "delmaal.formuleret-som-aktivitet", defaultSeverity: .info,
        summary: LocalizedText(da: "Et delmål lyder som en aktivitet.", en: "An outcome reads like an activity."),
        rationale: LocalizedText(
            da: "KL's trin 3: delmål er »hvad skal borgeren kunne for at nå frem til slutmålet?« (S004 l. 415-425) — en tilstand hos borgeren (»Den unge møder stabilt op«), ikke en ydelse fra jobcentret (»Afholde samtaler«). Reglen er en tommelfingerregel: den ser på titlens første ord.",
            en: "KL's step 3: outcomes are what the citizen must be able to do (S004 l. 415-425) — a state of the citizen, not a service of the jobcentre. The rule is a heuristic: it looks at the title's first word."),
        triggeringExamples: [RuleExample.replacing("delmål D1: Den unge møder stabilt op", with: "delmål D1: Afholde ugentlige samtaler med den unge")],
        nonTriggeringExamples: [RuleExample.valid])

    /// First words that describe what staff do rather than what the citizen reaches.
    static let activityWords: Set<String> = [
        "afholde", "afholdelse", "tilbyde", "tilbud", "etablere", "etablering", "gennemføre", "gennemførelse", "iværksætte",
        "udarbejde", "udarbejdelse", "visitere", "visitation", "holde", "give", "oprette", "ansætte", "indkalde", "sende",
        "samtale", "samtaler", "kursus", "kurser", "vi", "jobcentret", "jobcenteret", "kommunen", "sagsbehandleren",
        "sagsbehandlere", "medarbejderne", "hold", "provide", "offer", "hold", "conduct", "deliver", "organise", "organize",
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        context.elements(.outcome, where: { index in
            TitleWords.firstWord(context.model.elements[index].title).map(Self.activityWords.contains) == true
        }).map { outcome in
            return Finding(
                range: outcome.titleRange,
                message: LocalizedText(da: "delmål \(outcome.displayName) lyder som noget, jobcentret gør, ikke noget borgeren når",
                                       en: "outcome \(outcome.displayName) reads like something the jobcentre does, not something the citizen reaches"),
                help: LocalizedText(da: "formulér delmålet som borgerens tilstand, fx »Den unge møder stabilt op«; det jobcentret gør, er en aktivitet",
                                    en: "phrase the outcome as the citizen's state, e.g. »The young person attends reliably«; what the jobcentre does is an activity"))
        }
    }
}
