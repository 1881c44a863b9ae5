import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `programteori` started in the background, in a process group of its own (as a shell starts a
/// job), so a test can signal it — or its whole group, as Ctrl-C in a terminal does — while it
/// runs. Its stdout and stderr go to files. Every process it starts inherits `PT_TEST_MARK`, by
/// which `Background.processes(marked:)` finds them in /proc, whoever their parent is by then.
final class Background {
    let pid: pid_t
    let mark: String
    private let scratch: URL
    private var status: Int32?

    init(_ arguments: [String], in directory: URL, executable: URL = TestSupport.executable,
         environment extra: [String: String] = [:]) throws {
        mark = UUID().uuidString
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pt-bg-\(mark)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, scratch.appendingPathComponent("out").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, scratch.appendingPathComponent("err").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        // The test runner's threads may block or ignore signals; the program starts with neither.
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let environment = ["PATH=" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                           "PROGRAMTEORI_DATO=2026-11-23", "LANG=C.UTF-8", "PT_TEST_MARK=" + mark]
            + extra.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // Through a shell that changes to `directory` and then becomes the program (exec): the
        // process id is the program's.
        let command = ["/bin/sh", "-c", "cd \"$1\" || exit 97; shift; exec \"$@\"", "sh", directory.path, executable.path] + arguments
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, "/bin/sh", &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        pid = child
    }

    deinit {
        if status == nil {
            kill(-pid, SIGKILL)
            _ = waitForExit()
        }
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Sends `signal` to the program, or to its whole process group (as a terminal does).
    func send(_ signal: Int32, toGroup: Bool) {
        kill(toGroup ? -pid : pid, signal)
    }

    /// Waits until the program has ended; its wait status.
    @discardableResult
    func waitForExit() -> Int32 {
        if let status { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0, errno == EINTR {}
        status = raw
        return raw
    }

    /// The signal that ended the program, or nil if it exited.
    var endingSignal: Int32? {
        let raw = waitForExit()
        return raw & 0x7f == 0 ? nil : raw & 0x7f
    }

    /// The exit code, or nil if a signal ended it.
    var exitCode: Int32? {
        let raw = waitForExit()
        return raw & 0x7f == 0 ? (raw >> 8) & 0xff : nil
    }

    var stdout: String { (try? String(contentsOf: scratch.appendingPathComponent("out"), encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: scratch.appendingPathComponent("err"), encoding: .utf8)) ?? "" }

    /// Has the program ended? (Without reaping it: `waitForExit` still reports its status.)
    var hasEnded: Bool {
        if status != nil { return true }
        // Ended but not yet reaped: a zombie.
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }

    /// The live processes (not zombies) whose environment holds `PT_TEST_MARK=mark`: the
    /// program, its layout workers, anything they started.
    static func processes(marked mark: String) -> [pid_t] {
        let needle = Array("PT_TEST_MARK=\(mark)".utf8)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                  let environment = FileManager.default.contents(atPath: "/proc/\(entry)/environ"),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let state = stat.split(separator: ")").last?.split(separator: " ").first,
                  state != "Z", state != "X" else { return nil }
            let variables = environment.split(separator: 0)
            return variables.contains { Array($0) == needle } ? pid : nil
        }
    }

    /// Calls `condition` every 20 ms until it holds or `limit` seconds have passed (a bound for a
    /// test that would otherwise hang, not a measurement); whether it held.
    @discardableResult
    static func waitUntil(atMost limit: Double, _ condition: () -> Bool) -> Bool {
        let giveUp = Date().addingTimeInterval(limit)
        while !condition() {
            if Date() > giveUp { return false }
            usleep(20_000)
        }
        return true
    }
}
