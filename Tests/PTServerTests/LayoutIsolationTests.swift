import Foundation
import Testing
import PTServer
import ProgramteoriKit

/// Layout runs in child processes: a crash or a layout that never ends costs that one request,
/// with a clear message, and the server goes on.
@Suite("programteori serve: layout in child processes", .serialized)
struct LayoutIsolationTests {
    static let model = EditorAPITests.model

    /// A stand-in for `programteori _layout` that misbehaves as told.
    static func worker(_ behaviour: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pt-worker-\(UUID().uuidString).sh")
        try "#!/bin/sh\n\(behaviour)\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }

    @Test("A layout that takes too long is stopped: that request says so, the next ones are answered")
    func slowLayout() async throws {
        let script = try Self.worker("exec sleep 600")
        defer { try? FileManager.default.removeItem(atPath: script) }
        let server = try await ServerHarness.start(layout: .childProcess(executable: script, timeoutSeconds: 0.5))
        defer { Task { await server.stop() } }
        let slow = try await server.post("/api/preview", json: ["text": Self.model])
        #expect(slow.status == 200)
        let json = try slow.json()
        #expect(json["svg"] == nil || json["svg"] is NSNull)
        #expect((json["diagramError"] as? String)?.contains("layoutet tog mere end 0,5 sekunder") == true)
        // The findings still came, and the server answers the next requests.
        #expect(json["findings"] is [Any])
        #expect(try await server.get("/api/models").status == 200)
        let download = try await server.post("/api/diagram", json: ["text": Self.model, "format": "png"])
        #expect(download.status == 503)
        #expect((try download.json()["error"] as? String)?.contains("layoutet") == true)
    }

    @Test("A layout process that crashes costs that diagram only, with a message saying what happened")
    func crashingLayout() async throws {
        let script = try Self.worker("echo 'Assertion failed: Graphviz' >&2; kill -ABRT $$")
        defer { try? FileManager.default.removeItem(atPath: script) }
        let server = try await ServerHarness.start(layout: .childProcess(executable: script, timeoutSeconds: 10))
        defer { Task { await server.stop() } }
        for _ in 0..<2 {
            let json = try await server.post("/api/preview", json: ["text": Self.model]).json()
            #expect((json["diagramError"] as? String)?.contains("layoutprocessen stoppede uventet") == true)
        }
        #expect(try await server.get("/").status == 200)
    }

    @Test("A Graphviz warning reaches the editor with the diagram; a clean diagram has none")
    func graphvizWarning() async throws {
        let executable = try #require(PackagePaths.programteori, "build programteori first (swift build)")
        // The real worker, with one attribute of the DOT swapped for a bad arrow of the same length.
        let script = try Self.worker("sed -u 's/arrowsize=0.8/arrowhead=qqq/' | exec '\(executable)' \"$@\"")
        defer { try? FileManager.default.removeItem(atPath: script) }
        let server = try await ServerHarness.start(layout: .childProcess(executable: script, timeoutSeconds: 20))
        defer { Task { await server.stop() } }
        let json = try await server.post("/api/preview", json: ["text": Self.model]).json()
        #expect((json["svg"] as? String)?.contains("<svg") == true)
        let warning = try #require(json["diagramWarning"] as? String)
        #expect(warning.hasPrefix("Graphviz advarede"))
        #expect(warning.contains("fejl i programteori, ikke i modellen"))
        #expect(warning.contains("qqq"))

        let real = try await ServerHarness.start(layout: .childProcess(executable: executable, timeoutSeconds: 20))
        defer { Task { await real.stop() } }
        let clean = try await real.post("/api/preview", json: ["text": Self.model]).json()
        #expect((clean["svg"] as? String)?.contains("<svg") == true)
        #expect(clean["diagramWarning"] == nil || clean["diagramWarning"] is NSNull)
    }

    @Test("With the real layout worker, diagrams are drawn in child processes and the server draws on")
    func realWorker() async throws {
        let executable = try #require(PackagePaths.programteori, "build programteori first (swift build)")
        let server = try await ServerHarness.start(layout: .childProcess(executable: executable, timeoutSeconds: 20))
        defer { Task { await server.stop() } }
        for index in 0..<3 {
            let text = Self.model.replacingOccurrences(of: "Mentorsamtaler", with: "Runde \(index)")
            let svg = try await server.post("/api/preview", json: ["text": text]).json()["svg"] as? String
            #expect(svg?.contains("Runde \(index)") == true)
        }
    }
}

/// Where the package and its built executable are.
enum PackagePaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `programteori` executable built beside this test bundle.
    static var programteori: String? {
        [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("programteori").path,
            Bundle.main.bundleURL.appendingPathComponent("programteori").path,
            root.appendingPathComponent(".build/debug/programteori").path,
        ].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
