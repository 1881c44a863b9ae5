import Foundation
import PTDiagram
import PTGraphviz
import PTSource

/// The worker's side: `programteori _layout` lays out one request after another from stdin and
/// answers each on stdout (`LayoutProtocol`), until stdin ends.
public enum LayoutWorker {
    public static let subcommand = "_layout"
    /// The exit code for a request the worker could not read (the parent broke the protocol).
    public static let protocolErrorExitCode: Int32 = 4

    /// Serves requests on the process's stdin and stdout; returns the exit code.
    public static func serve() -> Int32 {
        // A parent that is gone must not kill us mid-write with SIGPIPE; the write fails instead.
        signal(SIGPIPE, SIG_IGN)
        warmUp()
        var input = FrameReader(fd: STDIN_FILENO)
        while true {
            let line: [UInt8]
            do {
                line = try input.line(deadline: nil)
            } catch .ended(buffered: 0) {
                return 0
            } catch {
                return refuse("the request header could not be read (\(error))")
            }
            guard let header = LayoutProtocol.parseRequestHeader(line) else {
                return refuse("not a request header: \(String(decoding: line.prefix(100), as: UTF8.self))")
            }
            let dot: Data
            do {
                dot = try input.bytes(header.length, deadline: nil)
            } catch {
                return refuse("request \(header.id) ended after \(input.bufferedCount) of \(header.length) bytes")
            }
            let reply = answer(header, dot: String(decoding: dot, as: UTF8.self))
            do {
                try FrameWriter.write(reply, to: STDOUT_FILENO, deadline: nil)
            } catch {
                return 0  // the parent is gone
            }
        }
    }

    /// Lays out and renders one request; Graphviz's failure is an answer too.
    static func answer(_ header: LayoutProtocol.RequestHeader, dot: String) -> [UInt8] {
        do {
            let rendering = try GraphvizRenderer.shared.render(dot: dot, formats: header.formats)
            let warnings = rendering.warnings.prefix(LayoutProtocol.maxWarnings).map(\.text)
            return LayoutProtocol.okReply(id: header.id, outputs: header.formats.map { ($0, rendering.outputs[$0] ?? Data()) },
                                          warnings: Array(warnings))
        } catch {
            return LayoutProtocol.errorReply(id: header.id, message: error.description)
        }
    }

    private static func refuse(_ reason: String) -> Int32 {
        FileHandle.standardError.write(Data("programteori \(subcommand): \(reason)\n".utf8))
        return protocolErrorExitCode
    }

    /// Loads Graphviz's plugins, fontconfig and pango, then measures the diagrams' characters at
    /// one font size and weight after another, while the parent is still checking the models.
    /// It stops as soon as a request (or the end of stdin) is waiting: warming up must never make
    /// the parent wait. Whatever is not warmed yet the first layout loads itself, with the same
    /// result. A failure here is not reported: the first request meets it again and says so.
    static func warmUp() {
        for (index, dot) in warmUpSteps.enumerated() {
            if index > 0, inputIsWaiting() { return }
            _ = try? GraphvizRenderer.shared.render(dot: dot, format: .svg)
        }
    }

    /// True if stdin has a request (or has ended), without reading it.
    private static func inputIsWaiting() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    /// The characters diagram text is made of: measuring a label loads the glyph of each of its
    /// characters, at each size and weight, once per process (the larger part of the first
    /// layout's time). Loading them here, before the first diagram arrives, takes that off the
    /// time a person waits; it changes no measurement.
    static let warmUpCharacters = #"abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789 .,:;-–—'"()/%+?!•●━▶─é"#

    /// One small graph per font size and weight, most used first (node text, then IDs and
    /// details, the legend's headings, the title): each measures every character in an HTML-like
    /// table, as the diagrams' labels do. The first also has an edge label and loads the plugins.
    /// Everything names DejaVu Sans, as the diagrams do, so no other font is opened.
    static let warmUpSteps: [String] = {
        let text = HTMLMarkup.text(warmUpCharacters).markup
        let font = DiagramOptions.defaultFont
        return DOTEmitter.fontsByUse.enumerated().map { index, style in
            let inner = style.bold ? "<B>\(text)</B>" : text
            let edge = index == 0 ? " a -> b [label=\"å\"];" : ""
            return """
                digraph warmup { graph [fontname="\(font)"]; node [fontname="\(font)", shape=box, style=filled]; \
                edge [fontname="\(font)"]; a [label=<<TABLE BORDER="0"><TR><TD><FONT POINT-SIZE="\(style.size)">\(inner)</FONT></TD></TR></TABLE>>];\(edge) }
                """
        }
    }()
}

/// The parent's side: one long-lived worker process, restarted when needed.
///
/// Each `render` sends one request and waits for its reply while the worker has used less than
/// `timeoutSeconds` of CPU time on it (on a busy machine the clock runs on; at most
/// `wallFactor` times as long). When time is up the worker is killed (Graphviz cannot be
/// interrupted) and that diagram fails as timed out; when the worker dies or answers something unreadable, that diagram fails; either way the next
/// `render` starts a fresh worker. A worker that turns out to be gone before it received a
/// request (it died while idle) is replaced and the request sent again, once. Replies carry the
/// request's id, and a reply is only accepted whole and for the request just sent, so one
/// diagram's bytes can never be taken for another's.
///
/// One request at a time: calls from several threads are serialised. Use one client per lane to
/// lay out in parallel.
public final class LayoutWorkerClient: @unchecked Sendable {
    // @unchecked: every mutable property is guarded by `lock`.
    public let executable: String
    public let timeoutSeconds: Double
    private let lock = NSLock()
    private var worker: WorkerProcess?
    private var nextID: UInt64 = 1
    private var launches = 0

