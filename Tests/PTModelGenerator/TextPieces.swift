/// The kinds of text a kommune user may type, from plain Danish to the characters that have
/// broken diagrams before: long compound words, URLs, emoji (ZWJ sequences, flags, skin tones,
/// keycaps), combining marks, right-to-left scripts, markup characters, backslashes and Graphviz
/// escapes, tabs, brackets and bars.
public enum TextPieces {
    public static let words = [
        "borgere", "jobcenter", "uddannelse", "møder", "stabilt", "op", "til", "aftaler", "praktik",
        "ledighed", "sundhed", "trivsel", "mentor", "forløb", "sagsbehandler", "kommune", "indsats",
        "på", "og", "med", "for", "i", "år", "øget", "færre", "ældre", "unge", "åbne", "job", "en",
        "Virksomhedsrettet", "Ørsted", "Århus", "Æblehaven", "samarbejde", "plan", "mål", "tid",
    ]

    /// Pieces of compound words; joined until 40 letters, then cut.
    static let syllables = [
        "beskæftigelses", "indsats", "rehabiliterings", "forløbs", "koordinations", "team",
        "virksomheds", "praktik", "uddannelses", "vejlednings", "sundheds", "afklarings", "møde",
    ]

    public static let urls = [
        "https://www.jobindsats.dk/jobindsats/public/dimension?x=1&y=2",
        "http://example.com/a_b-c/d.html#afsnit-3",
        "www.star.dk/indsatser/unge-under-30",
        "https://kommune.dk/sti/med%20mellemrum/og/æøå?q=\"citat\"&r=<x>",
        "mailto:jobcenter@kommune.dk",
        "ftp://data.kommune.dk/fil.csv",
    ]

    public static let emoji = [
        "👨‍👩‍👧‍👦", "🇩🇰", "🇬🇱", "🏳️‍🌈", "👍🏽", "❤️", "🚀", "☕", "🧑🏾‍💻", "1️⃣", "#️⃣", "👩‍⚕️", "🫶", "✅", "⚠️",
    ]

    public static let combining = [
        "e\u{301}tape", "a\u{30A}rhus", "o\u{308}\u{301}", "Z\u{351}\u{34B}\u{363}\u{30D}\u{35B}algo", "n\u{303}",
        "\u{301}start", "i\u{307}\u{307}\u{307}\u{307}\u{307}\u{307}",
    ]

    public static let rightToLeft = [
        "שלום עולם", "مرحبا بالعالم", "עברית", "العربية", "فارسی", "\u{200F}RLM\u{200F}", "\u{202E}omvendt\u{202C}",
        "abc עברית 123", "نص\u{200D}ي",
    ]

    public static let markup = [
        "<&>\"'", "<b>fed</b>", "&amp;", "a < b > c", "\"citat\"", "'enkelt'", "&#93;", "&#x41;", "<!-- x -->",
        "<![CDATA[x]]>", "<BR/>", "</TD>", "&", "&lt;", "<TABLE>", "R&D",
    ]

    public static let escapes = [
        "\\N", "\\G", "\\E", "\\T", "\\H", "\\L", "\\n", "\\l", "\\r", "\\\\", "C:\\Users\\mappe", "\\",
        "\\N\\G\\E\\T\\H\\L", "a\\\"b", "\\x41", "\\u00e6",
    ]

    public static let brackets = [
        "]", "[x]", "{}", "{a|b}", "|", "a|b", "]]>", "[", "}", "{", "<|>", "[[", "]]",
    ]

    public static let others = [
        "#hashtag", "50%", "1/2", "§ 17, stk. 2", "°C", "€ 1.000", "—", "…", "blød\u{00AD}bindestreg",
        "nul\u{200B}bredde", "職業訓練", "일자리", "Ωμέγα", "Привет", "ﬁ", "ℌ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "x:y", "a -> b",
        "før\tefter", "\t", "A\u{0301}\u{0302}\u{0303}", "½", "\u{FEFF}", "·", "•", "→",
    ]

    /// A compound word of exactly 40 letters.
    public static func compoundWord(_ random: inout SeededRandom) -> String {
        var word = ""
        while word.count < 40 { word += random.pick(syllables) }
        return String(word.prefix(40)).capitalizedFirst
    }

    /// One piece of text of any class.
    public static func piece(_ random: inout SeededRandom) -> String {
        switch random.int(0...99) {
        case 0..<45: return random.pick(words)
        case 45..<50: return compoundWord(&random)
        case 50..<55: return random.pick(urls)
        case 55..<62: return random.pick(emoji)
        case 62..<68: return random.pick(combining)
        case 68..<74: return random.pick(rightToLeft)
        case 74..<81: return random.pick(markup)
        case 81..<88: return random.pick(escapes)
        case 88..<93: return random.pick(brackets)
        default: return random.pick(others)
        }
    }

    /// A title or free text for one line: never empty, no line breaks, no leading blank (the
    /// parser trims it anyway). Sometimes one long compound word, a URL, or 80 words.
    public static func line(_ random: inout SeededRandom, maxWords: Int = 12) -> String {
        let text: String
        switch random.int(0...99) {
        case 0..<6: text = compoundWord(&random)
        case 6..<10: text = random.pick(urls)
        case 10..<14: text = (0..<80).map { _ in random.chance(80) ? random.pick(words) : piece(&random) }.joined(separator: " ")
        default:
            let count = random.int(1...maxWords)
            var parts: [String] = []
            for _ in 0..<count { parts.append(random.chance(55) ? random.pick(words) : piece(&random)) }
            // Pieces are usually apart, sometimes glued together (`D1]`, `x\N`).
            text = parts.reduce("") { $0.isEmpty ? $1 : $0 + (random.chance(85) ? " " : "") + $1 }
        }
        return visible(text)
    }

    /// Starts with something to see: a title of only blanks or format characters is empty to the
    /// parser (PT006), and a line break inside would end the line.
    static func visible(_ text: String) -> String {
        let cleaned = String(text.unicodeScalars.filter { !["\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}"].contains($0) }
            .map(Character.init))
        let trimmed = cleaned.drop { $0.isWhitespace || $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .format } }
        guard let first = trimmed.first, !first.unicodeScalars.first!.properties.isDefaultIgnorableCodePoint else {
            return "Tekst " + cleaned.filter { !$0.isWhitespace }
        }
        return String(trimmed)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
