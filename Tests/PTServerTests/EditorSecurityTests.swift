import Foundation
import Testing
import PTServer
import ProgramteoriKit

/// Nobody but the editor's own page, and nothing outside FOLDER.
@Suite("programteori serve: safety")
struct EditorSecurityTests {
    static let model = EditorAPITests.model

    @Test("DNS rebinding: a Host other than this server's loopback name and port is refused before any route")
    func hostHeader() async throws {
        let server = try await ServerHarness.start(files: ["a.pt": Self.model])
        defer { Task { await server.stop() } }
        let port = server.port
        for host in ["localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)", "LOCALHOST:\(port)"] {
            #expect(try await server.send("GET", "/api/models", host: host).status == 200, "\(host)")
        }
        for host in ["evil.example:\(port)", "evil.example", "localhost", "127.0.0.1", "127.0.0.1:\(port + 1)",
                     "127.0.0.1.evil.example:\(port)", "localhost.evil.example:\(port)", "user@localhost:\(port)",
                     "::1:\(port)", "0.0.0.0:\(port)", ""] {
            let response = try await server.send("GET", "/api/model?name=a.pt", host: host)
            #expect(response.status == 421 || response.status == 400, "\(host)")
            #expect(!response.text.contains("Mentorsamtaler"), "\(host)")
        }
        let missing = try await server.send("GET", "/", host: nil)
        #expect(missing.status == 421 || missing.status == 400)
        #expect(!missing.text.contains("<textarea"))
    }

    @Test("Every state-changing request needs this server's Origin and a JSON body")
    func originHeader() async throws {
        let server = try await ServerHarness.start(files: ["a.pt": Self.model])
        defer { Task { await server.stop() } }
        let body = try JSONSerialization.data(withJSONObject: ["name": "ny.pt", "text": "programteori: Ond"])
        let port = server.port
        for origin in [nil, "http://evil.example", "null", "http://127.0.0.1:\(port + 1)", "https://127.0.0.1:\(port)",
                       "http://localhost.evil.example:\(port)", "http://evil.example/http://127.0.0.1:\(port)"] as [String?] {
            var headers = ["Content-Type": "application/json"]
            headers["Origin"] = origin
            let response = try await server.send("POST", "/api/save", headers: headers, body: body)
            #expect(response.status == 403, "\(origin ?? "no Origin")")
            #expect((try? response.json()["error"] as? String)??.contains("Origin") == true)
        }
        // A form post (text/plain needs no CORS preflight) is refused even with the right Origin.
        let form = try await server.send("POST", "/api/save", headers: ["Origin": server.origin, "Content-Type": "text/plain"], body: body)
        #expect(form.status == 415)
        #expect(!FileManager.default.fileExists(atPath: server.folder.appendingPathComponent("ny.pt").path))
        // The page's own requests pass, under each loopback name.
        #expect(try await server.post("/api/save", json: ["name": "ny.pt", "text": Self.model], origin: "http://localhost:\(port)").status == 200)
        // Answers carry no CORS permission for anyone.
        let answer = try await server.send("GET", "/api/models", headers: ["Origin": "http://evil.example"])
        #expect(answer.headers["access-control-allow-origin"] == nil)
    }

