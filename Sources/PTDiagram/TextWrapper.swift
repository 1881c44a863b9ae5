/// Breaks text into lines of at most a given width, because Graphviz never wraps.
///
/// Width is counted in *columns*: one per grapheme (what a reader sees as one character, so
/// `æ`, `å` written with a combining ring, and a family emoji each count once), two for East
/// Asian wide and full-width characters and for emoji presented as pictures. Lines break at
/// whitespace; a word longer than the width is cut between graphemes. Runs of whitespace
/// collapse to one space. A width of 0 or less means "do not wrap".
///
/// A blank carrying a combining mark (` \u{301}`, how an accent is written on its own) is one
/// grapheme that Swift calls whitespace; it is part of the word, not a break, or the mark would
/// be lost.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int) -> [String] {
        if let lines = wrapPlain(text, width: width) { return lines }
        return wrapGraphemes(text, width: width)
    }

    /// The general case, one `Character` at a time.
    static func wrapGraphemes(_ text: String, width: Int) -> [String] {
        let words = text.split(whereSeparator: isBreak).map(String.init)
        guard !words.isEmpty else { return [] }
        guard width > 0 else { return [words.joined(separator: " ")] }

        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in words {
            let wordWidth = displayWidth(word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if wordWidth <= width {
                line = word
                lineWidth = wordWidth
                continue
            }
            // Too long for any line: cut it, and keep the rest as the start of the next line.
            for character in word {
                let characterWidth = displayWidth(character)
                if lineWidth > 0 && lineWidth + characterWidth > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += characterWidth
            }
        }
        if lineWidth > 0 { lines.append(line) }
        return lines
    }

    /// The same lines as `wrapGraphemes`, for the text most titles are: printable ASCII and the
    /// Latin-1 letters and signs U+00A1–U+00FF (æøå, é, §, ½ …) between ASCII spaces. There every
    /// scalar is a grapheme of one column (no combining marks, no emoji, nothing wide) and the
    /// space is the only break, so words and widths can be read from the UTF-8 bytes. Nil for
    /// any other text (a tab, a no-break space, a combining mark, a dash beyond Latin-1 …).
    static func wrapPlain(_ text: String, width: Int) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            // Each word: its byte range and its width in columns (scalars).
            var words: [(bytes: Range<Int>, columns: Int)] = []
            var start = -1
            var columns = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var length = 1
                if byte == 0x20 {
                    if start >= 0 { words.append((start..<index, columns)) }
                    start = -1
                    columns = 0
                    index += 1
                    continue
                } else if byte > 0x20 && byte < 0x7F {
                    length = 1
                } else if index + 1 < bytes.count,
                          (byte == 0xC2 && bytes[index + 1] >= 0xA1 && bytes[index + 1] <= 0xBF)
                            || (byte == 0xC3 && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0xBF) {
                    length = 2
                } else {
                    return nil
                }
                if start < 0 { start = index }
                columns += 1
                index += length
            }
            if start >= 0 { words.append((start..<bytes.count, columns)) }
            guard !words.isEmpty else { return [] }

            var lines: [String] = []
            var line: [UInt8] = []
            var lineWidth = 0
            func finishLine() {
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
                lineWidth = 0
            }
            for word in words {
                let wordBytes = UnsafeBufferPointer(rebasing: bytes[word.bytes])
                if width <= 0 || (lineWidth > 0 && lineWidth + 1 + word.columns <= width) {
                    if !line.isEmpty { line.append(0x20) }
                    line.append(contentsOf: wordBytes)
                    lineWidth += (lineWidth > 0 ? 1 : 0) + word.columns
                    continue
                }
                if lineWidth > 0 { finishLine() }
                if word.columns <= width {
                    line.append(contentsOf: wordBytes)
                    lineWidth = word.columns
                    continue
                }
                // Too long for any line: cut it between scalars (here, graphemes).
                var offset = 0
                while offset < wordBytes.count {
                    let length = wordBytes[offset] < 0x80 ? 1 : 2
                    if lineWidth > 0 && lineWidth + 1 > width { finishLine() }
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: wordBytes[offset..<offset + length]))
                    lineWidth += 1
                    offset += length
                }
            }
            if lineWidth > 0 { finishLine() }
            return lines
        }
    }

    /// Whitespace with nothing else in the grapheme.
    static func isBreak(_ character: Character) -> Bool {
        character.isWhitespace && character.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    /// Columns a text takes up: see the type's description.
    public static func displayWidth(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + displayWidth($1) }
    }

    public static func displayWidth(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        // Below U+203C (‼, the first emoji after Latin-1) no scalar has Emoji_Presentation, and
        // only # * 0–9 © ® are Emoji at all: no property lookups for the common case.
        if first.value < 0x203C {
            switch first.value {
            case 0x23, 0x2A, 0x30...0x39, 0xA9, 0xAE:
                if character.unicodeScalars.contains("\u{FE0F}") { return 2 }
            default:
                break
            }
            return isWide(first.value) ? 2 : 1
        }
        if first.properties.isEmojiPresentation
            || (first.properties.isEmoji && character.unicodeScalars.contains("\u{FE0F}")) {
            return 2
        }
        return isWide(first.value) ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, after Unicode's EastAsianWidth.txt
    /// (the common blocks; rarer ones count as narrow, which only makes a line a little long).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F,  // Hangul Jamo initials
             0x2E80...0x303E,  // CJK radicals, Kangxi, CJK symbols and punctuation
             0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, CJK compatibility
             0x3400...0x4DBF,  // CJK extension A
             0x4E00...0x9FFF,  // CJK unified ideographs
             0xA000...0xA4CF,  // Yi
             0xAC00...0xD7A3,  // Hangul syllables
             0xF900...0xFAFF,  // CJK compatibility ideographs
             0xFE30...0xFE4F,  // CJK compatibility forms
             0xFF00...0xFF60,  // Fullwidth forms
             0xFFE0...0xFFE6,
             0x20000...0x3FFFD:  // CJK extensions B and later
            true
        default:
            false
        }
    }

    /// Shortens text to at most `width` columns, ending in `…` when something was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0, displayWidth(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = displayWidth(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        while result.last?.isWhitespace == true { result.removeLast() }
        return result + "…"
    }
}
