import PTDiagnostics
import PTSource
import Testing
@testable import PTSyntax

@Suite("Bad input never crashes, hangs or grows without bound")
struct BadInputTests {
    @Test("An empty file is one clear error")
    func emptyFile() {
        #expect(parse("").diagnostics.codes == ["PT017"])
        #expect(parse("\n\n# kun en kommentar\n").diagnostics.codes == ["PT017"])
    }

    @Test("Binary garbage is recognised as binary")
    func binary() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0]
        #expect(parse(bytes: bytes).diagnostics.codes == ["PT020"])
    }

    @Test("Invalid UTF-8 on every line is summarised, not repeated thousands of times")
    func manyInvalidLines() {
        let bytes = [UInt8]((0..<5_000).flatMap { _ in [0xC3, 0x28, 0x0A] })
        let diagnostics = parse(bytes: bytes).diagnostics.filter { $0.code == "PT001" }
        #expect(diagnostics.count == 10)
        #expect(diagnostics.last?.message.da.contains("4990 linjer mere") == true)
    }

    /// Found by fuzzing (docs/fuzzing.md): an ill-formed byte became U+FFFD, three bytes for one,
    /// and every range after it on the line pointed past it — here past the end of the file.
    @Test("Ranges after invalid UTF-8 stay inside the file and point at the right bytes")
    func rangesAfterInvalidUTF8() {
        let bytes = Array("mek".utf8) + [UInt8](repeating: 0xCE, count: 80) + Array("anisme M9: Ramme\n  type: x\n".utf8)
        let file = SourceFile(path: "test.pt", bytes: bytes)
        let diagnostics = Parser.parse(file).diagnostics
        #expect(diagnostics.codes.contains("PT001"))
        #expect(diagnostics.codes.contains("PT003"))
        for diagnostic in diagnostics {
            #expect(diagnostic.range.start >= 0 && diagnostic.range.start <= diagnostic.range.end)
            #expect(diagnostic.range.end <= bytes.count, "\(diagnostic.code) \(diagnostic.range)")
        }
        // The unknown word is the whole first word: its range covers exactly its bytes.
        let unknown = diagnostics.first { $0.code == "PT003" }
        #expect(unknown.map { $0.range.end - $0.range.start } == 3 + 80 + 6)
    }

    /// Each level costs one more blank, so 10 000 levels is a 50 MB file: over the size limit.
    /// 5 000 levels (12 MB) are parsed, iteratively, into one finding.
    @Test("Indentation 5 000 levels deep parses without deep recursion; 10 000 levels hit the size limit")
    func deepIndentation() {
        func nested(_ levels: Int) -> [UInt8] {
            var bytes = Array("programteori: T\ndelmål D1: x\n".utf8)
            bytes.reserveCapacity(levels * levels / 2 + levels * 16)
            for depth in 1...levels {
                bytes += repeatElement(UInt8(ascii: " "), count: depth)
                bytes += Array("beskrivelse: \(depth)\n".utf8)
            }
            return bytes
        }
        let (tree, diagnostics) = parse(bytes: nested(5_000))
        #expect(tree.elements.count == 1)
        #expect(diagnostics.codes == ["PT013"])
        #expect(parse(bytes: nested(10_000)).diagnostics.codes == ["PT014"])
    }

    @Test("A single 1 MB line gives one short finding")
    func hugeLine() {
        let text = "programteori: T\n" + String(repeating: "x", count: 1_048_576) + "\n"
        let diagnostics = parse(text).diagnostics
        #expect(diagnostics.codes == ["PT003"])
        #expect(diagnostics[0].message.da.count < 120)
    }

    @Test("A file over the size limit is refused before it is read line by line")
    func tooLarge() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: Parser.maxFileSize + 1)
        #expect(parse(bytes: bytes).diagnostics.codes == ["PT014"])
    }

    @Test("Thousands of bad lines stop at the finding limit with a note")
    func findingLimit() {
        let text = "programteori: T\n" + String(repeating: "ukendt linje\n", count: 2_000)
        let diagnostics = parse(text).diagnostics
        #expect(diagnostics.count == Parser.maxFindings + 1)
        #expect(diagnostics.last?.code == "PT019")
    }
}
