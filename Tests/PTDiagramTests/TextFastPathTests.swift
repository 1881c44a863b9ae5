import PTDiagram
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
