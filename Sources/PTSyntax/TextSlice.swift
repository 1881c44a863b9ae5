import PTSource

/// A piece of one line's text that remembers where in the file it stands, so every part a
/// parser cuts out of it still has an exact range.
struct TextSlice {
    let text: Substring
    /// Byte offset of `text.startIndex` in the file.
    let offset: Int
    let path: String

    var range: SourceRange {
        SourceRange(path: path, start: offset, end: offset + text.utf8.count)
    }

    var isEmpty: Bool { text.isEmpty }

    /// Without leading and trailing blanks.
    func trimmed() -> TextSlice {
        var start = text.startIndex
        var end = text.endIndex
        while start < end, text[start].isWhitespace { start = text.index(after: start) }
        while end > start, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        return sub(start..<end)
    }

    func sub(_ bounds: Range<Substring.Index>) -> TextSlice {
        let skipped = text.utf8.distance(from: text.startIndex, to: bounds.lowerBound)
        return TextSlice(text: text[bounds], offset: offset + skipped, path: path)
    }

    /// Splits on every occurrence of `separator`, keeping positions.
    func split(on separator: String) -> [TextSlice] {
        var parts: [TextSlice] = []
        var rest = text[...]
        while let found = rest.range(of: separator) {
            parts.append(sub(rest.startIndex..<found.lowerBound))
            rest = text[found.upperBound...]
        }
        parts.append(sub(rest.startIndex..<rest.endIndex))
        return parts
    }

    /// The first `character`, splitting the slice around it.
    func split(atFirst character: Character) -> (TextSlice, TextSlice)? {
        guard let index = text.firstIndex(of: character) else { return nil }
        return (sub(text.startIndex..<index), sub(text.index(after: index)..<text.endIndex))
    }

    /// Blank-separated words.
    func words() -> [TextSlice] {
        var words: [TextSlice] = []
        var index = text.startIndex
        while index < text.endIndex {
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            let start = index
            while index < text.endIndex, !text[index].isWhitespace { index = text.index(after: index) }
            if start < index { words.append(sub(start..<index)) }
        }
        return words
    }
}
