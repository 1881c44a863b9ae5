import Foundation

/// A generated model: the main file and the parts it pulls in with `brug:`, as lines.
public struct GeneratedModel: Sendable {
    public let seed: UInt64
    /// The main file's lines (no line ends).
    public var lines: [String]
    /// Part files by path relative to the main file.
    public var parts: [String: [String]]
    /// How many elements the generator wrote (målgrupper, delmål, slutmål, aktiviteter,
    /// mekanismer, antagelser).
    public let elementCount: Int

    public static let mainName = "model.pt"

    /// Writes the model into `folder`; returns the main file's path.
    @discardableResult
    public func write(to folder: URL) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, lines) in parts where used(path) {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        }
        let main = folder.appendingPathComponent(Self.mainName)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: main)
        return main.path
    }

    /// A part still pulled in by a `brug:` line (shrinking may have removed it).
    func used(_ path: String) -> Bool {
        lines.contains { $0.hasSuffix(": " + path) && !$0.hasPrefix(" ") }
    }

    /// Every file, for a failure message.
    public var listing: String {
        var text = "--- \(Self.mainName)\n" + lines.joined(separator: "\n") + "\n"
        for path in parts.keys.sorted() where used(path) {
            text += "--- \(path)\n" + parts[path]!.joined(separator: "\n") + "\n"
        }
        return text
    }

    public var lineCount: Int { lines.count + parts.values.reduce(0) { $0 + $1.count } }
}

/// Random *valid* models across the whole language: 2–150 elements (a model needs a målgruppe
/// and a slutmål to check clean), 0–20 mechanisms with IDs of 1 to 60 characters, mechanisms
/// supporting many activities and links, assumptions (plain and critical) on links, indicators
/// with every value form, `brug:` parts, multi-line texts, top-level chains, elements without
/// ID, Danish, æøå-free and English keywords, and text of every kind in `TextPieces`.
///
/// Valid by construction: IDs are unique, `fører til` only goes forward (activity → delmål →
/// later delmål → slutmål, so there are no cycles), every delmål has an indicator, and
/// `understøtter`/`gælder` name only links that exist. The link count stays under the diagram's
/// limit (500 arrows and references).
public struct ModelGenerator {
    public private(set) var random: SeededRandom
    public let seed: UInt64
    private var usedIDs: Set<String> = []
    private var spelling: Spelling = .danish
    private var idCounter = 0

    public init(seed: UInt64) {
        self.seed = seed
        random = SeededRandom(seed: seed)
    }

    enum Spelling { case danish, ascii, english, mixed }

    // MARK: Keywords

    private static let keywords: [String: (ascii: String, english: String)] = [
        "programteori": ("programteori", "program theory"), "målgruppe": ("maalgruppe", "target group"),
        "slutmål": ("slutmaal", "final outcome"), "delmål": ("delmaal", "outcome"), "aktivitet": ("aktivitet", "activity"),
        "mekanisme": ("mekanisme", "mechanism"), "indikator": ("indikator", "indicator"), "antagelse": ("antagelse", "assumption"),
        "fører til": ("foerer til", "leads to"), "understøtter": ("understoetter", "supports"), "gælder": ("gaelder", "applies to"),
        "kendetegn": ("kendetegn", "characteristic"), "størrelse": ("stoerrelse", "size"), "afgrænsning": ("afgraensning", "scope"),
        "beskrivelse": ("beskrivelse", "description"), "enhed": ("enhed", "unit"), "baseline": ("baseline", "baseline"),
        "mål": ("maal", "target"), "datakilde": ("datakilde", "data source"), "frekvens": ("frekvens", "frequency"),
        "retning": ("retning", "direction"), "ansvarlig": ("ansvarlig", "owner"), "definition": ("definition", "definition"),
        "kritisk": ("kritisk", "critical"), "evidens": ("evidens", "evidence"), "type": ("type", "type"),
        "kommune": ("kommune", "municipality"), "version": ("version", "version"), "dato": ("dato", "date"),
        "status": ("status", "status"), "brug": ("brug", "use"),
    ]

