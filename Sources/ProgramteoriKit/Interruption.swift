import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What must not outlive this process when a signal stops it: the temporary files `AtomicFile`
/// is writing and the layout workers. Both register here while they exist; `endAll` removes the
/// files and kills the workers, and from then on no new temporary file can be made.
///
/// A temporary file is created and renamed (or removed) holding the lock, so `endAll` sees each
/// one either whole under its temporary name or already gone: never a file it cannot know of.
final class InFlight: @unchecked Sendable {
    // @unchecked: every mutable property is guarded by `lock`.
    static let shared = InFlight()

    private let lock = NSLock()
    private var temporaryFiles: Set<String> = []
    private var workers: Set<pid_t> = []
    private var ending = false

    /// Creates `path` (which must not exist) for writing and registers it; the descriptor, or the
    /// errno of the failure (EINTR once the process is ending).
    func createTemporaryFile(_ path: String) -> Result<Int32, Errno> {
        lock.withLock {
            guard !ending else { return .failure(Errno(EINTR)) }
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard fd >= 0 else { return .failure(Errno(errno)) }
            temporaryFiles.insert(path)
            return .success(fd)
        }
    }

    /// Renames the temporary file onto `target`, or removes it when `target` is nil; the errno
    /// of a failed rename (the temporary file is then removed), nil on success.
    func finishTemporaryFile(_ path: String, renamingTo target: String?) -> Errno? {
        lock.withLock {
            temporaryFiles.remove(path)
            guard !ending else {
                unlink(path)
                return Errno(EINTR)
            }
            if let target, rename(path, target) != 0 {
                let code = errno
                unlink(path)
                return Errno(code)
            }
            if target == nil { unlink(path) }
            return nil
        }
    }

    /// A layout worker started; killed by `endAll` unless `ended` first (and at once if
    /// `endAll` has already run).
    func started(worker pid: pid_t) {
        lock.withLock {
            if ending {
                kill(pid, SIGKILL)
            } else {
                workers.insert(pid)
            }
        }
    }

    /// The worker has exited and is about to be reaped: from now on its id may belong to another
    /// process, so it must never be killed again.
    func ended(worker pid: pid_t) {
        lock.withLock { _ = workers.remove(pid) }
    }

    /// Removes every temporary file and kills every worker, then waits (two seconds at most; a
    /// killed worker is gone within milliseconds) until they have exited. From now on no
    /// temporary file can be made or renamed, and a worker that starts is killed at once: the
    /// process is to end right after this.
    func endAll() {
        let killed: Set<pid_t> = lock.withLock {
            ending = true
            for path in temporaryFiles { unlink(path) }
            temporaryFiles.removeAll()
            for pid in workers { kill(pid, SIGKILL) }
            return workers
        }
        // Each worker's exit watch reaps it; either that or this wait does, never a stranger.
        let giveUp = DispatchTime.now().uptimeNanoseconds + 2_000_000_000
        var left = killed
        while !left.isEmpty, DispatchTime.now().uptimeNanoseconds < giveUp {
            for pid in left {
                var status: Int32 = 0
                let result = waitpid(pid, &status, WNOHANG)
                if result == pid || (result < 0 && errno == ECHILD) { left.remove(pid) }
            }
            if !left.isEmpty { usleep(2_000) }
        }
    }
}

/// An errno value.
struct Errno: Error, Equatable {
    let code: Int32
    init(_ code: Int32) { self.code = code }
}

/// Stops the program cleanly on SIGINT (Ctrl-C), SIGTERM and SIGHUP: no half-written file
/// under any name, no layout worker left running, and the exit status a shell expects (the
/// program ends by the same signal, so `$?` is 130, 143 or 129).
///
/// The signal handler only writes the signal's number to a pipe (a self-pipe; nothing else is
/// safe inside a handler). A thread of its own reads it and does the work: says what happened,
/// `InFlight.endAll`, then restores the signal's default action and raises it again.
public enum Interruption {
    /// The write end of the pipe, read by the handler; set once, before any handler is installed.
    nonisolated(unsafe) private static var pipeWriteEnd: Int32 = -1
    nonisolated(unsafe) private static var installed = false

    /// Installs the handlers (once per process). `notice` gives the line to print on stderr for
    /// a signal, or nil for none.
    public static func install(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP],
                               notice: @escaping @Sendable (Int32) -> String?) {
        guard !installed else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
        pipeWriteEnd = ends[1]
        installed = true
        let readEnd = ends[0]
        Thread.detachNewThread {
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count == 1 { break }
                if count < 0, errno == EINTR { continue }
                return
            }
            let signal = Int32(byte)
            // First of all, so that whatever the other threads see from now on (a worker killed
            // below, a write refused) cannot end the process with an ordinary exit status.
            endingSignalLock.withLock { endingSignalValue = signal }
            if let text = notice(signal) {
                FileHandle.standardError.write(Data(text.utf8))
            }
            InFlight.shared.endAll()
            #if DEBUG
            // Tests widen the window between the workers' death and the re-raise, in which the
            // main thread once finished with exit status 2 (HostileRenderTests.interrupted).
            if let delay = ProcessInfo.processInfo.environment["PT_TEST_RERAISE_DELAY_MS"].flatMap(UInt32.init) {
                usleep(delay * 1000)
            }
            #endif
            reraise(signal)
        }
        for number in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = interruptionHandler
            #else
            action.__sigaction_u.__sa_handler = interruptionHandler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
    }

    /// The handler: one byte into the pipe, errno kept as it was. A full pipe means a signal is
    /// already on its way.
    private static let interruptionHandler: @convention(c) (Int32) -> Void = { number in
        let saved = errno
        var byte = UInt8(truncatingIfNeeded: number)
        _ = write(Interruption.pipeWriteEnd, &byte, 1)
        errno = saved
    }

    /// The signal being handled, once the handler's thread has taken it up.
    nonisolated(unsafe) private static var endingSignalValue: Int32?
    private static let endingSignalLock = NSLock()

    /// Call before the program ends normally or reports what went wrong: if a signal is being
    /// handled, this never returns, and the process ends by that signal as the shell expects.
    /// Without it, the main thread can see a layout worker that `InFlight.endAll` killed, report
    /// it as a failure and exit with status 2 before the handler's thread re-raises.
    public static func waitIfEnding() {
        guard let signal = endingSignalLock.withLock({ endingSignalValue }) else { return }
        // The handler's thread raises within `endAll`'s two seconds; this is only the backstop.
        for _ in 0..<1000 { usleep(10_000) }
        _exit(128 + signal)
    }

    /// Ends the process by `signal` itself, as if no handler had been installed.
    private static func reraise(_ number: Int32) -> Never {
        signal(number, SIG_DFL)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, number)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        raise(number)
        // Only if the signal did not end the process (it always should): the shell's convention.
        _exit(128 + number)
    }

    /// The signal's usual name, for messages: SIGINT, SIGTERM, SIGHUP.
    public static func name(of number: Int32) -> String {
        switch number {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(number)"
        }
    }
}
