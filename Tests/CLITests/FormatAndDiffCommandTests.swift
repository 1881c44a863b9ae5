import Foundation
import Testing

/// `programteori fmt` and `programteori diff` through the real executable: exit codes, what is
/// written where, and that a refused file is left exactly as it was.
@Suite("fmt and diff commands")
struct FormatAndDiffCommandTests {
    static let formatFixtures = TestSupport.packageRoot.appendingPathComponent("Tests/PTFormatTests/Fixtures")
    static let revision = TestSupport.packageRoot.appendingPathComponent("Tests/PTDiffTests/Fixtures/revision")

    /// A scratch folder with copies of `files` (name → source).
    static func scratch(_ files: [String: URL]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, source) in files {
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test("fmt stopped by SIGINT while it waits for a model from a pipe: the notice, and the shell sees the signal")
    func interrupted() throws {
        let folder = try Self.scratch([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("rør.pt").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let run = try Background(["fmt", "rør.pt"], in: folder)
        // Opening the writing end waits until fmt has opened the pipe to read it, which it does
        // after its signal handler is in place; it then waits for text that never comes.
        let writer = open(pipe, O_WRONLY)
        #expect(writer >= 0)
        defer { close(writer) }
        run.send(SIGINT, toGroup: false)
        #expect(run.endingSignal == SIGINT, "exit \(String(describing: run.exitCode)): \(run.stderr)")
        #expect(run.stderr.contains("afbrudt (SIGINT): filer, der blev skrevet færdig, er gemt; ingen halve filer er efterladt"), "\(run.stderr)")
    }

    @Test("fmt --check passes on Models/ and prints nothing")
    func checkModels() throws {
        let run = try TestSupport.run(["fmt", "--check", "Models/"])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
    }

    @Test("fmt --check lists a file that would change, exits 1 and leaves it alone")
    func checkLists() throws {
        let folder = try Self.scratch(["rodet.pt": Self.formatFixtures.appendingPathComponent("rodet.pt")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: folder.appendingPathComponent("rodet.pt"))
        let run = try TestSupport.run(["fmt", "--check", "."], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.contains("ikke formateret: ./rodet.pt"))
        #expect(run.stdout.contains("1 af 1 filer er ikke i det faste layout"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("rodet.pt")) == before)
    }

    @Test("fmt rewrites the file in place (the golden layout); a second run changes nothing")
    func rewrites() throws {
        let folder = try Self.scratch(["rodet.pt": Self.formatFixtures.appendingPathComponent("rodet.pt")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try TestSupport.run(["fmt", "rodet.pt"], in: folder)
        #expect(first.status == 0)
        #expect(first.stdout == "formateret: rodet.pt\n")
        let expected = try String(contentsOf: Self.formatFixtures.appendingPathComponent("rodet.ud.pt"), encoding: .utf8)
        #expect(try String(contentsOf: folder.appendingPathComponent("rodet.pt"), encoding: .utf8) == expected)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "the atomic write left a temporary file")
        let second = try TestSupport.run(["fmt", "rodet.pt"], in: folder)
        #expect(second.status == 0)
        #expect(second.stdout.isEmpty)
    }

    @Test("fmt --stdout writes the result and not the file; --keep-keywords keeps the spelling")
    func stdout() throws {
        let source = Self.formatFixtures.appendingPathComponent("rodet.pt")
        let run = try TestSupport.run(["fmt", "--stdout", source.path])
        #expect(run.status == 0)
        #expect(run.stdout == (try String(contentsOf: Self.formatFixtures.appendingPathComponent("rodet.ud.pt"), encoding: .utf8)))
        let kept = try TestSupport.run(["fmt", "--stdout", "--behold-noegleord", source.path])
        #expect(kept.stdout == (try String(contentsOf: Self.formatFixtures.appendingPathComponent("rodet.behold.ud.pt"), encoding: .utf8)))
    }

    @Test("fmt refuses a file with syntax errors: the diagnostics, exit 1, the file untouched")
    func refuses() throws {
        let folder = try Self.scratch(["fem-fejl.pt": TestSupport.fixtures.appendingPathComponent("diagnostics/fem-fejl.pt")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: folder.appendingPathComponent("fem-fejl.pt"))
        let run = try TestSupport.run(["fmt", "fem-fejl.pt"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("fejl[PT003]"))
        #expect(run.stderr.contains("--> fem-fejl.pt:"))
        #expect(run.stderr.contains("ikke formateret: fem-fejl.pt har syntaksfejl"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("fem-fejl.pt")) == before)
        let english = try TestSupport.run(["fmt", "fem-fejl.pt", "--lang", "en"], in: folder)
        #expect(english.stderr.contains("not formatted: fem-fejl.pt has syntax errors"))
    }

    @Test("fmt on a path that does not exist is a tool error (exit 2)")
    func missingPath() throws {
        let run = try TestSupport.run(["fmt", "findes-ikke.pt"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("findes-ikke.pt"))
    }

    @Test("diff: exit 1 and the changes in text; exit 0 for no change")
    func diffExitCodes() throws {
        let old = Self.revision.appendingPathComponent("2026.pt").path
        let new = Self.revision.appendingPathComponent("2027.pt").path
        let changed = try TestSupport.run(["diff", old, new])
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("indikator S1.1 mål: 45 → 50"))
        #expect(changed.stdout.contains("indikator D1.1 datakilde: Planen i fagsystemet → Min Plan (jobnet.dk)"))
        let same = try TestSupport.run(["diff", old, old])
        #expect(same.status == 0)
        #expect(same.stdout.hasPrefix("Ingen ændringer i programteorien"))
    }

    @Test("diff --format: markdown, json, and the Danish name tekst; an unknown format is exit 2",
          arguments: ["markdown", "json", "tekst", "md"])
    func diffFormats(format: String) throws {
        let run = try TestSupport.run(["diff", "--format", format, Self.revision.appendingPathComponent("2026.pt").path,
                                       Self.revision.appendingPathComponent("2027.pt").path])
        #expect(run.status == 1)
        switch format {
        case "json": #expect((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) != nil)
        case "tekst": #expect(run.stdout.hasPrefix("Ændringer i programteorien"))
        default: #expect(run.stdout.hasPrefix("<!-- programteori-diff -->"))
        }
    }

    @Test("diff: bad use and missing files are exit 2 with a message")
    func diffErrors() throws {
        let unknownFormat = try TestSupport.run(["diff", "--format", "pdf", "a.pt", "b.pt"])
        #expect(unknownFormat.status == 2)
        #expect(unknownFormat.stderr.contains("ukendt format »pdf«"))
        let oneFile = try TestSupport.run(["diff", "a.pt"])
        #expect(oneFile.status == 2)
        let missing = try TestSupport.run(["diff", "findes-ikke.pt", "Models/udsatte-unge-helhedsorienteret-forloeb.pt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("findes-ikke.pt: filen findes ikke"))
    }

    @Test("diff --git through the executable, in a repository made for the test")
    func diffGit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-cli-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.revision.appendingPathComponent("2026.pt"), to: folder.appendingPathComponent("model.pt"))
        let git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
        for arguments in [["init", "-q"], ["add", "model.pt"], ["commit", "-q", "-m", "2026"]] {
            #expect(try TestSupport.run(git + arguments, in: folder, executable: URL(fileURLWithPath: "/usr/bin/env")).status == 0)
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("model.pt"))
        try FileManager.default.copyItem(at: Self.revision.appendingPathComponent("2027.pt"), to: folder.appendingPathComponent("model.pt"))
        let run = try TestSupport.run(["diff", "--git", "HEAD", "--format", "markdown"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.contains("`HEAD:model.pt` → `model.pt`"))
        #expect(run.stdout.contains("- **Nyt:** D6: Borgeren har trænet de sociale kompetencer, jobbet kræver"))
        let bad = try TestSupport.run(["diff", "--git", "findes-ikke"], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("git kender ikke versionen »findes-ikke«"))
    }

    @Test("render --sammenlign draws MODEL.sammenligning.svg; a folder is refused")
    func renderCompare() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-cmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run(["render", Self.revision.appendingPathComponent("2027.pt").path, "--tving",
                                       "--sammenlign", Self.revision.appendingPathComponent("2026.pt").path, "--output", folder.path])
        #expect(run.status == 1, "the 2027 revision has an error (the assumption on A3 -> D3), drawn with --tving")
        #expect(!run.stderr.contains("Graphviz"), "\(run.stderr)")
        let svg = try String(contentsOf: folder.appendingPathComponent("2027.sammenligning.svg"), encoding: .utf8)
        #expect(svg.contains("pt-added") && svg.contains("Ændringer siden 2026.pt"))
        let refused = try TestSupport.run(["render", "Models/", "--compare", "Models/udsatte-unge-helhedsorienteret-forloeb.pt"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--sammenlign tegner én model"))
    }

    @Test("fmt - reads standard input and writes the result to standard output (for editors)")
    func standardInput() throws {
        let process = Process()
        process.executableURL = TestSupport.executable
        process.arguments = ["fmt", "-"]
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let input = Pipe()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pt-stdin-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardInput = input
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("programteori: T\naktivitet A1: Mentor\n\tleads to:D1,S1\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: try Data(contentsOf: output), as: UTF8.self) == "programteori: T\n\naktivitet A1: Mentor\n  fører til: D1, S1\n")
    }
}
