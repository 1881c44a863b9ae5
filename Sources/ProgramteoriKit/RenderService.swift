import Foundation
import PTDiagnostics
import PTDiagram
import PTGraphviz
import PTMeasurements
import PTModel
import PTSource
import PTSyntax

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
    /// What Graphviz warned while drawing, one text per warning (without `Warning: `). Our own
    /// code writes the DOT, so each one is a bug to report; the diagram is drawn all the same.
    public let graphvizWarnings: [String]

    public init(diagram: Diagram, dot: String, outputs: [DiagramFormat: Data], graphvizWarnings: [String] = []) {
        self.diagram = diagram
        self.dot = dot
        self.outputs = outputs
        self.graphvizWarnings = graphvizWarnings
    }
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
        let rendered: GraphvizRendering
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
        return RenderedDiagram(diagram: diagram, dot: dot, outputs: outputs, graphvizWarnings: rendered.warnings.map(\.text))
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
        /// What Graphviz warned while drawing a model that was written (see `RenderedDiagram`).
        public var graphvizWarnings: [String] = []
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
    ///
    /// Drawing starts as soon as the first model is checked: while this thread checks the next
    /// models, lanes (one per layout worker) draw the ones already checked. Results go to their
    /// model's slot, so the files and the report do not depend on which diagram finishes first.
    public static func run(_ request: RenderRequest, checker: Checker = Checker()) -> RenderReport {
        // The first layout worker starts now (or was forked at program start, see main.swift):
        // its start-up (Graphviz's plugins, fonts) runs on another core while this process
        // checks the models. Further workers start only when there is a diagram for them.
        var workers: [LayoutWorkerClient?] = [nil]
        if case .childProcess(let executable, let timeout) = request.renderer.layout,
           request.formats.contains(where: { $0.graphviz != nil }) {
            let count = max(1, request.layoutWorkers ?? ProcessInfo.processInfo.activeProcessorCount)
            workers = (0..<count).map { _ in LayoutWorkerClient(executable: executable, timeoutSeconds: timeout) }
            workers[0]?.start()
        }
        defer { stopAll(workers.compactMap { $0 }) }
        // In this process there is one lane: libgvc allows no more.
        let queue = DrawingQueue(request: request, workers: workers)

        let discovered = ModelDiscovery.files(in: request.paths)
        // A model's output name depends on its path alone: when no two files share a name, no two
        // models can, and drawing may begin before all models are checked. Otherwise the check
        // comes first, so that a collision between models stops everything before a file is written.
        let early = OutputNaming.names(for: discovered.files, arguments: request.paths)
        var diagnostics: [Diagnostic] = []
        var modelCount = 0
        let check: CheckReport
        if early.collisions.isEmpty {
            check = checker.check(files: discovered.files, failures: discovered.failures) { checked in
                plan(checked, index: modelCount, name: early.names[checked.path], request: request,
                     today: checker.today, diagnostics: &diagnostics, queue: queue)
                modelCount += 1
            }
        } else {
            check = checker.check(files: discovered.files, failures: discovered.failures, eachModel: { _ in })
            let names = OutputNaming.names(for: check.models.map(\.path), arguments: request.paths)
            if !names.collisions.isEmpty {
                _ = queue.finish()
                return RenderReport(check: check, diagnostics: check.diagnostics, results: [], requestFailures: names.collisions)
            }
            for (index, checked) in check.models.enumerated() {
                plan(checked, index: index, name: names.names[checked.path], request: request,
                     today: checker.today, diagnostics: &diagnostics, queue: queue)
            }
        }
        let results = queue.finish()
        if let problem = queue.folderProblem {
            return RenderReport(check: check, diagnostics: check.diagnostics + diagnostics,
                                results: (0..<check.models.count).compactMap { results[$0] }, requestFailures: [problem])
        }
        return RenderReport(check: check, diagnostics: check.diagnostics + diagnostics,
                            results: (0..<check.models.count).compactMap { results[$0] }, requestFailures: [])
    }

    /// Decides what to do with one checked model: skip it, report it too large, or queue it for
    /// drawing. `index` is its place in the check's models.
    private static func plan(_ original: CheckedModel, index: Int, name: String?, request: RenderRequest, today: DateValue,
                             diagnostics: inout [Diagnostic], queue: DrawingQueue) {
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
            queue.record(index, .init(path: checked.path, hasErrors: true, outcome: .skippedForErrors))
            return
        }
        if let tooLarge = renderer.sizeDiagnostic(for: checked.model, path: checked.path) {
            diagnostics.append(tooLarge)
            queue.record(index, .init(path: checked.path, hasErrors: checked.hasErrors, outcome: .failed(
                RenderFailure(kind: .tooLarge, message: tooLarge.message))))
            return
        }
        let file = (name ?? "diagram") + (request.comparison == nil ? "" : DiagramComparison.fileSuffix)
        let base = (request.outputDirectory as NSString).appendingPathComponent(file)
        // With measurements (`--målinger`) the indicators show their status.
        if let measurements = original.measurements {
            renderer.options.indicatorStatuses = Monitoring.diagramStatuses(
                ModelProgress(model: original.model, measurements: measurements, today: today))
        }
        queue.submit(DrawingJob(index: index, model: checked, base: base, renderer: renderer))
    }

    /// Stops the workers: their stdin closes and they exit on their own; nobody waits for that.
    private static func stopAll(_ workers: [LayoutWorkerClient]) {
        for worker in workers { worker.shutdown() }
    }
}

