import PTSource

/// Parses the typed values of the language: numbers, dates, `baseline`, `mål`, fixed words and
/// reference lists. Each function returns nil when the text does not fit; the caller reports it.
enum ValueParser {
    /// `55`, `55,5`, `55.5`, `-3`, optionally followed by `%`.
    static func quantity(_ text: Substring) -> Quantity? {
        if let ascii = asciiQuantity(text) { return ascii }
        return quantityByCharacters(text)
    }

    /// `quantity` read from the bytes when they are ASCII without `\r` (then every byte is a
    /// `Character`, and `isWhitespace`/`isNumber` are the ASCII blanks and digits): `.some(nil)`
    /// is "not a number", nil is "ask the `Character` walk".
    private static func asciiQuantity(_ text: Substring) -> Quantity?? {
        let parsed: Quantity??? = withUTF8Bytes(text) { bytes -> Quantity?? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return nil }
            var end = bytes.count
            var isPercent = false
            if end > 0, bytes[end - 1] == UInt8(ascii: "%") {
                isPercent = true
                end -= 1
                while end > 0, isASCIIBlank(bytes[end - 1]) { end -= 1 }
            }
            guard end > 0 else { return .some(nil) }
            // The normalised number is never longer than the text.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end) { out -> Quantity?? in
                var length = 0
                var digitsBefore = 0
                var digitsAfter = 0
                var seenSeparator = false
                for index in 0..<end {
                    let byte = bytes[index]
                    if index == 0, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                        out[length] = byte
                        length += 1
                        continue
                    }
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                        if seenSeparator { return .some(nil) }
                        seenSeparator = true
                        out[length] = UInt8(ascii: ".")
                    } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                        out[length] = byte
                        if seenSeparator { digitsAfter += 1 } else { digitsBefore += 1 }
                    } else {
                        return .some(nil)
                    }
                    length += 1
                }
                let normalized = String(decoding: UnsafeMutableBufferPointer(rebasing: out[..<length]), as: UTF8.self)
                guard digitsBefore > 0, !seenSeparator || digitsAfter > 0, let value = Double(normalized) else { return .some(nil) }
                return .some(Quantity(value: value, text: String(text), isPercent: isPercent))
            }
        }
        return parsed ?? nil
    }

    /// `quantity` walking `Character`s: the general path, and the reference the byte path is
    /// tested against.
    static func quantityByCharacters(_ text: Substring) -> Quantity? {
        var body = text
        var isPercent = false
        if body.hasSuffix("%") {
            isPercent = true
            body = body.dropLast()
            while body.last?.isBlank == true { body = body.dropLast() }
        }
        guard !body.isEmpty else { return nil }
        var digitsBefore = 0
        var digitsAfter = 0
        var seenSeparator = false
        var normalized = ""
        for (index, character) in body.enumerated() {
            if index == 0, character == "-" || character == "+" {
                normalized.append(character)
                continue
            }
            if character == "," || character == "." {
                if seenSeparator { return nil }
                seenSeparator = true
                normalized.append(".")
            } else if character.isASCII, character.isNumber {
                normalized.append(character)
                if seenSeparator { digitsAfter += 1 } else { digitsBefore += 1 }
            } else {
                return nil
            }
        }
        guard digitsBefore > 0, !seenSeparator || digitsAfter > 0, let value = Double(normalized) else { return nil }
        return Quantity(value: value, text: String(text), isPercent: isPercent)
    }

    /// `2025-12-31`, `2025-12`, `2025`, `31.12.2025`.
    static func date(_ text: Substring) -> DateValue? {
        if let ascii = asciiDate(text) { return ascii }
        let parts: [Substring]
        let dayFirst: Bool
        if text.contains(".") {
            parts = text.split(separator: ".", omittingEmptySubsequences: false)
            dayFirst = true
            guard parts.count == 3 else { return nil }
        } else {
            parts = text.split(separator: "-", omittingEmptySubsequences: false)
            dayFirst = false
            guard (1...3).contains(parts.count) else { return nil }
        }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        let year: Int, month: Int?, day: Int?
        if dayFirst {
            guard parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return nil }
            (year, month, day) = (numbers[2], numbers[1], numbers[0])
        } else {
            guard parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count <= 2 }) else { return nil }
            year = numbers[0]
            month = numbers.count > 1 ? numbers[1] : nil
            day = numbers.count > 2 ? numbers[2] : nil
        }
        guard year >= 1900, year <= 2200 else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day, let month, !(1...DateValue.daysIn(month: month, year: year)).contains(day) { return nil }
        return DateValue(year: year, month: month, day: day)
    }

    /// `date` read from the bytes when they are all ASCII (as dates are): `.some(nil)` is "not a
    /// date", nil is "not ASCII, ask `date`'s `Character` walk".
    private static func asciiDate(_ text: Substring) -> DateValue?? {
        let parsed: DateValue??? = withUTF8Bytes(text) { bytes -> DateValue?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let dayFirst = bytes.contains(UInt8(ascii: "."))
            let separator = dayFirst ? UInt8(ascii: ".") : UInt8(ascii: "-")
            var numbers: [Int] = []
            var lengths: [Int] = []
            var value = 0
            var length = 0
            for byte in bytes {
                if byte == separator {
                    guard length > 0 else { return .some(nil) }
                    numbers.append(value)
                    lengths.append(length)
                    value = 0
                    length = 0
                    continue
                }
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return .some(nil) }
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowAdding) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
                guard !overflow, !overflowAdding else { return .some(nil) }
                value = sum
                length += 1
            }
            guard length > 0 else { return .some(nil) }
            numbers.append(value)
            lengths.append(length)
            let year: Int, month: Int?, day: Int?
            if dayFirst {
                guard numbers.count == 3, lengths[2] == 4, lengths[0] <= 2, lengths[1] <= 2 else { return .some(nil) }
                (year, month, day) = (numbers[2], numbers[1], numbers[0])
            } else {
                guard (1...3).contains(numbers.count), lengths[0] == 4, lengths.dropFirst().allSatisfy({ $0 <= 2 }) else { return .some(nil) }
                year = numbers[0]
                month = numbers.count > 1 ? numbers[1] : nil
                day = numbers.count > 2 ? numbers[2] : nil
            }
            guard year >= 1900, year <= 2200 else { return .some(nil) }
            if let month, !(1...12).contains(month) { return .some(nil) }
            if let day, let month, !(1...DateValue.daysIn(month: month, year: year)).contains(day) { return .some(nil) }
            return .some(DateValue(year: year, month: month, day: day))
        }
        return parsed ?? nil
    }

    /// Blank-separated words: on the bytes when they are ASCII, else by `Character`s.
    private static func blankSeparatedWords(_ text: Substring) -> [Substring] {
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            return text.utf8.split(whereSeparator: isASCIIBlank).map { Substring($0) }
        }
        return text.split(whereSeparator: { $0.isBlank })
    }

    /// `55`, `55 (2024)`, `55% (2024-06)`.
    static func baseline(_ text: Substring) -> Baseline? {
        let trimmed = text.trimmingBlanks()
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            let number = trimmed[..<open].trimmingBlanks()
            let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmingBlanks()
            guard let quantity = quantity(number), let date = date(inner) else { return nil }
            return Baseline(quantity: quantity, date: date)
        }
        guard let quantity = quantity(trimmed) else { return nil }
        return Baseline(quantity: quantity, date: nil)
    }

    /// `80`, `80 senest 2025-12-31` (English: `by`).
    static func target(_ text: Substring) -> Target? {
        let words = blankSeparatedWords(text)
        if let keywordIndex = words.firstIndex(where: { isDeadlineWord($0) }) {
            let number = words[..<keywordIndex].joined(separator: " ")
            let rest = words[(keywordIndex + 1)...]
            guard rest.count == 1, let quantity = quantity(Substring(number)), let deadline = date(rest.first!) else { return nil }
            return Target(quantity: quantity, deadline: deadline)
        }
        guard let quantity = quantity(Substring(words.joined(separator: " "))) else { return nil }
        return Target(quantity: quantity, deadline: nil)
    }

    /// `senest` or `by` in any spelling (compared without building a list for every word).
    private static func isDeadlineWord(_ word: Substring) -> Bool {
        let normalized = normalizeKeyword(word)
        return normalized == "senest" || normalized == "by"
    }

    /// The date part after `senest`/`by` when the number before it is valid (so a bad date can
    /// be reported as a date, not as a bad number).
    static func deadlineText(_ text: Substring) -> (text: Substring, range: Range<Substring.Index>)? {
        let words = blankSeparatedWords(text)
        guard let keywordIndex = words.firstIndex(where: { isDeadlineWord($0) }),
              keywordIndex + 1 < words.count,
              quantity(Substring(words[..<keywordIndex].joined(separator: " "))) != nil else { return nil }
        let first = words[keywordIndex + 1]
        let last = words[words.count - 1]
        return (text[first.startIndex..<last.endIndex], first.startIndex..<last.endIndex)
    }

    /// `120 borgere` → 120, unit `borgere`; anything else is kept as text without a number.
    static func size(_ text: Substring) -> Size {
        let words = blankSeparatedWords(text)
        if let first = words.first, let quantity = quantity(first) {
            let unit = words.dropFirst().joined(separator: " ")
            return Size(text: String(text), number: quantity.value, unit: unit.isEmpty ? (quantity.isPercent ? "procent" : nil) : unit)
        }
        return Size(text: String(text), number: nil, unit: nil)
    }

    static func frequency(_ text: Substring) -> Frequency? {
        switch normalizeKeyword(text) {
        case "loebende", "continuous", "ongoing": .continuous
        case "ugentlig", "weekly": .weekly
        case "maanedlig", "monthly": .monthly
        case "kvartalsvis", "quarterly": .quarterly
        case "halvaarlig", "half-yearly", "halfyearly", "semiannual", "semi-annual": .halfYearly
        case "aarlig", "yearly", "annual", "annually": .yearly
        default: nil
        }
    }

    static func direction(_ text: Substring) -> Direction? {
        switch normalizeKeyword(text) {
        case "op", "up": .up
        case "ned", "down": .down
        default: nil
        }
    }

    static func flag(_ text: Substring) -> Bool? {
        switch normalizeKeyword(text) {
        case "ja", "yes": true
        case "nej", "no": false
        default: nil
        }
    }

    static func status(_ text: Substring) -> ApprovalStatus? {
        switch normalizeKeyword(text) {
        case "kladde", "draft": .draft
        case "godkendt", "approved": .approved
        default: nil
        }
    }

    static func mechanismType(_ text: Substring) -> MechanismType? {
        switch normalizeKeyword(text) {
        case "kompetence", "competence", "kompetencer", "competences": .competence
        case "ressource", "resource", "ressourcer", "resources": .resource
        case "tilgang", "approach": .approach
        case "organisatorisk ramme", "organisational frame", "organizational frame", "organisatoriske rammer": .organisationalFrame
        default: nil
        }
    }
}

extension Substring {
    func trimmingBlanks() -> Substring {
        if utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            // ASCII: every byte is a `Character`.
            var start = utf8.startIndex
            var end = utf8.endIndex
            while start < end, isASCIIBlank(utf8[start]) { start = utf8.index(after: start) }
            while end > start, isASCIIBlank(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
            return self[start..<end]
        }
        var result = self
        while result.first?.isBlank == true { result = result.dropFirst() }
        while result.last?.isBlank == true { result = result.dropLast() }
        return result
    }
}
