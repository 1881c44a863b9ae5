import Foundation
import PTDiagram
import PTGraphviz
import PTModel
import ProgramteoriKit
import Testing

/// The real layout worker, `programteori _layout`, serving many diagrams: the same bytes as in
/// this process, a hanging layout killed without taking the next diagram with it, a dead worker
/// replaced, and no model ever getting another's picture.
@Suite("One layout worker for many diagrams", .serialized)
struct LayoutWorkerTests {
    /// The `programteori` executable built next to the test bundle.
    static var executable: String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("programteori"),
            Bundle.main.bundleURL.appendingPathComponent("programteori"),
            DiagramTestSupport.packageRoot.appendingPathComponent(".build/debug/programteori"),
        ]
        return (candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]).path
    }

    static let inProcess = DiagramRenderer(layout: .inProcess)

    static func childRenderer(timeout: Double = 60) -> DiagramRenderer {
        DiagramRenderer(layout: .childProcess(executable: executable, timeoutSeconds: timeout))
    }

    /// A layout Graphviz does not finish in minutes (150 nodes, 1 500 pseudo-random edges; `dot`
    /// was still at it after 40 seconds), to stand for a layout that hangs.
    static let endlessDOT: String = {
        var state: UInt32 = 1
        func next() -> UInt32 {
            state = state &* 1_103_515_245 &+ 12_345
            state &= 0x7FFF_FFFF
            return (state >> 16) % 150
        }
        var edges: [String] = []
        for _ in 0..<1_500 {
            let from = next()
            edges.append("n\(from) -> n\(next());")
        }
        return "digraph { " + edges.joined(separator: " ") + " }"
    }()

    static func models() throws -> [ProgramTheory] {
        try DiagramTestSupport.fixtureNames.map(DiagramTestSupport.fixture)
            + DiagramTestSupport.showcaseModels.map(DiagramTestSupport.model(path:))
    }

    /// A folder to work in, removed afterwards.
    static func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-workers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test("Many diagrams through one worker: the same bytes as in this process, one worker started")
    func sameBytes() throws {
        let worker = LayoutWorkerClient(executable: Self.executable, timeoutSeconds: 60)
        defer { worker.shutdown() }
        let renderer = Self.childRenderer()
        for (number, model) in try Self.models().enumerated() {
            // Every format for two of them (PNG and PDF are slow), SVG for all.
            let formats: [DiagramFormat] = number < 2 ? [.svg, .png, .pdf] : [.svg]
            let expected = try Self.inProcess.render(model, formats: formats)
            let actual = try renderer.render(model, formats: formats, using: worker)
            for format in formats {
                #expect(actual.outputs[format] == expected.outputs[format], "model \(number) \(format)")
            }
        }
        #expect(worker.launchCount == 1)
    }

    @Test("A worker that gets no CPU for longer than the timeout is not stopped: the timeout counts its CPU time")
    func starvedWorkerIsNotTimedOut() throws {
        let started = try WorkerWithDiagram(timeout: 2)
        defer { started.worker.shutdown() }
        let pid = try #require(started.worker.workerProcessID)
        // A stopped process uses no CPU, like one that waits for a core on a busy machine. It is
        // woken after two and a half times the timeout.
        #expect(kill(pid, SIGSTOP) == 0)
        let wake = Thread { usleep(5_000_000); kill(pid, SIGCONT) }
        wake.start()
        let after = try started.renderer.render(started.model, formats: [.svg], using: started.worker)
        #expect(after.outputs[.svg] == started.first.outputs[.svg])
        #expect(started.worker.launchCount == 1)
    }

    @Test("A hanging layout is killed after the timeout; the next diagram renders in a fresh worker")
    func hangingLayout() throws {
        // Long enough for a debug worker to start and draw.
        let started = try WorkerWithDiagram(timeout: 4)
        let (worker, renderer, model, before) = (started.worker, started.renderer, started.model, started.first)
        defer { worker.shutdown() }
        let hung = try #require(worker.workerProcessID)

        #expect {
            _ = try worker.render(dot: Self.endlessDOT, formats: [.svg])
        } throws: { error in
            guard let failure = error as? RenderFailure else { return false }
            return failure.kind == .timedOut
                && failure.message.da == "layoutet tog mere end 4 sekunder og blev stoppet; del modellen op i mindre modeller, eller giv mere tid med --timeout"
        }
        // Killed, not left running.
        #expect(kill(hung, 0) != 0)

        let after = try renderer.render(model, formats: [.svg], using: worker)
        #expect(after.outputs[.svg] == before.outputs[.svg])
        #expect(after.outputs[.svg] == (try Self.inProcess.render(model, formats: [.svg])).outputs[.svg])
        #expect(worker.launchCount == 2)
    }

    @Test("Graphviz's error is an answer: reported with its words, and the worker stays")
    func graphvizError() throws {
        let worker = LayoutWorkerClient(executable: Self.executable, timeoutSeconds: 60)
        defer { worker.shutdown() }
        #expect {
            _ = try worker.render(dot: "digraph {", formats: [.svg])
        } throws: { error in
            guard let failure = error as? RenderFailure else { return false }
            return failure.kind == .graphviz && failure.details?.contains("syntax error") == true
        }
        // Named: an anonymous graph is called `%N` after a counter of the process.
        let svg = try worker.render(dot: "digraph g { a -> b }", formats: [.svg])[.svg]
        #expect(svg == (try GraphvizRenderer.shared.render(dot: "digraph g { a -> b }", format: .svg)))
        #expect(worker.launchCount == 1)
    }

    @Test("Graphviz's warnings come back with the bytes, in its words, and the next diagram has none")
    func graphvizWarning() throws {
        let worker = LayoutWorkerClient(executable: Self.executable, timeoutSeconds: 60)
        defer { worker.shutdown() }
        // A real warning (Graphviz ignores the unknown arrow and draws the rest); not one it
        // gives only once per process, like an unknown shape.
        let dot = "digraph g { a -> b [arrowhead=nosucharrow] }"
        let rendering = try worker.render(dot: dot, formats: [.svg, .png])
        let local = try GraphvizRenderer.shared.render(dot: dot, formats: [.svg])
        #expect(local.warnings.contains { $0.text.contains("nosucharrow") })
        #expect(rendering.warnings == local.warnings)
        #expect(rendering.warnings.allSatisfy { $0.severity == .warning })
        #expect(rendering[.svg] == local[.svg])
        #expect(rendering[.png]?.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true)

        let clean = try worker.render(dot: "digraph g { a -> b }", formats: [.svg])
        #expect(clean.warnings.isEmpty)
        #expect(worker.launchCount == 1)
    }

    @Test("render passes Graphviz's warnings on with the written diagram")
    func warningReachesTheReport() throws {
        try Self.withFolder { folder in
            // A worker whose DOT has one attribute swapped for a bad arrow of the same length (the
            // request's byte count stays right): Graphviz warns, and draws the diagram anyway.
            let wrapper = folder.appendingPathComponent("worker.sh")
            try """
                #!/bin/sh
                sed -u 's/arrowsize=0.8/arrowhead=qqq/' | exec '\(Self.executable)' "$@"

                """.write(to: wrapper, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
            let model = DiagramTestSupport.fixtures.appendingPathComponent("kaeder.pt").path
            let request = RenderRequest(
                paths: [model], formats: [.svg, .png], outputDirectory: folder.appendingPathComponent("ud").path, force: true,
                renderer: DiagramRenderer(layout: .childProcess(executable: wrapper.path, timeoutSeconds: 60)), layoutWorkers: 1)
            let report = DiagramRenderer.run(request, checker: Checker(today: DiagramTestSupport.today))
            let result = try #require(report.results.first)
            guard case .written(let files) = result.outcome else {
                Issue.record("not written: \(result.outcome)")
                return
            }
            #expect(files.count == 2)
            #expect(files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
            #expect(!result.graphvizWarnings.isEmpty)
            #expect(result.graphvizWarnings.allSatisfy { $0.contains("qqq") })
            #expect(!report.hasFailures)

            let text = GraphvizWarningText.text(path: "kaeder.pt", warnings: Array(result.graphvizWarnings.prefix(1)), language: .danish)
            #expect(text.hasPrefix("advarsel: kaeder.pt: Graphviz advarede én gang om diagrammet. Det er tegnet"))
            #expect(text.contains("send gerne modellen med i en fejlrapport\n  Graphviz sagde:\n    "))
            #expect(text.contains("qqq"))
            let english = GraphvizWarningText.text(path: "kaeder.pt", warnings: ["a", "b"], language: .english)
            #expect(english == "warning: kaeder.pt: Graphviz warned 2 times about the diagram. It was drawn, but may look wrong somewhere; this is a bug in programteori, not in the model — please include the model in a bug report\n  Graphviz said:\n    a\n    b\n")
        }
    }

    @Test("A worker that died while idle is replaced, and the diagram it was meant for still renders")
    func idleDeath() throws {
        let worker = LayoutWorkerClient(executable: Self.executable, timeoutSeconds: 60)
        defer { worker.shutdown() }
        let model = try DiagramTestSupport.fixture("sprogets-eksempel")
        _ = try Self.childRenderer().render(model, formats: [.svg], using: worker)
        let pid = try #require(worker.workerProcessID)
        kill(pid, SIGKILL)
        // Until it has exited (a zombie or gone): then its pipes are closed.
        while let state = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              !state.contains(") Z ") {
            usleep(1_000)
        }
        let rendered = try Self.childRenderer().render(model, formats: [.svg], using: worker)
        #expect(rendered.outputs[.svg] == (try Self.inProcess.render(model, formats: [.svg])).outputs[.svg])
        #expect(worker.launchCount == 2)
    }

    /// Copies of every fixture and showcase model, each with its own title, in `folder`.
    static func batch(in folder: URL, copies: Int) throws -> [String] {
        let sources = DiagramTestSupport.fixtureNames.map { DiagramTestSupport.fixtures.appendingPathComponent($0 + ".pt").path }
            + DiagramTestSupport.showcaseModels
        var paths: [String] = []
        for copy in 1...copies {
            for source in sources {
                let text = try String(contentsOfFile: source, encoding: .utf8)
                guard text.contains("\nprogramteori:") || text.hasPrefix("programteori:") else { continue }
                let retitled = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    line.hasPrefix("programteori:") ? line + " (kopi \(copy))" : line
                }.joined(separator: "\n")
                let name = (source as NSString).lastPathComponent.replacingOccurrences(of: ".pt", with: "-\(copy).pt")
                let path = folder.appendingPathComponent(name).path
                try retitled.write(toFile: path, atomically: true, encoding: .utf8)
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    /// What each model's SVG is in this process, by output file name.
    static func expectedSVGs(_ paths: [String]) throws -> [String: Data] {
        var expected: [String: Data] = [:]
        for path in paths {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension + ".svg"
            expected[name] = try Self.inProcess.render(DiagramTestSupport.model(path: path), formats: [.svg]).outputs[.svg]
        }
        return expected
    }

    @Test("Two workers on a batch: every model gets its own picture, as in this process, whatever finishes first")
    func noMixing() throws {
        try Self.withFolder { folder in
            let models = folder.appendingPathComponent("modeller")
            try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
            let paths = try Self.batch(in: models, copies: 3)
            let expected = try Self.expectedSVGs(paths)
            #expect(Set(expected.values).count == expected.count, "the copies must differ")

            let output = folder.appendingPathComponent("ud")
            let request = RenderRequest(paths: [models.path], formats: [.svg], outputDirectory: output.path, force: true,
                                        renderer: Self.childRenderer(), layoutWorkers: 2)
            let report = DiagramRenderer.run(request, checker: Checker(today: DiagramTestSupport.today))
            #expect(report.results.count == paths.count)
            #expect(report.results.map(\.path) == paths)
            for result in report.results {
                guard case .written(let files) = result.outcome else {
                    Issue.record("\(result.path): \(result.outcome)")
                    continue
                }
                let name = (files[0] as NSString).lastPathComponent
                #expect(try Data(contentsOf: URL(fileURLWithPath: files[0])) == expected[name], "\(name)")
            }
        }
    }

    @Test("A worker that dies mid-batch: that diagram fails, a fresh worker draws the rest")
    func deathMidBatch() throws {
        try Self.withFolder { folder in
            let models = folder.appendingPathComponent("modeller")
            try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
            let paths = try Self.batch(in: models, copies: 1)
            // The first worker started dies as soon as it has a request; later ones are real.
            let wrapper = folder.appendingPathComponent("worker.sh")
            try """
                #!/bin/sh
                if mkdir '\(folder.path)/first' 2>/dev/null; then read -r request; kill -KILL $$; fi
                exec '\(Self.executable)' "$@"

                """.write(to: wrapper, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)

            let output = folder.appendingPathComponent("ud")
            let request = RenderRequest(
                paths: [models.path], formats: [.svg], outputDirectory: output.path, force: true,
                renderer: DiagramRenderer(layout: .childProcess(executable: wrapper.path, timeoutSeconds: 60)),
                layoutWorkers: 1)
            let report = DiagramRenderer.run(request, checker: Checker(today: DiagramTestSupport.today))
            let expected = try Self.expectedSVGs(paths)
            #expect(report.results.count == paths.count)
            for (number, result) in report.results.enumerated() {
                switch result.outcome {
                case .failed(let failure):
                    #expect(number == 0, "only the first diagram met the dying worker")
                    #expect(failure.kind == .worker)
                    #expect(failure.message.da.hasPrefix("layoutprocessen stoppede uventet (signal 9)"))
                case .written(let files):
                    let name = (files[0] as NSString).lastPathComponent
                    #expect(try Data(contentsOf: URL(fileURLWithPath: files[0])) == expected[name], "\(name)")
                case .skippedForErrors:
                    Issue.record("\(result.path) skipped")
                }
            }
            #expect(report.results.first.map { if case .failed = $0.outcome { true } else { false } } == true)
        }
    }

    /// One reused Graphviz context and every graph closed: a worker that lives as long as the
    /// editor server does not grow. Measured in the worker, a process that does nothing else
    /// (in this process other tests allocate at the same time). A bound, not a timing.
    @Test("A thousand layouts, some of them failing, through one worker: its memory stays flat")
    func workerMemoryStaysFlat() throws {
        let worker = LayoutWorkerClient(executable: Self.executable, timeoutSeconds: 60)
        defer { worker.shutdown() }
        func renderOnce(_ index: Int) throws {
            let dot = "digraph { a [label=\"nr. \(index)\"]; a -> b -> c; a -> c; }"
            _ = try worker.render(dot: dot, formats: [.svg, .png, .pdf])
            if index % 10 == 0 {
                #expect(throws: RenderFailure.self) { try worker.render(dot: "digraph { a -> ; }", formats: [.svg]) }
                #expect(throws: RenderFailure.self) { try worker.render(dot: "digraph { a [label=<<b>>]; }", formats: [.svg]) }
            }
        }
        // The first hundred settle the allocator and Graphviz's caches.
        for index in 0..<100 { try renderOnce(index) }
        let pid = try #require(worker.workerProcessID)
        let before = try Self.residentBytes(of: pid)
        for index in 0..<1_000 { try renderOnce(index) }
        #expect(worker.workerProcessID == pid, "the worker was replaced")
        let growth = try Self.residentBytes(of: pid) - before
        // Measured 2026-12-04: 0–64 KB in three runs.
        #expect(growth < 2 * 1024 * 1024, "resident memory grew by \(growth / 1024) KB")
    }

    /// The resident set size of `pid`, from the second field of /proc/<pid>/statm (in pages).
    static func residentBytes(of pid: Int32) throws -> Int {
        let statm = try String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8)
        let fields = statm.split(separator: " ")
        let pages = try #require(fields.count > 1 ? Int(fields[1]) : nil)
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }
}

/// A worker with `timeout`, and the first diagram it drew (of the `kaeder` fixture).
private struct WorkerWithDiagram {
    let worker: LayoutWorkerClient
    let renderer: DiagramRenderer
    let model: ProgramTheory
    let first: RenderedDiagram

    init(timeout: Double) throws {
        worker = LayoutWorkerClient(executable: LayoutWorkerTests.executable, timeoutSeconds: timeout)
        renderer = LayoutWorkerTests.childRenderer(timeout: timeout)
        model = try DiagramTestSupport.fixture("kaeder")
        first = try renderer.render(model, formats: [.svg], using: worker)
    }
}
