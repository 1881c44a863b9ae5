import PTDiagnostics
import PTRules
import PTSyntax
import ProgramteoriKit
import Testing

/// The examples in each rule's description are its tests (as in SwiftLint): every triggering
/// example must give a finding with the rule's code, every non-triggering example none.
@Suite("Rule examples")
struct RuleExampleTests {
    static let checker = Checker(today: DateValue(year: 2026, month: 11, day: 23))
    static let rules = RuleCatalogue.all.map { RuleCase(rule: $0) }

    struct RuleCase: CustomTestStringConvertible, Sendable {
        let description: RuleDescription
        init(rule: any Rule.Type) { description = rule.description }
        var testDescription: String { "\(description.code) \(description.name)" }
    }

    @Test("Triggering examples trigger the rule", arguments: rules)
    func triggering(rule: RuleCase) {
        #expect(!rule.description.triggeringExamples.isEmpty)
        for example in rule.description.triggeringExamples {
            let codes = Self.checker.check(text: example, path: "eksempel.pt", measurements: rule.description.exampleMeasurements).diagnostics.map(\.code)
            #expect(codes.contains(rule.description.code), "\(rule.description.code) did not fire; got \(codes)")
        }
    }

    @Test("Non-triggering examples do not trigger it", arguments: rules)
    func nonTriggering(rule: RuleCase) {
        #expect(!rule.description.nonTriggeringExamples.isEmpty)
        for example in rule.description.nonTriggeringExamples {
            let codes = Self.checker.check(text: example, path: "eksempel.pt", measurements: rule.description.exampleMeasurements).diagnostics.map(\.code)
            #expect(!codes.contains(rule.description.code))
        }
    }

    @Test("The base example is clean under every rule")
    func baseExampleIsClean() {
        #expect(Self.checker.check(text: RuleExample.valid, path: "eksempel.pt").diagnostics.isEmpty)
    }

    @Test("Codes and names are unique and well-formed")
    func catalogueIdentity() {
        let codes = RuleCatalogue.all.map { $0.description.code }
        let names = RuleCatalogue.all.map { $0.description.name }
        #expect(Set(codes).count == codes.count)
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(name.allSatisfy { $0.isLowercase || $0 == "." || $0 == "-" }, "\(name) is not a dotted lower-case name")
        }
        for code in codes { #expect(code.hasPrefix("PT") && code.count == 5) }
        #expect(RuleCatalogue.rule(code: "pt101") != nil)
        #expect(RuleCatalogue.rule(code: "delmaal.uden-indikator") != nil)
    }
}
