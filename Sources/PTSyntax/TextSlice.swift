import PTSource

/// A piece of one line's text that remembers where in the file it stands, so every part a
/// parser cuts out of it still has an exact range.
///
/// The cutting works on the UTF-8 bytes: where a byte and its neighbours are ASCII, a byte is a
/// whole `Character`, so it is judged by a table look-up. Only next to a byte ≥ 0x80 (a letter
/// such as `æ`, a combining mark, a no-break space) is the `Character` itself asked, so the
/// result is exactly that of walking `Character`s (Tests/PTSyntaxTests/TextSliceTests.swift
/// compares the two on hostile text).
struct TextSlice {
    /// The valid UTF-8 the slice is cut from (the file's own bytes, or one decoded line) and
    /// the slice's bounds in it. Cutting is arithmetic on the bounds; text is made only when
    /// someone reads `text` or `string` (most cuts, such as the words after a keyword, never
    /// are). Cutting from the file's bytes, not from a `String` copy of them, saves a second
    /// copy of the file while it is parsed.
    let base: [UInt8]
    let lower: Int
    let upper: Int
    /// Byte offset of the slice's start in the file.
    let offset: Int
    let file: SourcePathID

    /// `base` must be valid UTF-8 (`LineScanner` checks the file once), cut on scalar
    /// boundaries.
    init(base: [UInt8], lower: Int, upper: Int, offset: Int, file: SourcePathID) {
        self.base = base
        self.lower = lower
        self.upper = upper
        self.offset = offset
        self.file = file
    }

    init(text: Substring, offset: Int, file: SourcePathID) {
        let utf8 = text.base.utf8
        self.init(base: Array(text.base.utf8), lower: utf8.distance(from: utf8.startIndex, to: text.startIndex),
                  upper: utf8.distance(from: utf8.startIndex, to: text.endIndex), offset: offset, file: file)
    }

