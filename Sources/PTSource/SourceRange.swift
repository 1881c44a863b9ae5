import Foundation

/// A span of bytes in one file: `start..<end`, UTF-8 byte offsets.
///
/// Every syntax node, model element and diagnostic carries one, so any later stage (rules,
/// diagrams, the editor) can point at the line a user wrote. It is 12 bytes of plain data (a
/// file number and two offsets, no reference), so nodes and elements copy without reference
/// counting; the path is looked up in `SourcePaths` when someone asks for it.
public struct SourceRange: Hashable, Sendable, Codable, Comparable {
    /// The file, as a number in `SourcePaths`.
    public let file: SourcePathID
    private let startOffset: UInt32
    private let endOffset: UInt32

    /// The file's path as the user gave it.
    public var path: String { SourcePaths.path(file) }
    public var start: Int { Int(startOffset) }
    public var end: Int { Int(endOffset) }

    public init(path: String, start: Int, end: Int) {
        self.init(file: SourcePaths.id(for: path), start: start, end: end)
    }

    /// Offsets fit in 32 bits: model files are capped at 32 MiB (`Parser.maxFileSize`), and the
    /// other files we read (settings, measurements) are far smaller.
    public init(file: SourcePathID, start: Int, end: Int) {
        self.file = file
        self.startOffset = UInt32(clamping: start)
        self.endOffset = UInt32(clamping: max(start, end))
    }

    /// The smallest range that covers both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        if lhs.file != rhs.file { return lhs.path < rhs.path }
        if lhs.startOffset != rhs.startOffset { return lhs.startOffset < rhs.startOffset }
        return lhs.endOffset < rhs.endOffset
    }

    // Codable writes and reads the path, as it always has (JSON export, editor, SARIF).
    private enum CodingKeys: String, CodingKey {
        case path, start, end
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try container.decode(String.self, forKey: .path),
                  start: try container.decode(Int.self, forKey: .start),
                  end: try container.decode(Int.self, forKey: .end))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}

/// A file's number in `SourcePaths`: equal numbers mean equal paths.
public struct SourcePathID: Hashable, Sendable {
    let raw: UInt32
}

/// Every path a range has named in this process, each stored once. Append-only (a process
/// reads few distinct files), so a number stays valid for the life of the process; one lock
/// makes it safe from every thread (the editor server checks on several).
public enum SourcePaths {
    private final class Table: @unchecked Sendable {
        let lock = NSLock()
        var paths: [String] = []
        var ids: [String: UInt32] = [:]
    }

    private static let table = Table()

    /// The number for `path`, new if the path has not been seen.
    public static func id(for path: String) -> SourcePathID {
        let table = table
        table.lock.lock()
        defer { table.lock.unlock() }
        if let raw = table.ids[path] { return SourcePathID(raw: raw) }
        let raw = UInt32(table.paths.count)
        table.paths.append(path)
        table.ids[path] = raw
        return SourcePathID(raw: raw)
    }

    public static func path(_ id: SourcePathID) -> String {
        let table = table
        table.lock.lock()
        defer { table.lock.unlock() }
        return table.paths[Int(id.raw)]
    }
}
