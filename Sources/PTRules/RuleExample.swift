/// Builds the rule examples from one small, complete model that passes every rule, so each
/// example shows exactly the one change that trips (or does not trip) its rule.
public enum RuleExample {
    /// A complete model with no findings under the default rules.
    public static let valid = """
        programteori: Mentorforløb for unge
          kommune: Eksempel Kommune
          dato: 2026-01-15
        målgruppe MG: Unge på uddannelseshjælp
          kendetegn: Aktivitetsparate
          størrelse: 120 borgere
        slutmål S1: Den unge er i gang med en uddannelse
          indikator S1.1: Andel i uddannelse efter 12 måneder
            enhed: procent
            baseline: 22 (2025)
            mål: 40 senest 2028-12-31
            datakilde: jobindsats.dk
            frekvens: kvartalsvis
            retning: op
        delmål D1: Den unge møder stabilt op
          fører til: S1
          indikator D1.1: Andel af aftaler den unge møder op til
            enhed: procent
            baseline: 55 (2025)
            mål: 80 senest 2028-06-30
            datakilde: Fagsystemets fremmøderegistrering
            frekvens: månedlig
            retning: op
        aktivitet A1: Fast mentor
          fører til: D1
        mekanisme M1: Tillidsfuld relation til den unge
          type: tilgang
          understøtter: A1

        """

    /// The valid model with `old` replaced by `new`. `old` must occur in it.
    public static func replacing(_ old: String, with new: String) -> String {
        precondition(valid.contains(old), "rule example refers to text that is not in RuleExample.valid: \(old)")
        return valid.replacingAll(old, with: new)
    }

    /// The valid model with `text` added at the end.
    public static func appending(_ text: String) -> String {
        valid + text
    }
}

extension String {
    /// Every occurrence of `target` replaced (PTRules does without Foundation).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        if let bytes = replacingAllBytes(target, with: replacement) { return bytes }
        var result = ""
        var rest = self[...]
        while let found = rest.range(of: target) {
            result += rest[..<found.lowerBound]
            result += replacement
            rest = rest[found.upperBound...]
        }
        return result + rest
    }

    /// `replacingAll` on the UTF-8 bytes (every rule's examples are built at start-up, so this
    /// is part of every run's fixed cost). Nil when a match touches a byte ≥ 0x80 on either side
    /// that could join a `Character` across the match's edge; the `Character` search decides then.
    private func replacingAllBytes(_ target: String, with replacement: String) -> String? {
        let text = Array(utf8)
        let pattern = Array(target.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = 0
        var copied = 0
        while index + pattern.count <= text.count {
            guard text[index] == pattern[0], text[index..<index + pattern.count].elementsEqual(pattern) else {
                index += 1
                continue
            }
            let end = index + pattern.count
            let before = index > 0 ? text[index - 1] : 0
            let after = end < text.count ? text[end] : 0
            let first = pattern[0]
            let last = pattern[pattern.count - 1]
            if before >= 0x80 || after >= 0x80 || first >= 0x80 || last >= 0x80 { return nil }
            out.append(contentsOf: text[copied..<index])
            out.append(contentsOf: replacement.utf8)
            index = end
            copied = end
        }
        out.append(contentsOf: text[copied...])
        return String(decoding: out, as: UTF8.self)
    }
}
