import Foundation
import PTDiagram
import ProgramteoriKit
import Testing

/// The parent's side of `render --timeout`: a layout worker that hangs is killed, one that
/// fails or crashes is reported, and nothing of it leaks into the result. The workers here are
/// small shell scripts standing in for `programteori _layout` (`LayoutProtocol`); the real
/// worker is tested in `LayoutWorkerTests`.
@Suite("Layout in a child process", .serialized)
struct ChildLayoutTests {
    /// A worker script. `$request` reads one request (header and DOT) and sets `$id`.
    static func worker(_ body: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pt-worker-\(UUID().uuidString).sh")
        let request = #"request() { read -r verb id formats length; dd bs=1 count="$length" of=/dev/null 2>/dev/null; }"#
        try ("#!/bin/sh\n" + request + "\n" + body + "\n").write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }

    static func render(with executable: String, timeout: Double = 30) throws -> RenderFailure? {
        let model = try DiagramTestSupport.fixture("sprogets-eksempel")
        let renderer = DiagramRenderer(layout: .childProcess(executable: executable, timeoutSeconds: timeout))
        do {
            _ = try renderer.render(model, formats: [.svg])
            return nil
        } catch {
            return error
        }
    }

    @Test("A worker that does not answer in time is killed and reported")
    func timeout() throws {
        let script = try Self.worker("exec sleep 60")
        defer { try? FileManager.default.removeItem(atPath: script) }
        let failure = try #require(try Self.render(with: script, timeout: 0.5))
        #expect(failure.kind == .timedOut)
        #expect(failure.message.da.hasPrefix("layoutet tog mere end 0,5 sekunder og blev stoppet"))
    }

    @Test("A worker that reports a Graphviz failure: its words reach the user")
    func graphvizFailure() throws {
        let script = try Self.worker(#"request; printf 'error %s 29\nError: syntax error in line 1' "$id"; cat >/dev/null"#)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let failure = try #require(try Self.render(with: script))
        #expect(failure.kind == .graphviz)
        #expect(failure.details == "Error: syntax error in line 1")
    }

    @Test("A worker that crashes, writes garbage or answers another request is a worker failure, never a half result")
    func crashAndGarbage() throws {
        let crash = try Self.worker("request; echo 'Assertion failed' >&2; kill -ABRT $$")
        defer { try? FileManager.default.removeItem(atPath: crash) }
        let crashed = try #require(try Self.render(with: crash))
        #expect(crashed.kind == .worker)
        #expect(crashed.message.da.contains("(signal 6)"))
        #expect(crashed.details?.contains("Assertion failed") == true)

        let garbage = try Self.worker(#"request; printf 'ok %s 1\nsvg 999999\n<svg' "$id""#)
        defer { try? FileManager.default.removeItem(atPath: garbage) }
        #expect(try Self.render(with: garbage)?.kind == .worker)

        let otherRequest = try Self.worker(#"request; printf 'ok 999 1\nsvg 4\n<svg'; cat >/dev/null"#)
        defer { try? FileManager.default.removeItem(atPath: otherRequest) }
        let mixedUp = try #require(try Self.render(with: otherRequest))
        #expect(mixedUp.kind == .worker)
        #expect(mixedUp.message.en.contains("did not answer as agreed"))

        let otherFormat = try Self.worker(#"request; printf 'ok %s 1\npng 4\n<svg' "$id"; cat >/dev/null"#)
        defer { try? FileManager.default.removeItem(atPath: otherFormat) }
        #expect(try Self.render(with: otherFormat)?.kind == .worker)

        let early = try Self.worker("exit 0")
        defer { try? FileManager.default.removeItem(atPath: early) }
        #expect(try Self.render(with: early)?.kind == .worker)
    }

    @Test("A worker that cannot be started is reported")
    func missingWorker() throws {
        let failure = try #require(try Self.render(with: "/nonexistent/programteori"))
        #expect(failure.kind == .worker)
        #expect(failure.message.da.hasPrefix("kunne ikke starte layoutprocessen"))
    }
}
