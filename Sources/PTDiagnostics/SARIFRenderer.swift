import Foundation
import PTSource

/// Renders findings as SARIF 2.1.0 (`check --format sarif`): what GitHub code scanning
/// (`github/codeql-action/upload-sarif`), Azure DevOps' SARIF viewers and most editors read.
///
/// One run; `tool.driver.rules` holds every rule passed in plus any code that was found without
/// metadata. Results carry code, level, message (with help and links to the notes), the place —
/// columns in UTF-16 code units, SARIF's default unit, which `run.columnKind` also states — and
/// fingerprints that survive edits above the finding. Keys are sorted, so the same findings give
/// the same bytes.
public struct SARIFRenderer: Sendable {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The base every relative path is relative to (the directory `check` ran in); consumers
    /// such as GitHub take it to be the repository root.
    public static let sourceRootID = "%SRCROOT%"
    /// GitHub shows at most this many characters of a rule's short and full description.
    static let descriptionLimit = 1024

    public let language: Language
    /// The version of programteori, e.g. `0.1.0` (written as `version`, and as `semanticVersion`
    /// when it is one).
    public let toolVersion: String
    /// Where people read about programteori (absolute URL); left out of the log when nil
    /// (the project has no public home yet).
    public let informationURI: String?
    /// What is known about the rules; codes without an entry still render.
    public let rules: [RuleMetadata]
    /// Looks up the file behind a range; a finding in a file we cannot show still renders, at line 1.
    public let source: @Sendable (String) -> SourceFile?

    public init(language: Language, toolVersion: String, informationURI: String? = nil, rules: [RuleMetadata],
                source: @escaping @Sendable (String) -> SourceFile?) {
        self.language = language
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.rules = rules
        self.source = source
    }

    /// The SARIF log: pretty-printed, keys sorted, ending in a newline.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(log(diagnostics))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: - Building the log

    func log(_ diagnostics: [Diagnostic]) -> SARIF.Log {
        let descriptors = reportingDescriptors(for: diagnostics)
        var ruleIndex: [String: Int] = [:]
        for (index, descriptor) in descriptors.enumerated() { ruleIndex[descriptor.id] = index }

        var lineHashes: [String: [Int: String]] = [:]
        var ownHashCounts: [String: Int] = [:]
        var results: [SARIF.Result] = []
        for diagnostic in diagnostics {
            let file = source(diagnostic.range.path)
            let span = file.map { ReportSpan(diagnostic.range, in: $0) } ?? ReportSpan(unknown: ())

            var fingerprints: [String: String] = [:]
            if let file {
                if lineHashes[file.path] == nil { lineHashes[file.path] = Fingerprints.gitHubLineHashes(of: file) }
                if let hash = lineHashes[file.path]?[span.start.line] { fingerprints[Fingerprints.gitHubKey] = hash }
            }
            let lineText = file.map { $0.text(ofLine: span.start.line) } ?? ""
            let own = Fingerprints.ownHash(code: diagnostic.code, path: ReportText.path(diagnostic.range.path), lineText: lineText)
            let occurrence = (ownHashCounts[own] ?? 0) + 1
            ownHashCounts[own] = occurrence
            fingerprints[Fingerprints.ownKey] = "\(own):\(occurrence)"

            let related = diagnostic.notes.enumerated().map { index, note in
                SARIF.Location(id: index + 1, physicalLocation: physicalLocation(note.range),
                               message: SARIF.Message(text: Self.plain(note.message.text(in: language))))
            }
            results.append(SARIF.Result(
                ruleId: diagnostic.code,
                ruleIndex: ruleIndex[diagnostic.code],
                level: Self.level(diagnostic.severity),
                message: SARIF.Message(text: messageText(diagnostic)),
                locations: [SARIF.Location(id: nil, physicalLocation: physicalLocation(diagnostic.range, span: span), message: nil)],
                relatedLocations: related.isEmpty ? nil : related,
                partialFingerprints: fingerprints))
        }

        let driver = SARIF.ToolComponent(
            name: "programteori", informationUri: informationURI,
            semanticVersion: Self.isSemanticVersion(toolVersion) ? toolVersion : nil,
            version: toolVersion, language: language.rawValue, rules: descriptors)
        let run = SARIF.Run(
            tool: SARIF.Tool(driver: driver), language: language.rawValue, columnKind: "utf16CodeUnits",
            originalUriBaseIds: [Self.sourceRootID: SARIF.ArtifactLocation(
                uri: nil, uriBaseId: nil,
                description: SARIF.Message(text: language == .danish
                    ? "Mappen programteori check blev kørt fra; stier er relative til den."
                    : "The folder programteori check ran in; paths are relative to it."))],
            results: results)
        return SARIF.Log(schema: Self.schemaURI, version: "2.1.0", runs: [run])
    }

