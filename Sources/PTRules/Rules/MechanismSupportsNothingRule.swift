import PTModel
import PTSource
import PTSyntax

/// PT110: a mekanisme is a condition for something; it must say what.
public struct MechanismSupportsNothingRule: Rule {
    public static let description = RuleDescription(
        code: "PT110", name: "mekanisme.understoetter-intet", defaultSeverity: .warning,
        summary: LocalizedText(da: "En mekanisme understøtter ingen aktivitet eller forbindelse.", en: "A mechanism supports no activity or link."),
        rationale: LocalizedText(
            da: "KL's trin 5: mekanismerne er det, der skal være til stede, for at aktiviteterne fører til delmål og slutmål (S004 l. 415-425). Uden »understøtter« kan ingen se, hvilken aktivitet der afhænger af den.",
            en: "KL's step 5: mechanisms are what must be present for activities to lead to outcomes (S004 l. 415-425). Without »supports« nobody can see which activity depends on it."),
        triggeringExamples: [RuleExample.replacing("  understøtter: A1\n", with: "")],
        nonTriggeringExamples: [RuleExample.valid],
        readsLinks: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        context.elements(.mechanism, where: { context.supportCount[$0] == 0 }).map { mechanism in
            Finding(
                range: mechanism.titleRange,
                message: LocalizedText(da: "mekanisme \(mechanism.displayName) understøtter ingen aktivitet eller forbindelse",
                                       en: "mechanism \(mechanism.displayName) supports no activity or link"),
                help: LocalizedText(da: "tilføj »understøtter: A1« eller »understøtter: A1 -> D1«",
                                    en: "add »supports: A1« or »supports: A1 -> D1«"))
        }
    }
}
