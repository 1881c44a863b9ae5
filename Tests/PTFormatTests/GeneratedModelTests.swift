import Foundation
import PTFormat
import PTSource
import PTSyntax
import Testing

/// SplitMix64: a small seeded generator, so every failing model can be made again from its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Valid models in every layout the parser accepts: indentation of 2, 3 or 4 spaces or tabs,
/// Danish, æøå-free, English or upper-case keywords, properties in any order, any list
/// spacing, blank lines and comments anywhere, multi-line texts, chains.
struct LayoutGenerator {
    var random: SeededRandom
    private var lines: [String] = []
    private var indentUnit = "  "
    private var commentCount = 0

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    private mutating func pick<T>(_ options: [T]) -> T { options.randomElement(using: &random)! }

    private mutating func spell(_ danish: String, ascii: String, english: String) -> String {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: ascii
        case 1: english
        case 2: danish.uppercased()
        default: danish
        }
    }

    private mutating func line(_ depth: Int, _ text: String) {
        if chance(12) {
            commentCount += 1
            let indent = String(repeating: " ", count: Int.random(in: 0...6, using: &random))
            lines.append(indent + "# kommentar \(commentCount)" + (chance(20) ? " med # og: kolon" : ""))
        }
        if chance(8) { lines.append(chance(50) ? "" : "   ") }
        lines.append(String(repeating: indentUnit, count: depth) + text)
    }

    private mutating func list(_ items: [String]) -> String {
        let separator = pick([",", ", ", " , ", ",  "])
        return items.joined(separator: separator)
    }

    private mutating func number() -> String {
        let whole = Int.random(in: 0...100, using: &random)
        return chance(30) ? "\(whole)\(pick([",", "."]))\(Int.random(in: 1...9, using: &random))" : "\(whole)"
    }

    /// The properties of one block, shuffled, each as (keyword, value or nil for multi-line).
    private mutating func block(_ depth: Int, _ properties: [(String, String)]) {
        for (keyword, value) in properties.shuffled(using: &random) {
            if value.isEmpty {
                line(depth, keyword + ":")
                let count = Int.random(in: 1...3, using: &random)
                for index in 0..<count {
                    let extra = chance(20) ? "  " : ""
                    line(depth + 1, extra + "Tekstlinje \(index + 1) med æøå: og # tegn")
                }
            } else {
                line(depth, keyword + pick([": ", ":", ":   "]) + value)
            }
        }
    }

    mutating func model() -> String {
        indentUnit = pick(["  ", "   ", "    ", "\t"])
        let outcomes = Int.random(in: 1...4, using: &random)
        let activities = Int.random(in: 1...3, using: &random)

        line(0, spell("programteori", ascii: "programteori", english: "program theory") + ": Genereret model")
        var header: [(String, String)] = [(spell("kommune", ascii: "kommune", english: "municipality"), "Eksempelkommune"),
                                          (spell("version", ascii: "version", english: "version"), "1.\(Int.random(in: 0...9, using: &random))")]
        if chance(50) { header.append((spell("beskrivelse", ascii: "beskrivelse", english: "description"), "")) }
        if chance(50) { header.append((spell("status", ascii: "status", english: "status"), pick(["kladde", "godkendt", "draft"]))) }
        block(1, header)

        line(0, spell("målgruppe", ascii: "maalgruppe", english: "target group") + " MG: Unge")
        var group: [(String, String)] = [(spell("størrelse", ascii: "stoerrelse", english: "size"), "\(Int.random(in: 10...500, using: &random)) borgere")]
        for index in 0..<Int.random(in: 0...3, using: &random) {
            group.append((spell("kendetegn", ascii: "kendetegn", english: "characteristic"), "Kendetegn \(index)"))
        }
        block(1, group)

        line(0, spell("slutmål", ascii: "slutmaal", english: "final outcome") + " S1: Slutmålet")
        indicator(id: "S1.1")

        for index in 1...outcomes {
            let targets = index < outcomes ? ["D\(index + 1)"] + (chance(40) ? ["S1"] : []) : ["S1"]
            line(0, spell("delmål", ascii: "delmaal", english: "outcome") + " D\(index): Delmål \(index)")
            var properties: [(String, String)] = [(spell("fører til", ascii: "foerer til", english: "leads to"), list(targets))]
            if chance(30) { properties.append((spell("beskrivelse", ascii: "beskrivelse", english: "description"), chance(50) ? "" : "Kort")) }
            block(1, properties)
            indicator(id: "D\(index).1")
        }
        for index in 1...activities {
            line(0, spell("aktivitet", ascii: "aktivitet", english: "activity") + " A\(index): Aktivitet \(index)")
            if chance(70) {
                block(1, [(spell("fører til", ascii: "foerer til", english: "leads to"), list(["D\(Int.random(in: 1...outcomes, using: &random))"]))])
            }
        }
        if chance(50) { line(0, "A1" + pick([" -> ", "->", "  ->  "]) + "D1" + (chance(50) ? " -> S1" : "")) }
        for index in 1...Int.random(in: 1...2, using: &random) {
            line(0, pick(["mekanisme", "virksom mekanisme", "mechanism", "MEKANISME"]) + " M\(index): Mekanisme \(index)")
            block(1, [(spell("type", ascii: "type", english: "type"), pick(["tilgang", "kompetence", "organisatorisk ramme", "resource"])),
                      (spell("understøtter", ascii: "understoetter", english: "supports"), list(["A1"] + (chance(50) ? ["A1" + pick([" -> ", "->"]) + "D1"] : [])))])
        }
        if chance(60) {
            line(0, spell("antagelse", ascii: "antagelse", english: "assumption") + " AN1: En antagelse")
            block(1, [(spell("gælder", ascii: "gaelder", english: "applies to"), "A1 -> D1"),
                      (spell("kritisk", ascii: "kritisk", english: "critical"), pick(["ja", "nej", "yes", "JA"])),
                      (spell("evidens", ascii: "evidens", english: "evidence"), "Erfaringer")])
        }
        if chance(30) { lines.append("# sidste kommentar") }
        return lines.joined(separator: pick(["\n", "\r\n"])) + (chance(80) ? "\n" : "")
    }

    private mutating func indicator(id: String) {
        line(1, spell("indikator", ascii: "indikator", english: "indicator") + " \(id): Indikator \(id)")
        var properties: [(String, String)] = [
            (spell("enhed", ascii: "enhed", english: "unit"), "procent"),
            (spell("mål", ascii: "maal", english: "target"), number() + (chance(70) ? " " + pick(["senest", "by", "SENEST"]) + " " + pick(["2027-12-31", "2027", "31.12.2027"]) : "")),
            (spell("frekvens", ascii: "frekvens", english: "frequency"), pick(["månedlig", "maanedlig", "quarterly", "årlig", "Kvartalsvis"])),
        ]
        if chance(60) { properties.append((spell("baseline", ascii: "baseline", english: "baseline"), number() + (chance(50) ? " (2024)" : ""))) }
        if chance(60) { properties.append((spell("datakilde", ascii: "datakilde", english: "data source"), "Fagsystemet")) }
        if chance(30) { properties.append((spell("retning", ascii: "retning", english: "direction"), pick(["op", "ned", "up"]))) }
        if chance(20) { properties.append((spell("definition", ascii: "definition", english: "definition"), "")) }
        block(2, properties)
    }
}

