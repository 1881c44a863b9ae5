import PTDiagnostics

/// Every rule, in code order. Adding a rule: one file under Rules/, one line here; the tests
/// and docs/regler.md pick it up from its description.
public enum RuleCatalogue {
    public static let all: [any Rule.Type] = [
        OutcomeWithoutIndicatorRule.self,
        MissingTargetGroupRule.self,
        TargetGroupWithoutCharacteristicsRule.self,
        TargetGroupWithoutSizeRule.self,
        MissingFinalOutcomeRule.self,
        OutcomeNotReachingFinalOutcomeRule.self,
        ActivityWithoutOutcomeRule.self,
        OutcomeWithoutActivityRule.self,
        MissingMechanismRule.self,
        MechanismSupportsNothingRule.self,
        IndicatorWithoutUnitRule.self,
        IndicatorWithoutTargetRule.self,
        TargetWithoutDeadlineRule.self,
        IndicatorWithoutDataSourceRule.self,
        IndicatorWithoutFrequencyRule.self,
        IndicatorWithoutBaselineRule.self,
        DirectionContradictsTargetRule.self,
        DeadlinePassedRule.self,
        TargetEqualsBaselineRule.self,
        VagueIndicatorRule.self,
        CriticalAssumptionWithoutSupportRule.self,
        MechanismWithoutTypeRule.self,
        TargetGroupSizeNotNumberRule.self,
        OutcomePhrasedAsActivityRule.self,
        FinalOutcomeNotReachedRule.self,
        CycleRule.self,
        UnconnectedElementRule.self,
        StaleMeasurementRule.self,
    ]

    public static func rule(code: String) -> (any Rule.Type)? {
        all.first { $0.description.code.lowercased() == code.lowercased() || $0.description.name == code }
    }

    /// Every rule's code and default severity, in catalogue order, built once per process, not
    /// once per model. (The rules' example models, which cost as much as checking a small model,
    /// are built only when documentation or tests ask for them: `RuleDescription`.)
    public static let defaults: [(code: String, severity: Severity)] = all.map {
        let description = $0.description
        return (description.code, description.defaultSeverity)
    }
}
