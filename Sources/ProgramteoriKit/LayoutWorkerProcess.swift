import Foundation
import PTGraphviz
import PTSource
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One running layout worker: its process id, the parent's ends of its pipes, what it wrote to
/// stderr, and a watch on its exit. Used by one `LayoutWorkerClient` at a time.
///
/// Two ways to start one. `spawn` runs `programteori _layout` (posix_spawn), in the same process
/// group, so Ctrl-C stops the workers too. `forkAtStart` forks this very process before it has a
/// second thread (Linux): the worker skips loading Swift and Foundation again, and its start-up
/// (Graphviz's plugins, fonts) runs while this process parses its arguments and checks the
/// models. That is how `render` starts its first worker; replacements and further lanes are
/// spawned.
final class WorkerProcess {
    let pid: pid_t
    /// The parent's end of the worker's stdin (non-blocking: writes wait with poll).
    let input: Int32
    private let outputFD: Int32
    private var output: FrameReader
    let errors: ErrorCollector
    private let exit: ExitWatch
    private var closed = false

    private init(pid: pid_t, pipes: WorkerPipes) {
        self.pid = pid
        input = pipes.stdin.write
        outputFD = pipes.stdout.read
        output = FrameReader(fd: pipes.stdout.read)
        errors = ErrorCollector(fd: pipes.stderr.read)
        // Killed by `Interruption` if this process is stopped by a signal while it runs.
        InFlight.shared.started(worker: pid)
        exit = ExitWatch(pid: pid)
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
    }

    deinit { closePipes() }

    // MARK: Starting

    /// Pipes are made and children started under one lock, so no child started by another
    /// thread inherits the parent's end of this worker's pipes (which would hide its exit).
    private static let startLock = NSLock()

    /// Starts `executable _layout`.
    static func spawn(executable: String) throws(RenderFailure) -> WorkerProcess {
        // A worker that dies must not take this process down with SIGPIPE when it is written to.
        signal(SIGPIPE, SIG_IGN)
        startLock.lock()
        defer { startLock.unlock() }
        guard let pipes = WorkerPipes.make() else {
            throw cannotStart(executable, String(cString: strerror(errno)))
        }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipes.stdin.read, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, pipes.stdout.write, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, pipes.stderr.write, STDERR_FILENO)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The calling thread may block signals (dispatch's threads do) or ignore SIGPIPE: the
        // worker starts with neither, and Ctrl-C, SIGTERM and SIGHUP end it.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGPIPE, SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        // A crash inside Graphviz (an assertion, say) should report Graphviz's words, not a page
        // of Swift backtrace.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let arguments = Self.cStrings([executable, LayoutWorker.subcommand])
        let variables = Self.cStrings(environment.map { "\($0.key)=\($0.value)" })
        defer {
            arguments.forEach { free($0) }
            variables.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, arguments, variables)
        pipes.closeChildEnds()
        guard status == 0 else {
            pipes.closeParentEnds()
            throw cannotStart(executable, String(cString: strerror(status)))
        }
        return WorkerProcess(pid: pid, pipes: pipes)
    }

