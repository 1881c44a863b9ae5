import CGraphviz
import Foundation

/// What one layout rendered to: the bytes per format, and the warnings Graphviz gave.
public struct GraphvizRendering: Sendable {
    public let outputs: [GraphvizFormat: Data]
    /// Warnings are not failures (an unknown shape falls back to a box), but since our own code
    /// writes the DOT, each one points at something to fix in the emitter.
    public let warnings: [GraphvizMessage]

    public init(outputs: [GraphvizFormat: Data], warnings: [GraphvizMessage]) {
        self.outputs = outputs
        self.warnings = warnings
    }

    public subscript(format: GraphvizFormat) -> Data? { outputs[format] }
}

/// Renders DOT text to SVG, PNG and PDF with libgvc, in this process.
///
/// libgvc is not thread-safe, not even with one context per thread (yacc parser, error state and
/// spline buffers are globals), so there is exactly one renderer per process and every
/// libgvc/cgraph call runs under its lock: renders are serial, parallelism comes from processes.
/// The one `GVC_t` is created on first use and kept: a context per render leaks and is ~3× slower.
///
/// Safe in a child process that renders for a parent: nothing runs at load time, and everything
/// Graphviz says is captured instead of written to stdout/stderr (fontconfig may still write
/// to stderr).
public final class GraphvizRenderer: @unchecked Sendable {
    // @unchecked: the only mutable state (the three below and the message buffer) is guarded by `lock`.
    public static let shared = GraphvizRenderer()

    private let lock = NSLock()
    private var context: OpaquePointer?
    /// What gvContext said while loading plugins, e.g. `Could not load "…/libgvplugin_pango.so.6"`.
    private var startupMessages: [GraphvizMessage] = []

    private init() {}

    /// Lays `dot` out with the `dot` engine and renders it once.
    /// Warnings are dropped; use `render(dot:formats:)` to see them.
    public func render(dot: String, format: GraphvizFormat) throws(GraphvizError) -> Data {
        let rendering = try render(dot: dot, formats: [format])
        // `render(dot:formats:)` either throws or returns every requested format.
        return rendering.outputs[format]!
    }

    /// Lays `dot` out once and renders it in every format asked for.
    ///
    /// Throws on any Error-level message, even when Graphviz returned bytes (a malformed HTML
    /// label is an error yet still draws). SVG loses its version comment and PDF its creation
    /// date, so the same DOT always gives the same bytes.
    public func render(dot: String, formats: [GraphvizFormat]) throws(GraphvizError) -> GraphvizRendering {
        try withContext(dot: dot) { context throws(GraphvizError) in
            var session = RenderSession(dot: dot)

            // cgraph's scanner keeps what it read past the end of the last graph (a trailing
            // newline, or a whole second graph) and hands it to the next agmemread: the next
            // render would count lines wrong, or even lay out the leftover graph instead of its own.
            flushScanner?()
            guard let graph = dot.withCString({ agmemread($0) }) else {
                throw session.failure(.parse, call: "agmemread returned no graph")
            }
            defer { _ = agclose(graph) }
            if session.collectReportedError() { throw session.failure(.parse) }

            let layoutStatus = gvLayout(context, graph, "dot")
            // Also after a failed layout: it may have attached partial layout data.
            defer { _ = gvFreeLayout(context, graph) }
            if session.collectReportedError() || layoutStatus != 0 {
                throw session.failure(.layout, call: "gvLayout returned \(layoutStatus)")
            }

            var outputs: [GraphvizFormat: Data] = [:]
            for format in formats where outputs[format] == nil {
                var buffer: UnsafeMutablePointer<CChar>?
                var length = 0
                let renderStatus = pt_render_data(context, graph, format.rendererName, &buffer, &length)
                // On failure the buffer is deliberately not freed: gvRenderData leaves its first
                // 4 KB allocation in it, which a partial write may already have reallocated.
                // A rare small leak is better than a double free.
                guard renderStatus == 0, let buffer else {
                    throw session.failure(.render, format: format, call: "gvRenderData returned \(renderStatus)")
                }
                let bytes = Data(bytes: buffer, count: length)
                gvFreeRenderData(buffer)
                if session.collectReportedError() { throw session.failure(.render, format: format) }
                outputs[format] = OutputNormalizer.normalize(bytes, as: format)
            }
            return GraphvizRendering(outputs: outputs, warnings: session.messages)
        }
    }

