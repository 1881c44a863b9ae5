/// A render that failed. Our own code writes the DOT, so any failure is a bug in programteori
/// (or a broken Graphviz installation): the error keeps everything a bug report needs.
public struct GraphvizError: Error, Sendable, CustomStringConvertible {
    /// Where in libgvc's pipeline the failure showed up.
    public enum Stage: String, Sendable {
        /// `gvContext()` returned no context.
        case context
        /// `agmemread` rejected the DOT text.
        case parse
        /// `gvLayout` failed or reported an error (malformed HTML labels surface here).
        case layout
        /// `gvRenderData` failed or reported an error.
        case render
    }

    public let stage: Stage
    /// The format being rendered when `stage` is `.render`.
    public let format: GraphvizFormat?
    /// Everything Graphviz said during this render, warnings included, in order.
    public let messages: [GraphvizMessage]
    /// The DOT text that was rendered.
    public let dot: String

    public init(stage: Stage, format: GraphvizFormat? = nil, messages: [GraphvizMessage], dot: String) {
        self.stage = stage
        self.format = format
        self.messages = messages
        self.dot = dot
    }

    /// The messages, one per line; the DOT is left out (it can be long): read `dot`.
    public var description: String {
        let formatNote = format.map { " (\($0.rawValue))" } ?? ""
        let reported = messages.isEmpty ? ["(Graphviz reported no message)"] : messages.map(\.description)
        return "Graphviz failed at \(stage.rawValue)\(formatNote):\n" + reported.joined(separator: "\n")
    }
}
