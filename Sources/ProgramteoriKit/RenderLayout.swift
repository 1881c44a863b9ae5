import Foundation
import PTGraphviz
import PTSource

/// Where Graphviz lays a diagram out.
///
/// Graphviz has no way to cancel a layout, and a dense graph can take minutes. Wherever a
/// person waits, layout runs in a child process — the same executable, started with the hidden
/// `_layout` subcommand, one per `render` call and lane, serving diagram after diagram — that is
/// killed when a layout's time is up. Trusted batch jobs may lay out in this process
/// (docs/diagram.md and docs/ydelse.md have the measurements).
public enum LayoutMode: Sendable, Hashable {
    case inProcess
    /// `executable` must serve `executable _layout` (see `LayoutProtocol`); `timeoutSeconds`
    /// is per diagram.
    case childProcess(executable: String, timeoutSeconds: Double)
}

/// Why a diagram could not be drawn.
public struct RenderFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case tooLarge
        case timedOut
        case graphviz
        case worker
        case write
    }

    public let kind: Kind
    public let message: LocalizedText
    /// For Graphviz failures: what Graphviz said and the DOT, for a bug report.
    public let details: String?

    public init(kind: Kind, message: LocalizedText, details: String? = nil) {
        self.kind = kind
        self.message = message
        self.details = details
    }

    public var description: String { message.en + (details.map { "\n" + $0 } ?? "") }

    static func graphviz(_ error: GraphvizError) -> RenderFailure {
        graphvizFailed(details: error.description)
    }

    /// Graphviz failed (here or in the layout worker); `details` is what it said.
    static func graphvizFailed(details: String) -> RenderFailure {
        RenderFailure(
            kind: .graphviz,
            message: LocalizedText(
                da: "Graphviz kunne ikke tegne diagrammet (en fejl i programteori eller i Graphviz-installationen; kør »programteori doktor«)",
                en: "Graphviz could not draw the diagram (a bug in programteori or a broken Graphviz installation; run »programteori doctor«)"),
            details: details)
    }

    /// The layout passed its time limit. `overviewHelps`: the diagram is the detailed view, so
    /// the overview (no activities and mechanisms, far fewer arrows) is a way out worth naming.
    static func timedOut(_ seconds: Double, overviewHelps: Bool = false) -> RenderFailure {
        let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        let danish = shown.replacingOccurrences(of: ".", with: ",")
        let unitDA = seconds == 1 ? "sekund" : "sekunder"
        let unitEN = seconds == 1 ? "second" : "seconds"
        let overview = overviewHelps
            ? LocalizedText(da: "tegn oversigten med --visning oversigt, ", en: "draw the overview with --view overview, ")
            : LocalizedText(da: "", en: "")
        return RenderFailure(
            kind: .timedOut,
            message: LocalizedText(
                da: "layoutet tog mere end \(danish) \(unitDA) og blev stoppet; \(overview.da)del modellen op i mindre modeller, eller giv mere tid med --timeout",
                en: "the layout took more than \(shown) \(unitEN) and was stopped; \(overview.en)split the model into smaller ones, or allow more time with --timeout"))
    }
}

/// Lays DOT out and renders it, in this process or in a layout worker.
enum Layout {
    /// `worker`: the client to use in `.childProcess` mode; without one, a worker is started
    /// for this diagram alone and stopped afterwards.
    static func render(dot: String, formats: [GraphvizFormat], mode: LayoutMode,
                       worker: LayoutWorkerClient? = nil) throws(RenderFailure) -> [GraphvizFormat: Data] {
        guard !formats.isEmpty else { return [:] }
        switch mode {
        case .inProcess:
            do {
                return try GraphvizRenderer.shared.render(dot: dot, formats: formats).outputs
            } catch {
                throw RenderFailure.graphviz(error)
            }
        case .childProcess(let executable, let timeout):
            if let worker {
                return try worker.render(dot: dot, formats: formats)
            }
            let single = LayoutWorkerClient(executable: executable, timeoutSeconds: timeout)
            defer { single.shutdown() }
            return try single.render(dot: dot, formats: formats)
        }
    }
}
