import PTDiagnostics
import PTModel
import PTSource
import PTSyntax

/// PT122: KL names four kinds of mechanism; saying which helps keep it in place.
public struct MechanismWithoutTypeRule: Rule {
    public static let description = RuleDescription(
        code: "PT122", name: "mekanisme.uden-type", defaultSeverity: .warning,
        summary: LocalizedText(da: "En mekanisme har ingen type.", en: "A mechanism has no type."),
        rationale: LocalizedText(
            da: "KL's trin 5 beskriver de virksomme mekanismer som »kompetencer, ressourcer, tilgange eller organisatoriske rammer« (S004 l. 415-425). Typen siger, hvem der skal sikre mekanismen: en kompetence kræver uddannelse, en ressource et budget, en organisatorisk ramme en ledelsesbeslutning.",
            en: "KL's step 5 describes mechanisms as competences, resources, approaches or organisational frames (S004 l. 415-425). The type says who must secure the mechanism."),
        triggeringExamples: [RuleExample.replacing("  type: tilgang\n", with: "")],
        nonTriggeringExamples: [RuleExample.valid])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        context.elements(.mechanism, where: {
            context.model.elements[$0].mechanismType == nil && context.model.elements[$0].propertyRanges[.type] == nil
        }).map { mechanism in
            Finding(
                range: mechanism.titleRange,
                message: LocalizedText(da: "mekanisme \(mechanism.displayName) har ingen type", en: "mechanism \(mechanism.displayName) has no type"),
                help: LocalizedText(da: "tilføj »type: …«: kompetence, ressource, tilgang eller organisatorisk ramme",
                                    en: "add »type: …«: competence, resource, approach or organisational frame"))
        }
    }
}