    /// How many times the timeout a layout may last on the clock while the worker waits for a
    /// core (or a disk) instead of computing: a worker that is stuck without using any CPU time
    /// is still stopped in the end.
    static let wallFactor: UInt64 = 10

    public init(executable: String, timeoutSeconds: Double) {
        self.executable = executable
        self.timeoutSeconds = timeoutSeconds
    }

    deinit {
        worker?.stop()
    }

    /// Forks this process into a layout worker for the first client to use (Linux; nothing
    /// elsewhere). Call first thing in `main`, before any thread is started: the fork is skipped
    /// if there is more than one. The worker's start-up then overlaps everything the program does
    /// before its first layout, and it does not load Swift and Foundation a second time.
    public static func forkFirstWorker() {
        WorkerProcess.forkAtStart()
    }

    /// Starts the worker now, so that its start-up overlaps other work. A failure to start is
    /// reported by the next `render`.
    public func start() {
        lock.withLock { _ = try? running() }
    }

    /// How many worker processes this client has started so far (a replaced worker counts again).
    public var launchCount: Int { lock.withLock { launches } }

    /// The running worker's process id, if one is running.
    public var workerProcessID: Int32? { lock.withLock { worker?.pid } }

    /// Stops the worker (it exits when its stdin closes). A later `render` starts a new one.
    public func shutdown() {
        lock.withLock {
            worker?.stop()
            worker = nil
        }
    }

    /// Lays `dot` out in the worker and returns the bytes per format and what Graphviz warned.
    public func render(dot: String, formats: [GraphvizFormat]) throws(RenderFailure) -> GraphvizRendering {
        lock.lock()
        defer { lock.unlock() }
        let body = Array(dot.utf8)
        var attempt = 1
        while true {
            let worker = try running()
            let id = nextID
            nextID += 1
            let timeout = UInt64(max(0, timeoutSeconds) * 1e9)
            let started = DispatchTime.now().uptimeNanoseconds
            let deadline = started + timeout
            let mark = worker.errors.mark()
            let cpuAtRequest = worker.cpuTime()
            do {
                try FrameWriter.write(LayoutProtocol.requestHeader(id: id, formats: formats, length: body.count) + body,
                                      to: worker.input, deadline: deadline)
            } catch .closed {
                // Gone before it had the request: not this diagram's doing. A fresh worker gets it, once.
                let failure = retire(worker, mark: mark, how: .died)
                if attempt == 1 {
                    attempt += 1
                    continue
                }
                throw failure
            } catch .timedOut {
                throw retire(worker, mark: mark, how: .timedOut)
            } catch {
                throw retire(worker, mark: mark, how: .unreadable("write: \(error)"))
            }
            let reply: WorkerProcess.Reply
            do {
                // The layout's time is the worker's CPU time (see `waitForReplyToBegin`); once it
                // answers, the reply itself gets the timeout again to arrive whole.
                try worker.waitForReplyToBegin(cpuSeconds: timeoutSeconds, cpuAtRequest: cpuAtRequest,
                                               wallCap: started + timeout * Self.wallFactor)
                reply = try worker.reply(to: id, formats: formats, deadline: DispatchTime.now().uptimeNanoseconds + timeout)
            } catch {
                switch error {
                case .timedOut: throw retire(worker, mark: mark, how: .timedOut)
                case .ended: throw retire(worker, mark: mark, how: .died)
                case .unreadable(let what): throw retire(worker, mark: mark, how: .unreadable(what))
                }
            }
            switch reply {
            case .rendered(let rendering):
                return rendering
            case .graphvizFailed(let said):
                throw RenderFailure.graphvizFailed(details: said)
            }
        }
    }

    /// The running worker, started if there is none. Call holding `lock`.
    private func running() throws(RenderFailure) -> WorkerProcess {
        if let worker { return worker }
        launches += 1
        let started: WorkerProcess
        if let forked = WorkerProcess.takeForked(for: executable) {
            started = forked
        } else {
            started = try WorkerProcess.spawn(executable: executable)
        }
        worker = started
        return started
    }

    private enum Ending {
        case timedOut
        case died
        case unreadable(String)
    }

    /// Ends `worker` (killing it unless it already died) and describes why its request failed.
    private func retire(_ worker: WorkerProcess, mark: Int, how: Ending) -> RenderFailure {
        self.worker = nil
        switch how {
        case .timedOut:
            worker.kill()
            return RenderFailure.timedOut(timeoutSeconds)
        case .died:
            let status = worker.exitStatus(waitingAtMost: 2)
            let said = worker.errors.text(since: mark)
            return RenderFailure(kind: .worker, message: LocalizedText(
                da: "layoutprocessen stoppede uventet (\(status)); det er en fejl i programteori eller Graphviz — send gerne modellen med i en fejlrapport",
                en: "the layout process stopped unexpectedly (\(status)); this is a bug in programteori or Graphviz — please include the model in a bug report"),
                details: said.isEmpty ? nil : said)
        case .unreadable(let what):
            worker.kill()
            let said = worker.errors.text(since: mark)
            return RenderFailure(kind: .worker, message: LocalizedText(
                da: "layoutprocessen svarede ikke som aftalt (\(what)); det er en fejl i programteori — send gerne modellen med i en fejlrapport",
                en: "the layout process did not answer as agreed (\(what)); this is a bug in programteori — please include the model in a bug report"),
                details: said.isEmpty ? nil : said)
        }
    }
}
