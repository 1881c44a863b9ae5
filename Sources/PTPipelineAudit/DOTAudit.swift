/// Reads DOT text as Graphviz would and says where it would reinterpret or reject it.
///
/// The emitter escapes user text (see `PTDiagram.Escape`); this audit checks the result from
/// the outside, so a path that forgets to escape is caught whatever the input was. It is used
/// by the fuzz harness (`Fuzz/`) and by the regression tests over its findings, and is meant
/// for any test that wants to know "is this DOT safe to hand to Graphviz?".
///
/// What counts as a problem:
/// - outside strings: a character that is not DOT punctuation, an ID character or a space/newline;
///   unbalanced `{}` / `[]`;
/// - in a quoted string: a control character or a raw line break, a backslash escape other than
///   `\\` and `\"` (so `\N`, `\G`, `\L`, `\n` … from user text are caught), an unterminated string;
/// - in an HTML-like label: unbalanced `<>` or tags, a tag Graphviz does not know, an attribute
///   value with anything but plain tokens (no user text belongs there), `&` that does not start a
///   known entity, a raw `]` (Graphviz 2.43 loses it), a control character other than a line
///   break, and a run of backslashes of odd length (a single `\` would start an escape).
public struct DOTAudit: Sendable {
    public struct Problem: Sendable, CustomStringConvertible {
        /// Offset in Unicode scalars from the start of the DOT text.
        public let offset: Int
        public let message: String
        public var description: String { "DOT offset \(offset): \(message)" }
    }

    /// One `label=`/`xlabel=`/`headlabel=`/`taillabel=` value, decoded to the text a reader sees.
    public struct Label: Sendable {
        public let offset: Int
        public let isHTML: Bool
        public let text: String
    }

    public private(set) var problems: [Problem] = []
    public private(set) var labels: [Label] = []

    static let tags: Set<String> = ["TABLE", "TR", "TD", "FONT", "B", "I", "U", "O", "S", "SUB", "SUP", "BR", "HR", "VR", "IMG"]
    static let emptyTags: Set<String> = ["BR", "HR", "VR", "IMG"]
    static let entities: Set<String> = ["amp", "lt", "gt", "quot", "apos", "nbsp"]
    static let labelAttributes: Set<String> = ["label", "xlabel", "headlabel", "taillabel"]

    private let scalars: [Unicode.Scalar]
    private var position = 0

    /// Audits `dot`; read `problems` (empty when the DOT is safe) and `labels`.
    public init(_ dot: String) {
        scalars = Array(dot.unicodeScalars)
        run()
    }

    /// All label text, whitespace removed, as one run of scalars: what a title check searches.
    public var labelScalars: [Unicode.Scalar] {
        labels.flatMap { Self.withoutWhitespace($0.text) }
    }

    /// The scalars of `text` without the characters that line wrapping may drop or change.
    public static func withoutWhitespace(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { !$0.properties.isWhitespace && !isControl($0) }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
    }

    private mutating func problem(_ message: String, at offset: Int? = nil) {
        if problems.count < 20 { problems.append(Problem(offset: offset ?? position, message: message)) }
    }

