import Foundation
import Testing
import PTServer

/// `programteori serve` as a user starts it: the address printed, the warning for another
/// address, Ctrl-C ends it cleanly, and no browser is opened where there is none to open.
@Suite("programteori serve, the command")
struct ServeCommandTests {
    @Test("It prints its address, serves the page there, and stops on Ctrl-C with exit 0")
    func startAndStop() async throws {
        let executable = try #require(PackagePaths.programteori)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-serve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["serve", folder.path, "--port", "0", "--adresse", "0.0.0.0"]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PROGRAMTEORI_INGEN_BROWSER": "1"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read until the address line (the server prints it once it listens).
        var printed = ""
        while !printed.contains("Stop med Ctrl-C.") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let match = try #require(printed.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//), "\(printed)")
        let port = try #require(Int(match.1))
        let page = try RawHTTP.exchange(port: port, bytes: Data("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8))
        #expect(String(decoding: page, as: UTF8.self).contains("<textarea id=\"source\""))
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let warning = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(warning.contains("advarsel: serveren lytter på 0.0.0.0"))
    }

    @Test("A folder that does not exist is a usage error with a Danish message")
    func missingFolder() throws {
        let executable = try #require(PackagePaths.programteori)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["serve", "/findes/ikke", "--ingen-browser"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("mappen »/findes/ikke« findes ikke"))
    }

    @Test("A browser is opened only on a desktop, never in CI or when switched off")
    func browserOnlyWhenThereIsOne() {
        #expect(!BrowserLauncher.shouldOpen(environment: ["PROGRAMTEORI_INGEN_BROWSER": "1", "DISPLAY": ":0"]))
        #expect(!BrowserLauncher.shouldOpen(environment: ["CI": "true", "DISPLAY": ":0"]))
        #if os(Linux)
        #expect(!BrowserLauncher.shouldOpen(environment: [:]))
        #expect(BrowserLauncher.shouldOpen(environment: ["DISPLAY": ":0"]))
        #expect(BrowserLauncher.shouldOpen(environment: ["WAYLAND_DISPLAY": "wayland-0", "CI": "false"]))
        #endif
        #expect(EditorServer.isLoopback("127.0.0.1") && EditorServer.isLoopback("::1") && !EditorServer.isLoopback("0.0.0.0"))
    }
}
