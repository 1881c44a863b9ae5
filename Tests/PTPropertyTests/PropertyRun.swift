import Foundation
import PTDiagnostics
import PTDiagram
import PTModel
import PTModelGenerator
import PTSource
import PTSyntax
import ProgramteoriKit

/// How a generated model is drawn: the formats, view, theme and language rotate with the seed, so
/// consecutive models go through every combination. Every model is drawn as SVG (the SVG
/// properties need it); two of three also as PNG or PDF.
struct Combination: Sendable, CustomStringConvertible {
    let formats: [DiagramFormat]
    let view: DiagramView
    let theme: ThemeName
    let language: Language
    /// Every other round of 36 models is drawn with indicator statuses (as `--målinger` gives
    /// them), so the status marks and their legend are laid out in every combination too.
    let withStatuses: Bool

    /// 3 formats × 2 views × 3 themes = 18 combinations; the language flips every 18 seeds.
    /// A model of more than `largestPNG` elements is drawn as PDF instead of PNG: its PNG is a
    /// picture of 100+ megapixels that takes Graphviz seconds of CPU (and the suite must stay
    /// fast); smaller models draw PNG in every view and theme.
    init(seed: UInt64, elements: Int) {
        let number = Int(seed % 36)
        var formats: [DiagramFormat] = [[.svg], [.svg, .png], [.svg, .pdf]][number % 3]
        if elements > Self.largestPNG, formats.contains(.png) { formats = [.svg, .pdf] }
        self.formats = formats
        view = [.detailed, .overview][(number / 3) % 2]
        theme = [.standard, .print, .contrast][(number / 6) % 3]
        language = number < 18 ? .danish : .english
        withStatuses = (seed / 36) % 2 == 1
    }

    static let largestPNG = 60

    /// The options for drawing `program`: with statuses, its indicators take the four statuses
    /// in turn.
    func options(for program: ProgramTheory) -> DiagramOptions {
        var options = DiagramOptions(view: view, theme: theme, language: language)
        guard withStatuses else { return options }
        let ids = program.elements.flatMap { $0.indicators.compactMap(\.id) }
        for (index, id) in ids.enumerated() {
            options.indicatorStatuses[id] = IndicatorMark.allCases[index % IndicatorMark.allCases.count]
        }
        return options
    }

    var description: String {
        "\(formats.map(\.fileExtension).joined(separator: "+")) \(view.rawValue) \(theme.rawValue) \(language.rawValue)"
            + (withStatuses ? " med status" : "")
    }
}

/// What happened to one generated model: checked, drawn twice.
struct ModelOutcome: Sendable {
    let seed: UInt64
    let model: GeneratedModel
    let combination: Combination
    /// The error findings, as `check` prints them; empty when the model checks clean.
    let checkErrors: String
    let program: ProgramTheory?
    /// The two renders (nil when the model did not check clean).
    let first: Result<RenderedDiagram, RenderFailure>?
    let second: Result<RenderedDiagram, RenderFailure>?

    var elementCount: Int { program?.elements.count ?? 0 }
}

/// The settings of a run, from the environment: `PT_PROPERTY_SEED` (the first model's seed;
/// model *n* has seed + *n*) and `PT_PROPERTY_COUNT` (how many models).
enum PropertySettings {
    static let defaultSeed: UInt64 = 20_261_203
    static let defaultCount = 300

    static var seed: UInt64 {
        let value = ProcessInfo.processInfo.environment["PT_PROPERTY_SEED"] ?? ""
        if value == "random" { return UInt64.random(in: 0...UInt64(UInt32.max)) }
        return UInt64(value) ?? defaultSeed
    }

    static var count: Int {
        Int(ProcessInfo.processInfo.environment["PT_PROPERTY_COUNT"] ?? "").flatMap { $0 > 0 ? $0 : nil } ?? defaultCount
    }

    static let today = DateValue(year: 2026, month: 11, day: 23)

    /// The `programteori` executable built next to the test bundle (it serves `_layout`).
    static var executable: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("programteori"),
            Bundle.main.bundleURL.appendingPathComponent("programteori"),
            root.appendingPathComponent(".build/debug/programteori"),
        ]
        return (candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]).path
    }

    /// Generous: a 150-element model takes a few seconds; a timeout is a failure to look at.
    static let timeoutSeconds = 120.0
}

/// Generates, checks and draws the models once for all property tests, on two lanes (one layout
/// worker each), and keeps what happened.
final class PropertyRun: @unchecked Sendable {
    // @unchecked: `outcomes` is written in `init`, then only read.

    /// The run, made once, on a thread of its own: the tests wait for it without blocking the
    /// threads Swift Testing runs the rest of the suite on.
    static func finished() async -> PropertyRun {
        await withCheckedContinuation { continuation in
            SharedRun.instance.whenDone { continuation.resume(returning: $0) }
        }
    }

