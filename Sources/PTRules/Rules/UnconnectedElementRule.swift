import PTModel
import PTSource
import PTSyntax

/// PT205: an element nothing joins to the rest of the model.
public struct UnconnectedElementRule: Rule {
    public static let description = RuleDescription(
        code: "PT205", name: "element.uforbundet", defaultSeverity: .warning,
        summary: LocalizedText(da: "Et element er ikke forbundet med noget.", en: "An element is connected to nothing."),
        rationale: LocalizedText(
            da: "En programteori er en kæde af sammenhænge: »Synliggør hvilke virksomme mekanismer der skal være til stede for at aktiviteterne giver de ønskede resultater« (S004 l. 1519-1524). Et delmål, en aktivitet eller en antagelse uden forbindelser indgår ikke i kæden — ofte er en »fører til« glemt. (Målgruppen er undtaget; slutmål og mekanismer har deres egne regler, PT125 og PT110.)",
            en: "A program theory is a chain of causes (S004 l. 1519-1524). An outcome, activity or assumption without links is not part of the chain — often a »leads to« is missing. (The target group is exempt; final outcomes and mechanisms have their own rules, PT125 and PT110.)"),
        triggeringExamples: [
            RuleExample.appending("""
                delmål D9: Den unge har styr på sin økonomi
                  indikator D9.1: Andel uden restancer
                    enhed: procent
                    baseline: 40 (2025)
                    mål: 60 senest 2028-06-30
                    datakilde: Borgerservice
                    frekvens: kvartalsvis

                """),
        ],
        nonTriggeringExamples: [RuleExample.valid],
        readsLinks: true)

    public init() {}

    /// Kinds this rule covers; the more specific rules (PT106-PT108) skip isolated elements so
    /// one mistake gives one finding.
    static let kinds: Set<ElementKind> = [.outcome, .activity, .assumption]

    public func check(_ context: RuleContext) -> [Finding] {
        context.kinds.indices.filter { Self.kinds.contains(context.kinds[$0]) && context.isIsolated($0) }.map { index in
            let element = context.model.elements[index]
            return Finding(
                range: element.titleRange,
                message: LocalizedText(da: "\(element.kind.danishKeyword) \(element.displayName) er ikke forbundet med noget",
                                       en: "\(element.kind.englishKeyword) \(element.displayName) is connected to nothing"),
                help: element.kind == .assumption
                    ? LocalizedText(da: "tilføj »gælder: A1 -> D1« med den forbindelse, antagelsen handler om",
                                    en: "add »applies to: A1 -> D1« with the link the assumption is about")
                    : LocalizedText(da: "forbind elementet med »fører til:« — eller fjern det, hvis det ikke hører til indsatsen",
                                    en: "connect the element with »leads to:« — or remove it if it is not part of the effort"))
        }
    }
}
