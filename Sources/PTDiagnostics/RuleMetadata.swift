import PTSource

/// What a report format needs to know about one rule, beyond the findings themselves: its
/// summary, why the method asks for it, and where to read more.
///
/// PTDiagnostics cannot see the rule catalogue (PTRules depends on this module, not the other way
/// round), so whoever renders passes these in — mapped from `RuleDescription` for the rules, and
/// from `RuleDocumentation.structuralCodes` for the parser and resolver codes if wanted. A code
/// with no metadata still renders, with just its code and dotted name.
public struct RuleMetadata: Sendable, Hashable {
    /// Stable code, e.g. `PT101`.
    public let code: String
    /// Stable dotted Danish name, e.g. `delmaal.uden-indikator`.
    public let name: String
    public let defaultSeverity: Severity
    /// One line: what the rule finds.
    public let summary: LocalizedText
    /// Why the method asks for it, with the source.
    public let rationale: LocalizedText
    /// Where a person reads more about the rule (absolute URL), if anywhere.
    public let helpURI: String?

    public init(code: String, name: String, defaultSeverity: Severity, summary: LocalizedText,
                rationale: LocalizedText, helpURI: String? = nil) {
        self.code = code
        self.name = name
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.rationale = rationale
        self.helpURI = helpURI
    }
}
