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
}

