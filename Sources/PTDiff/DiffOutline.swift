import PTSource
import PTSyntax

/// A diff laid out as sections of entries with indented detail lines, in the reader's
/// language. The text and Markdown renderers share it, so both say the same thing.
struct DiffOutline {
    struct Entry {
        let change: ChangeKind
        let headline: String
        /// (depth below the entry, text)
        var details: [(Int, String)] = []
    }

    struct Section {
        let heading: String
        var entries: [Entry]
        /// The `check` findings, not elements.
        var isFindings = false
    }

    var sections: [Section] = []

    /// `escape` is applied to every text the user wrote (Markdown needs it; text does not).
    init(_ diff: TheoryDiff, language: Language, escape: (String) -> String) {
        let danish = language == .danish
        let none = danish ? "(ingen)" : "(none)"

        func fieldLines(_ fields: [FieldChange], depth: Int, listingNew: Bool) -> [(Int, String)] {
            var lines: [(Int, String)] = []
            for field in fields {
                let name = DiffWords.field(field.field, language)
                let old = field.old.map { escape(DiffWords.value($0, field: field.field, language)) }
                let new = field.new.map { escape(DiffWords.value($0, field: field.field, language)) }
                if listingNew, let new {
                    lines += valueLines(name, new, depth: depth)
                    continue
                }
                if let old, let new, !old.contains("\n"), !new.contains("\n"), old.count + new.count > 90 {
                    // Two long one-line values read better one above the other.
                    lines.append((depth, name + ":"))
                    lines.append((depth + 1, "− " + old))
                    lines.append((depth + 1, "+ " + new))
                    continue
                }
                if (old?.contains("\n") ?? false) || (new?.contains("\n") ?? false) {
                    // Long texts: only the lines that differ.
                    lines.append((depth, name + (danish ? " ændret:" : " changed:")))
                    let oldLines = (old ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    let newLines = (new ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    for line in oldLines where !newLines.contains(line) && !line.isEmpty { lines.append((depth + 1, "− " + line)) }
                    for line in newLines where !oldLines.contains(line) && !line.isEmpty { lines.append((depth + 1, "+ " + line)) }
                    continue
                }
                if field.field == PropertyKey.characteristic.rawValue {
                    lines.append((depth, (new != nil ? "+ " : "− ") + name + ": " + (new ?? old ?? "")))
                    continue
                }
                lines.append((depth, "\(name): \(old ?? none) → \(new ?? none)"))
            }
            return lines
        }

        func valueLines(_ name: String, _ value: String, depth: Int) -> [(Int, String)] {
            let parts = value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard parts.count > 1 else { return [(depth, "\(name): \(value)")] }
            return [(depth, name + ":")] + parts.filter { !$0.isEmpty }.map { (depth + 1, $0) }
        }

        if diff.modelChange != nil || !diff.header.isEmpty {
            var entries: [Entry] = []
            if let change = diff.modelChange {
                let title = escape(diff.title ?? "")
                entries.append(Entry(change: change, headline: change == .added
                    ? (danish ? "ny model: \(title)" : "new model: \(title)")
                    : (danish ? "modellen er fjernet: \(title)" : "the model was removed: \(title)")))
            }
            if !diff.header.isEmpty {
                var entry = Entry(change: .changed, headline: danish ? "programteori-linjen" : "the program theory line")
                entry.details = fieldLines(diff.header, depth: 0, listingNew: false)
                entries.append(entry)
            }
            sections.append(Section(heading: DiffWords.heading(.programTheory, language), entries: entries))
        }

        for kind in DiffWords.kindOrder {
            let changes = diff.elements.filter { $0.kind == kind }
            guard !changes.isEmpty else { continue }
            var entries: [Entry] = []
            for change in changes {
                var entry = Entry(change: change.change, headline: escape(change.name) + (change.id == nil ? "" : ": " + escape(change.title))
                    + (change.file.map { " (" + (danish ? "i " : "in ") + escape($0) + ")" } ?? ""))
                let listing = change.change == .added
                if let other = change.sameTextAs {
                    entry.details.append((0, danish
                        ? "har samme tekst som det fjernede \(escape(other)); er ID'et omdøbt? (diff'en parrer elementer efter ID)"
                        : "has the same text as the removed \(escape(other)); was the ID renamed? (the diff pairs elements by ID)"))
                }
                entry.details += fieldLines(change.fields, depth: 0, listingNew: listing)
                for relation in [PropertyKey.leadsTo, .supports, .appliesTo] {
                    let links = change.links.filter { $0.relation == relation }
                    guard !links.isEmpty else { continue }
                    let name = DiffWords.relation(relation, language)
                    if listing {
                        entry.details.append((0, "\(name): " + links.map { escape($0.target) }.joined(separator: ", ")))
                        continue
                    }
                    let added = links.filter { $0.change == .added }.map { escape($0.target) }
                    let removed = links.filter { $0.change == .removed }.map { escape($0.target) }
                    var parts: [String] = []
                    if !added.isEmpty { parts.append((danish ? "tilføjet " : "added ") + added.joined(separator: ", ")) }
                    if !removed.isEmpty { parts.append((danish ? "fjernet " : "removed ") + removed.joined(separator: ", ")) }
                    entry.details.append((0, "\(name): " + parts.joined(separator: "; ")))
                }
                for indicator in change.indicators {
                    let name = DiffWords.keyword(.indicator, language) + " " + escape(indicator.id ?? "»\(indicator.title)«")
                    switch indicator.change {
                    case .added:
                        entry.details.append((0, (listing ? "" : (danish ? "ny " : "new ")) + name + ": " + escape(indicator.title)))
                        entry.details += fieldLines(indicator.fields, depth: 1, listingNew: true)
                    case .removed:
                        entry.details.append((0, (danish ? "fjernet " : "removed ") + name + ": " + escape(indicator.title)))
                    case .changed:
                        let lines = fieldLines(indicator.fields, depth: 1, listingNew: false)
                        if lines.count == 1, lines[0].1.contains(" → ") {
                            entry.details.append((0, name + " " + lines[0].1))
                        } else {
                            entry.details.append((0, name + ":"))
                            entry.details += lines
                        }
                    }
                }
                entries.append(entry)
            }
            sections.append(Section(heading: DiffWords.heading(kind, language), entries: entries))
        }

        if !diff.findings.isEmpty {
            let entries = diff.findings.map { change in
                let finding = change.finding
                return Entry(change: change.change,
                             headline: "\(DiffWords.severity(finding.severity, language))[\(finding.code)]: \(escape(finding.message.text(in: language))) (\(escape(finding.location)))")
            }
            sections.append(Section(heading: danish ? "Fund fra check" : "Check findings", entries: entries, isFindings: true))
        }
    }
}
