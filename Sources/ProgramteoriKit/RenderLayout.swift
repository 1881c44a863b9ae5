import Foundation
import PTGraphviz
import PTSource

/// Where Graphviz lays a diagram out.
///
/// Graphviz has no way to cancel a layout, and a dense graph can take minutes. Wherever a
/// person waits, layout runs in a child process — the same executable, started with the hidden
/// `_layout` subcommand — that is killed when the time is up. Trusted batch jobs may lay out
/// in this process and save the start-up cost (docs/diagram.md has the measurements).
public enum LayoutMode: Sendable, Hashable {
    case inProcess
    /// `executable` must answer `executable _layout --format svg,png` (see `LayoutWorker`).
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
        RenderFailure(
            kind: .graphviz,
            message: LocalizedText(
                da: "Graphviz kunne ikke tegne diagrammet (en fejl i programteori eller i Graphviz-installationen; kør »programteori doktor«)",
                en: "Graphviz could not draw the diagram (a bug in programteori or a broken Graphviz installation; run »programteori doctor«)"),
            details: error.description)
    }

    static func timedOut(_ seconds: Double) -> RenderFailure {
        let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        let danish = shown.replacingOccurrences(of: ".", with: ",")
        return RenderFailure(
            kind: .timedOut,
            message: LocalizedText(
                da: "layoutet tog mere end \(danish) sekunder og blev stoppet; del modellen op i mindre modeller, eller giv mere tid med --timeout",
                en: "the layout took more than \(shown) seconds and was stopped; split the model into smaller ones, or allow more time with --timeout"))
    }
}

/// Lays DOT out and renders it, in this process or in a child.
enum Layout {
    static func render(dot: String, formats: [GraphvizFormat], mode: LayoutMode) throws(RenderFailure) -> [GraphvizFormat: Data] {
        guard !formats.isEmpty else { return [:] }
        switch mode {
        case .inProcess:
            do {
                return try GraphvizRenderer.shared.render(dot: dot, formats: formats).outputs
            } catch {
                throw RenderFailure.graphviz(error)
            }
        case .childProcess(let executable, let timeout):
            return try ChildLayout.run(dot: dot, formats: formats, executable: executable, timeout: timeout)
        }
    }
}

/// The child's side: `programteori _layout --format svg,png` reads DOT on stdin and writes, for
/// each format in the order asked, a line `<format> <byte count>\n` followed by the bytes.
/// On failure it writes Graphviz's messages to stderr and exits with 3.
public enum LayoutWorker {
    public static let subcommand = "_layout"
    public static let failureExitCode: Int32 = 3

    /// Runs the worker on the process's stdin and stdout; returns the exit code.
    public static func run(formatList: String) -> Int32 {
        let formats = formatList.split(separator: ",").compactMap { GraphvizFormat(rawValue: String($0)) }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let dot = String(decoding: input, as: UTF8.self)
        do {
            let rendering = try GraphvizRenderer.shared.render(dot: dot, formats: formats)
            var output = Data()
            for format in formats {
                let bytes = rendering.outputs[format] ?? Data()
                output.append(Data("\(format.rawValue) \(bytes.count)\n".utf8))
                output.append(bytes)
            }
            try FileHandle.standardOutput.write(contentsOf: output)
            return 0
        } catch let error as GraphvizError {
            FileHandle.standardError.write(Data(error.description.utf8))
            return failureExitCode
        } catch {
            FileHandle.standardError.write(Data("\(error)".utf8))
            return failureExitCode
        }
    }

    /// Splits the worker's output into its formats; nil if it is not what the worker writes.
    static func parse(_ data: Data, formats: [GraphvizFormat]) -> [GraphvizFormat: Data]? {
        var result: [GraphvizFormat: Data] = [:]
        var offset = data.startIndex
        for format in formats {
            guard let newline = data[offset...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let header = String(decoding: data[offset..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 2, header[0] == format.rawValue, let count = Int(header[1]),
                  count >= 0, data.distance(from: newline, to: data.endIndex) > count else { return nil }
            let start = data.index(after: newline)
            let end = data.index(start, offsetBy: count)
            result[format] = Data(data[start..<end])
            offset = end
        }
        return offset == data.endIndex ? result : nil
    }
}

/// Collects a pipe's bytes on a background thread.
private final class PipeCollector: @unchecked Sendable {
    // @unchecked: `data` is written by the reading thread only, and read after `done` fires.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func result() -> Data {
        done.wait()
        return data
    }
}

/// The parent's side: start the worker, feed it, wait at most `timeout` seconds.
enum ChildLayout {
    static func run(dot: String, formats: [GraphvizFormat], executable: String, timeout: Double) throws(RenderFailure) -> [GraphvizFormat: Data] {
        // A worker that dies early must not take this process down with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [LayoutWorker.subcommand, "--format", formats.map(\.rawValue).joined(separator: ",")]
        // A crash inside Graphviz (an assertion, say) should report Graphviz's words, not a
        // page of Swift backtrace.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw RenderFailure(kind: .worker, message: LocalizedText(
                da: "kunne ikke starte layoutprocessen (\(executable)): \(error.localizedDescription)",
                en: "could not start the layout process (\(executable)): \(error.localizedDescription)"))
        }
        let stdout = PipeCollector(output.fileHandleForReading)
        let stderr = PipeCollector(errors.fileHandleForReading)
        let writer = input.fileHandleForWriting
        let bytes = Data(dot.utf8)
        Thread.detachNewThread {
            try? writer.write(contentsOf: bytes)
            try? writer.close()
        }

        if finished.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            // The readers finish on their own when the pipes close; not waiting for them means
            // a stray grandchild holding a pipe open cannot keep the user waiting.
            throw RenderFailure.timedOut(timeout)
        }
        let produced = stdout.result()
        let said = String(decoding: stderr.result(), as: UTF8.self)
        guard process.terminationReason == .exit, process.terminationStatus == 0,
              let outputs = LayoutWorker.parse(produced, formats: formats) else {
            let how = process.terminationReason == .uncaughtSignal
                ? "signal \(process.terminationStatus)" : "exit \(process.terminationStatus)"
            if process.terminationStatus == LayoutWorker.failureExitCode, process.terminationReason == .exit {
                throw RenderFailure(kind: .graphviz, message: LocalizedText(
                    da: "Graphviz kunne ikke tegne diagrammet (en fejl i programteori eller i Graphviz-installationen; kør »programteori doktor«)",
                    en: "Graphviz could not draw the diagram (a bug in programteori or a broken Graphviz installation; run »programteori doctor«)"),
                    details: said)
            }
            throw RenderFailure(kind: .worker, message: LocalizedText(
                da: "layoutprocessen stoppede uventet (\(how)); det er en fejl i programteori eller Graphviz — send gerne modellen med i en fejlrapport",
                en: "the layout process stopped unexpectedly (\(how)); this is a bug in programteori or Graphviz — please include the model in a bug report"),
                details: said.isEmpty ? nil : said)
        }
        return outputs
    }
}
