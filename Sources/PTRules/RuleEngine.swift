import PTDiagnostics
import PTMeasurements
import PTModel
import PTSyntax

/// Runs rules over a model and turns their findings into diagnostics.
public enum RuleEngine {
    /// Severity per code after configuration; a rule absent from the map is switched off.
    public static func defaultSeverities() -> [String: Severity] {
        Dictionary(uniqueKeysWithValues: RuleCatalogue.defaults.map { ($0.code, $0.severity) })
    }

    /// `linksAreBroken`: resolution found an unknown ID or link, so rules that read links are
    /// skipped (see `RuleDescription.readsLinks`).
    public static func run(on model: ProgramTheory, today: DateValue, linksAreBroken: Bool = false,
                           severities: [String: Severity] = defaultSeverities(),
                           measurements: MeasurementSet? = nil) -> [Diagnostic] {
        let context = RuleContext(model: model, today: today, measurements: measurements)
        var diagnostics: [Diagnostic] = []
        for rule in RuleCatalogue.all {
            let description = rule.description
            guard let severity = severities[description.code] else { continue }
            if linksAreBroken, description.readsLinks { continue }
            for finding in rule.init().check(context) {
                diagnostics.append(Diagnostic(
                    code: description.code, name: description.name, severity: severity, range: finding.range,
                    message: finding.message, help: finding.help, notes: finding.notes))
            }
        }
        return diagnostics
    }
}