    @Test("What the browser says about a request's site: from another site only a navigation passes")
    func fetchMetadata() async throws {
        let server = try await ServerHarness.start(files: ["a.pt": Self.model])
        defer { Task { await server.stop() } }
        let blind = try await server.send("GET", "/api/model?name=a.pt", headers: ["Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"])
        #expect(blind.status == 403)
        #expect(!blind.text.contains("Mentorsamtaler"))
        #expect(try await server.send("GET", "/", headers: ["Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"]).status == 200)
        #expect(try await server.send("GET", "/api/models", headers: ["Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors"]).status == 200)
        let post = try await server.send("POST", "/api/preview", headers: [
            "Origin": server.origin, "Content-Type": "application/json", "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate",
        ], body: Data(#"{"text":"x"}"#.utf8))
        #expect(post.status == 403)
    }

    @Test("Names that leave the folder are refused: .., absolute paths, encoded slashes and dots, backslashes, hidden files")
    func pathTraversal() async throws {
        let server = try await ServerHarness.start(files: ["a.pt": Self.model])
        defer { Task { await server.stop() } }
        let outside = server.folder.deletingLastPathComponent().appendingPathComponent("hemmelig-\(server.port).pt")
        try "programteori: HEMMELIGT".write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        let name = outside.lastPathComponent
        let attempts = [
            "../\(name)", "..%2F\(name)", "%2e%2e%2f\(name)", "%2E%2E%2F\(name)", "%252e%252e%252f\(name)",
            "..%5C\(name)", "a/../../\(name)", "./../\(name)", "%2F\(outside.path.dropFirst())", outside.path,
            "//\(outside.path)", "a.pt%00.pt", "..%c0%af\(name)", ".%2e/\(name)", "unge//a.pt", ".skjult.pt",
        ]
        for attempt in attempts {
            let read = try await server.get("/api/model?name=\(attempt)")
            #expect([400, 403, 404].contains(read.status), "\(attempt) → \(read.status)")
            #expect(!read.text.contains("HEMMELIGT"), "\(attempt)")
            let decoded = attempt.removingPercentEncoding ?? attempt
            let write = try await server.post("/api/save", json: ["name": decoded, "text": "overskrevet"])
            #expect([400, 403].contains(write.status), "\(decoded) → \(write.status)")
        }
        #expect(try String(contentsOf: outside, encoding: .utf8) == "programteori: HEMMELIGT")
        // Included files count too: `brug:` cannot pull in a file outside the folder.
        let preview = try await server.post("/api/preview", json: ["text": "programteori: T\nbrug: ../\(name)\n", "name": "a.pt"])
        #expect(preview.status == 200)
        #expect(!preview.text.contains("HEMMELIGT"))
        #expect(preview.text.contains("uden for"))
        #expect(try await server.post("/api/preview", json: ["text": "x", "name": "../\(name)"]).status == 400)
    }

    @Test("Symlinks that point out of the folder are neither read, written through, nor listed")
    func symlinks() async throws {
        let server = try await ServerHarness.start(files: ["a.pt": Self.model])
        defer { Task { await server.stop() } }
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("pt-andetsteds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let secret = elsewhere.appendingPathComponent("hemmelig.pt")
        try "programteori: HEMMELIGT".write(to: secret, atomically: true, encoding: .utf8)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: server.folder.appendingPathComponent("genvej.pt").path, withDestinationPath: secret.path)
        try fm.createSymbolicLink(atPath: server.folder.appendingPathComponent("mappe").path, withDestinationPath: elsewhere.path)
        try fm.createSymbolicLink(atPath: server.folder.appendingPathComponent("dinglende.pt").path,
                                  withDestinationPath: elsewhere.appendingPathComponent("ny.pt").path)
        try fm.createSymbolicLink(atPath: server.folder.appendingPathComponent("indenfor.pt").path, withDestinationPath: "a.pt")

        for name in ["genvej.pt", "mappe/hemmelig.pt", "dinglende.pt"] {
            let read = try await server.get("/api/model?name=\(name)")
            #expect([403, 404].contains(read.status), "\(name)")
            #expect(!read.text.contains("HEMMELIGT"))
            let write = try await server.post("/api/save", json: ["name": name, "text": "overskrevet"])
            #expect(write.status == 403, "\(name) → \(write.status)")
        }
        #expect(try await server.post("/api/save", json: ["name": "mappe/ny.pt", "text": "x"]).status == 403)
        #expect(!fm.fileExists(atPath: elsewhere.appendingPathComponent("ny.pt").path))
        #expect(try String(contentsOf: secret, encoding: .utf8) == "programteori: HEMMELIGT")
        let listed = try await server.get("/api/models").text
        #expect(!listed.contains("genvej") && !listed.contains("hemmelig"))
        // A link that stays inside is an ordinary file.
        #expect(try await server.get("/api/model?name=indenfor.pt").status == 200)
    }

    @Test("A request body over the limit is refused with 413, and the server goes on")
    func bodyLimit() async throws {
        let server = try await ServerHarness.start(maxBodyBytes: 4096)
        defer { Task { await server.stop() } }
        let big = try await server.post("/api/preview", json: ["text": String(repeating: "programteori: x\n", count: 2000)])
        #expect(big.status == 413)
        #expect((try big.json()["error"] as? String)?.contains("for stor") == true)
        #expect(try await server.post("/api/preview", json: ["text": Self.model]).status == 200)
        #expect(try await server.send("POST", "/api/preview", headers: ["Origin": server.origin, "Content-Type": "application/json"],
                                body: Data("{ikke json".utf8)).status == 400)
    }