    /// A nil-terminated list of C strings for exec; free each one.
    private static func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
        strings.map { string in string.withCString { strdup($0) } } + [nil]
    }

    private static func cannotStart(_ executable: String, _ reason: String) -> RenderFailure {
        RenderFailure(kind: .worker, message: LocalizedText(
            da: "kunne ikke starte layoutprocessen (\(executable)): \(reason)",
            en: "could not start the layout process (\(executable)): \(reason)"))
    }

    /// The worker forked at start, until a client takes it.
    nonisolated(unsafe) private static var forked: WorkerProcess?

    /// Forks this process into a layout worker, if it still has only one thread (fork copies
    /// only the calling thread; with one thread there is no lock another thread could hold).
    /// Call first thing in `main`; nothing happens elsewhere than on Linux.
    static func forkAtStart() {
        #if os(Linux)
        guard forked == nil, threadCount() == 1, let pipes = WorkerPipes.make() else { return }
        signal(SIGPIPE, SIG_IGN)
        let pid = fork()
        if pid == 0 {
            dup2(pipes.stdin.read, STDIN_FILENO)
            dup2(pipes.stdout.write, STDOUT_FILENO)
            dup2(pipes.stderr.write, STDERR_FILENO)
            closefrom(3)
            // The parent's crash handlers (Swift's backtracer) would print pages instead of
            // Graphviz's words: a crash here just ends the worker, as in a spawned one.
            for crash in [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP] { signal(crash, SIG_DFL) }
            _exit(LayoutWorker.serve())
        }
        pipes.closeChildEnds()
        guard pid > 0 else {
            pipes.closeParentEnds()
            return
        }
        forked = WorkerProcess(pid: pid, pipes: pipes)
        #endif
    }

    /// The worker forked at start, once, if `executable` is this program (a client meant to run
    /// another worker program does not get it); nil afterwards or if there is none.
    static func takeForked(for executable: String) -> WorkerProcess? {
        startLock.withLock {
            guard forked != nil, let this = realPath("/proc/self/exe"), realPath(executable) == this else { return nil }
            defer { forked = nil }
            return forked
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The number of threads of this process, from /proc (0 if unknown). Plain system calls:
    /// this runs before anything else, and Foundation's file reading would cost more than the rest.
    private static func threadCount() -> Int {
        let fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0 }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Threads:") }) else { return 0 }
        return Int(line.dropFirst("Threads:".count).filter { !$0.isWhitespace }) ?? 0
    }

    // MARK: Talking

    enum Reply {
        case rendered(GraphvizRendering)
        /// Graphviz failed; what it said.
        case graphvizFailed(String)
    }

    enum ReplyProblem: Error {
        case timedOut
        /// The worker closed its stdout: it died (or exited).
        case ended
        case unreadable(String)
    }

    /// Waits until the worker begins to answer, for as long as it has used less than `seconds`
    /// of CPU time since `cpuAtRequest` — and never longer than `wallCap` on the clock.
    ///
    /// The guard is there for graphs that take too long to lay out, not for machines that are
    /// busy: a worker that waits for a core is not counted. Where the CPU time cannot be read,
    /// the clock counts, as before.
    func waitForReplyToBegin(cpuSeconds seconds: Double, cpuAtRequest: Double?, wallCap: UInt64) throws(ReplyProblem) {
        var deadline = min(wallCap, DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9))
        while true {
            do {
                try output.waitForData(until: deadline)
                return
            } catch .timedOut {
                let now = DispatchTime.now().uptimeNanoseconds
                guard now < wallCap, let cpuAtRequest, let used = cpuTime().map({ $0 - cpuAtRequest }) else {
                    throw .timedOut
                }
                let left = seconds - used
                guard left > 0.005 else { throw .timedOut }
                deadline = min(wallCap, now + UInt64(left * 1e9))
            } catch {
                throw Self.problem(error)
            }
        }
    }

    /// The CPU time (user and system, all threads) the worker has used so far, in seconds;
    /// nil where `/proc` cannot tell.
    func cpuTime() -> Double? {
        #if os(Linux)
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        // `pid (name) state ppid …`: the name may hold spaces and parentheses, so the fields
        // are counted from the last `)`. utime and stime are the 14th and 15th fields.
        guard let nameEnd = buffer[0..<count].lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = buffer[(nameEnd + 1)..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 12, let user = Double(String(decoding: fields[11], as: UTF8.self)),
              let system = Double(String(decoding: fields[12], as: UTF8.self)) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return ticks > 0 ? (user + system) / ticks : nil
        #else
        return nil
        #endif
    }

    /// Reads the whole reply to request `id`, by `deadline`.
    func reply(to id: UInt64, formats: [GraphvizFormat], deadline: UInt64) throws(ReplyProblem) -> Reply {
        let header = LayoutProtocol.fields(try line(deadline))
        // `ok <id> <formats> <warnings>` or `error <id> <bytes>`.
        guard header.count == (header.first == "ok" ? 4 : 3), header[1] == String(id), let number = Int(header[2]),
              number >= 0, number <= LayoutProtocol.maxBodyLength else {
            throw .unreadable("reply header »\(header.joined(separator: " ").prefix(80))« to request \(id)")
        }
        switch header[0] {
        case "ok":
            guard number == formats.count else {
                throw .unreadable("\(number) formats for the \(formats.count) asked")
            }
            guard let warningCount = Int(header[3]), (0...LayoutProtocol.maxWarnings).contains(warningCount) else {
                throw .unreadable("»\(header[3].prefix(20))« warnings")
            }
            var outputs: [GraphvizFormat: Data] = [:]
            for format in formats {
                let part = LayoutProtocol.fields(try line(deadline))
                guard part.count == 2, part[0] == format.rawValue, let length = Int(part[1]),
                      length >= 0, length <= LayoutProtocol.maxBodyLength else {
                    throw .unreadable("part header »\(part.joined(separator: " ").prefix(80))« where \(format.rawValue) was due")
                }
                outputs[format] = try bytes(length, deadline)
            }
            var warnings: [GraphvizMessage] = []
            for _ in 0..<warningCount {
                let part = LayoutProtocol.fields(try line(deadline))
                guard part.count == 2, part[0] == "warning", let length = Int(part[1]),
                      length >= 0, length <= LayoutProtocol.maxBodyLength else {
                    throw .unreadable("part header »\(part.joined(separator: " ").prefix(80))« where a warning was due")
                }
                warnings.append(GraphvizMessage(severity: .warning, text: String(decoding: try bytes(length, deadline), as: UTF8.self)))
            }
            try expectNothingMore()
            return .rendered(GraphvizRendering(outputs: outputs, warnings: warnings))
        case "error":
            let said = String(decoding: try bytes(number, deadline), as: UTF8.self)
            try expectNothingMore()
            return .graphvizFailed(said)
        default:
            throw .unreadable("reply »\(header[0].prefix(20))«")
        }
    }

    private func line(_ deadline: UInt64) throws(ReplyProblem) -> [UInt8] {
        do {
            return try output.line(deadline: deadline)
        } catch {
            throw Self.problem(error)
        }
    }

    private func bytes(_ count: Int, _ deadline: UInt64) throws(ReplyProblem) -> Data {
        do {
            return try output.bytes(count, deadline: deadline)
        } catch {
            throw Self.problem(error)
        }
    }

    private static func problem(_ failure: FrameReader.Failure) -> ReplyProblem {
        switch failure {
        case .timedOut: .timedOut
        case .ended: .ended
        case .tooLong: .unreadable("a header line longer than \(LayoutProtocol.maxHeaderLength) bytes")
        case .readError(let code): .unreadable("read: \(String(cString: strerror(code)))")
        }
    }

    /// A worker writes only in answer to a request: anything after a reply is a broken worker.
    private func expectNothingMore() throws(ReplyProblem) {
        if output.bufferedCount > 0 {
            throw .unreadable("\(output.bufferedCount) bytes after the reply")
        }
    }

    // MARK: Ending

    /// "exit 3" or "signal 6", once the process has ended; killed if it has not ended in time.
    func exitStatus(waitingAtMost seconds: Double) -> String {
        if !exit.wait(seconds) { kill() }
        closePipes()
        return exit.description
    }

    /// Kills the worker and waits (at most 10 seconds) until it is gone.
    func kill() {
        if !exit.wait(0) {
            sendKill(pid)
            _ = exit.wait(10)
        }
        closePipes()
    }

    /// Ends a healthy worker: its stdin closes, and it exits on its own. Nobody waits for that;
    /// the exit watch collects it.
    func stop() {
        closePipes()
    }

    private func closePipes() {
        guard !closed else { return }
        closed = true
        close(input)
        close(outputFD)
    }
}

