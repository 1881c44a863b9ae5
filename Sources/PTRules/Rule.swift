import PTDiagnostics
import PTModel
import PTSource

/// Everything a person needs to know about one rule — and the examples that are at once its
/// documentation (`programteori forklar`, docs/regler.md) and its tests.
public struct RuleDescription: Sendable {
    /// Stable code, e.g. `PT101`.
    public let code: String
    /// Stable dotted Danish name, e.g. `delmaal.uden-indikator`.
    public let name: String
    public let defaultSeverity: Severity
    /// One line: what the rule finds.
    public let summary: LocalizedText
    /// Why the method asks for it, with the source.
    public let rationale: LocalizedText
    /// Complete models that must trigger the rule.
    public var triggeringExamples: [String] { makeTriggeringExamples() }
    /// Complete models that must not.
    public var nonTriggeringExamples: [String] { makeNonTriggeringExamples() }
    /// The rule reads the links between elements. When a reference could not be resolved
    /// (PT201-PT206) such rules are skipped: one typo must not cause a string of follow-on findings.
    public let readsLinks: Bool
    /// For rules that read a team's measurements (`--målinger`): the measurements file every
    /// example is checked with.
    public let exampleMeasurements: String?
    // The examples are built when asked for (documentation and tests), not with the rest: every
    // check reads the codes and severities, and building every example model costs as much as
    // checking a small model (docs/ydelse.md).
    private let makeTriggeringExamples: @Sendable () -> [String]
    private let makeNonTriggeringExamples: @Sendable () -> [String]

    public init(code: String, name: String, defaultSeverity: Severity, summary: LocalizedText, rationale: LocalizedText,
                triggeringExamples: @autoclosure @escaping @Sendable () -> [String],
                nonTriggeringExamples: @autoclosure @escaping @Sendable () -> [String], readsLinks: Bool = false,
                exampleMeasurements: String? = nil) {
        self.code = code
        self.name = name
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.rationale = rationale
        makeTriggeringExamples = triggeringExamples
        makeNonTriggeringExamples = nonTriggeringExamples
        self.readsLinks = readsLinks
        self.exampleMeasurements = exampleMeasurements
    }

    public var diagnosticCode: DiagnosticCode { DiagnosticCode(code, name, defaultSeverity) }
}

/// What a rule reports; the engine adds code, name and severity.
public struct Finding: Sendable {
    public let range: SourceRange
    public let message: LocalizedText
    public let help: LocalizedText?
    public let notes: [DiagnosticNote]

    public init(range: SourceRange, message: LocalizedText, help: LocalizedText? = nil, notes: [DiagnosticNote] = []) {
        self.range = range
        self.message = message
        self.help = help
        self.notes = notes
    }
}

/// One check of a resolved model. One type per file under `Rules/`.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ context: RuleContext) -> [Finding]
}
