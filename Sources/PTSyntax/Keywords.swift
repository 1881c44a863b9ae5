/// The five parts of a programteori, plus the header, indicators and assumptions.
public enum ElementKind: String, Sendable, Codable, CaseIterable {
    case programTheory
    case targetGroup
    case finalOutcome
    case outcome
    case activity
    case mechanism
    case indicator
    case assumption

    /// The keyword a Danish user writes (and reads in messages).
    public var danishKeyword: String {
        switch self {
        case .programTheory: "programteori"
        case .targetGroup: "målgruppe"
        case .finalOutcome: "slutmål"
        case .outcome: "delmål"
        case .activity: "aktivitet"
        case .mechanism: "mekanisme"
        case .indicator: "indikator"
        case .assumption: "antagelse"
        }
    }

    public var englishKeyword: String {
        switch self {
        case .programTheory: "program theory"
        case .targetGroup: "target group"
        case .finalOutcome: "final outcome"
        case .outcome: "outcome"
        case .activity: "activity"
        case .mechanism: "mechanism"
        case .indicator: "indicator"
        case .assumption: "assumption"
        }
    }

    /// Every spelling that names this kind, normalised (see `normalizeKeyword`).
    var spellings: [String] {
        switch self {
        case .programTheory: ["programteori", "program theory"]
        case .targetGroup: ["maalgruppe", "target group"]
        case .finalOutcome: ["slutmaal", "final outcome"]
        case .outcome: ["delmaal", "outcome"]
        case .activity: ["aktivitet", "activity"]
        case .mechanism: ["mekanisme", "virksom mekanisme", "mechanism"]
        case .indicator: ["indikator", "indicator"]
        case .assumption: ["antagelse", "assumption"]
        }
    }

    /// The properties this kind of element accepts (indicators are blocks, not properties).
    public var allowedProperties: [PropertyKey] {
        switch self {
        case .programTheory: [.municipality, .owner, .version, .date, .description, .status]
        case .targetGroup: [.characteristic, .size, .scope, .description]
        case .finalOutcome: [.description]
        case .outcome: [.leadsTo, .description]
        case .activity: [.leadsTo, .description]
        case .mechanism: [.type, .supports, .description]
        case .indicator: [.unit, .baseline, .target, .dataSource, .frequency, .direction, .owner, .definition, .description]
        case .assumption: [.appliesTo, .critical, .evidence, .description]
        }
    }

    /// Whether `indikator` blocks may stand under this kind.
    public var acceptsIndicators: Bool { self == .outcome || self == .finalOutcome }

    /// Kinds that can stand at the top level of a file.
    public static let topLevel: [ElementKind] = [.programTheory, .targetGroup, .finalOutcome, .outcome, .activity, .mechanism, .assumption]
}

/// Every property keyword of the language.
public enum PropertyKey: String, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    case leadsTo, supports, appliesTo
    case characteristic, size, scope, description
    case unit, baseline, target, dataSource, frequency, direction, owner, definition
    case critical, evidence, type
    case municipality, version, date, status
    case use

    public var danishKeyword: String {
        switch self {
        case .leadsTo: "fører til"
        case .supports: "understøtter"
        case .appliesTo: "gælder"
        case .characteristic: "kendetegn"
        case .size: "størrelse"
        case .scope: "afgrænsning"
        case .description: "beskrivelse"
        case .unit: "enhed"
        case .baseline: "baseline"
        case .target: "mål"
        case .dataSource: "datakilde"
        case .frequency: "frekvens"
        case .direction: "retning"
        case .owner: "ansvarlig"
        case .definition: "definition"
        case .critical: "kritisk"
        case .evidence: "evidens"
        case .type: "type"
        case .municipality: "kommune"
        case .version: "version"
        case .date: "dato"
        case .status: "status"
        case .use: "brug"
        }
    }

    public var englishKeyword: String {
        switch self {
        case .leadsTo: "leads to"
        case .supports: "supports"
        case .appliesTo: "applies to"
        case .characteristic: "characteristic"
        case .size: "size"
        case .scope: "scope"
        case .description: "description"
        case .unit: "unit"
        case .baseline: "baseline"
        case .target: "target"
        case .dataSource: "data source"
        case .frequency: "frequency"
        case .direction: "direction"
        case .owner: "owner"
        case .definition: "definition"
        case .critical: "critical"
        case .evidence: "evidence"
        case .type: "type"
        case .municipality: "municipality"
        case .version: "version"
        case .date: "date"
        case .status: "status"
        case .use: "use"
        }
    }

    /// Properties that may be given more than once; every other one stands once per element.
    public var isRepeatable: Bool {
        switch self {
        case .leadsTo, .supports, .appliesTo, .characteristic: true
        default: false
        }
    }

    /// Properties whose value is free text (and so may span several indented lines).
    public var isText: Bool {
        switch self {
        case .characteristic, .scope, .description, .unit, .dataSource, .owner, .definition,
             .evidence, .municipality, .version:
            true
        default: false
        }
    }
}

/// Folds a keyword to one spelling: lower case, æøå written out (`ae`, `oe`, `aa`), single
/// spaces. `Fører  Til` and `foerer til` both become `foerer til`.
public func normalizeKeyword(_ text: some StringProtocol) -> String {
    normalizeKeywordBytes(text) ?? normalizeKeywordByCharacters(text)
}