    /// The slice's text as a string of its own.
    var string: String {
        base.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lower..<upper]), as: UTF8.self) }
    }

    /// The same, as the whole of a `Substring` (indices into it are what `sub(_:of:)` takes).
    var text: Substring { string[...] }

    /// Length in UTF-8 bytes.
    var byteCount: Int { upper - lower }

    var range: SourceRange {
        SourceRange(file: file, start: offset, end: offset + upper - lower)
    }

    var isEmpty: Bool { upper == lower }

    /// Runs `body` over the slice's UTF-8 bytes (nil for a string without contiguous UTF-8,
    /// which the `Character` walks then handle).
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        base.withUnsafeBufferPointer { all in body(UnsafeBufferPointer(rebasing: all[lower..<upper])) }
    }

    /// Without leading and trailing blanks.
    func trimmed() -> TextSlice {
        let bounds: (Int, Int)?? = withBytes { bytes -> (Int, Int)? in
            var start = 0
            var end = bytes.count
            while start < end {
                let byte = bytes[start]
                if byte < 0x80 {
                    guard isASCIIBlank(byte) else { break }
                    // A combining mark after the blank would join it into one `Character`.
                    guard startsCharacter(bytes, start + 1) else { return nil }
                    start += 1
                } else if isLatinLetter(bytes, start) {
                    break
                } else {
                    return nil
                }
            }
            while end > start {
                let byte = bytes[end - 1]
                if byte < 0x80 {
                    guard isASCIIBlank(byte) else { break }
                    // A prepended mark before the blank would join it into one `Character`.
                    guard endsCharacter(bytes, end - 1, from: start) else { return nil }
                    end -= 1
                } else if end - 2 >= start, bytes[end - 2] == 0xC3 {
                    break  // a letter from U+00C0-U+00FF
                } else {
                    return nil
                }
            }
            return (start, end)
        }
        if let bounds = bounds ?? nil { return sub(bytes: bounds.0, bounds.1) }
        return trimmedByCharacters()
    }

    /// `trimmed()` by walking `Character`s: for text with non-ASCII bytes at its edges.
    private func trimmedByCharacters() -> TextSlice {
        let text = self.text
        var start = text.startIndex
        var end = text.endIndex
        while start < end, text[start].isBlank { start = text.index(after: start) }
        while end > start, text[text.index(before: end)].isBlank { end = text.index(before: end) }
        return sub(start..<end, of: text)
    }

    /// The part between two indices of `text`, a `text` of this slice (each is a string of its
    /// own, so its indices count from the slice's start).
    func sub(_ bounds: Range<Substring.Index>, of text: Substring) -> TextSlice {
        let utf8 = text.utf8
        let start = utf8.distance(from: utf8.startIndex, to: bounds.lowerBound)
        let end = utf8.distance(from: utf8.startIndex, to: bounds.upperBound)
        return sub(bytes: start, end)
    }

    /// The part between two byte offsets into this slice (both on `Character` boundaries).
    func sub(bytes start: Int, _ end: Int) -> TextSlice {
        TextSlice(base: base, lower: lower + start, upper: lower + end, offset: offset + start, file: file)
    }

    /// Splits on every occurrence of `separator`, keeping positions.
    func split(on separator: String) -> [TextSlice] {
        if let cuts = asciiOccurrences(of: separator) {
            var parts: [TextSlice] = []
            parts.reserveCapacity(cuts.count + 1)
            var start = 0
            let length = separator.utf8.count
            for cut in cuts {
                parts.append(sub(bytes: start, cut))
                start = cut + length
            }
            parts.append(sub(bytes: start, byteCount))
            return parts
        }
        var parts: [TextSlice] = []
        let text = self.text
        var rest = text[...]
        while let found = rest.range(of: separator) {
            parts.append(sub(rest.startIndex..<found.lowerBound, of: text))
            rest = text[found.upperBound...]
        }
        parts.append(sub(rest.startIndex..<rest.endIndex, of: text))
        return parts
    }

    /// Whether `separator` (ASCII) occurs as whole `Character`s.
    func contains(_ separator: String) -> Bool {
        if let cuts = asciiOccurrences(of: separator) { return !cuts.isEmpty }
        return text.contains(separator)
    }

    /// Byte offsets of every occurrence of the ASCII `separator`, left to right and not
    /// overlapping, when every occurrence has ASCII neighbours (so it is a run of whole
    /// `Character`s); nil when one does not, and `Character`s must decide.
    private func asciiOccurrences(of separator: String) -> [Int]? {
        let pattern = Array(separator.utf8)
        guard let first = pattern.first, pattern.allSatisfy({ $0 < 0x80 }) else { return nil }
        let found: [Int]?? = withBytes { bytes -> [Int]? in
            var cuts: [Int] = []
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first, matches(bytes, at: index, pattern) {
                    let after = index + pattern.count
                    guard endsCharacter(bytes, index, from: 0), startsCharacter(bytes, after) else { return nil }
                    cuts.append(index)
                    index = after
                } else {
                    index += 1
                }
            }
            return cuts
        }
        return found ?? nil
    }

    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]) -> Bool {
        for position in 1..<max(pattern.count, 1) where bytes[index + position] != pattern[position] { return false }
        return true
    }

    /// The first `character`, splitting the slice around it.
    func split(atFirst character: Character) -> (TextSlice, TextSlice)? {
        if let ascii = character.asciiValue {
            let found: Int??? = withBytes { bytes -> Int?? in
                guard let index = bytes.firstIndex(of: ascii) else { return .some(nil) }
                guard endsCharacter(bytes, index, from: 0), startsCharacter(bytes, index + 1) else { return nil }
                return .some(index)
            }
            if let decided = found ?? nil {
                guard let index = decided else { return nil }
                return (sub(bytes: 0, index), sub(bytes: index + 1, byteCount))
            }
        }
        let text = self.text
        guard let index = text.firstIndex(of: character) else { return nil }
        return (sub(text.startIndex..<index, of: text), sub(text.index(after: index)..<text.endIndex, of: text))
    }

    /// Blank-separated words.
    func words() -> [TextSlice] {
        var words: [TextSlice] = []
        let done: Bool? = withBytes { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                while index < count {
                    let (blank, next) = character(bytes, at: index)
                    guard blank else { break }
                    index = next
                }
                let start = index
                while index < count {
                    let (blank, next) = character(bytes, at: index)
                    if blank { break }
                    index = next
                }
                if start < index { words.append(sub(bytes: start, index)) }
            }
            return true
        }
        if done == true { return words }
        let text = self.text
        var index = text.startIndex
        while index < text.endIndex {
            while index < text.endIndex, text[index].isBlank { index = text.index(after: index) }
            let start = index
            while index < text.endIndex, !text[index].isBlank { index = text.index(after: index) }
            if start < index { words.append(sub(start..<index, of: text)) }
        }
        return words
    }

    /// Whether the `Character` that starts at byte `index` (a `Character` boundary) is blank, and
    /// where the next one starts.
    @inline(__always)
    private func character(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (blank: Bool, next: Int) {
        let byte = bytes[index]
        if byte < 0x80, byte != UInt8(ascii: "\r"), startsCharacter(bytes, index + 1) {
            return (isASCIIBlank(byte), index + 1)
        }
        if isLatinLetter(bytes, index) { return (false, index + 2) }
        let text = self.text
        let utf8 = text.utf8
        let position = utf8.index(utf8.startIndex, offsetBy: index)
        let next = text.index(after: position)
        return (text[position].isBlank, index + utf8.distance(from: position, to: next))
    }
}