private func sendKill(_ pid: pid_t) {
    _ = kill(pid, SIGKILL)
}

/// The three pipes of a worker, every end close-on-exec (the child's ends are duplicated onto
/// 0, 1 and 2, which clears the flag there).
struct WorkerPipes {
    var stdin: (read: Int32, write: Int32)
    var stdout: (read: Int32, write: Int32)
    var stderr: (read: Int32, write: Int32)

    static func make() -> WorkerPipes? {
        var ends: [Int32] = []
        for _ in 0..<3 {
            var pair: [Int32] = [-1, -1]
            guard pipe(&pair) == 0 else {
                ends.forEach { close($0) }
                return nil
            }
            for fd in pair { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            ends += pair
        }
        return WorkerPipes(stdin: (ends[0], ends[1]), stdout: (ends[2], ends[3]), stderr: (ends[4], ends[5]))
    }

    func closeChildEnds() {
        close(stdin.read)
        close(stdout.write)
        close(stderr.write)
    }

    func closeParentEnds() {
        close(stdin.write)
        close(stdout.read)
        close(stderr.read)
    }
}

/// Waits for a worker's exit on a thread of its own (and so reaps it).
final class ExitWatch: @unchecked Sendable {
    // @unchecked: `status` is written once by the thread before `ended` is left, read after.
    private let ended = DispatchGroup()
    private var status: Int32 = 0

    init(pid: pid_t) {
        ended.enter()
        Thread.detachNewThread { [self] in
            // Wait for the exit without reaping, so that the id cannot be reused while
            // `InFlight` still lists it for killing; then take it off the list and reap.
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0, errno == EINTR {}
            InFlight.shared.ended(worker: pid)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            self.status = status
            ended.leave()
        }
    }

    /// True once the process has ended; waits at most `seconds`.
    func wait(_ seconds: Double) -> Bool {
        ended.wait(timeout: .now() + seconds) == .success
    }

    /// "exit 3" or "signal 6" (call after `wait` returned true).
    var description: String {
        let signal = status & 0x7f
        return signal == 0 ? "exit \((status >> 8) & 0xff)" : "signal \(signal)"
    }
}

/// Collects a worker's stderr on a thread of its own, keeping the last 64 KiB.
final class ErrorCollector: @unchecked Sendable {
    // @unchecked: `bytes` and `total` are guarded by `lock`; the fd belongs to the thread.
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var total = 0
    private let reading = DispatchGroup()
    private static let limit = 1 << 16

    /// Takes over `fd`, which is closed when the worker (and anything it started) closes it.
    init(fd: Int32) {
        reading.enter()
        Thread.detachNewThread { [self] in
            var chunk = [UInt8](repeating: 0, count: 1 << 14)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                lock.withLock {
                    bytes += chunk[0..<count]
                    total += count
                    if bytes.count > Self.limit { bytes.removeFirst(bytes.count - Self.limit) }
                }
            }
            close(fd)
            reading.leave()
        }
    }

    /// A position to read from later.
    func mark() -> Int { lock.withLock { total } }

    /// What was written since `mark` (as much as is kept), once the worker has closed stderr or
    /// half a second has passed (something the worker started may still hold it open).
    func text(since mark: Int) -> String {
        _ = reading.wait(timeout: .now() + 0.5)
        return lock.withLock {
            let kept = min(total - mark, bytes.count)
            return String(decoding: bytes.suffix(kept), as: UTF8.self)
        }
    }
}
