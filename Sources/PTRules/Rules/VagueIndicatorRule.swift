import PTDiagnostics
import PTModel
import PTSource
import PTSyntax

/// PT120: an indikator must name something to count, not an ambition.
public struct VagueIndicatorRule: Rule {
    public static let description = RuleDescription(
        code: "PT120", name: "indikator.vag", defaultSeverity: .warning,
        summary: LocalizedText(da: "En indikator er en ambition uden noget at tælle.", en: "An indicator is an ambition with nothing to count."),
        rationale: LocalizedText(
            da: "En indikator siger, hvad der tælles: »Andel af …«, »Antal …«, »Gennemsnitlig tid …«. »Bedre trivsel« eller »Øget motivation« er ambitioner — de hører til i delmålet, og indikatoren skal sige, hvordan de måles (S004 l. 361-379: »Opstil mål og resultatkrav som kan måles«). Reglen er en tommelfingerregel: den leder efter ord som »bedre«, »øget« og »styrket« i en titel uden ord som »andel«, »antal« eller »procent«.",
            en: "An indicator says what is counted: \"Share of …\", \"Number of …\". \"Better well-being\" is an ambition; it belongs in the outcome, and the indicator says how it is measured. The rule is a heuristic: it looks for words such as »bedre«, »øget«, »styrket« in a title without words such as »andel«, »antal« or »procent«."),
        triggeringExamples: [RuleExample.replacing("indikator D1.1: Andel af aftaler den unge møder op til", with: "indikator D1.1: Bedre fremmødestabilitet")],
        nonTriggeringExamples: [RuleExample.valid])

    /// Words that name something countable.
    static let countable: Set<String> = [
        "andel", "andelen", "antal", "antallet", "procent", "pct", "pct.", "%", "gennemsnit", "gennemsnitlig", "gennemsnitligt",
        "median", "tid", "tiden", "dage", "uger", "måneder", "timer", "score", "point", "rate", "kvote", "niveau", "grad",
        "kr", "kr.", "kroner", "beløb", "varighed", "fremmøde", "fremmødet", "share", "number", "percent", "percentage",
        "average", "mean", "rate", "days", "weeks", "months", "hours",
    ]
    /// Words of ambition that do not count anything by themselves.
    static let ambitions: Set<String> = [
        "bedre", "øget", "øge", "øges", "øgning", "styrke", "styrket", "styrkes", "styrkelse", "forbedre", "forbedret",
        "forbedring", "mere", "mindre", "højere", "lavere", "flere", "færre", "god", "godt", "gode", "udvikle", "udviklet",
        "better", "improved", "increased", "more", "less", "stronger", "greater",
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        context.forEachIndicator { _, indicator in
            let words = TitleWords.words(indicator.title, keeping: "%")
            guard words.contains(where: Self.ambitions.contains), !words.contains(where: Self.countable.contains) else { return }
            findings.append(Finding(
                range: indicator.titleRange,
                message: LocalizedText(da: "indikator \(IndicatorFindings.name(indicator)) beskriver en ambition, ikke noget der kan tælles",
                                       en: "indicator \(IndicatorFindings.name(indicator)) describes an ambition, not something that can be counted"),
                help: LocalizedText(da: "skriv hvad der tælles, fx »Andel af de unge, der …« eller »Antal …«",
                                    en: "say what is counted, e.g. »Share of the young people who …« or »Number of …«")))
        }
        return findings
    }
}
