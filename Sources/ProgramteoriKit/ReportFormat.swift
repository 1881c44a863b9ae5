import PTDiagnostics
import PTRules
import PTSource

/// The formats `check` writes, and how a report becomes each of them. Shared by the CLI and,
/// later, the editor server.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, junit, github

    public static let toolVersion = "0.1.0"

    /// Rule metadata for SARIF: every rule of the catalogue and every structural code.
    public static var ruleMetadata: [RuleMetadata] {
        RuleCatalogue.all.map { rule in
            let d = rule.description
            return RuleMetadata(code: d.code, name: d.name, defaultSeverity: d.defaultSeverity,
                                summary: d.summary, rationale: d.rationale)
        } + RuleDocumentation.structuralCodes.map { entry in
            RuleMetadata(code: entry.code.code, name: entry.code.name, defaultSeverity: entry.code.severity,
                         summary: entry.summary, rationale: entry.summary)
        }
    }

    /// The whole report in this format.
    public func render(_ report: CheckReport, language: Language, useColor: Bool = false) -> String {
        let files = report.files
        let source: @Sendable (String) -> SourceFile? = { files[$0] }
        switch self {
        case .text:
            return TextRenderer(language: language, useColor: useColor, source: source)
                .render(report.diagnostics, fileCount: report.fileCount)
        case .json:
            return JSONRenderer(language: language, source: source).render(report.diagnostics, fileCount: report.fileCount)
        case .sarif:
            return SARIFRenderer(language: language, toolVersion: Self.toolVersion, rules: Self.ruleMetadata, source: source)
                .render(report.diagnostics)
        case .junit:
            let models = Dictionary(report.models.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            let cases = report.checkedFiles.map { path in
                JUnitRenderer.TestCase(path: path, title: models[path]?.model.header?.title,
                                       parts: Array(models[path]?.model.files.dropFirst() ?? []))
            }
            return JUnitRenderer(language: language, source: source).render(report.diagnostics, files: cases)
        case .github:
            return GitHubRenderer(language: language, source: source).render(report.diagnostics)
        }
    }
}
