import Foundation
import PTDiagnostics
import PTRules
import PTSource
import TOMLKit

/// A repository's `programteori.toml`: which profile, and rules raised, lowered or switched off.
///
/// ```toml
/// profil = "kl"            # eller "streng"
/// [regler]
/// PT116 = "fra"            # fejl, advarsel, info eller fra
/// "indikator.vag" = "info"
/// ```
public struct Configuration: Sendable, Equatable {
    public enum Profile: String, Sendable, CaseIterable {
        /// KL's five steps with the default severities.
        case kl
        /// Every rule one step stricter: info becomes warning, warning becomes error.
        case strict = "streng"
    }

    public var profile: Profile = .kl
    /// Severity per rule code; `nil` switches the rule off.
    public var overrides: [String: Severity?] = [:]
    /// Where it was read from (nil: the defaults).
    public var path: String?

    public init(profile: Profile = .kl, overrides: [String: Severity?] = [:], path: String? = nil) {
        self.profile = profile
        self.overrides = overrides
        self.path = path
    }

    /// The severity of every rule that is on.
    public func severities() -> [String: Severity] {
        var result: [String: Severity] = [:]
        for (code, defaultSeverity) in RuleCatalogue.defaults {
            var severity = defaultSeverity
            if profile == .strict { severity = severity == .info ? .warning : .error }
            if let override = overrides[code] {
                guard let override else { continue }
                severity = override
            }
            result[code] = severity
        }
        return result
    }

    public static let fileName = "programteori.toml"
}

/// Finds and reads `programteori.toml`, reporting every problem at its line.
public enum ConfigurationLoader {
    public static let invalid = DiagnosticCode("PT030", "konfiguration.ugyldig", .error)

