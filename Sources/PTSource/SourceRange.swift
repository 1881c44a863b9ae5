/// A span of bytes in one file: `start..<end`, UTF-8 byte offsets.
///
/// Every syntax node, model element and diagnostic carries one, so any later stage (rules,
/// diagrams, the editor) can point at the line a user wrote.
public struct SourceRange: Hashable, Sendable, Codable, Comparable {
    /// The file's path as the user gave it.
    public let path: String
    public let start: Int
    public let end: Int

    public init(path: String, start: Int, end: Int) {
        self.path = path
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest range that covers both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(path: path, start: min(start, other.start), end: max(end, other.end))
    }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end < rhs.end
    }
}
