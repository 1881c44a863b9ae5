import PTDiagnostics
import PTSource

/// One physical line, cut into indentation and content: 16 bytes a line, the text stays in
/// the file's bytes (a file of 20 MB has some 700 000 lines).
struct ScannedLine {
    /// Byte offsets of the content after the indentation, trailing blanks removed.
    let start: Int32
    let end: Int32
    /// Indentation width in columns (a tab advances to the next multiple of `tabWidth`).
    let indent: Int32
    let usesTab: Bool
    /// The content starts with `#`.
    let isComment: Bool

    var isBlank: Bool { start == end }
}

/// The lines of one file and the bytes their content is cut from.
struct ScannedLines {
    let lines: [ScannedLine]
    let file: SourcePathID
    /// The file is valid UTF-8: the content is cut from its bytes. Else each line is decoded on
    /// its own (each invalid byte as `?`, see `LineScanner.decodeKeepingOffsets`; offsets
    /// counted from the line's content start).
    let isValidUTF8: Bool
    let bytes: [UInt8]

    var count: Int { lines.count }

    subscript(_ number: Int) -> ScannedLine { lines[number - 1] }

    /// The content of a 1-based line.
    func content(_ number: Int) -> TextSlice {
        let line = lines[number - 1]
        let start = Int(line.start)
        let end = Int(line.end)
        if isValidUTF8 {
            return TextSlice(base: bytes, lower: start, upper: end, offset: start, file: file)
        }
        let decoded = Array(LineScanner.decodeKeepingOffsets(bytes, start..<end).utf8)
        return TextSlice(base: decoded, lower: 0, upper: decoded.count, offset: start, file: file)
    }
}

/// Turns bytes into lines and reports what is wrong with the bytes themselves: invalid UTF-8,
/// NUL bytes (a binary file), tabs in the indentation.
enum LineScanner {
    /// A tab in the indentation counts up to the next multiple of this (documented in
    /// docs/sprog.md; `fmt` replaces tabs with spaces).
    static let tabWidth = 4
    /// Invalid UTF-8 is reported for at most this many lines per file, then summarised.
    static let maxEncodingFindings = 10

