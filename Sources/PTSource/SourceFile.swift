/// One file of model text, as bytes plus a line table.
///
/// Every position in the pipeline is a UTF-8 byte offset into `bytes`; line and column are
/// computed only when a person needs to see them. That keeps ranges small and exact, even for
/// files that are not valid UTF-8.
public struct SourceFile: Sendable {
    /// The path as the user gave it (used in every message), not a canonical path.
    public let path: String
    /// The path's number, for the ranges cut from this file.
    public let pathID: SourcePathID
    /// The file's bytes exactly as read (a byte-order mark, if any, is still here).
    public let bytes: [UInt8]
    /// Byte offset at which each line starts. Line 1 starts at 0. 32 bits, as in `SourceRange`
    /// (a model file is at most 32 MiB): half the memory of `Int` for a file of many lines.
    public let lineStarts: [UInt32]
    /// Byte offset where the content starts: 3 after a UTF-8 byte-order mark, else 0.
    public let contentStart: Int

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.pathID = SourcePaths.id(for: path)
        self.bytes = bytes
        self.contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var starts: [UInt32] = [0]
        bytes.withUnsafeBufferPointer { bytes in
            // Room for every line at once: one per line break is enough (\r\n needs only one).
            var breaks = 0
            for byte in bytes where byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { breaks += 1 }
            starts.reserveCapacity(breaks + 1)
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                // Most bytes are neither; one comparison rules both out.
                if byte > UInt8(ascii: "\r") {
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "\n") {
                    starts.append(UInt32(clamping: index + 1))
                } else if byte == UInt8(ascii: "\r") {
                    // \r\n counts once; a lone \r (old Mac files) also ends a line.
                    if index + 1 < count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                    starts.append(UInt32(clamping: index + 1))
                }
                index += 1
            }
        }
        self.lineStarts = starts
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// The 1-based line that holds `offset`.
    public func line(containing offset: Int) -> Int {
        // Binary search for the last line start <= offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(lineStarts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Byte range of a 1-based line's content, without its line break.
    public func byteRange(ofLine line: Int) -> Range<Int> {
        let start = Int(lineStarts[line - 1])
        var end = line < lineStarts.count ? Int(lineStarts[line]) : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        if line == 1 { return max(start, contentStart)..<max(end, contentStart) }
        return start..<end
    }

    /// The text of a 1-based line (invalid bytes shown as U+FFFD).
    public func text(ofLine line: Int) -> String {
        String(decoding: bytes[byteRange(ofLine: line)], as: UTF8.self)
    }

    /// Line and column of a byte offset, as a person counts them: both 1-based, the column in
    /// characters (Unicode scalars), so `æ` is one column.
    public func location(of offset: Int) -> LineColumn {
        let clamped = min(max(offset, 0), bytes.count)
        let line = line(containing: clamped)
        let lineRange = byteRange(ofLine: line)
        let upTo = min(max(clamped, lineRange.lowerBound), lineRange.upperBound)
        let prefix = String(decoding: bytes[lineRange.lowerBound..<upTo], as: UTF8.self)
        let utf16 = prefix.utf16.count
        return LineColumn(line: line, column: prefix.unicodeScalars.count + 1, utf16Column: utf16 + 1)
    }
}

/// A place a person can find: 1-based line and column. `utf16Column` is for editors (LSP).
public struct LineColumn: Hashable, Sendable, Codable {
    public let line: Int
    public let column: Int
    public let utf16Column: Int

    public init(line: Int, column: Int, utf16Column: Int) {
        self.line = line
        self.column = column
        self.utf16Column = utf16Column
    }
}