@Suite("fmt on generated models")
struct GeneratedModelTests {
    static let seeds: [UInt64] = Array(1...150)

    @Test("Generated models parse, and fmt keeps their meaning and comments and is idempotent", arguments: seeds)
    func generated(seed: UInt64) throws {
        var generator = LayoutGenerator(seed: seed)
        let text = generator.model()
        let file = SourceFile(path: "/generated/model-\(seed).pt", text: text)
        let errors = Parser.parse(file).diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "seed \(seed) made an invalid model: \(errors.map(\.message.da))")
        guard errors.isEmpty else { return }
        let formatted = try FormatTestSupport.format(file)
        #expect(FormatTestSupport.meaning(of: formatted, path: file.path) == FormatTestSupport.meaning(of: text, path: file.path), "seed \(seed)")
        #expect(FormatTestSupport.comments(formatted) == FormatTestSupport.comments(text.replacingOccurrences(of: "\r\n", with: "\n")), "seed \(seed)")
        #expect(try FormatTestSupport.format(SourceFile(path: file.path, text: formatted)) == formatted, "seed \(seed)")
        let kept = try FormatTestSupport.format(file, options: FormatOptions(keepKeywords: true))
        #expect(FormatTestSupport.meaning(of: kept, path: file.path) == FormatTestSupport.meaning(of: text, path: file.path), "seed \(seed) (keep)")
    }
}

@Suite("The layout generator")
struct LayoutGeneratorTests {
    @Test("Its models vary in every way the test relies on")
    func variety() {
        let texts = GeneratedModelTests.seeds.map { seed in
            var generator = LayoutGenerator(seed: seed)
            return generator.model()
        }
        #expect(Set(texts).count == texts.count)
        for needle in ["\t", "\r\n", "leads to", "maalgruppe", "FØRER TIL", "# kommentar", "virksom mekanisme", " -> ", "A1->D1", "by 2027", "31.12.2027", "beskrivelse:\n", ",  "] {
            #expect(texts.contains { $0.contains(needle) }, "no generated model contains \(needle.debugDescription)")
        }
    }
}