    private mutating func keyword(_ danish: String) -> String {
        let forms = Self.keywords[danish] ?? (danish, danish)
        switch spelling {
        case .danish: return danish
        case .ascii: return forms.ascii
        case .english: return forms.english
        case .mixed:
            switch random.int(0...3) {
            case 0: return forms.ascii
            case 1: return forms.english
            case 2: return danish.uppercased()
            default: return danish
            }
        }
    }

    // MARK: IDs

    private static let idLetters = Array("abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ")
    private static let exoticLetters = ["Ω", "λ", "ж", "ש", "ع", "職", "ß", "é", "e\u{301}", "ñ", "ı", "İ", "ǅ"]
    private static let idWords = ["ressourcer", "mentor", "mekanisme", "tværfagligt", "samarbejde", "virksomhed",
                                  "relation", "kompetence", "ramme", "tilgang", "støtte", "koordinering"]

    /// A fresh ID: short (one letter), usual (`D12`, `A3.1`), word-like (`ressourcer`), long
    /// (up to 60 characters with `.`, `_`, `-` and digits) or in another script.
    private mutating func newID(prefix: String, long: Bool = false) -> String {
        for _ in 0..<100 {
            idCounter += 1
            let candidate: String
            switch random.int(0...99) {
            case 0..<12:
                candidate = random.chance(70) ? String(random.pick(Self.idLetters)) : random.pick(Self.exoticLetters)
            case 12..<55:
                candidate = prefix + String(idCounter) + (random.chance(15) ? ".\(random.int(1...9))" : "")
            case 55..<75:
                candidate = random.pick(Self.idWords) + (random.chance(50) ? "" : String(idCounter))
            case 75..<90 where long || random.chance(40):
                let length = random.int(20...60)
                var id = String(random.pick(Self.idLetters))
                while id.count < length {
                    switch random.int(0...9) {
                    case 0: id += random.pick([".", "_", "-"])
                    case 1: id += String(random.int(0...9))
                    case 2: id += random.pick(Self.exoticLetters)
                    default: id.append(random.pick(Self.idLetters))
                    }
                }
                candidate = String(id.prefix(length))
            default:
                candidate = random.pick(Self.exoticLetters) + random.pick(["", "1", "_2", "-x", ".3"]) + String(idCounter)
            }
            if usedIDs.insert(candidate).inserted { return candidate }
        }
        idCounter += 1
        let fallback = prefix + "_" + String(idCounter) + "_" + String(seed % 1000)
        usedIDs.insert(fallback)
        return fallback
    }

    // MARK: Values

    private mutating func number() -> String {
        let whole = random.int(0...100)
        let text = random.chance(30) ? "\(whole)\(random.pick([",", "."]))\(random.int(0...99))" : "\(whole)"
        return random.chance(15) ? text + random.pick(["%", " %"]) : text
    }

    private mutating func date() -> String {
        let year = random.int(1990...2100)
        let month = random.int(1...12)
        let day = random.int(1...28)
        switch random.int(0...3) {
        case 0: return "\(year)"
        case 1: return String(format: "%04d-%02d", year, month)
        case 2: return String(format: "%04d-%02d-%02d", year, month, day)
        default: return String(format: "%02d.%02d.%04d", day, month, year)
        }
    }

    private mutating func fixed(_ options: [String]) -> String {
        let value = random.pick(options)
        return random.chance(15) ? value.uppercased() : value
    }

    // MARK: Lines

    private var lines: [String] = []

    private mutating func emit(_ depth: Int, _ text: String) {
        lines.append(String(repeating: "  ", count: depth) + text)
    }

    /// `key: value`, or `key:` and an indented multi-line text.
    private mutating func text(_ depth: Int, _ key: String, multiLine: Int = 25) {
        if random.chance(multiLine) {
            emit(depth, keyword(key) + ":")
            for index in 0..<random.int(1...4) {
                if index > 0, random.chance(15) { lines.append("") }
                // A text line that starts with `#` is a comment (docs/sprog.md), and a text of
                // comments only is an empty value (PT006): the `#` goes after a word.
                var line = TextPieces.line(&random)
                if line.hasPrefix("#") { line = "Nr. " + line }
                emit(depth + 1, (random.chance(10) ? "  " : "") + line)
            }
        } else {
            emit(depth, keyword(key) + ": " + TextPieces.line(&random))
        }
    }

