/// Finds what a person probably meant: "mente du »D2«?".
public enum Suggestion {
    /// The closest candidate: an exact case-insensitive match first, else the smallest edit
    /// distance within a third of the word's length (at least 1, at most 3). Ties go to the
    /// candidate that comes first, so the answer follows the source order.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if let sameLetters = candidates.first(where: { $0.lowercased() == lowered }) { return sameLetters }
        let limit = min(3, max(1, word.count / 3))
        var best: (candidate: String, distance: Int)?
        let wordScalars = Array(lowered.unicodeScalars)
        for candidate in candidates {
            let candidateScalars = Array(candidate.lowercased().unicodeScalars)
            // Lengths that differ by more than the limit can never be within it.
            guard abs(candidateScalars.count - wordScalars.count) <= limit else { continue }
            let distance = editDistance(wordScalars, candidateScalars, limit: limit)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit; stops early once
    /// every cell of a row exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return rowMinimum }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