    private static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", ".", "-": true
        default: false
        }
    }

    // MARK: - Top level

    private mutating func run() {
        var braces = 0
        var brackets = 0
        var lastID = ""
        var afterEquals = false
        while position < scalars.count {
            let scalar = scalars[position]
            switch scalar {
            case " ", "\n":
                position += 1
                continue
            case "\"":
                let start = position
                let text = quotedString()
                if afterEquals, Self.labelAttributes.contains(lastID) {
                    labels.append(Label(offset: start, isHTML: false, text: text))
                }
                lastID = ""
            case "<":
                let start = position
                let text = htmlString()
                if afterEquals, Self.labelAttributes.contains(lastID) {
                    labels.append(Label(offset: start, isHTML: true, text: text))
                } else {
                    problem("HTML-like string that is not a label value", at: start)
                }
                lastID = ""
            case "{": braces += 1; position += 1
            case "}":
                braces -= 1
                if braces < 0 { problem("'}' without '{'") }
                position += 1
            case "[": brackets += 1; position += 1
            case "]":
                brackets -= 1
                if brackets < 0 { problem("']' without '['") }
                position += 1
            case "=":
                position += 1
                afterEquals = true
                continue
            case ";", ",":
                position += 1
            default:
                if scalar == "-", position + 1 < scalars.count, scalars[position + 1] == ">" {
                    position += 2
                } else if Self.isIDCharacter(scalar) {
                    var id = ""
                    while position < scalars.count, Self.isIDCharacter(scalars[position]),
                          !(scalars[position] == "-" && position + 1 < scalars.count && scalars[position + 1] == ">") {
                        id.unicodeScalars.append(scalars[position])
                        position += 1
                    }
                    lastID = id
                    afterEquals = false
                    continue
                } else {
                    problem("unexpected character U+\(String(scalar.value, radix: 16, uppercase: true)) outside a string")
                    position += 1
                }
            }
            afterEquals = false
        }
        if braces != 0 { problem("unbalanced braces: \(braces) left open") }
        if brackets != 0 { problem("unbalanced brackets: \(brackets) left open") }
    }

    // MARK: - Quoted strings

    /// Reads `"…"` from the opening quote; returns the decoded text.
    private mutating func quotedString() -> String {
        let start = position
        position += 1
        var text = ""
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "\"" {
                position += 1
                return text
            }
            if scalar == "\\" {
                guard position + 1 < scalars.count else { break }
                let next = scalars[position + 1]
                if next == "\\" || next == "\"" {
                    text.unicodeScalars.append(next)
                } else {
                    problem("escape \\\(next) in a quoted string (Graphviz would substitute or interpret it)")
                }
                position += 2
                continue
            }
            if Self.isControl(scalar) {
                problem("control character U+\(String(scalar.value, radix: 16, uppercase: true)) in a quoted string")
            }
            text.unicodeScalars.append(scalar)
            position += 1
        }
        problem("unterminated quoted string", at: start)
        return text
    }

    // MARK: - HTML-like strings

    /// Reads `<…>` from the opening `<`; returns the decoded text of its text runs.
    private mutating func htmlString() -> String {
        let start = position
        position += 1
        var text = ""
        var stack: [String] = []
        while position < scalars.count {
            let scalar = scalars[position]
            switch scalar {
            case ">":
                // The `>` that closes the HTML string: every tag must be closed by now.
                if !stack.isEmpty { problem("HTML label ends with <\(stack.joined(separator: "><"))> open", at: start) }
                position += 1
                return text
            case "<":
                tag(&stack)
                text += " "
            case "&":
                if let decoded = entity() { text += decoded }
            case "]":
                problem("raw ']' in HTML label text (Graphviz 2.43 drops it)")
                position += 1
            case "\\":
                var run = 0
                while position < scalars.count, scalars[position] == "\\" {
                    run += 1
                    position += 1
                }
                if run % 2 == 1 {
                    let next = position < scalars.count ? String(scalars[position]) : "end"
                    problem("single backslash before \(next) in HTML label text (Graphviz would read an escape)")
                }
                text += String(repeating: "\\", count: run / 2)
            default:
                if scalar != "\n", Self.isControl(scalar) {
                    problem("control character U+\(String(scalar.value, radix: 16, uppercase: true)) in HTML label")
                }
                text.unicodeScalars.append(scalar)
                position += 1
            }
        }
        problem("unterminated HTML label", at: start)
        return text
    }

    /// Reads one tag `<NAME attr="v" …>`, `</NAME>` or `<NAME/>` and checks it against the stack.
    private mutating func tag(_ stack: inout [String]) {
        let start = position
        position += 1
        var closing = false
        if position < scalars.count, scalars[position] == "/" {
            closing = true
            position += 1
        }
        var name = ""
        while position < scalars.count, ("A"..."Z").contains(scalars[position]) {
            name.unicodeScalars.append(scalars[position])
            position += 1
        }
        guard Self.tags.contains(name) else {
            problem("unknown or malformed tag <\(closing ? "/" : "")\(name)…> in HTML label", at: start)
            skipPastTag()
            return
        }
        var selfClosing = false
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == " " || scalar == "\n" { position += 1; continue }
            if scalar == ">" { position += 1; break }
            if scalar == "/", position + 1 < scalars.count, scalars[position + 1] == ">" {
                selfClosing = true
                position += 2
                break
            }
            guard !closing, ("A"..."Z").contains(scalar) else {
                problem("malformed tag <\(name)> in HTML label")
                skipPastTag()
                return
            }
            var attribute = ""
            while position < scalars.count, ("A"..."Z").contains(scalars[position]) || scalars[position] == "-" {
                attribute.unicodeScalars.append(scalars[position])
                position += 1
            }
            guard position + 1 < scalars.count, scalars[position] == "=", scalars[position + 1] == "\"" else {
                problem("attribute \(attribute) of <\(name)> without a quoted value")
                skipPastTag()
                return
            }
            position += 2
            while position < scalars.count, scalars[position] != "\"" {
                let value = scalars[position]
                let plain = Self.isIDCharacter(value) || value == "#" || value == "," || value == " "
                if !plain { problem("character U+\(String(value.value, radix: 16, uppercase: true)) in attribute \(attribute) of <\(name)>") }
                if value == ">" || value == "<" { return }
                position += 1
            }
            position += 1
        }
        if Self.emptyTags.contains(name) {
            if !selfClosing, !closing { problem("<\(name)> must be written <\(name)/>", at: start) }
            return
        }
        if selfClosing {
            problem("<\(name)/> cannot be empty", at: start)
        } else if closing {
            if stack.last == name {
                stack.removeLast()
            } else {
                problem("</\(name)> closes <\(stack.last ?? "nothing")>", at: start)
            }
        } else {
            stack.append(name)
        }
    }

    private mutating func skipPastTag() {
        while position < scalars.count, scalars[position] != ">" { position += 1 }
        position += 1
    }

    /// Reads `&name;`, `&#123;` or `&#x1F;` and returns what it stands for.
    private mutating func entity() -> String? {
        let start = position
        position += 1
        var body = ""
        while position < scalars.count, body.unicodeScalars.count < 10, scalars[position] != ";" {
            body.unicodeScalars.append(scalars[position])
            position += 1
        }
        guard position < scalars.count, scalars[position] == ";" else {
            problem("'&' that does not start an entity in HTML label", at: start)
            position = start + 1
            return nil
        }
        position += 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, let scalar = Unicode.Scalar(value), !Self.isControl(scalar) else {
                problem("bad character reference &\(body);", at: start)
                return nil
            }
            if scalar == "\\" { problem("&#92; in HTML label (Graphviz decodes it, then substitutes)", at: start) }
            return String(scalar)
        }
        guard Self.entities.contains(body) else {
            problem("unknown entity &\(body);", at: start)
            return nil
        }
        switch body {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: return " "
        }
    }
}