    private mutating func comment(_ depth: Int) {
        if random.chance(4) { emit(depth, "# " + TextPieces.line(&random, maxWords: 5)) }
    }

    // MARK: The model

    private struct Block {
        var lines: [String]
        /// May move to a `brug:` part (mechanisms, assumptions, activities).
        var movable: Bool
    }

    public mutating func model() -> GeneratedModel {
        spelling = random.pick([.danish, .danish, .danish, .ascii, .english, .mixed])
        let total = random.skewed(2...150)
        let mechanisms = min(random.int(0...20), max(0, total - 2) / 2)
        var rest = total - mechanisms
        let targetGroups = rest >= 4 && random.chance(20) ? 2 : 1
        rest -= targetGroups
        let finals = max(1, min(rest, random.int(1...max(1, rest / 8))))
        rest -= finals
        let assumptions = rest > 2 ? random.int(0...min(20, rest / 4)) : 0
        rest -= assumptions
        let outcomes = rest > 0 ? random.int(0...rest) : 0
        let activities = rest - outcomes
        var linkBudget = 450

        // IDs first, so links can point forward. Some delmål and aktiviteter have none.
        let finalIDs: [String?] = (0..<finals).map { index in index == 0 || random.chance(92) ? newID(prefix: "S") : nil }
        let outcomeIDs: [String?] = (0..<outcomes).map { _ in random.chance(93) ? newID(prefix: "D") : nil }
        let activityIDs: [String?] = (0..<activities).map { _ in random.chance(93) ? newID(prefix: "A") : nil }
        let reachableFinals = finalIDs.compactMap { $0 }

        var blocks: [Block] = []
        var links: [(String, String)] = []
        var linkSet: Set<[String]> = []
        func addLink(_ from: String?, _ to: String, into links: inout [(String, String)], set: inout Set<[String]>) {
            guard let from else { return }
            if set.insert([from, to]).inserted { links.append((from, to)) }
        }

        // Target groups.
        for _ in 0..<targetGroups {
            lines = []
            comment(0)
            let id = random.chance(60) ? " " + newID(prefix: "MG") : ""
            emit(0, keyword("målgruppe") + id + ": " + TextPieces.line(&random))
            for _ in 0..<random.int(0...3) { emit(1, keyword("kendetegn") + ": " + TextPieces.line(&random)) }
            if random.chance(80) {
                emit(1, keyword("størrelse") + ": " + random.pick(["\(random.int(1...5000)) borgere", "\(random.int(1...500))", "ca. 120 unge", number()]))
            }
            if random.chance(30) { text(1, "afgrænsning") }
            if random.chance(30) { text(1, "beskrivelse") }
            blocks.append(Block(lines: lines, movable: false))
        }

        // Delmål, each leading forward; then slutmål.
        for (index, id) in outcomeIDs.enumerated() {
            lines = []
            comment(0)
            emit(0, keyword("delmål") + (id.map { " " + $0 } ?? "") + ": " + TextPieces.line(&random))
            let later = outcomeIDs[(index + 1)...].compactMap { $0 }
            var targets: [String] = []
            for _ in 0..<random.int(1...2) where linkBudget > 0 {
                let target = random.chance(60) && !later.isEmpty ? random.pick(later) : random.pick(reachableFinals)
                if !targets.contains(target) { targets.append(target) }
            }
            if !targets.isEmpty {
                // One list, or one `fører til` line per target.
                if random.chance(70) {
                    emit(1, keyword("fører til") + ": " + targets.joined(separator: random.pick([", ", ",", " , "])))
                } else {
                    for target in targets { emit(1, keyword("fører til") + ": " + target) }
                }
                for target in targets { addLink(id, target, into: &links, set: &linkSet) }
                linkBudget -= targets.count
            }
            if random.chance(25) { text(1, "beskrivelse") }
            for _ in 0..<random.int(1...3) { indicator() }
            blocks.append(Block(lines: lines, movable: false))
        }
        for id in finalIDs {
            lines = []
            comment(0)
            emit(0, keyword("slutmål") + (id.map { " " + $0 } ?? "") + ": " + TextPieces.line(&random))
            if random.chance(25) { text(1, "beskrivelse") }
            for _ in 0..<random.int(0...2) { indicator() }
            blocks.append(Block(lines: lines, movable: false))
        }

        // Activities.
        let outcomeTargets = outcomeIDs.compactMap { $0 }
        for id in activityIDs {
            lines = []
            comment(0)
            emit(0, keyword("aktivitet") + (id.map { " " + $0 } ?? "") + ": " + TextPieces.line(&random))
            var targets: [String] = []
            for _ in 0..<random.int(1...3) where linkBudget > 0 {
                let target = random.chance(80) && !outcomeTargets.isEmpty ? random.pick(outcomeTargets) : random.pick(reachableFinals)
                if !targets.contains(target) { targets.append(target) }
            }
            if !targets.isEmpty {
                emit(1, keyword("fører til") + ": " + targets.joined(separator: ", "))
                for target in targets { addLink(id, target, into: &links, set: &linkSet) }
                linkBudget -= targets.count
            }
            if random.chance(20) { text(1, "beskrivelse") }
            blocks.append(Block(lines: lines, movable: true))
        }

        // Chains at top level: activity -> delmål -> a later delmål or a slutmål.
        let namedActivities = activityIDs.compactMap { $0 }
        if !namedActivities.isEmpty, !outcomeTargets.isEmpty {
            for _ in 0..<random.int(0...2) where linkBudget > 3 {
                let activity = random.pick(namedActivities)
                let index = random.int(0...(outcomeTargets.count - 1))
                let outcome = outcomeTargets[index]
                let end = index + 1 < outcomeTargets.count && random.chance(50)
                    ? outcomeTargets[random.int((index + 1)...(outcomeTargets.count - 1))]
                    : random.pick(reachableFinals)
                let chain = random.chance(50) ? [activity, outcome, end] : [activity, outcome]
                blocks.append(Block(lines: [chain.joined(separator: random.pick([" -> ", "->", "  ->  "]))], movable: false))
                for pair in zip(chain, chain.dropFirst()) { addLink(pair.0, pair.1, into: &links, set: &linkSet) }
                linkBudget -= chain.count - 1
            }
        }

        // Mechanisms: many activities and links each, sometimes.
        for _ in 0..<mechanisms {
            lines = []
            comment(0)
            let id = random.chance(92) ? " " + newID(prefix: "M", long: true) : ""
            emit(0, keyword(random.chance(15) ? "virksom mekanisme" : "mekanisme") + id + ": " + TextPieces.line(&random))
            if random.chance(85) {
                emit(1, keyword("type") + ": " + fixed(["kompetence", "ressource", "tilgang", "organisatorisk ramme", "competence",
                                                        "resource", "approach", "organisational frame", "ressourcer", "kompetencer"]))
            }
            var items: [String] = []
            let wanted = random.chance(20) ? random.int(5...15) : random.int(1...3)
            for _ in 0..<wanted where linkBudget > 0 {
                if random.chance(60), !namedActivities.isEmpty {
                    items.append(random.pick(namedActivities))
                } else if !links.isEmpty {
                    let link = random.pick(links)
                    items.append(link.0 + random.pick([" -> ", "->"]) + link.1)
                }
                linkBudget -= 1
            }
            if !items.isEmpty {
                if random.chance(70) {
                    emit(1, keyword("understøtter") + ": " + items.joined(separator: ", "))
                } else {
                    for item in items { emit(1, keyword("understøtter") + ": " + item) }
                }
            }
            if random.chance(20) { text(1, "beskrivelse") }
            blocks.append(Block(lines: lines, movable: true))
        }

        // Assumptions on links, plain and critical.
        for _ in 0..<assumptions where !links.isEmpty {
            lines = []
            comment(0)
            let id = random.chance(80) ? " " + newID(prefix: "AN") : ""
            emit(0, keyword("antagelse") + id + ": " + TextPieces.line(&random))
            var applied: [String] = []
            for _ in 0..<random.int(1...3) where linkBudget > 0 {
                let link = random.pick(links)
                applied.append(link.0 + " -> " + link.1)
                linkBudget -= 1
            }
            if random.chance(70) {
                emit(1, keyword("gælder") + ": " + applied.joined(separator: ", "))
            } else {
                for item in applied { emit(1, keyword("gælder") + ": " + item) }
            }
            if random.chance(80) { emit(1, keyword("kritisk") + ": " + fixed(["ja", "nej", "yes", "no"])) }
            if random.chance(50) { text(1, "evidens", multiLine: 15) }
            if random.chance(15) { text(1, "beskrivelse") }
            blocks.append(Block(lines: lines, movable: true))
        }

        // Source order: by kind (as most teams write), or shuffled.
        if random.chance(30) { blocks.shuffle(using: &random) }

        // Some movable blocks go to `brug:` parts.
        var parts: [String: [String]] = [:]
        var partOrder: [String] = []
        let movable = blocks.indices.filter { blocks[$0].movable }
        if !movable.isEmpty, random.chance(35) {
            let count = min(movable.count, random.int(1...2))
            for number in 1...count {
                partOrder.append(random.pick(["dele/katalog-\(number).pt", "fælles/mekanismer \(number).pt", "del\(number).pt"]))
            }
            var moved: Set<Int> = []
            for (offset, index) in movable.enumerated() where offset < count || random.chance(40) {
                let path = partOrder[offset % count]
                parts[path, default: []] += blocks[index].lines
                moved.insert(index)
            }
            blocks = blocks.indices.filter { !moved.contains($0) }.map { blocks[$0] }
        }

        // The header, then `brug:` lines, then the elements.
        lines = []
        if random.chance(30) { emit(0, "# " + TextPieces.line(&random, maxWords: 6)) }
        emit(0, keyword("programteori") + ": " + TextPieces.line(&random))
        if random.chance(80) { emit(1, keyword("kommune") + ": " + TextPieces.line(&random, maxWords: 4)) }
        if random.chance(50) { emit(1, keyword("ansvarlig") + ": " + TextPieces.line(&random, maxWords: 6)) }
        if random.chance(50) { emit(1, keyword("version") + ": " + random.pick(["1.2", "2", "0.9-kladde", TextPieces.line(&random, maxWords: 2)])) }
        if random.chance(50) { emit(1, keyword("dato") + ": " + date()) }
        if random.chance(40) { emit(1, keyword("status") + ": " + fixed(["kladde", "godkendt", "draft", "approved"])) }
        if random.chance(40) { text(1, "beskrivelse") }
        let header = lines
        var main = header
        for path in partOrder.sorted() {
            main.append(keyword("brug") + ": " + path)
        }
        for block in blocks {
            if random.chance(70) { main.append("") }
            main += block.lines
        }
        return GeneratedModel(seed: seed, lines: main, parts: parts, elementCount: total)
    }