/// No `Character` runs across byte `index`: it is the end, or starts an ASCII byte or a scalar
/// from U+00C0-U+00FF (lead byte 0xC3) — none of which extends the `Character` before it
/// (they are no combining marks, joiners or spacing marks).
/// Public and inlinable for the byte scans of other stages (the rules' title words).
@inlinable
public func startsCharacter(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    index >= bytes.count || bytes[index] < 0x80 || bytes[index] == 0xC3
}

/// The scalar before byte `index` (if any, from `start` on) is ASCII or from U+00C0-U+00FF, so
/// it is no prepended mark that would pull the byte at `index` into its `Character`.
@inline(__always)
func endsCharacter(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, from start: Int) -> Bool {
    index == start || bytes[index - 1] < 0x80 || (index - 2 >= start && bytes[index - 2] == 0xC3)
}

/// At `index` stands a scalar from U+00C0-U+00FF (letters such as æ, ø, å, é, and × ÷) that is a
/// `Character` of its own, and never a blank.
@inline(__always)
func isLatinLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    bytes[index] == 0xC3 && index + 1 < bytes.count && startsCharacter(bytes, index + 2)
}

/// Runs `body` over the UTF-8 bytes of `text` when they are contiguous (a native string). For
/// a `Substring` this reads its base's storage directly: the generic slice path costs more
/// than the scan.
@inline(__always)
func withUTF8Bytes<R>(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
    if let substring = text as? Substring {
        let utf8 = substring.base.utf8
        let lower = utf8.distance(from: utf8.startIndex, to: substring.startIndex)
        let upper = utf8.distance(from: utf8.startIndex, to: substring.endIndex)
        return utf8.withContiguousStorageIfAvailable { all in body(UnsafeBufferPointer(rebasing: all[lower..<upper])) }
    }
    if let string = text as? String { return string.utf8.withContiguousStorageIfAvailable(body) }
    return text.utf8.withContiguousStorageIfAvailable(body)
}

/// Unicode's White_Space among the ASCII bytes: tab, line feed, vertical tab, form feed,
/// carriage return and space.
@inline(__always)
func isASCIIBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
}

extension Character {
    /// Blank and nothing else. A space followed by a combining mark is one `Character` that
    /// `isWhitespace` calls blank (its first scalar is a space); trimming or splitting on it
    /// would drop the mark, which is the user's text (and `fmt` would write the file without it).
    var isBlank: Bool {
        isWhitespace && unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }
}
