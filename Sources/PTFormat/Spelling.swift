import PTSource
import PTSyntax

/// How keywords and values are written: canonically (Danish, with æøå, lower case) or as the
/// author wrote them (`--behold-noegleord`), with runs of blanks folded to one either way.
struct Spelling {
    let file: SourceFile
    let keepKeywords: Bool

    /// The exact source text of a range.
    func source(_ range: SourceRange) -> String {
        String(decoding: file.bytes[range.start..<min(range.end, file.bytes.count)], as: UTF8.self)
    }

    func elementKeyword(_ element: ElementSyntax) -> String {
        keepKeywords ? folded(source(element.keywordRange)) : element.kind.danishKeyword
    }

    func propertyKeyword(_ property: PropertySyntax) -> String {
        keepKeywords ? folded(source(property.keyRange)) : property.key.danishKeyword
    }

    func includeKeyword(_ include: IncludeSyntax) -> String {
        guard keepKeywords else { return PropertyKey.use.danishKeyword }
        // `brug: sti` — the keyword is what stands before the first colon of the line.
        let line = source(include.range)
        return folded(line.split(separator: ":", maxSplits: 1).first.map(String.init) ?? PropertyKey.use.danishKeyword)
    }

    /// The value after `key: ` on a one-line property.
    func value(_ property: PropertySyntax) -> String {
        let written = source(property.valueRange)
        switch property.value {
        case .references(let references):
            return references.map { reference in
                switch reference {
                case .element(let id): id.name
                case .link(let from, let to): "\(from.name) -> \(to.name)"
                }
            }.joined(separator: ", ")
        case .target:
            return target(written)
        case .frequency(let value): return fixed(written, canonical: value.danish)
        case .direction(let value): return fixed(written, canonical: value.danish)
        case .flag(let value): return fixed(written, canonical: value ? "ja" : "nej")
        case .status(let value): return fixed(written, canonical: value.danish)
        case .mechanismType(let value): return fixed(written, canonical: value.danish)
        case .text, .size, .baseline, .date, .invalid:
            // Numbers, dates and free text stay exactly as written (`55,5`, `31.12.2025`).
            return written
        }
    }

    /// `80  senest 2027-12-31` → `80 senest 2027-12-31`; `by` becomes `senest` unless kept.
    /// The parser splits a target on blanks, so folding them changes nothing it reads.
    private func target(_ written: String) -> String {
        var words = written.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if !keepKeywords, let index = words.firstIndex(where: { ["senest", "by"].contains(normalizeKeyword($0)) }) {
            words[index] = "senest"
        }
        return words.joined(separator: " ")
    }

    private func fixed(_ written: String, canonical: String) -> String {
        keepKeywords ? folded(written) : canonical
    }

    private func folded(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