    /// The Graphviz version libgvc reports, e.g. `2.43.0`.
    public func graphvizVersion() throws(GraphvizError) -> String {
        try withContext(dot: "") { context in
            gvcVersion(context).map { String(cString: $0) } ?? "unknown"
        }
    }

    /// The plugin types of one kind (`layout`, `render`, `textlayout`, `device`, …) libgvc knows.
    func pluginTypes(kind: String) throws(GraphvizError) -> [String] {
        try withContext(dot: "") { context in
            var count: Int32 = 0
            guard let list = gvPluginList(context, kind, &count, nil) else { return [] }
            // The list and its strings are malloc'd for the caller.
            defer { free(list) }
            var types: [String] = []
            for index in 0..<Int(count) {
                guard let type = list[index] else { continue }
                types.append(String(cString: type))
                free(type)
            }
            return types
        }
    }

    /// The messages libgvc gave while creating the context; the doctor shows them.
    func contextStartupMessages() throws(GraphvizError) -> [GraphvizMessage] {
        try withContext(dot: "") { _ in startupMessages }
    }

    /// Runs `body` holding the process-wide lock, with the context created on first use.
    private func withContext<Result>(
        dot: String,
        _ body: (OpaquePointer) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        if context == nil {
            // Before gvContext, so that messages from loading the plugin configuration are caught too.
            _ = agseterrf(collectGraphvizMessage)
            context = gvContext()
            startupMessages = GraphvizMessage.parse(drainGraphvizMessages())
        }
        guard let context else {
            throw GraphvizError(stage: .context, messages: startupMessages, dot: dot)
        }
        // Error counts and stray text from an earlier call must not leak into this one.
        _ = agreseterrors()
        _ = drainGraphvizMessages()
        return try body(context)
    }
}

/// Messages gathered over one render, step by step.
private struct RenderSession {
    let dot: String
    private(set) var messages: [GraphvizMessage] = []

    init(dot: String) { self.dot = dot }

    /// Moves what libgvc reported since the last step into `messages`; true if an error was
    /// reported so far. `agerrors()` backs up the text: `agerr(AGMAX, …)` is counted as an
    /// error but printed with a `Warning` prefix.
    mutating func collectReportedError() -> Bool {
        messages += GraphvizMessage.parse(drainGraphvizMessages())
        return messages.contains { $0.severity == .error } || agerrors() > Int32(AGWARN.rawValue)
    }

    /// The error to throw; `call` describes the failed call in case Graphviz said nothing.
    mutating func failure(
        _ stage: GraphvizError.Stage,
        format: GraphvizFormat? = nil,
        call: String? = nil
    ) -> GraphvizError {
        messages += GraphvizMessage.parse(drainGraphvizMessages())
        if let call, !messages.contains(where: { $0.severity == .error }) {
            messages.append(GraphvizMessage(severity: .error, text: call))
        }
        return GraphvizError(stage: stage, format: format, messages: messages, dot: dot)
    }
}

/// cgraph's `aglexbad` (empties the scanner's buffer), looked up at run time: it is exported by the
/// Graphviz 2.x libraries but not declared in their public headers. Nil where it is missing.
/// Only called under the renderer's lock.
private let flushScanner: (@convention(c) () -> Void)? = {
    guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "aglexbad") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) () -> Void).self)
}()

// libgvc's error callback is a C function pointer and cannot capture, so it writes to a global.
// Guarded by `GraphvizRenderer.shared`'s lock: libgvc only calls back from inside the calls
// `withContext` makes while holding it.
nonisolated(unsafe) private var pendingMessageBytes: [UInt8] = []

/// Receives message fragments (`"Error"`, `": "`, `"syntax error in line 1 …\n"`).
private func collectGraphvizMessage(_ fragment: UnsafeMutablePointer<CChar>?) -> Int32 {
    guard let fragment else { return 0 }
    pendingMessageBytes.append(contentsOf: UnsafeRawBufferPointer(start: fragment, count: strlen(fragment)))
    return 0
}

/// Takes everything reported since the last drain. Call only while holding the renderer's lock.
private func drainGraphvizMessages() -> String {
    defer { pendingMessageBytes.removeAll(keepingCapacity: true) }
    return String(decoding: pendingMessageBytes, as: UTF8.self)
}
