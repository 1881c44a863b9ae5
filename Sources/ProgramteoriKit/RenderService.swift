import Foundation
import PTDiagnostics
import PTDiagram
import PTGraphviz
import PTMeasurements
import PTModel
import PTSource

/// Codes for what `render` finds about a model that `check` does not.
public enum RenderCode {
    /// The model is past `DiagramLimits`: an error for `render` only.
    public static let tooLarge = DiagnosticCode("PT301", "diagram.for-stort", .error)
}

/// One model's diagram in every format asked for.
public struct RenderedDiagram: Sendable {
    public let diagram: Diagram
    public let dot: String
    /// Bytes per format, ready to write (the SVG already finished: accessible, dark mode).
    public let outputs: [DiagramFormat: Data]
}

/// Model → diagram → DOT → Graphviz → bytes. Shared by the CLI and the editor server.
public struct DiagramRenderer: Sendable {
    public var options: DiagramOptions
    public var layout: LayoutMode

    public init(options: DiagramOptions = DiagramOptions(), layout: LayoutMode = .inProcess) {
        self.options = options
        self.layout = layout
    }

    /// The diagnostic for a model too large to draw, pointing at its header; nil if it fits.
    public func sizeDiagnostic(for model: ProgramTheory, path: String) -> Diagnostic? {
        guard let message = options.limits.problem(for: model) else { return nil }
        let limits = options.limits
        return Diagnostic(
            RenderCode.tooLarge,
            range: model.header?.range ?? SourceRange(path: path, start: 0, end: 0),
            message: message,
            help: LocalizedText(
                da: "del programteorien op i flere modeller (fx én pr. slutmål), der hver kan læses på én side; grænsen er \(limits.maxElements) elementer og \(limits.maxLinks) forbindelser",
                en: "split the programme theory into several models (e.g. one per final outcome) that each fit on a page; the limit is \(limits.maxElements) elements and \(limits.maxLinks) connections"))
    }

    /// Draws `model` in `formats`. In `.childProcess` mode the layout runs in `worker` when one is
    /// given (keep one client for many diagrams), else in a worker started for this diagram.
    public func render(_ model: ProgramTheory, formats: [DiagramFormat],
                       using worker: LayoutWorkerClient? = nil) throws(RenderFailure) -> RenderedDiagram {
        if let message = options.limits.problem(for: model) {
            throw RenderFailure(kind: .tooLarge, message: message)
        }
        let diagram = Diagram.build(from: model, options: options)
        let dot = diagram.dot()
        let graphvizFormats = formats.compactMap(\.graphviz)
        let rendered: [GraphvizFormat: Data]
        do {
            rendered = try Layout.render(dot: dot, formats: graphvizFormats, mode: layout, worker: worker)
        } catch where error.kind == .timedOut {
            // Said again knowing the view: the overview is the quickest way out of a dense diagram.
            guard case .childProcess(_, let seconds) = layout else { throw error }
            throw RenderFailure.timedOut(seconds, overviewHelps: options.view == .detailed)
        }
        var outputs: [DiagramFormat: Data] = [:]
        for format in formats {
            switch format {
            case .dot:
                outputs[.dot] = Data(dot.utf8)
            case .svg:
                outputs[.svg] = Data(diagram.finishSVG(utf8: rendered[.svg] ?? Data()))
            case .png, .pdf:
                outputs[format] = rendered[format.graphviz!] ?? Data()
            }
        }
        return RenderedDiagram(diagram: diagram, dot: dot, outputs: outputs)
    }
}

/// What `render` was asked to do.
public struct RenderRequest: Sendable {
    public var paths: [String]
    public var formats: [DiagramFormat]
    public var outputDirectory: String
    /// Draw models that have errors too (`--tving`).
    public var force: Bool
    public var renderer: DiagramRenderer
    /// How many layout workers draw at once in `.childProcess` mode; nil: one per core.
    /// Never more than there are diagrams.
    public var layoutWorkers: Int?
    /// `--sammenlign`: draw each model as a diff diagram against this earlier version.
    public var comparison: DiagramComparison?

