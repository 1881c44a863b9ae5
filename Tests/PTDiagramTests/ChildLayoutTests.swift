import Foundation
import PTDiagram
import ProgramteoriKit
import Testing

/// The parent's side of `render --timeout`: a layout worker that hangs is killed, one that
/// fails or crashes is reported, and nothing of it leaks into the result. The workers here are
/// small shell scripts standing in for `programteori _layout`.
@Suite("Layout in a child process", .serialized)
struct ChildLayoutTests {
    static func worker(_ body: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pt-worker-\(UUID().uuidString).sh")
        try ("#!/bin/sh\n" + body + "\n").write(to: url, atomically: true, encoding: .utf8)
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

    @Test("A worker that does not finish in time is killed and reported")
    func timeout() throws {
        let script = try Self.worker("exec sleep 60")
        defer { try? FileManager.default.removeItem(atPath: script) }
        let failure = try #require(try Self.render(with: script, timeout: 0.5))
        #expect(failure.kind == .timedOut)
        #expect(failure.message.da.hasPrefix("layoutet tog mere end 0,5 sekunder og blev stoppet"))
    }

    @Test("A worker that reports a Graphviz failure: its words reach the user")
    func graphvizFailure() throws {
        let script = try Self.worker("cat >/dev/null; echo 'Graphviz failed at layout:' >&2; echo 'Error: syntax error in line 1' >&2; exit 3")
        defer { try? FileManager.default.removeItem(atPath: script) }
        let failure = try #require(try Self.render(with: script))
        #expect(failure.kind == .graphviz)
        #expect(failure.details?.contains("syntax error in line 1") == true)
    }

    @Test("A worker that crashes or writes garbage is a worker failure, never a half result")
    func crashAndGarbage() throws {
        let crash = try Self.worker("cat >/dev/null; kill -ABRT $$")
        defer { try? FileManager.default.removeItem(atPath: crash) }
        #expect(try Self.render(with: crash)?.kind == .worker)
        let garbage = try Self.worker("cat >/dev/null; printf 'svg 999999\\n<svg'")
        defer { try? FileManager.default.removeItem(atPath: garbage) }
        #expect(try Self.render(with: garbage)?.kind == .worker)
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