/// `normalizeKeyword` walking `Character`s: the general path, and the reference the byte path is
/// tested against.
func normalizeKeywordByCharacters(_ text: some StringProtocol) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 4)
    var pendingSpace = false
    for character in text.lowercased() {
        if character == " " || character == "\t" {
            pendingSpace = !out.isEmpty
            continue
        }
        if pendingSpace {
            out.append(" ")
            pendingSpace = false
        }
        switch character {
        case "æ": out += "ae"
        case "ø": out += "oe"
        case "å": out += "aa"
        default: out.append(character)
        }
    }
    return out
}

/// `normalizeKeyword` on the bytes, for text of ASCII and U+00C0-U+00FF (æøå, é, ü …, each a
/// `Character` of its own); nil for anything else, which the `Character` walk handles.
private func normalizeKeywordBytes(_ text: some StringProtocol) -> String? {
    let result: String?? = withUTF8Bytes(text) { bytes in normalizeKeywordBytes(bytes) }
    return result ?? nil
}

extension TextSlice {
    /// `normalizeKeyword(text)`, read from the bytes without making the `Substring` first.
    func normalizedKeyword() -> String {
        if let bytes = withBytes({ normalizeKeywordBytes($0) }), let normalized = bytes { return normalized }
        return normalizeKeywordByCharacters(text)
    }
}

/// The byte path of `normalizeKeyword` on the bytes themselves.
func normalizeKeywordBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    // The result is never longer than the text: æ → ae, and blanks only shrink.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { out -> String? in
        var length = 0
        var pendingSpace = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                // A combining mark after an ASCII byte joins it into one `Character`.
                guard startsCharacter(bytes, index + 1) else { return nil }
                if byte == UInt8(ascii: "\r") { return nil }
                index += 1
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    pendingSpace = length > 0
                    continue
                }
                if pendingSpace {
                    out[length] = UInt8(ascii: " ")
                    length += 1
                    pendingSpace = false
                }
                out[length] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                length += 1
                continue
            }
            guard byte == 0xC3, index + 1 < count else { return nil }
            var second = bytes[index + 1]
            index += 2
            if index < count, bytes[index] >= 0x80, bytes[index] != 0xC3 { return nil }
            if pendingSpace {
                out[length] = UInt8(ascii: " ")
                length += 1
                pendingSpace = false
            }
            // Lower case in U+00C0-U+00DE is 0x20 further on (not × at U+00D7).
            if second >= 0x80, second <= 0x9E, second != 0x97 { second += 0x20 }
            switch second {
            case 0xA6: (out[length], out[length + 1]) = (UInt8(ascii: "a"), UInt8(ascii: "e"))  // æ
            case 0xB8: (out[length], out[length + 1]) = (UInt8(ascii: "o"), UInt8(ascii: "e"))  // ø
            case 0xA5: (out[length], out[length + 1]) = (UInt8(ascii: "a"), UInt8(ascii: "a"))  // å
            default: (out[length], out[length + 1]) = (0xC3, second)
            }
            length += 2
        }
        return String(decoding: UnsafeMutableBufferPointer(rebasing: out[..<length]), as: UTF8.self)
    }
}

/// Lookup tables from normalised spelling to keyword.
enum KeywordTable {
    static let elements: [String: ElementKind] = {
        var table: [String: ElementKind] = [:]
        for kind in ElementKind.allCases {
            for spelling in kind.spellings { table[spelling] = kind }
        }
        return table
    }()

    static let properties: [String: PropertyKey] = {
        var table: [String: PropertyKey] = [:]
        for key in PropertyKey.allCases {
            table[normalizeKeyword(key.danishKeyword)] = key
            table[normalizeKeyword(key.englishKeyword)] = key
        }
        return table
    }()

    /// Element spellings with two words, tried before one-word spellings.
    static let twoWordElements: [String: ElementKind] = elements.filter { $0.key.contains(" ") }

    /// What one normalised word can be: an element or property keyword of one word, and
    /// whether it starts a two-word keyword.
    struct FirstWord {
        var element: ElementKind?
        var property: PropertyKey?
        var startsTwoWords = false
    }

    /// What two normalised words (joined by one space) are: the element keyword wins, as above.
    struct TwoWords {
        var element: ElementKind?
        var property: PropertyKey?
    }

    static let firstWords: [String: FirstWord] = {
        var table: [String: FirstWord] = [:]
        for (spelling, kind) in elements {
            if let space = spelling.firstIndex(of: " ") {
                table[String(spelling[..<space]), default: FirstWord()].startsTwoWords = true
            } else {
                table[spelling, default: FirstWord()].element = kind
            }
        }
        for (spelling, key) in properties {
            if let space = spelling.firstIndex(of: " ") {
                table[String(spelling[..<space]), default: FirstWord()].startsTwoWords = true
            } else {
                table[spelling, default: FirstWord()].property = key
            }
        }
        return table
    }()

    static let twoWords: [String: TwoWords] = {
        var table: [String: TwoWords] = [:]
        for (spelling, kind) in twoWordElements { table[spelling, default: TwoWords()].element = kind }
        for (spelling, key) in properties where spelling.contains(" ") { table[spelling, default: TwoWords()].property = key }
        return table
    }()
}