    /// An indicator block under the current element, with any of the value forms.
    private mutating func indicator() {
        let id = random.chance(88) ? " " + newID(prefix: "I") : ""
        emit(1, keyword("indikator") + id + ": " + TextPieces.line(&random))
        // Any subset of the properties, in any order.
        var keys = ["enhed", "baseline", "mål", "datakilde", "frekvens", "retning", "ansvarlig", "definition", "beskrivelse"]
            .filter { _ in random.chance(70) }
        keys.shuffle(using: &random)
        for key in keys {
            switch key {
            case "enhed": emit(2, keyword("enhed") + ": " + random.pick(["procent", "antal", "borgere", "dage", TextPieces.line(&random, maxWords: 3)]))
            case "baseline": emit(2, keyword("baseline") + ": " + number() + (random.chance(50) ? " (\(date()))" : ""))
            case "mål":
                let deadline = random.chance(75) ? " " + fixed(["senest", "by"]) + " " + date() : ""
                emit(2, keyword("mål") + ": " + number() + deadline)
            case "datakilde": text(2, "datakilde", multiLine: 10)
            case "frekvens":
                emit(2, keyword("frekvens") + ": " + fixed(["løbende", "ugentlig", "månedlig", "kvartalsvis", "halvårlig", "årlig",
                                                          "loebende", "maanedlig", "halvaarlig", "aarlig", "continuous", "weekly",
                                                          "monthly", "quarterly", "half-yearly", "yearly"]))
            case "retning": emit(2, keyword("retning") + ": " + fixed(["op", "ned", "up", "down"]))
            case "ansvarlig": emit(2, keyword("ansvarlig") + ": " + TextPieces.line(&random, maxWords: 5))
            case "definition": text(2, "definition", multiLine: 50)
            default: text(2, "beskrivelse")
            }
        }
    }
}
