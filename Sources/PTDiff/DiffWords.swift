import PTSource
import PTSyntax

/// The words the diff renderers use, Danish and English.
enum DiffWords {
    static func heading(_ kind: ElementKind, _ language: Language) -> String {
        let (da, en): (String, String) = switch kind {
        case .programTheory: ("Programteori", "Program theory")
        case .targetGroup: ("Målgrupper", "Target groups")
        case .finalOutcome: ("Slutmål", "Final outcomes")
        case .outcome: ("Delmål", "Outcomes")
        case .activity: ("Aktiviteter", "Activities")
        case .mechanism: ("Virksomme mekanismer", "Mechanisms")
        case .indicator: ("Indikatorer", "Indicators")
        case .assumption: ("Antagelser", "Assumptions")
        }
        return language == .danish ? da : en
    }

    static func keyword(_ kind: ElementKind, _ language: Language) -> String {
        language == .danish ? kind.danishKeyword : kind.englishKeyword
    }

    static func field(_ field: String, _ language: Language) -> String {
        switch field {
        case "title": return language == .danish ? "titel" : "title"
        case "kind": return language == .danish ? "slags" : "kind"
        default:
            guard let key = PropertyKey(rawValue: field) else { return field }
            return language == .danish ? key.danishKeyword : key.englishKeyword
        }
    }

    /// Fixed values are stored as Danish words; English output shows the English word.
    static func value(_ value: String, field: String, _ language: Language) -> String {
        guard language == .english else { return value }
        switch field {
        case PropertyKey.frequency.rawValue: return Frequency.allCases.first { $0.danish == value }?.english ?? value
        case PropertyKey.direction.rawValue: return Direction.allCases.first { $0.danish == value }?.english ?? value
        case PropertyKey.status.rawValue: return ApprovalStatus.allCases.first { $0.danish == value }?.english ?? value
        case PropertyKey.type.rawValue: return MechanismType.allCases.first { $0.danish == value }?.english ?? value
        case PropertyKey.critical.rawValue: return value == "ja" ? "yes" : (value == "nej" ? "no" : value)
        case PropertyKey.target.rawValue: return value.replacingOccurrences(of: " senest ", with: " by ")
        case "kind": return ElementKind.allCases.first { $0.danishKeyword == value }?.englishKeyword ?? value
        default: return value
        }
    }

    static func relation(_ key: PropertyKey, _ language: Language) -> String {
        language == .danish ? key.danishKeyword : key.englishKeyword
    }

    static func severity(_ severity: String, _ language: Language) -> String {
        switch severity {
        case "error": language == .danish ? "fejl" : "error"
        case "warning": language == .danish ? "advarsel" : "warning"
        default: "info"
        }
    }

    /// The summary: "elementer: 1 nyt, 1 fjernet, 2 ændrede; fund fra check: 1 nyt".
    static func summary(_ diff: TheoryDiff, _ language: Language) -> String {
        let c = diff.counts
        let danish = language == .danish
        var parts: [String] = []
        var elements: [String] = []
        if c.added > 0 { elements.append("\(c.added) " + (danish ? (c.added == 1 ? "nyt" : "nye") : "added")) }
        if c.removed > 0 { elements.append("\(c.removed) " + (danish ? "fjernet" : "removed")) }
        if c.changed > 0 { elements.append("\(c.changed) " + (danish ? (c.changed == 1 ? "ændret" : "ændrede") : "changed")) }
        if !elements.isEmpty { parts.append((danish ? "elementer: " : "elements: ") + elements.joined(separator: ", ")) }
        var findings: [String] = []
        if c.newFindings > 0 { findings.append("\(c.newFindings) " + (danish ? (c.newFindings == 1 ? "nyt" : "nye") : "new")) }
        if c.goneFindings > 0 { findings.append("\(c.goneFindings) " + (danish ? "forsvundet" : "gone")) }
        if !findings.isEmpty { parts.append((danish ? "fund fra check: " : "check findings: ") + findings.joined(separator: ", ")) }
        if !diff.header.isEmpty { parts.append(danish ? "programteori-linjen ændret" : "program theory line changed") }
        if diff.modelChange == .added { parts.insert(danish ? "ny model" : "new model", at: 0) }
        if diff.modelChange == .removed { parts.insert(danish ? "modellen er fjernet" : "model removed", at: 0) }
        return parts.isEmpty ? (danish ? "ingen ændringer" : "no changes") : parts.joined(separator: "; ")
    }

    /// Order of the kind groups: KL's five steps, as language.md lists the elements.
    static let kindOrder: [ElementKind] = [.targetGroup, .finalOutcome, .outcome, .activity, .mechanism, .assumption]
}
