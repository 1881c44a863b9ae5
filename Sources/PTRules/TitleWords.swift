import PTSyntax

/// The words of a title in lower case, as the wording rules read them: runs of letters (and
/// `extra`, e.g. `%`), everything else separates. Same result as
/// `title.lowercased().split(whereSeparator: { !$0.isLetter && $0 != extra })`, read from the
/// bytes when the title is ASCII plus U+00C0-U+00FF (nearly every Danish title), by `Character`s
/// else.
enum TitleWords {
    static func words(_ title: String, keeping extra: Character? = nil) -> [String] {
        if let words = asciiWords(title, keeping: extra?.asciiValue, firstOnly: false) { return words }
        return title.lowercased().split(whereSeparator: { !$0.isLetter && $0 != extra }).map(String.init)
    }

    /// The first word only (or nil when there is none).
    static func firstWord(_ title: String) -> String? {
        if let words = asciiWords(title, keeping: nil, firstOnly: true) { return words.first }
        return title.lowercased().split(whereSeparator: { !$0.isLetter }).first.map(String.init)
    }

    private static func asciiWords(_ title: String, keeping extra: UInt8?, firstOnly: Bool) -> [String]? {
        var title = title
        return title.withUTF8 { bytes -> [String]? in
            var words: [String] = []
            var word: [UInt8] = []
            var index = 0
            let count = bytes.count
            func finish() {
                if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    // An ASCII byte is a whole `Character` unless a combining mark follows it.
                    guard startsCharacter(bytes, index + 1) else { return nil }
                    if byte == UInt8(ascii: "\r") { return nil }
                    index += 1
                    let lower = byte | 0x20
                    if lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") {
                        word.append(lower)
                    } else if byte == extra {
                        word.append(byte)
                    } else {
                        finish()
                        if firstOnly, !words.isEmpty { return words }
                    }
                    continue
                }
                guard byte == 0xC3, index + 1 < count else { return nil }
                var second = bytes[index + 1]
                index += 2
                if index < count, bytes[index] >= 0x80, bytes[index] != 0xC3 { return nil }
                // U+00C0-U+00FF are letters but × (U+00D7) and ÷ (U+00F7); lower case of
                // U+00C0-U+00DE is 0x20 further on.
                if second == 0x97 || second == 0xB7 {
                    finish()
                    if firstOnly, !words.isEmpty { return words }
                    continue
                }
                if second <= 0x9E { second += 0x20 }
                word.append(0xC3)
                word.append(second)
            }
            finish()
            return words
        }
    }
}
