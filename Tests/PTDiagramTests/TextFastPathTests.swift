@testable import PTDiagram
import PTModelGenerator
import Testing

/// Shortcuts that skip Unicode property lookups must answer what the lookups answer.
@Suite("Text shortcuts agree with Unicode's tables")
struct TextFastPathTests {
    static var allScalars: [Unicode.Scalar] {
        (0...0x10FFFF).compactMap(Unicode.Scalar.init(_:))
    }

    @Test("Control characters: sanitize replaces exactly general category Cc and U+FFFE/U+FFFF")
    func controlCharacters() {
        let scalars = Self.allScalars
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        let sanitized = Array(Escape.sanitize(String(text)).unicodeScalars)
        #expect(sanitized.count == scalars.count)
        var wrong: [UInt32] = []
        for (scalar, result) in zip(scalars, sanitized) {
            let unsafe = scalar.properties.generalCategory == .control || scalar.value == 0xFFFE || scalar.value == 0xFFFF
            if result != (unsafe ? " " : scalar) { wrong.append(scalar.value) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0, radix: 16) })")
    }

    /// The width as computed before the shortcut, from the emoji properties alone.
    static func referenceWidth(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.properties.isEmojiPresentation
            || (first.properties.isEmoji && character.unicodeScalars.contains("\u{FE0F}")) {
            return 2
        }
        // Of TextWrapper's wide ranges, only the Hangul Jamo initials lie below U+203C.
        return (0x1100...0x115F).contains(first.value) ? 2 : 1
    }

    @Test("Display width below U+203C: the same as from the emoji properties, alone, with VS16 or a combining mark")
    func displayWidth() {
        var wrong: [String] = []
        for scalar in Self.allScalars where scalar.value < 0x203C {
            for suffix in ["", "\u{FE0F}", "\u{301}", "\u{20E3}", "\u{FE0F}\u{20E3}"] {
                let text = String(scalar) + suffix
                guard text.count == 1, let character = text.first else { continue }
                if TextWrapper.displayWidth(character) != Self.referenceWidth(character) {
                    wrong.append(text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "+"))
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }
}

/// `TextWrapper.wrap` reads plain Latin text from its bytes; every other text goes the
/// `Character` way. Both must give the same lines for any text and width.
@Suite("Wrapping plain text by bytes agrees with wrapping by graphemes")
struct WrapFastPathTests {
    /// Pieces chosen to sit on both sides of the fast path's edges: the last ASCII and first
    /// Latin-1 bytes, the no-break space and soft hyphen, C1 controls, combining marks after
    /// letters and spaces, emoji with and without VS16, wide CJK, tabs and line breaks.
    static let pieces = [
        "a", "Z", "0", "~", "!", "#", " ", "  ", "æ", "ø", "å", "Å", "é", "ÿ", "¡", "©", "®", "½", "§",
        "\u{A0}", "\u{AD}", "\u{85}", "\u{7F}", "\u{301}", " \u{301}", "e\u{301}", "\t", "\n", "\r\n",
        "—", "–", "•", "🙂", "❤\u{FE0F}", "#\u{FE0F}\u{20E3}", "中", "한", "Ā", "\u{200D}",
        "ungdomsuddannelse", "Den", "unge", "møder", "stabilt", "op",
    ]

    @Test("5 000 generated texts, widths 0–24")
    func sameLines() {
        var generator = SeededRandom(seed: 0x5EED_7E47)
        var wrong: [String] = []
        for round in 0..<5_000 {
            // Mostly plain text (the fast path), now and then one piece that is not.
            let plainOnly = round % 2 == 0
            var text = ""
            for _ in 0..<Int(generator.next() % 24) {
                var piece = Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
                if plainOnly, TextWrapper.wrapPlain(piece, width: 10) == nil { piece = "ord" }
                text += piece
            }
            let width = Int(generator.next() % 25)
            if TextWrapper.wrap(text, width: width) != TextWrapper.wrapGraphemes(text, width: width) {
                wrong.append("\(width): \(text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("The fast path takes plain Danish text and leaves the rest")
    func takesPlainText() {
        #expect(TextWrapper.wrapPlain("Den unge møder stabilt op (§ 1, ½ år)", width: 12) != nil)
        for other in ["a\u{A0}b", "e\u{301}", "a\tb", "a—b", "🙂", "中", "a\u{85}b", "a\nb"] {
            #expect(TextWrapper.wrapPlain(other, width: 12) == nil, "\(other.unicodeScalars.map(\.value))")
        }
    }
}