/// One diagram to draw: the model's place in the check's models, and where its files go.
private struct DrawingJob: Sendable {
    let index: Int
    let model: CheckedModel
    let base: String
    let renderer: DiagramRenderer
}

/// The diagrams waiting to be drawn, the lanes drawing them, and their results by model.
///
/// Lane k (with layout worker k) starts when the k-th diagram arrives, so one model never
/// starts a second worker; each lane takes the next diagram when it is free.
private final class DrawingQueue: @unchecked Sendable {
    // @unchecked: every mutable property is guarded by `condition`.
    private let condition = NSCondition()
    private let request: RenderRequest
    private let workers: [LayoutWorkerClient?]
    private var jobs: [DrawingJob] = []
    private var taken = 0
    private var closed = false
    private var results: [Int: RenderReport.ModelResult] = [:]
    private let lanes = DispatchGroup()
    private var lanesStarted = 0

    init(request: RenderRequest, workers: [LayoutWorkerClient?]) {
        self.request = request
        self.workers = workers
    }

    /// Why the output folder cannot be written, found before the first diagram: then nothing
    /// is drawn (no layout time is spent on files that cannot be written).
    private(set) var folderProblem: LocalizedText?
    private var folderChecked = false

    func submit(_ job: DrawingJob) {
        // Only the thread that submits reads and writes the folder state.
        if !folderChecked {
            folderChecked = true
            folderProblem = OutputFolder.prepare(request.outputDirectory)
        }
        guard folderProblem == nil else { return }
        let queued = condition.withLock {
            jobs.append(job)
            condition.signal()
            return jobs.count
        }
        // Only the thread that submits starts lanes.
        if lanesStarted < workers.count && lanesStarted < queued {
            startLane(lanesStarted)
            lanesStarted += 1
        }
    }

    /// A model's result that needs no drawing.
    func record(_ index: Int, _ result: RenderReport.ModelResult) {
        condition.withLock { results[index] = result }
    }

    /// Waits until every queued diagram is drawn; the results by model index.
    func finish() -> [Int: RenderReport.ModelResult] {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
        lanes.wait()
        return condition.withLock { results }
    }

    private func startLane(_ number: Int) {
        let worker = workers[number]
        lanes.enter()
        Thread.detachNewThread { [self] in
            while let job = next() {
                let result = draw(job.model, base: job.base, request: request, renderer: job.renderer, worker: worker)
                condition.withLock { results[job.index] = result }
            }
            lanes.leave()
        }
    }

    /// The next diagram nobody has taken, waiting for one; nil once all are taken and no more come.
    private func next() -> DrawingJob? {
        condition.withLock {
            while taken == jobs.count && !closed { condition.wait() }
            guard taken < jobs.count else { return nil }
            taken += 1
            return jobs[taken - 1]
        }
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
        return .init(path: checked.path, hasErrors: checked.hasErrors, outcome: .written(written),
                     graphvizWarnings: rendered.graphvizWarnings)
    } catch {
        return .init(path: checked.path, hasErrors: checked.hasErrors, outcome: .failed(error))
    }
}