    let seed: UInt64
    let outcomes: [ModelOutcome]
    /// Wall time of the whole run, for the log (never asserted).
    let seconds: Double

    init(seed: UInt64, count: Int) {
        self.seed = seed
        let started = Date()
        let box = OutcomeBox(count: count)
        let lanes = 2
        DispatchQueue.concurrentPerform(iterations: lanes) { _ in
            let worker = LayoutWorkerClient(executable: PropertySettings.executable, timeoutSeconds: PropertySettings.timeoutSeconds)
            defer { worker.shutdown() }
            while let index = box.claim() {
                let modelSeed = seed &+ UInt64(index)
                var generator = ModelGenerator(seed: modelSeed)
                let model = generator.model()
                box.set(index, Self.evaluate(model, combination: Combination(seed: modelSeed, elements: model.elementCount),
                                               worker: worker))
            }
        }
        outcomes = box.all()
        seconds = Date().timeIntervalSince(started)
        let renders = outcomes.reduce(0) { $0 + ($1.first == nil ? 0 : 2) }
        let formats = outcomes.reduce(0) { $0 + ($1.first == nil ? 0 : 2 * $1.combination.formats.count) }
        print("property run: seed \(seed), \(count) models, \(renders) layouts, \(formats) rendered files, \(String(format: "%.1f", seconds)) s")
    }

    /// Checks `model` and, when it checks clean, draws it twice in `worker`.
    static func evaluate(_ model: GeneratedModel, combination: Combination, worker: LayoutWorkerClient) -> ModelOutcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-property-\(model.seed)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path: String
        do {
            path = try model.write(to: folder)
        } catch {
            return ModelOutcome(seed: model.seed, model: model, combination: combination,
                                checkErrors: "could not write the model: \(error)", program: nil, first: nil, second: nil)
        }
        let report = Checker(today: PropertySettings.today, configuration: Configuration()).check(paths: [path])
        let errors = report.diagnostics.filter { $0.severity == .error }
        let checked = report.models.first { $0.path == path }
        guard errors.isEmpty, report.failures.isEmpty, let checked, !checked.hasErrors else {
            let files = report.files
            var text = TextRenderer(language: .danish, useColor: false, source: { files[$0] }).render(errors, fileCount: report.fileCount)
            text += report.failures.map { "\($0.path): \($0.message.da)\n" }.joined()
            if checked == nil { text += "no model found in \(path)\n" }
            return ModelOutcome(seed: model.seed, model: model, combination: combination, checkErrors: text,
                                program: checked?.model, first: nil, second: nil)
        }
        let renderer = DiagramRenderer(
            options: combination.options(for: checked.model),
            layout: .childProcess(executable: PropertySettings.executable, timeoutSeconds: PropertySettings.timeoutSeconds))
        let draw = { () -> Result<RenderedDiagram, RenderFailure> in
            Result { () throws(RenderFailure) in try renderer.render(checked.model, formats: combination.formats, using: worker) }
        }
        let first = draw()
        let second = draw()
        return ModelOutcome(seed: model.seed, model: model, combination: combination, checkErrors: "",
                            program: checked.model, first: first, second: second)
    }
}

/// Outcomes filled in from both lanes, and the next model to take.
private final class OutcomeBox: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var outcomes: [ModelOutcome?]
    private var claimed = 0

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.withLock {
            guard claimed < outcomes.count else { return nil }
            claimed += 1
            return claimed - 1
        }
    }

    func set(_ index: Int, _ outcome: ModelOutcome) { lock.withLock { outcomes[index] = outcome } }

    func all() -> [ModelOutcome] { lock.withLock { outcomes.compactMap { $0 } } }
}

/// Starts the run on first request and hands it to everyone who asked.
private final class SharedRun: @unchecked Sendable {
    // @unchecked: every property is guarded by `lock`.
    static let instance = SharedRun()
    private let lock = NSLock()
    private var run: PropertyRun?
    private var waiting: [@Sendable (PropertyRun) -> Void] = []
    private var started = false

    func whenDone(_ done: @escaping @Sendable (PropertyRun) -> Void) {
        lock.lock()
        if let run {
            lock.unlock()
            done(run)
            return
        }
        waiting.append(done)
        let start = !started
        started = true
        lock.unlock()
        guard start else { return }
        Thread.detachNewThread { [self] in
            let finished = PropertyRun(seed: PropertySettings.seed, count: PropertySettings.count)
            let waiting = lock.withLock {
                run = finished
                defer { self.waiting = [] }
                return self.waiting
            }
            for done in waiting { done(finished) }
        }
    }
}
