import PTSource

/// A name that identifies an element (`D1`, `D2.1`, `mentor`) and where it was written.
public struct Identifier: Hashable, Sendable, Codable {
    public let name: String
    public let range: SourceRange

    public init(name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }

    /// A letter, then letters, digits, `.`, `_` or `-`.
    public static func isValid(_ name: some StringProtocol) -> Bool {
        let ascii: Bool?? = withUTF8Bytes(name) { bytes -> Bool? in
            guard let first = bytes.first, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
            guard isLetter(first) else { return false }
            return bytes.allSatisfy {
                isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                    || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
            }
        }
        if let decided = ascii ?? nil { return decided }
        guard let first = name.first, first.isLetter else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }
    }
}

/// A number as written (`55`, `55,5`, `55.5`, `40%`). `text` keeps the user's spelling.
public struct Quantity: Hashable, Sendable, Codable {
    public let value: Double
    public let text: String
    /// Written with `%`, which means `enhed: procent`.
    public let isPercent: Bool

    public init(value: Double, text: String, isPercent: Bool) {
        self.value = value
        self.text = text
        self.isPercent = isPercent
    }
}

/// A date at the precision the user wrote: a year, a month or a day.
public struct DateValue: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO form at the written precision: `2025`, `2025-12`, `2025-12-31`.
    public var description: String {
        var text = String(format4: year)
        if let month { text += "-" + String(format2: month) }
        if let day { text += "-" + String(format2: day) }
        return text
    }

    /// The last day the date covers (`2025-12` → 2025-12-31): a deadline's real end.
    public var lastDay: DateValue {
        let month = self.month ?? 12
        return DateValue(year: year, month: month, day: day ?? DateValue.daysIn(month: month, year: year))
    }

    /// The first day the date covers (`2025-12` → 2025-12-01).
    public var firstDay: DateValue {
        DateValue(year: year, month: month ?? 1, day: day ?? 1)
    }

    public static func < (lhs: DateValue, rhs: DateValue) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension String {
    init(format4 value: Int) {
        let digits = "\(value)"
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }

    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}

/// `baseline: 55 (2024-06)`
public struct Baseline: Hashable, Sendable, Codable {
    public let quantity: Quantity
    public let date: DateValue?
}

/// `mål: 80 senest 2025-12-31`
public struct Target: Hashable, Sendable, Codable {
    public let quantity: Quantity
    public let deadline: DateValue?
}

/// `størrelse: 120 borgere` — kept as written; `number` is set when it starts with a number.
public struct Size: Hashable, Sendable, Codable {
    public let text: String
    public let number: Double?
    public let unit: String?
}

public enum Frequency: String, Sendable, Codable, CaseIterable {
    case continuous, weekly, monthly, quarterly, halfYearly, yearly

    public var danish: String {
        switch self {
        case .continuous: "løbende"
        case .weekly: "ugentlig"
        case .monthly: "månedlig"
        case .quarterly: "kvartalsvis"
        case .halfYearly: "halvårlig"
        case .yearly: "årlig"
        }
    }

    public var english: String {
        switch self {
        case .continuous: "continuous"
        case .weekly: "weekly"
        case .monthly: "monthly"
        case .quarterly: "quarterly"
        case .halfYearly: "half-yearly"
        case .yearly: "yearly"
        }
    }
}

public enum Direction: String, Sendable, Codable, CaseIterable {
    case up, down

    public var danish: String { self == .up ? "op" : "ned" }
    public var english: String { rawValue }
}

public enum MechanismType: String, Sendable, Codable, CaseIterable {
    case competence, resource, approach, organisationalFrame

    public var danish: String {
        switch self {
        case .competence: "kompetence"
        case .resource: "ressource"
        case .approach: "tilgang"
        case .organisationalFrame: "organisatorisk ramme"
        }
    }

    public var english: String {
        switch self {
        case .competence: "competence"
        case .resource: "resource"
        case .approach: "approach"
        case .organisationalFrame: "organisational frame"
        }
    }
}

public enum ApprovalStatus: String, Sendable, Codable, CaseIterable {
    case draft, approved

    public var danish: String { self == .draft ? "kladde" : "godkendt" }
    public var english: String { rawValue }
}

/// One item of a reference list: an element (`D1`) or a link between two (`A1 -> D2`).
public enum Reference: Hashable, Sendable {
    case element(Identifier)
    // Links are the rarer item; in a box of their own, every reference is one `Identifier`
    // wide (32 instead of 64 bytes in each reference list).
    indirect case link(from: Identifier, to: Identifier)

    public var range: SourceRange {
        switch self {
        case .element(let id): id.range
        case .link(let from, let to): from.range.union(to.range)
        }
    }
}
