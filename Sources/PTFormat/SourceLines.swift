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
    /// For each line (0-based), the next and the previous code line (1-based, 0 for none):
    /// worked out once, so a file of many comments stays linear.
    private let nextCodeLine: [Int]
    private let previousCodeLine: [Int]

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
        var next = [Int](repeating: 0, count: lines.count)
        var upcoming = 0
        for index in stride(from: lines.count - 1, through: 0, by: -1) {
            next[index] = upcoming
            if lines[index].form == .code { upcoming = index + 1 }
        }
        var previous = [Int](repeating: 0, count: lines.count)
        var earlier = 0
        for index in lines.indices {
            previous[index] = earlier
            if lines[index].form == .code { earlier = index + 1 }
        }
        self.nextCodeLine = next
        self.previousCodeLine = previous
    }

    var count: Int { lines.count }

    /// 1-based.
    subscript(_ number: Int) -> Line { lines[number - 1] }

    func isBlank(_ number: Int) -> Bool { number >= 1 && number <= count && lines[number - 1].form == .blank }

    /// The first code line after `number`, skipping blank lines and comments.
    func nextCode(after number: Int) -> Int? {
        let next = nextCodeLine[number - 1]
        return next == 0 ? nil : next
    }

    /// The last code line before `number`.
    func previousCode(before number: Int) -> Int? {
        let previous = previousCodeLine[number - 1]
        return previous == 0 ? nil : previous
    }
}
