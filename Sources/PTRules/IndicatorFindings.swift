import PTModel
import PTSource

/// Shared by the indicator rules: walks every indikator under every delmål and slutmål, in
/// source order, and reports those for which `isMissing` holds.
enum IndicatorFindings {
    static func missing(
        in context: RuleContext, where isMissing: (Indicator) -> Bool,
        message: (_ indicator: String, _ owner: String) -> LocalizedText,
        help: LocalizedText
    ) -> [Finding] {
        var findings: [Finding] = []
        for element in context.model.elements where element.kind == .outcome || element.kind == .finalOutcome {
            for indicator in element.indicators where isMissing(indicator) {
                findings.append(Finding(range: indicator.titleRange,
                                        message: message(name(indicator), element.displayName), help: help))
            }
        }
        return findings
    }

    static func name(_ indicator: Indicator) -> String {
        if let id = indicator.id { return id }
        return "»\(indicator.title.prefix(40))\(indicator.title.count > 40 ? "…" : "")«"
    }
}