    /// The nearest `programteori.toml` in the model's folder or a folder above it.
    public static func find(from modelPath: String) -> String? {
        var folder = URL(fileURLWithPath: modelPath).standardizedFileURL.deletingLastPathComponent()
        while true {
            let candidate = folder.appendingPathComponent(Configuration.fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    public static func load(_ path: String) -> (configuration: Configuration, diagnostics: [Diagnostic], file: SourceFile?) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (Configuration(path: path), [Diagnostic(
                invalid, range: SourceRange(path: path, start: 0, end: 0),
                message: LocalizedText(da: "konfigurationsfilen kan ikke læses", en: "the configuration file cannot be read"))], nil)
        }
        let file = SourceFile(path: path, bytes: [UInt8](data))
        let (configuration, diagnostics) = parse(file)
        return (configuration, diagnostics, file)
    }

    static func parse(_ file: SourceFile) -> (Configuration, [Diagnostic]) {
        var configuration = Configuration(path: file.path)
        var diagnostics: [Diagnostic] = []
        let text = String(decoding: file.bytes, as: UTF8.self)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = max(1, min(file.lineCount, error.source.begin.line))
            let start = file.byteRange(ofLine: line).lowerBound + max(0, error.source.begin.column - 1)
            diagnostics.append(Diagnostic(
                invalid, range: SourceRange(path: file.path, start: min(start, file.byteRange(ofLine: line).upperBound), end: file.byteRange(ofLine: line).upperBound),
                message: LocalizedText(da: "konfigurationsfilen er ikke gyldig TOML: \(error.description)",
                                       en: "the configuration file is not valid TOML: \(error.description)"),
                help: LocalizedText(da: "skriv fx »profil = \"kl\"« og under »[regler]« linjer som »PT116 = \"fra\"«",
                                    en: "write e.g. »profile = \"kl\"« and under »[rules]« lines such as »PT116 = \"off\"«")))
            return (configuration, diagnostics)
        } catch {
            diagnostics.append(Diagnostic(invalid, range: SourceRange(path: file.path, start: 0, end: 0),
                                          message: LocalizedText(da: "konfigurationsfilen kan ikke læses", en: "the configuration file cannot be read")))
            return (configuration, diagnostics)
        }

        func range(ofKey key: String) -> SourceRange {
            // TOMLKit does not keep positions; the key's first line is where a person looks.
            for line in 1...file.lineCount {
                let lineText = file.text(ofLine: line)
                let trimmed = lineText.drop(while: { $0 == " " || $0 == "\t" })
                if trimmed.hasPrefix(key) || trimmed.hasPrefix("\"\(key)\"") {
                    let lineRange = file.byteRange(ofLine: line)
                    let indent = lineText.utf8.count - trimmed.utf8.count
                    return SourceRange(path: file.path, start: lineRange.lowerBound + indent, end: lineRange.upperBound)
                }
            }
            return SourceRange(path: file.path, start: 0, end: 0)
        }
        func report(_ key: String, da: String, en: String, helpDa: String, helpEn: String) {
            diagnostics.append(Diagnostic(invalid, range: range(ofKey: key), message: LocalizedText(da: da, en: en),
                                          help: LocalizedText(da: helpDa, en: helpEn)))
        }

        for key in table.keys.sorted() {
            switch key {
            case "profil", "profile":
                guard let value = table[key]?.string, let profile = profileNamed(value) else {
                    report(key, da: "ukendt profil", en: "unknown profile",
                           helpDa: "brug »kl« (standard) eller »streng«", helpEn: "use »kl« (default) or »streng« (strict)")
                    continue
                }
                configuration.profile = profile
            case "regler", "rules":
                guard let rules = table[key]?.table else {
                    report(key, da: "»[\(key)]« skal være en tabel", en: "»[\(key)]« must be a table",
                           helpDa: "skriv »[regler]« på en linje for sig og reglerne under den", helpEn: "write »[rules]« on a line of its own with the rules below it")
                    continue
                }
                for ruleKey in rules.keys.sorted() {
                    guard let rule = RuleCatalogue.rule(code: ruleKey) else {
                        let isStructural = ruleKey.uppercased().hasPrefix("PT0") || ruleKey.uppercased().hasPrefix("PT2")
                        report(ruleKey,
                               da: isStructural ? "\(ruleKey) kan ikke ændres: det er en fejl i modellens opbygning" : "ukendt regel \(quoted(ruleKey))",
                               en: isStructural ? "\(ruleKey) cannot be changed: it is an error in the model's structure" : "unknown rule \(quoted(ruleKey))",
                               helpDa: "se alle regler med »programteori regler«", helpEn: "list every rule with »programteori regler«")
                        continue
                    }
                    guard let value = rules[ruleKey]?.string, let severity = severityNamed(value) else {
                        report(ruleKey, da: "ukendt niveau for \(ruleKey)", en: "unknown level for \(ruleKey)",
                               helpDa: "brug »fejl«, »advarsel«, »info« eller »fra«", helpEn: "use »error«, »warning«, »info« or »off«")
                        continue
                    }
                    // `.some(nil)` stores "off"; a plain nil would remove the key.
                    configuration.overrides[rule.description.code] = .some(severity)
                }
            default:
                report(key, da: "ukendt indstilling \(quoted(key))", en: "unknown setting \(quoted(key))",
                       helpDa: "tilladt: »profil« og »[regler]«", helpEn: "allowed: »profile« and »[rules]«")
            }
        }
        return (configuration, diagnostics)
    }

    static func profileNamed(_ value: String) -> Configuration.Profile? {
        switch value.lowercased() {
        case "kl": .kl
        case "streng", "strict": .strict
        default: nil
        }
    }

    /// `.some(nil)` means "off".
    static func severityNamed(_ value: String) -> Severity?? {
        switch value.lowercased() {
        case "fejl", "error": .some(.error)
        case "advarsel", "warning": .some(.warning)
        case "info", "note": .some(.info)
        case "fra", "off", "slået fra": .some(nil)
        default: nil
        }
    }
}
