import Foundation
import PTDiagnostics
import PTSource
import PTSyntax
import ProgramteoriKit
import Testing

/// Paths and helpers shared by the CLI tests.
enum TestSupport {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    /// The day the golden files were made; rules about deadlines compare with it.
    static let today = DateValue(year: 2026, month: 11, day: 23)

    /// Golden files are rewritten instead of compared when this is set (review them in the diff).
    static var accept: Bool { ProcessInfo.processInfo.environment["PT_ACCEPT"] == "1" }

    /// The `programteori` executable built next to this test bundle.
    static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("programteori"),
            Bundle.main.bundleURL.appendingPathComponent("programteori"),
            packageRoot.appendingPathComponent(".build/debug/programteori"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs the executable in `directory` with a clean, fixed environment.
    static func run(_ arguments: [String], in directory: URL = packageRoot, environment extra: [String: String] = [:],
                    executable: URL = executable) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                           "PROGRAMTEORI_DATO": "2026-11-23", "LANG": "C.UTF-8"]
        environment.merge(extra) { $1 }
        process.environment = environment
        // Files, not pipes: a large output can never block the child.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pt-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Compares `actual` with the golden file, or writes it when accepting.
    static func assertGolden(_ actual: String, file golden: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if accept {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "golden file \(golden.lastPathComponent) differs; run with PT_ACCEPT=1 and review the diff",
                sourceLocation: sourceLocation)
    }
}

extension TestSupport {
    /// Every file below `folder` (hidden ones too), relative, sorted.
    static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }
}
