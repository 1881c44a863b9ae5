import PTSource

/// How serious a finding is. `error` fails `check` (exit 1); the others inform.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case error
    case warning
    case info

    /// The word a person reads in front of the message.
    public func label(in language: Language) -> String {
        switch (self, language) {
        case (.error, .danish): "fejl"
        case (.warning, .danish): "advarsel"
        case (.info, .danish): "info"
        case (.error, .english): "error"
        case (.warning, .english): "warning"
        case (.info, .english): "info"
        }
    }

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// Errors sort first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A second place that explains the first (e.g. where a duplicate ID was first defined).
public struct DiagnosticNote: Hashable, Sendable, Codable {
    public let range: SourceRange
    public let message: LocalizedText

    public init(range: SourceRange, message: LocalizedText) {
        self.range = range
        self.message = message
    }
}

/// One finding, as a value: where, how serious, which rule, what and how to fix it.
///
/// Every stage (parser, resolver, rules) produces these; renderers turn them into text, JSON and
/// the formats review pipelines read.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// Stable code, e.g. `PT201`. Never reused for another meaning.
    public let code: String
    /// Stable dotted Danish name, e.g. `id.ukendt`.
    public let name: String
    public var severity: Severity
    public let range: SourceRange
    public let message: LocalizedText
    public let help: LocalizedText?
    public let notes: [DiagnosticNote]

    public init(
        code: String, name: String, severity: Severity, range: SourceRange,
        message: LocalizedText, help: LocalizedText? = nil, notes: [DiagnosticNote] = []
    ) {
        self.code = code
        self.name = name
        self.severity = severity
        self.range = range
        self.message = message
        self.help = help
        self.notes = notes
    }

    public init(_ code: DiagnosticCode, range: SourceRange, message: LocalizedText, help: LocalizedText? = nil, notes: [DiagnosticNote] = []) {
        self.init(code: code.code, name: code.name, severity: code.severity, range: range, message: message, help: help, notes: notes)
    }
}

/// The identity of a kind of finding: code, dotted name and default severity.
public struct DiagnosticCode: Hashable, Sendable {
    public let code: String
    public let name: String
    public let severity: Severity

    public init(_ code: String, _ name: String, _ severity: Severity) {
        self.code = code
        self.name = name
        self.severity = severity
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count(where: { $0.severity == .error }) }
    public var warningCount: Int { count(where: { $0.severity == .warning }) }
    public var infoCount: Int { count(where: { $0.severity == .info }) }

    /// Source order within each file, files in the order given; errors first on the same spot.
    public func sortedBySource(fileOrder: [String]) -> [Diagnostic] {
        var rank: [String: Int] = [:]
        for (index, path) in fileOrder.enumerated() where rank[path] == nil { rank[path] = index }
        return enumerated().sorted { a, b in
            let ra = rank[a.element.range.path] ?? Int.max
            let rb = rank[b.element.range.path] ?? Int.max
            if ra != rb { return ra < rb }
            if a.element.range.path != b.element.range.path { return a.element.range.path < b.element.range.path }
            if a.element.range.start != b.element.range.start { return a.element.range.start < b.element.range.start }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            if a.element.code != b.element.code { return a.element.code < b.element.code }
            return a.offset < b.offset
        }.map(\.element)
    }
}