    /// `message — hjælp: …`, then links to the notes: `(se [første gang her](1))`. GitHub turns
    /// such links into links to the related locations.
    func messageText(_ diagnostic: Diagnostic) -> String {
        var text = Self.plain(ReportText.messageWithHelp(diagnostic, language: language))
        if !diagnostic.notes.isEmpty {
            let links = diagnostic.notes.enumerated().map { index, note in
                "[\(Self.plain(ReportText.flattened(note.message.text(in: language))))](\(index + 1))"
            }
            text += " (\(language == .danish ? "se" : "see") \(links.joined(separator: ", ")))"
        }
        return text
    }

    func reportingDescriptors(for diagnostics: [Diagnostic]) -> [SARIF.ReportingDescriptor] {
        var byCode: [String: SARIF.ReportingDescriptor] = [:]
        for rule in rules where byCode[rule.code] == nil {
            byCode[rule.code] = descriptor(rule)
        }
        for diagnostic in diagnostics where byCode[diagnostic.code] == nil {
            byCode[diagnostic.code] = descriptor(code: diagnostic.code, name: diagnostic.name, severity: diagnostic.severity)
        }
        return byCode.values.sorted { $0.id < $1.id }
    }

    private func descriptor(_ rule: RuleMetadata) -> SARIF.ReportingDescriptor {
        let summary = rule.summary.text(in: language)
        let rationale = rule.rationale.text(in: language)
        // GitHub rejects empty descriptions; fall back to what we have.
        let short = summary.isEmpty ? rule.name : summary
        let full = rationale.isEmpty ? short : rationale
        var helpText = "\(rule.code) \(rule.name): \(short)\n\n\(full)"
        var helpMarkdown = "**\(rule.code)** `\(rule.name)` — \(short)\n\n\(full)"
        if let uri = rule.helpURI {
            let more = language == .danish ? "Læs mere om \(rule.code)" : "Read more about \(rule.code)"
            helpText += "\n\n\(more): \(uri)"
            helpMarkdown += "\n\n[\(more)](\(uri))"
        }
        return SARIF.ReportingDescriptor(
            id: rule.code, name: rule.name,
            shortDescription: SARIF.Message(text: Self.limited(short)),
            fullDescription: SARIF.Message(text: Self.limited(full)),
            help: SARIF.Message(text: helpText, markdown: helpMarkdown),
            helpUri: rule.helpURI,
            defaultConfiguration: SARIF.Configuration(level: Self.level(rule.defaultSeverity)),
            properties: properties(name: rule.name, severity: rule.defaultSeverity))
    }

    /// A code we know nothing more about (a parser code, say): its code and name must do.
    private func descriptor(code: String, name: String, severity: Severity) -> SARIF.ReportingDescriptor {
        let text = "\(code) \(name)"
        return SARIF.ReportingDescriptor(
            id: code, name: name,
            shortDescription: SARIF.Message(text: name),
            fullDescription: SARIF.Message(text: text),
            help: SARIF.Message(text: text, markdown: "**\(code)** `\(name)`"),
            helpUri: nil,
            defaultConfiguration: SARIF.Configuration(level: Self.level(severity)),
            properties: properties(name: name, severity: severity))
    }

