import PTDiagnostics
import Testing
@testable import PTSyntax

@Suite("Every property keyword, in Danish, in English and without æøå")
struct PropertyKeywordTests {
    /// A value each property accepts, and the element it stands under.
    static func sample(_ key: PropertyKey) -> (parent: String, value: String) {
        switch key {
        case .leadsTo: ("aktivitet A1: a", "D1")
        case .supports: ("mekanisme M1: m", "A1")
        case .appliesTo: ("antagelse AN: a", "A1 -> D1")
        case .characteristic, .size, .scope: ("målgruppe MG: m", key == .size ? "12 borgere" : "tekst")
        case .description: ("slutmål S1: s", "tekst")
        case .unit, .baseline, .target, .dataSource, .frequency, .direction, .definition:
            ("delmål D1: d\n  indikator I: i", ["baseline": "5 (2024)", "target": "7 senest 2027", "frequency": "årlig", "direction": "op"][key.rawValue] ?? "tekst")
        case .owner, .municipality, .version: ("programteori: T", "tekst")
        case .critical: ("antagelse AN: a", "ja")
        case .evidence: ("antagelse AN: a", "tekst")
        case .type: ("mekanisme M1: m", "tilgang")
        case .date: ("programteori: T", "2025-01-01")
        case .status: ("programteori: T", "kladde")
        case .use: ("", "")
        }
    }

    @Test("Each spelling is read as the same property", arguments: PropertyKey.allCases.filter { $0 != .use })
    func spellings(key: PropertyKey) throws {
        let (parent, value) = Self.sample(key)
        let ascii = key.danishKeyword.replacingAll("æ", "ae").replacingAll("ø", "oe").replacingAll("å", "aa")
        for spelling in [key.danishKeyword, key.englishKeyword, ascii, key.danishKeyword.uppercased()] {
            let indent = parent.contains("indikator") ? "    " : "  "
            let header = parent.hasPrefix("programteori") ? "" : "programteori: T\n"
            let (tree, diagnostics) = parse(header + parent + "\n" + indent + spelling + ": " + value + "\n")
            #expect(diagnostics.isEmpty, "\(spelling): \(diagnostics.map(\.message.da))")
            let element = parent.hasPrefix("programteori") ? tree.header : tree.elements.first
            let owner = parent.contains("indikator") ? element?.indicators.first : element
            #expect(owner?.property(key) != nil, "\(spelling) was not read as \(key)")
        }
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