    public init(paths: [String], formats: [DiagramFormat], outputDirectory: String, force: Bool = false,
                renderer: DiagramRenderer = DiagramRenderer(), layoutWorkers: Int? = nil, comparison: DiagramComparison? = nil) {
        self.paths = paths
        self.formats = formats
        self.outputDirectory = outputDirectory
        self.force = force
        self.renderer = renderer
        self.layoutWorkers = layoutWorkers
        self.comparison = comparison
    }
}

/// What `render` did, model by model.
public struct RenderReport: Sendable {
    public enum Outcome: Sendable {
        /// The files written, in the order of the formats.
        case written([String])
        /// Not drawn because the model has errors and `--tving` was not given.
        case skippedForErrors
        case failed(RenderFailure)
    }

    public struct ModelResult: Sendable {
        public let path: String
        public let hasErrors: Bool
        public let outcome: Outcome
    }

    public let check: CheckReport
    /// Diagnostics of `check` plus those of `render` (a model too large to draw).
    public let diagnostics: [Diagnostic]
    public let results: [ModelResult]
    /// Problems with the request itself (two models that would write the same file).
    public let requestFailures: [LocalizedText]

    /// A model had errors (exit 1), as for `check`.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Something could not be read, written or drawn (exit 2).
    public var hasFailures: Bool {
        !check.failures.isEmpty || !requestFailures.isEmpty || results.contains {
            if case .failed(let failure) = $0.outcome { failure.kind != .tooLarge } else { false }
        }
    }
}