    @Test("User text reaches the page only as text: the SVG escapes a <script> title, and the script never writes HTML")
    func escaping() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let hostile = "programteori: <script>alert(1)</script> & <img src=x onerror=alert(2)>\nmålgruppe MG: Borgere\nslutmål S1: <b>fed</b>\n"
        let json = try await server.post("/api/preview", json: ["text": hostile]).json()
        let svg = try #require(json["svg"] as? String)
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<img"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(json["title"] as? String == "<script>alert(1)</script> & <img src=x onerror=alert(2)>")
        // The script puts text in with textContent and text nodes only.
        let script = try await server.get("/editor.js").text
        for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
            #expect(!script.contains(sink), "\(sink)")
        }
        #expect(try await server.get("/").headers["content-security-policy"]?.contains("default-src 'none'") == true)
    }

    @Test("Any name, generated: the answer is a refusal or a file inside the folder, never the file outside")
    func generatedNames() async throws {
        let server = try await ServerHarness.start(files: ["a.pt": Self.model, "unge/b.pt": Self.model])
        defer { Task { await server.stop() } }
        let outside = server.folder.deletingLastPathComponent().appendingPathComponent("b.pt")
        let existed = FileManager.default.fileExists(atPath: outside.path)
        if !existed { try "programteori: HEMMELIGT".write(to: outside, atomically: true, encoding: .utf8) }
        defer { if !existed { try? FileManager.default.removeItem(at: outside) } }
        let pieces = ["..", ".", "/", "%2e", "%2f", "%2F", "%5c", "\\", "a", "unge", "b.pt", ".pt", "ø", "%00", "~", " ", "%25"]
        var generator = SeededGenerator(seed: 20261202)
        for _ in 0..<300 {
            let name = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let response = try await server.get("/api/model?name=\(name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&+#"))) ?? name)")
            #expect([200, 400, 403, 404].contains(response.status), "\(name)")
            #expect(!response.text.contains("HEMMELIGT"), "\(name)")
        }
    }

    @Test("Any text, generated: the preview always answers with findings as JSON, and the server keeps going")
    func generatedText() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let pieces = ["programteori:", "målgruppe", "delmål", "slutmål", "aktivitet", "indikator", "fører til:", " D1", " S1",
                      ":", "\n", "\n  ", "\t", "#", "<", "&", "\u{0}", "ø", "🎉", "\u{202E}", "brug: ../x.pt", "mål: 80 senest 2020",
                      "  enhed: procent", "\r\n", "\"", "\\N"]
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<60 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let response = try await server.post("/api/preview", json: ["text": text])
            #expect(response.status == 200, "\(text.debugDescription)")
            #expect(try response.json()["findings"] is [Any])
        }
        #expect(try await server.get("/api/models").status == 200)
    }
}

/// A small deterministic generator (SplitMix64), so a failing case can be found again.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
