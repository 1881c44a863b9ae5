import Foundation
import PTSource
import Testing
@testable import PTSyntax

/// The byte fast paths of `TextSlice`, `normalizeKeyword` and `Identifier.isValid` must give
/// exactly what walking `Character`s gives. The reference walks below are the parser's
/// original code, kept here as the specification; `normalizeKeyword` is compared with its own
/// `Character` walk, `normalizeKeywordByCharacters`, which the parser falls back to.
struct TextSliceTests {
    // MARK: - Reference (Character walks)

    private func referenceTrimmed(_ text: Substring) -> Substring {
        var start = text.startIndex
        var end = text.endIndex
        while start < end, isBlank(text[start]) { start = text.index(after: start) }
        while end > start, isBlank(text[text.index(before: end)]) { end = text.index(before: end) }
        return text[start..<end]
    }

    /// Blank: every scalar of the `Character` is white space (a space with a combining mark
    /// after it is text, not a blank).
    private func isBlank(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    private func referenceWords(_ text: Substring) -> [Substring] {
        var words: [Substring] = []
        var index = text.startIndex
        while index < text.endIndex {
            while index < text.endIndex, isBlank(text[index]) { index = text.index(after: index) }
            let start = index
            while index < text.endIndex, !isBlank(text[index]) { index = text.index(after: index) }
            if start < index { words.append(text[start..<index]) }
        }
        return words
    }

    private func referenceSplit(_ text: Substring, on separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = text[...]
        while let found = rest.range(of: separator) {
            parts.append(text[rest.startIndex..<found.lowerBound])
            rest = text[found.upperBound...]
        }
        parts.append(rest)
        return parts
    }

    private func referenceIsValid(_ name: Substring) -> Bool {
        guard let first = name.first, first.isLetter else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }
    }

    // MARK: - Inputs

    /// Pieces that sit at the edges of the fast paths: ASCII blanks, no-break and other Unicode
    /// spaces, combining marks after blanks and separators, a prepended mark before a blank,
    /// regional indicators, Danish letters composed and decomposed.
    private static let pieces = [
        "a", "D1", " ", "  ", "\t", "\u{0B}", "\u{0C}", ":", "->", "-", ">", ",", "#", "%", "æ", "Ø", "å",
        "a\u{30A}", "\u{301}", " \u{301}", ":\u{301}", "-\u{301}>", "\u{A0}", "\u{2003}", "\u{3000}",
        "\u{600}", "\u{600} ", "🇩🇰", "👩‍👩‍👧", "é", "E\u{301}", "ß", "İ", "fører", "til", "Delmål", "\u{200B}", "\u{85}",
    ]

    /// Deterministic pseudo-random strings made of `pieces` (a fixed linear congruential walk).
    private static func samples(count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var out: [String] = pieces
        for _ in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 60) + 1
            var text = ""
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            out.append(text)
        }
        return out
    }

    /// Each sample as a whole line and as a slice out of a longer line (so the base string
    /// extends past both ends of the slice).
    private static func slices(_ text: String) -> [TextSlice] {
        let line = "x \(text) y"
        let utf8 = line.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: 2)
        let upper = utf8.index(lower, offsetBy: text.utf8.count)
        return [TextSlice(text: text[...], offset: 7, file: SourcePaths.id(for: "t.pt")),
                TextSlice(text: line[lower..<upper], offset: 9, file: SourcePaths.id(for: "t.pt"))]
    }

    private func offsetInBase(_ text: Substring) -> Int {
        text.base.utf8.distance(from: text.base.startIndex, to: text.startIndex)
    }

    @Test func trimmingMatchesCharacters() {
        for text in Self.samples(count: 3000) {
            for slice in Self.slices(text) {
                let fast = slice.trimmed()
                let reference = referenceTrimmed(slice.text)
                #expect(Array(fast.text.utf8) == Array(reference.utf8), "trimmed \(Array(text.unicodeScalars))")
                #expect(fast.offset == slice.offset + offsetInBase(reference) - offsetInBase(slice.text))
            }
        }
    }

    @Test func wordsMatchCharacters() {
        for text in Self.samples(count: 3000) {
            for slice in Self.slices(text) {
                let fast = slice.words()
                let reference = referenceWords(slice.text)
                #expect(fast.map { Array($0.text.utf8) } == reference.map { Array($0.utf8) }, "words \(Array(text.unicodeScalars))")
                #expect(fast.map(\.offset) == reference.map { slice.offset + offsetInBase($0) - offsetInBase(slice.text) })
            }
        }
    }

    @Test func splittingMatchesCharacters() {
        for text in Self.samples(count: 3000) {
            for slice in Self.slices(text) {
                for separator in ["->", ","] {
                    let fast = slice.split(on: separator)
                    let reference = referenceSplit(slice.text, on: separator)
                    #expect(fast.map { Array($0.text.utf8) } == reference.map { Array($0.utf8) }, "split \(Array(text.unicodeScalars))")
                    #expect(fast.map(\.offset) == reference.map { slice.offset + offsetInBase($0) - offsetInBase(slice.text) })
                    #expect(slice.contains(separator) == slice.text.contains(separator))
                }
                let colon = slice.split(atFirst: ":")
                let referenceColon = slice.text.firstIndex(of: ":")
                #expect((colon == nil) == (referenceColon == nil), "colon \(Array(text.unicodeScalars))")
                if let colon, let referenceColon {
                    #expect(Array(colon.0.text.utf8) == Array(slice.text[..<referenceColon].utf8))
                    #expect(Array(colon.1.text.utf8) == Array(slice.text[slice.text.index(after: referenceColon)...].utf8))
                    #expect(colon.1.offset == slice.offset + slice.text.utf8.distance(from: slice.text.startIndex, to: referenceColon) + 1)
                }
            }
        }
    }

    @Test func keywordsAndIdentifiersMatchCharacters() {
        for text in Self.samples(count: 3000) {
            for slice in Self.slices(text) {
                #expect(normalizeKeyword(slice.text) == normalizeKeywordByCharacters(slice.text), "normalize \(Array(text.unicodeScalars))")
                #expect(Identifier.isValid(slice.text) == referenceIsValid(slice.text), "id \(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func aCombiningMarkAfterTheBlankIsKept() {
        // " \u{301}" is one Character whose first scalar is a space. Until 2026-12-04 it was
        // trimmed as a blank, mark and all, and `fmt` wrote the title without the mark.
        let slice = TextSlice(text: " \u{301}Titel "[...], offset: 0, file: SourcePaths.id(for: "t.pt"))
        #expect(slice.trimmed().text == " \u{301}Titel")
        #expect(slice.trimmed().offset == 0)
        let words = TextSlice(text: "a \u{301}b  c"[...], offset: 0, file: SourcePaths.id(for: "t.pt")).words()
        #expect(words.map(\.text) == ["a \u{301}b", "c"])
    }
}