    static func scan(_ file: SourceFile, report: (Diagnostic) -> Void) -> ScannedLines? {
        let bytes = file.bytes
        if let nul = bytes.firstIndex(of: 0) {
            let line = file.line(containing: nul)
            report(Diagnostic(
                SyntaxCode.binaryFile,
                range: SourceRange(file: file.pathID, start: nul, end: nul + 1),
                message: LocalizedText(
                    da: "filen ser ud til at være binær, ikke tekst (en NUL-byte på linje \(line), byte \(nul))",
                    en: "the file looks binary, not text (a NUL byte on line \(line), byte \(nul))"),
                help: LocalizedText(
                    da: "en programteori er en tekstfil i UTF-8 med endelsen .pt; tjek at det er den rigtige fil",
                    en: "a program theory is a UTF-8 text file ending in .pt; check that this is the right file")))
            return nil
        }
        // One pass for valid files (nearly all); the string it makes is dropped at once, as the
        // parser cuts from the bytes. Only an invalid file is walked byte by byte, to say where.
        var isValidUTF8 = String(validating: bytes, as: UTF8.self) != nil
        if !isValidUTF8, reportInvalidUTF8(file, report: report) {
            isValidUTF8 = true
        }

        var lines: [ScannedLine] = []
        lines.reserveCapacity(file.lineCount)
        var tabLines: [Int] = []
        bytes.withUnsafeBufferPointer { bytes in
            for number in 1...file.lineCount {
                let range = file.byteRange(ofLine: number)
                var index = range.lowerBound
                var indent = 0
                var usesTab = false
                while index < range.upperBound {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: " ") {
                        indent += 1
                    } else if byte == UInt8(ascii: "\t") {
                        indent = (indent / tabWidth + 1) * tabWidth
                        usesTab = true
                    } else {
                        break
                    }
                    index += 1
                }
                var end = range.upperBound
                while end > index, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
                if usesTab, end > index { tabLines.append(number) }
                // `#` as a whole `Character` (not `#` with a combining mark, when decoded alone).
                let isComment = end > index && bytes[index] == UInt8(ascii: "#")
                    && (index + 1 == end || bytes[index + 1] < 0x80 || startsWithHash(bytes[index..<end]))
                lines.append(ScannedLine(start: Int32(index), end: Int32(end), indent: Int32(indent),
                                         usesTab: usesTab, isComment: isComment))
            }
        }
        if let first = tabLines.first {
            let range = file.byteRange(ofLine: first)
            let more = tabLines.count - 1
            report(Diagnostic(
                SyntaxCode.tabIndentation,
                range: SourceRange(file: file.pathID, start: range.lowerBound, end: range.lowerBound + 1),
                message: LocalizedText(
                    da: more == 0 ? "linjen er indrykket med tabulator" : "linjen og \(more) andre er indrykket med tabulator",
                    en: more == 0 ? "the line is indented with a tab" : "this line and \(more) others are indented with tabs"),
                help: LocalizedText(
                    da: "indryk med mellemrum (to pr. niveau); en tabulator tæller som op til \(tabWidth) mellemrum",
                    en: "indent with spaces (two per level); a tab counts as up to \(tabWidth) spaces")))
        }
        return ScannedLines(lines: lines, file: file.pathID,
                            isValidUTF8: isValidUTF8, bytes: bytes)
    }

    /// The line's text with every ill-formed byte as `?`: one byte for one byte, so every offset
    /// the parser computes from the text (`TextSlice.range`) still points into the file. The
    /// usual `String(decoding:)` writes U+FFFD, three bytes for one, and ranges after it ran past
    /// the end of the line or the file (found by fuzzing, docs/fuzzing.md). PT001 has already
    /// said where the bad bytes are.
    static func decodeKeepingOffsets(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let length = validSequenceLength(bytes, at: index)
            if length == 0 || index + length > range.upperBound {
                out.append(UInt8(ascii: "?"))
                index += 1
            } else {
                out += bytes[index..<(index + length)]
                index += length
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func startsWithHash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        String(decoding: bytes, as: UTF8.self).first == "#"
    }

    /// Reports the first invalid byte on each affected line (at most `maxEncodingFindings`);
    /// true when the file is valid UTF-8.
    private static func reportInvalidUTF8(_ file: SourceFile, report: (Diagnostic) -> Void) -> Bool {
        var offsets: [Int] = []
        var total = 0
        var lastLine = 0
        var index = 0
        let bytes = file.bytes
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = validSequenceLength(bytes, at: index)
            if length > 0 {
                index += length
                continue
            }
            let line = file.line(containing: index)
            if line != lastLine {
                total += 1
                if offsets.count < maxEncodingFindings { offsets.append(index) }
                lastLine = line
            }
            index += 1
        }
        for (position, offset) in offsets.enumerated() {
            let line = file.line(containing: offset)
            let remaining = total - offsets.count
            let tail = position == offsets.count - 1 && remaining > 0
            report(Diagnostic(
                SyntaxCode.invalidUTF8,
                range: SourceRange(file: file.pathID, start: offset, end: offset + 1),
                message: LocalizedText(
                    da: "ugyldig UTF-8 på linje \(line) ved byte \(offset) (0x\(hex(bytes[offset])))" + (tail ? "; \(remaining) linjer mere har samme fejl" : ""),
                    en: "invalid UTF-8 on line \(line) at byte \(offset) (0x\(hex(bytes[offset])))" + (tail ? "; \(remaining) more lines have the same problem" : "")),
                help: LocalizedText(
                    da: "gem filen som UTF-8 (i Notesblok: Gem som → Kodning: UTF-8); tegnet vises her som �",
                    en: "save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8); the character shows as � here")))
        }
        return total == 0
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// Length of the well-formed UTF-8 sequence at `index`, or 0 if it is ill-formed
    /// (Unicode's table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        if first < 0x80 { return 1 }
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < bytes.count && (low...high).contains(bytes[index + offset])
        }
        switch first {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }
}