    private func properties(name: String, severity: Severity) -> SARIF.RuleProperties {
        var tags = ["programteori"]
        if let area = name.split(separator: ".").first.map(String.init), !area.isEmpty, !tags.contains(area) {
            tags.append(area)
        }
        let problemSeverity = switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "recommendation"
        }
        return SARIF.RuleProperties(tags: tags, problemSeverity: problemSeverity)
    }

    private func physicalLocation(_ range: SourceRange, span: ReportSpan? = nil) -> SARIF.PhysicalLocation {
        let span = span ?? ReportSpan(range, source: source)
        let region = span.isKnown
            ? SARIF.Region(startLine: span.start.line, startColumn: span.start.utf16Column,
                           endLine: span.end.line, endColumn: span.end.utf16Column)
            : SARIF.Region(startLine: 1, startColumn: nil, endLine: nil, endColumn: nil)
        return SARIF.PhysicalLocation(artifactLocation: Self.artifactLocation(range.path), region: region)
    }

    // MARK: - Small pieces

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative path becomes a relative URI against `%SRCROOT%`; an absolute one a `file://` URI.
    static func artifactLocation(_ path: String) -> SARIF.ArtifactLocation {
        let path = ReportText.path(path)
        if path.hasPrefix("/") {
            return SARIF.ArtifactLocation(uri: "file://" + percentEncoded(path), uriBaseId: nil, description: nil)
        }
        return SARIF.ArtifactLocation(uri: percentEncoded(path), uriBaseId: sourceRootID, description: nil)
    }

    /// Percent-encodes everything but unreserved characters and `/` (so `:` in a first segment
    /// cannot be taken for a scheme, and spaces and æøå are valid in a URI).
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// SARIF plain-text messages treat `[text](target)` as a link; literal brackets are escaped.
    static func plain(_ text: String) -> String {
        guard text.contains(where: { $0 == "[" || $0 == "]" }) else { return text }
        var out = ""
        for character in text {
            if character == "[" || character == "]" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static func limited(_ text: String) -> String {
        guard text.count > descriptionLimit else { return text }
        return String(text.prefix(descriptionLimit - 1)) + "…"
    }

    /// `MAJOR.MINOR.PATCH`, optionally with `-pre` and `+build` (Semantic Versioning 2.0).
    static func isSemanticVersion(_ version: String) -> Bool {
        var core = Substring(version)
        if let plus = core.firstIndex(of: "+") {
            let build = core[core.index(after: plus)...]
            guard isDotSeparatedIdentifiers(build) else { return false }
            core = core[..<plus]
        }
        if let dash = core.firstIndex(of: "-") {
            let pre = core[core.index(after: dash)...]
            guard isDotSeparatedIdentifiers(pre) else { return false }
            core = core[..<dash]
        }
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        return numbers.count == 3 && numbers.allSatisfy { number in
            !number.isEmpty && number.allSatisfy(\.isASCIIDigit) && (number == "0" || !number.hasPrefix("0"))
        }
    }

    private static func isDotSeparatedIdentifiers(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// The subset of SARIF 2.1.0 we write. Optional properties that are nil are left out.
enum SARIF {
    struct Log: Encodable {
        let schema: String
        let version: String
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let language: String
        let columnKind: String
        let originalUriBaseIds: [String: ArtifactLocation]
        let results: [Result]
    }

    struct Tool: Encodable {
        let driver: ToolComponent
    }

    struct ToolComponent: Encodable {
        let name: String
        let informationUri: String?
        let semanticVersion: String?
        let version: String
        let language: String
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Message
        let helpUri: String?
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }

    struct Configuration: Encodable {
        let level: String
    }

    struct RuleProperties: Encodable {
        let tags: [String]
        let problemSeverity: String

        enum CodingKeys: String, CodingKey {
            case tags
            case problemSeverity = "problem.severity"
        }
    }

    struct Message: Encodable {
        let text: String
        var markdown: String? = nil
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Message
        let locations: [Location]
        let relatedLocations: [Location]?
        let partialFingerprints: [String: String]
    }

    struct Location: Encodable {
        let id: Int?
        let physicalLocation: PhysicalLocation
        let message: Message?
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String?
        let uriBaseId: String?
        let description: Message?
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int?
        let endLine: Int?
        let endColumn: Int?
    }
}
