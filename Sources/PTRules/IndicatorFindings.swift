import PTModel
import PTSource
import PTSyntax

/// Shared by the indicator rules: walks every indikator under every delmål and slutmål, in
/// source order, and reports those for which `isMissing` holds — unless `property` was written
/// (with a value that could not be read, which has its own error).
enum IndicatorFindings {
    static func missing(
        in context: RuleContext, property: PropertyKey?, where isMissing: (Indicator) -> Bool,
        message: (_ indicator: String, _ owner: String) -> LocalizedText,
        help: LocalizedText
    ) -> [Finding] {
        // A property written with a bad value has its own error; it is not also "missing".
        var findings: [Finding] = []
        context.forEachIndicator { owner, indicator in
            guard isMissing(indicator), property.map({ indicator.propertyRanges[$0] == nil }) != false else { return }
            findings.append(Finding(range: indicator.titleRange,
                                    message: message(name(indicator), context.model.elements[owner].displayName), help: help))
        }
        return findings
    }

    static func name(_ indicator: Indicator) -> String {
        if let id = indicator.id { return id }
        return "»\(indicator.title.prefix(40))\(indicator.title.count > 40 ? "…" : "")«"
    }
}