extension DiagramRenderer {
    /// Checks the models under `request.paths`, draws those without errors (all with
    /// `force`) and writes one file per model and format under `request.outputDirectory`.
    public static func run(_ request: RenderRequest, checker: Checker = Checker()) -> RenderReport {
        // The first layout worker starts now (or was forked at program start, see main.swift):
        // its start-up (Graphviz's plugins, fonts) runs on another core while this process
        // checks the models.
        var workers: [LayoutWorkerClient] = []
        if case .childProcess(let executable, let timeout) = request.renderer.layout,
           request.formats.contains(where: { $0.graphviz != nil }) {
            workers.append(LayoutWorkerClient(executable: executable, timeoutSeconds: timeout))
            workers[0].start()
        }
        defer { stopAll(workers) }

        let check = checker.check(paths: request.paths)
        var diagnostics = check.diagnostics
        let names = OutputNaming.names(for: check.models.map(\.path), arguments: request.paths)
        if !names.collisions.isEmpty {
            return RenderReport(check: check, diagnostics: diagnostics, results: [], requestFailures: names.collisions)
        }
        // Decide first (in order), then draw. Results go to their model's slot, so the files and
        // the report do not depend on which diagram finishes first.
        var results: [RenderReport.ModelResult?] = Array(repeating: nil, count: check.models.count)
        var jobs: [(index: Int, model: CheckedModel, base: String, renderer: DiagramRenderer)] = []
        for (index, original) in check.models.enumerated() {
            var checked = original
            var renderer = request.renderer
            if let comparison = request.comparison {
                // The new version with the removed parts put back, and the marks to draw.
                let overlay = comparison.overlay(on: original.model)
                checked = CheckedModel(path: original.path, model: overlay.model, hasErrors: original.hasErrors,
                                       measurements: original.measurements)
                renderer.options.changes = overlay.changes
            }
            if checked.hasErrors && !request.force {
                results[index] = .init(path: checked.path, hasErrors: true, outcome: .skippedForErrors)
                continue
            }
            if let tooLarge = renderer.sizeDiagnostic(for: checked.model, path: checked.path) {
                diagnostics.append(tooLarge)
                results[index] = .init(path: checked.path, hasErrors: checked.hasErrors, outcome: .failed(
                    RenderFailure(kind: .tooLarge, message: tooLarge.message)))
                continue
            }
            let name = (names.names[checked.path] ?? "diagram") + (request.comparison == nil ? "" : DiagramComparison.fileSuffix)
            let base = (request.outputDirectory as NSString).appendingPathComponent(name)
            // With measurements (`--målinger`) the indicators show their status.
            if let measurements = original.measurements {
                renderer.options.indicatorStatuses = Monitoring.diagramStatuses(
                    ModelProgress(model: original.model, measurements: measurements, today: checker.today))
            }
            jobs.append((index, checked, base, renderer))
        }

        // A folder that cannot be written fails once, before any layout time is spent.
        if !jobs.isEmpty, let problem = OutputFolder.prepare(request.outputDirectory) {
            return RenderReport(check: check, diagnostics: diagnostics, results: results.compactMap { $0 }, requestFailures: [problem])
        }

        // One lane per worker; each lane takes the next diagram when it is free. In this process
        // there is one lane: libgvc allows no more.
        if let first = workers.first {
            let lanes = max(1, min(request.layoutWorkers ?? ProcessInfo.processInfo.activeProcessorCount, jobs.count))
            while workers.count < lanes {
                let worker = LayoutWorkerClient(executable: first.executable, timeoutSeconds: first.timeoutSeconds)
                worker.start()
                workers.append(worker)
            }
            if jobs.isEmpty { first.shutdown() }
        }
        let drawn = ResultBox(count: jobs.count)
        let planned = jobs
        let lanes: [LayoutWorkerClient?] = workers.isEmpty ? [nil] : workers
        let lane: @Sendable (Int) -> Void = { number in
            while let next = drawn.claim() {
                let job = planned[next]
                drawn.set(next, draw(job.model, base: job.base, request: request, renderer: job.renderer, worker: lanes[number]))
            }
        }
        if lanes.count > 1 {
            DispatchQueue.concurrentPerform(iterations: lanes.count, execute: lane)
        } else {
            lane(0)
        }
        for (number, job) in jobs.enumerated() { results[job.index] = drawn.get(number) }
        return RenderReport(check: check, diagnostics: diagnostics, results: results.compactMap { $0 }, requestFailures: [])
    }

    /// Stops the workers: their stdin closes and they exit on their own; nobody waits for that.
    private static func stopAll(_ workers: [LayoutWorkerClient]) {
        for worker in workers { worker.shutdown() }
    }
}

/// Renders one model and writes its files.
private func draw(_ checked: CheckedModel, base: String, request: RenderRequest, renderer: DiagramRenderer,
                  worker: LayoutWorkerClient?) -> RenderReport.ModelResult {
    do {
        let rendered = try renderer.render(checked.model, formats: request.formats, using: worker)
        var written: [String] = []
        for format in request.formats {
            let path = base + "." + format.fileExtension
            try AtomicFile.write(rendered.outputs[format] ?? Data(), to: path)
            written.append(path)
        }
        return .init(path: checked.path, hasErrors: checked.hasErrors, outcome: .written(written))
    } catch {
        return .init(path: checked.path, hasErrors: checked.hasErrors, outcome: .failed(error))
    }
}

/// Results filled in from several threads, and the next diagram to draw.
private final class ResultBox: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var results: [RenderReport.ModelResult?]
    private var claimed = 0

    init(count: Int) { results = Array(repeating: nil, count: count) }

    /// The number of the next diagram nobody has taken yet, nil when all are taken.
    func claim() -> Int? {
        lock.withLock {
            guard claimed < results.count else { return nil }
            claimed += 1
            return claimed - 1
        }
    }

    func set(_ index: Int, _ result: RenderReport.ModelResult) {
        lock.withLock { results[index] = result }
    }

    func get(_ index: Int) -> RenderReport.ModelResult? {
        lock.withLock { results[index] }
    }
}
