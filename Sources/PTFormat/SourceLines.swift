import PTSource
import PTSyntax

/// The physical lines of a file as the formatter needs them: indentation width (measured as
/// the parser measures it) and the text after it.
struct SourceLines {
    enum Form { case blank, comment, code }

    struct Line {
        let indent: Int
        let text: String
        let form: Form
    }

    private let lines: [Line]

    init(_ file: SourceFile) {
        var lines: [Line] = []
        lines.reserveCapacity(file.lineCount)
        for number in 1...max(1, file.lineCount) {
            let range = file.byteRange(ofLine: number)
            var index = range.lowerBound
            var indent = 0
            while index < range.upperBound {
                let byte = file.bytes[index]
                if byte == UInt8(ascii: " ") {
                    indent += 1
                } else if byte == UInt8(ascii: "\t") {
                    indent = (indent / SyntaxTree.tabWidth + 1) * SyntaxTree.tabWidth
                } else {
                    break
                }
                index += 1
            }
            var end = range.upperBound
            while end > index, file.bytes[end - 1] == UInt8(ascii: " ") || file.bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
            let text = String(decoding: file.bytes[index..<end], as: UTF8.self)
            let form: Form = text.isEmpty ? .blank : (text.hasPrefix("#") ? .comment : .code)
            lines.append(Line(indent: indent, text: text, form: form))
        }
        self.lines = lines
    }

    var count: Int { lines.count }

    /// 1-based.
    subscript(_ number: Int) -> Line { lines[number - 1] }

    func isBlank(_ number: Int) -> Bool { number >= 1 && number <= count && lines[number - 1].form == .blank }

    /// The first code line after `number`, skipping blank lines and comments.
    func nextCode(after number: Int) -> Int? {
        var next = number + 1
        while next <= count {
            if lines[next - 1].form == .code { return next }
            next += 1
        }
        return nil
    }

    /// The last code line before `number`.
    func previousCode(before number: Int) -> Int? {
        var previous = number - 1
        while previous >= 1 {
            if lines[previous - 1].form == .code { return previous }
            previous -= 1
        }
        return nil
    }
}
