/// One message Graphviz reported, with its continuation lines joined by `\n`.
public struct GraphvizMessage: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case warning
        case error
    }

    public let severity: Severity
    /// The text without the `Error: ` / `Warning: ` prefix.
    public let text: String

    public init(severity: Severity, text: String) {
        self.severity = severity
        self.text = text
    }

    public var description: String {
        "\(severity == .error ? "Error" : "Warning"): \(text)"
    }

    /// Splits the text libgvc hands its error callback into messages.
    ///
    /// Every message starts with `Error: ` or `Warning: `; continuation lines (`AGPREV`) come
    /// without a prefix and belong to the message before them. A line with no message before it
    /// (cannot happen after a reset, but the callback is global) is kept as a warning; real
    /// errors are also caught by `agerrors()`.
    static func parse(_ text: String) -> [GraphvizMessage] {
        var messages: [GraphvizMessage] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if let rest = line.dropPrefix("Error: ") {
                messages.append(GraphvizMessage(severity: .error, text: String(rest)))
            } else if let rest = line.dropPrefix("Warning: ") {
                messages.append(GraphvizMessage(severity: .warning, text: String(rest)))
            } else if let previous = messages.popLast() {
                messages.append(GraphvizMessage(severity: previous.severity, text: previous.text + "\n" + line))
            } else {
                messages.append(GraphvizMessage(severity: .warning, text: String(line)))
            }
        }
        return messages
    }
}

extension Substring {
    fileprivate func dropPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }
}
