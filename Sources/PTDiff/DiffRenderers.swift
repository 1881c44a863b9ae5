import Foundation
import PTSource

/// The formats `programteori diff` writes.
public enum DiffFormat: String, CaseIterable, Sendable {
    case text, markdown, json

    /// Also the Danish names (`tekst`) and the short `md`.
    public init?(name: String) {
        switch name.lowercased() {
        case "text", "tekst": self = .text
        case "markdown", "md": self = .markdown
        case "json": self = .json
        default: return nil
        }
    }

    public func render(_ diffs: [TheoryDiff], language: Language) -> String {
        switch self {
        case .text: TextDiffRenderer(language: language).render(diffs)
        case .markdown: MarkdownDiffRenderer(language: language).render(diffs)
        case .json: JSONDiffRenderer().render(diffs)
        }
    }
}

/// For the terminal: `+` new, `~` changed, `−` removed, grouped by element kind.
public struct TextDiffRenderer: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    public func render(_ diffs: [TheoryDiff]) -> String {
        let danish = language == .danish
        var out = ""
        for (position, diff) in diffs.enumerated() {
            if position > 0 { out += "\n" }
            let title = diff.title.map { "»\($0)«" } ?? ""
            let sides = diff.old == diff.new ? diff.new : "\(diff.old) → \(diff.new)"
            if diff.isEmpty {
                out += danish ? "Ingen ændringer i programteorien \(title) (\(sides)).\n"
                              : "No changes in the program theory \(title) (\(sides)).\n"
                continue
            }
            out += (danish ? "Ændringer i programteorien \(title)" : "Changes in the program theory \(title)") + "\n"
            out += "  \(sides)\n"
            if diff.incomplete {
                out += danish ? "  Bemærk: en af versionerne har syntaksfejl; listen kan være ufuldstændig.\n"
                              : "  Note: one of the versions has syntax errors; the list may be incomplete.\n"
            }
            for section in DiffOutline(diff, language: language, escape: { $0 }).sections {
                out += "\n\(section.heading)\n"
                for entry in section.entries {
                    let marker = switch entry.change { case .added: "+"; case .removed: "−"; case .changed: "~" }
                    out += "  \(marker) \(entry.headline)\n"
                    for (depth, text) in entry.details {
                        out += String(repeating: "  ", count: depth + 3) + text + "\n"
                    }
                }
            }
            let summary = DiffWords.summary(diff, language)
            out += "\n" + summary.prefix(1).uppercased() + summary.dropFirst() + ".\n"
        }
        return out
    }
}

/// For a pull-request comment: a heading per model, a section per element kind, Danish words.
/// Starts with an HTML comment a pipeline can find to update its earlier comment.
public struct MarkdownDiffRenderer: Sendable {
    public let language: Language
    public static let marker = "<!-- programteori-diff -->"

    public init(language: Language) {
        self.language = language
    }

    public func render(_ diffs: [TheoryDiff]) -> String {
        let danish = language == .danish
        var out = Self.marker + "\n"
        let changed = diffs.filter { !$0.isEmpty }
        if changed.isEmpty {
            let names = diffs.map { "`\(code($0.new))`" }.joined(separator: ", ")
            out += danish ? "Ingen ændringer i programteorierne (\(names)).\n" : "No changes in the program theories (\(names)).\n"
            return out
        }
        for diff in changed {
            let title = escape(diff.title ?? diff.new)
            out += "\n### " + (danish ? "Ændringer i programteorien »\(title)«" : "Changes in the program theory »\(title)«") + "\n\n"
            let sides = diff.old == diff.new ? "`\(code(diff.new))`" : "`\(code(diff.old))` → `\(code(diff.new))`"
            out += "\(sides): **\(DiffWords.summary(diff, language))**\n"
            if diff.incomplete {
                out += danish ? "\n> **Bemærk:** en af versionerne har syntaksfejl; listen kan være ufuldstændig.\n"
                              : "\n> **Note:** one of the versions has syntax errors; the list may be incomplete.\n"
            }
            for section in DiffOutline(diff, language: language, escape: escape).sections {
                out += "\n#### \(section.heading)\n\n"
                let isFindings = section.isFindings
                for entry in section.entries {
                    let label: String
                    switch (entry.change, isFindings, danish) {
                    case (.added, false, true): label = "Nyt"
                    case (.added, false, false): label = "New"
                    case (.removed, false, true): label = "Fjernet"
                    case (.removed, false, false): label = "Removed"
                    case (.changed, _, true): label = "Ændret"
                    case (.changed, _, false): label = "Changed"
                    case (.added, true, true): label = "Nyt fund"
                    case (.added, true, false): label = "New finding"
                    case (.removed, true, true): label = "Forsvundet fund"
                    case (.removed, true, false): label = "Finding gone"
                    }
                    let headline = entry.change == .removed && !isFindings ? "~~\(entry.headline)~~" : entry.headline
                    out += "- **\(label):** \(headline)\n"
                    for (depth, text) in entry.details {
                        // A `+` at the start would open another list.
                        let shown = text.hasPrefix("+ ") ? "\\" + text : text
                        out += String(repeating: "  ", count: depth + 1) + "- " + shown + "\n"
                    }
                }
            }
        }
        return out
    }

    /// Backslash before every character Markdown would read as markup, so user text shows as typed.
    private func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Text inside backticks cannot hold a backtick.
    private func code(_ text: String) -> String { text.replacingOccurrences(of: "`", with: "'") }
}

/// For tools: every diff as data (keys documented in docs/fmt-og-diff.md).
public struct JSONDiffRenderer: Sendable {
    public init() {}

    struct Report: Codable {
        let format: String
        let version: Int
        let changed: Bool
        let models: [TheoryDiff]
    }

    public func render(_ diffs: [TheoryDiff]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let report = Report(format: "programteori-diff", version: 1, changed: diffs.contains { !$0.isEmpty }, models: diffs)
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
