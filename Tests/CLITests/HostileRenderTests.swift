import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `programteori render` under conditions nobody plans for: a layout that would take minutes,
/// two runs into one folder, Ctrl-C or SIGTERM halfway through a batch, an output path that
/// cannot be written, model files that vanish. Each time: a clear message, the right exit
/// status, every file under its final name whole, no temporary file and no layout worker left.
/// Outcomes only, never durations (docs/diagram.md, »Når noget går galt«).
@Suite("programteori render under hostile conditions", .serialized)
struct HostileRenderTests {
    static let dense = TestSupport.fixtures.appendingPathComponent("hostile/taet.pt")
    /// For every render that is not about the time limit: on a machine this busy (load 19 on two
    /// cores has been seen) even an ordinary diagram can pass the default 20 seconds.
    static let patient = ["--timeout", "600"]

    /// The example models in `Models/`, the realistic batch.
    static var exampleModels: [URL] {
        let folder = TestSupport.packageRoot.appendingPathComponent("Models")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".pt") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// A fresh folder to work in, removed afterwards (made writable first: some tests lock it).
    static func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer {
            _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent("låst").path)
            try? FileManager.default.removeItem(at: folder)
        }
        try body(folder)
    }

    /// Copies `models` into `folder` (made), under their own names or the ones given.
    static func copy(_ models: [URL], to folder: URL, names: [String]? = nil) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, model) in models.enumerated() {
            try FileManager.default.copyItem(at: model, to: folder.appendingPathComponent(names?[index] ?? model.lastPathComponent))
        }
    }

    /// Files a render must never leave: its temporary files (hidden, `.tmp`).
    static func temporaryFiles(under folder: URL) -> [String] {
        TestSupport.files(under: folder).filter { ($0 as NSString).lastPathComponent.hasPrefix(".") || $0.hasSuffix(".tmp") }
    }

    /// What one uninterrupted render of `models` (as a folder) writes: file name → bytes.
    static func reference(_ models: [URL], formats: String, in folder: URL, options: [String] = []) throws -> [String: Data] {
        let source = folder.appendingPathComponent("reference-models")
        let output = folder.appendingPathComponent("reference")
        try copy(models, to: source)
        let run = try TestSupport.run(["render", source.path, "--format", formats, "--output", output.path] + Self.patient + options)
        try #require(run.status == 0, "\(run.stdout)\(run.stderr)")
        var bytes: [String: Data] = [:]
        for name in TestSupport.files(under: output) {
            bytes[name] = try Data(contentsOf: output.appendingPathComponent(name))
        }
        return bytes
    }

    /// Every file in `output` is one of `reference`'s, byte for byte: none is half-written.
    static func expectWhole(_ output: URL, like reference: [String: Data], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for name in TestSupport.files(under: output) {
            let expected = try #require(reference[name], "unexpected file \(name)", sourceLocation: sourceLocation)
            let actual = try Data(contentsOf: output.appendingPathComponent(name))
            // A Bool, not the two Data: Swift Testing would diff megabytes of PNG byte by byte.
            let same = actual == expected
            #expect(same, "\(name): \(actual.count) bytes, a whole render has \(expected.count)", sourceLocation: sourceLocation)
        }
    }

    // MARK: 1. A layout that would take minutes

    @Test("A dense model: the layout guard stops it at --timeout, names the limit and the ways out; no file, no worker left")
    func denseModelTimesOut() throws {
        try Self.withFolder { folder in
            try Self.copy([Self.dense], to: folder)
            // A model check accepts (warnings only).
            let check = try TestSupport.run(["check", "taet.pt"], in: folder)
            #expect(check.status == 0, "\(check.stdout)")

            let mark = UUID().uuidString
            let run = try TestSupport.run(["render", "taet.pt", "--timeout", "1", "--output", "ud"], in: folder,
                                          environment: ["PT_TEST_MARK": mark])
            #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains(
                "fejl: taet.pt: layoutet tog mere end 1 sekund og blev stoppet; tegn oversigten med --visning oversigt, del modellen op i mindre modeller, eller giv mere tid med --timeout"),
                "\(run.stderr)")
            #expect(!run.stdout.contains("tegnet:"))
            #expect(TestSupport.files(under: folder.appendingPathComponent("ud")).isEmpty)
            // The worker that was laying it out was killed, not left to finish.
            #expect(Background.waitUntil(atMost: 10) { Background.processes(marked: mark).isEmpty },
                    "layout workers still running: \(Background.processes(marked: mark))")

            let english = try TestSupport.run(["render", "taet.pt", "--timeout", "1.5", "--output", "ud", "--lang", "en"], in: folder)
            #expect(english.status == 2)
            #expect(english.stderr.contains(
                "error: taet.pt: the layout took more than 1.5 seconds and was stopped; draw the overview with --view overview, split the model into smaller ones, or allow more time with --timeout"),
                "\(english.stderr)")

            // The first way out works: the overview has no mechanisms and far fewer labelled arrows.
            let overview = try TestSupport.run(["render", "taet.pt", "--visning", "oversigt", "--timeout", "600", "--output", "ud"], in: folder)
            #expect(overview.status == 0, "\(overview.stderr)")
            #expect(TestSupport.files(under: folder.appendingPathComponent("ud")) == ["taet.svg"])
        }
    }

    // MARK: 2. Two renders into one folder

    @Test("Two renders into one folder at once, of the same and of other models: all succeed, every file as one render makes it, no temporary file")
    func concurrentRenders() throws {
        try Self.withFolder { folder in
            let models = Self.exampleModels
            try #require(models.count >= 4)
            try Self.copy(Array(models[..<3]), to: folder.appendingPathComponent("a"))
            try Self.copy(Array(models[3...]), to: folder.appendingPathComponent("b"))
            let reference = try Self.reference(models, formats: "svg,png", in: folder)
            for round in 1...3 {
                // A folder two levels down that neither exists yet: both make it at once.
                let output = folder.appendingPathComponent("ud-\(round)/fælles")
                let runs = try [["a"], ["a"], ["b"]].map { paths in
                    try Background(["render"] + paths + ["--format", "svg,png", "--output", output.path] + Self.patient, in: folder)
                }
                for run in runs {
                    run.waitForExit()
                    #expect(run.exitCode == 0, "round \(round): \(run.stderr)")
                }
                #expect(TestSupport.files(under: output) == reference.keys.sorted(), "round \(round)")
                try Self.expectWhole(output, like: reference)
                #expect(Self.temporaryFiles(under: output).isEmpty)
            }
        }
    }

    // MARK: 3. Interrupted

    struct Stop: Sendable, CustomTestStringConvertible {
        let signal: Int32
        let name: String
        /// To the whole process group, as Ctrl-C in a terminal; else to `programteori` alone,
        /// as `kill`, a CI timeout or a closed SSH session does.
        let toGroup: Bool
        let english: Bool
        var testDescription: String { "\(name)\(toGroup ? " to the process group" : "")\(english ? ", --lang en" : "")" }
    }

    @Test("Stopped by a signal in the middle of a batch: files whole or absent, no temporary file, no worker left, the shell sees the signal",
          arguments: [Stop(signal: SIGINT, name: "SIGINT", toGroup: true, english: false),
                      Stop(signal: SIGINT, name: "SIGINT", toGroup: false, english: false),
                      Stop(signal: SIGTERM, name: "SIGTERM", toGroup: false, english: false),
                      Stop(signal: SIGHUP, name: "SIGHUP", toGroup: false, english: true)])
    func interrupted(_ stop: Stop) throws {
        try Self.withFolder { folder in
            // The example models, then the dense one, which keeps a layout worker busy for long
            // after the others are written: the signal certainly comes mid-run.
            let models = Self.exampleModels
            try Self.copy(models + [Self.dense], to: folder.appendingPathComponent("batch"),
                          names: models.map(\.lastPathComponent) + ["zz-taet.pt"])
            let language = stop.english ? ["--lang", "en"] : []
            let reference = try Self.reference(models, formats: "svg,png", in: folder, options: language)
            let output = folder.appendingPathComponent("ud")
            // Half a second between the workers' death and the re-raise: the main thread then
            // always sees the killed worker first, and must still end by the signal.
            let run = try Background(["render", "batch", "--format", "svg,png", "--timeout", "600", "--output", "ud"] + language, in: folder,
                                     environment: ["PT_TEST_RERAISE_DELAY_MS": "500"])
            let written = Background.waitUntil(atMost: 600) {
                run.hasEnded || reference.keys.allSatisfy { FileManager.default.fileExists(atPath: output.appendingPathComponent($0).path) }
            }
            try #require(written && !run.hasEnded, "the small models were not written while the dense one was laid out: \(run.stderr)")

            run.send(stop.signal, toGroup: stop.toGroup)
            #expect(run.endingSignal == stop.signal, "ended by \(String(describing: run.endingSignal)), exit \(String(describing: run.exitCode)): \(run.stderr)")
            #expect(run.stderr.contains(stop.english
                ? "interrupted (\(stop.name)): diagrams written in full are kept; no half-written files are left"
                : "afbrudt (\(stop.name)): diagrammer, der blev skrevet færdig, er gemt; ingen halve filer er efterladt"), "\(run.stderr)")
            // The worker the signal killed is no error of the model's or the program's.
            #expect(!run.stderr.contains("fejl:") && !run.stderr.contains("error:"), "\(run.stderr)")
            #expect(TestSupport.files(under: output) == reference.keys.sorted())
            try Self.expectWhole(output, like: reference)
            #expect(Self.temporaryFiles(under: output).isEmpty, "\(Self.temporaryFiles(under: output))")
            // Killed and reaped before the program ended; the short wait only covers the kernel.
            #expect(Background.waitUntil(atMost: 5) { Background.processes(marked: run.mark).isEmpty },
                    "still running: \(Background.processes(marked: run.mark))")
        }
    }

    @Test("SIGTERM the moment the first file is written, while others are being written: whole files only, nothing temporary")
    func interruptedWhileWriting() throws {
        try Self.withFolder { folder in
            let models = Self.exampleModels
            let reference = try Self.reference(models, formats: "svg,png,pdf", in: folder)
            try Self.copy(models, to: folder.appendingPathComponent("batch"))
            for round in 1...3 {
                let output = folder.appendingPathComponent("ud-\(round)")
                let run = try Background(["render", "batch", "--format", "svg,png,pdf", "--output", output.path] + Self.patient, in: folder)
                Background.waitUntil(atMost: 600) { run.hasEnded || !TestSupport.files(under: output).filter { !$0.hasPrefix(".") }.isEmpty }
                run.send(SIGTERM, toGroup: false)
                run.waitForExit()
                // Either it was stopped, or it had just finished (then everything is there).
                if run.endingSignal == nil {
                    #expect(run.exitCode == 0, "\(run.stderr)")
                    #expect(TestSupport.files(under: output) == reference.keys.sorted())
                } else {
                    #expect(run.endingSignal == SIGTERM)
                }
                try Self.expectWhole(output, like: reference)
                #expect(Self.temporaryFiles(under: output).isEmpty, "round \(round): \(Self.temporaryFiles(under: output))")
                #expect(Background.waitUntil(atMost: 5) { Background.processes(marked: run.mark).isEmpty })
            }
        }
    }

    // MARK: 4. An output path that cannot be written

    @Test("An output path that is a file, lies under a file, or cannot be written: the path and what to do, exit 2, nothing touched")
    func unwritableOutput() throws {
        try Self.withFolder { folder in
            try Self.copy([TestSupport.fixtures.appendingPathComponent("render/lille.pt")], to: folder)
            let own = Data("Min egen fil, som ikke må overskrives.\n".utf8)
            try own.write(to: folder.appendingPathComponent("fil.txt"))

            let onFile = try TestSupport.run(["render", "lille.pt", "--output", "fil.txt"], in: folder)
            #expect(onFile.status == 2)
            #expect(onFile.stderr.contains("fejl: --output »fil.txt« er en fil, ikke en mappe; angiv en mappe (den oprettes, hvis den ikke findes)"),
                    "\(onFile.stderr)")
            let english = try TestSupport.run(["render", "lille.pt", "--output", "fil.txt", "--lang", "en"], in: folder)
            #expect(english.stderr.contains("error: --output »fil.txt« is a file, not a folder; give a folder (it is created if it does not exist)"),
                    "\(english.stderr)")

            let underFile = try TestSupport.run(["render", "lille.pt", "--output", "fil.txt/ud"], in: folder)
            #expect(underFile.status == 2)
            #expect(underFile.stderr.contains("fejl: mappen »fil.txt/ud« kan ikke oprettes, fordi »fil.txt« er en fil; angiv en anden mappe med --output"),
                    "\(underFile.stderr)")

            // A folder nobody may write in: a locked one, or, for root (who may write anywhere
            // the permissions say no), /proc, which takes no new files from anyone.
            let locked: String
            let lockedReason: String
            if getuid() == 0 {
                locked = "/proc"
                lockedReason = "»/proc« tager ikke imod nye filer"
            } else {
                locked = "låst"
                try FileManager.default.createDirectory(at: folder.appendingPathComponent(locked), withIntermediateDirectories: false)
                try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder.appendingPathComponent(locked).path)
                lockedReason = "ingen skriveadgang til »låst«"
            }
            let unwritable = try TestSupport.run(["render", "lille.pt", "--output", locked], in: folder)
            #expect(unwritable.status == 2)
            #expect(unwritable.stderr.contains(
                "fejl: der kan ikke skrives i mappen »\(locked)« (\(lockedReason)); angiv en anden mappe med --output, eller få skriveadgang til mappen"),
                "\(unwritable.stderr)")
            let inside = try TestSupport.run(["render", "lille.pt", "--output", locked + "/ud"], in: folder)
            #expect(inside.status == 2)
            #expect(inside.stderr.contains("fejl: mappen »\(locked)/ud« kan ikke oprettes (\(lockedReason)); angiv en anden mappe med --output"),
                    "\(inside.stderr)")
            for run in [onFile, underFile, unwritable, inside] {
                #expect(!run.stdout.contains("tegnet:"))
            }
            #expect(try Data(contentsOf: folder.appendingPathComponent("fil.txt")) == own)

            // A folder whose parents do not exist yet is made, parents and all (docs/diagram.md).
            let nested = try TestSupport.run(["render", "lille.pt", "--output", "ny/dyb/ud"] + Self.patient, in: folder)
            #expect(nested.status == 0, "\(nested.stderr)")
            let left = TestSupport.files(under: folder).filter { !$0.hasPrefix("låst") }
            #expect(left == ["fil.txt", "lille.pt", "ny/dyb/ud/lille.svg"])
        }
    }

    // MARK: 5. Model files that vanish

    @Test("Model files gone, unreadable, a folder or a pipe by the time they are read: a message for each, no wait, the others drawn, exit 2")
    func vanishedBeforeReading() throws {
        try Self.withFolder { folder in
            let models = Array(Self.exampleModels.prefix(2))
            let reference = try Self.reference(models, formats: "svg", in: folder)
            let batch = folder.appendingPathComponent("modeller")
            try Self.copy(models, to: batch)
            let manager = FileManager.default
            // Listed with the folder, gone when read: a link to nothing looks exactly so.
            try manager.createSymbolicLink(atPath: batch.appendingPathComponent("borte.pt").path, withDestinationPath: "slettet.pt")
            try manager.createDirectory(at: batch.appendingPathComponent("mappe.pt"), withIntermediateDirectories: false)
            #expect(mkfifo(batch.appendingPathComponent("rør.pt").path, 0o644) == 0)
            // Unreadable: no read permission, or for root (who reads anyway) a file whose read fails.
            let unreadable = batch.appendingPathComponent("ulæselig.pt")
            if getuid() == 0 {
                try manager.createSymbolicLink(atPath: unreadable.path, withDestinationPath: "/proc/self/mem")
            } else {
                try Data("programteori: X\n".utf8).write(to: unreadable)
                try manager.setAttributes([.posixPermissions: 0o000], ofItemAtPath: unreadable.path)
            }

            let run = try TestSupport.run(["render", "modeller", "--output", "ud"] + Self.patient, in: folder)
            #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("fejl: modeller/borte.pt: filen findes ikke\n"), "\(run.stderr)")
            #expect(run.stderr.contains("fejl: modeller/mappe.pt: stien er en mappe, ikke en fil\n"))
            // A named pipe nobody writes to is read without waiting: it is empty (PT017, a finding).
            #expect(run.stdout.contains("fejl[PT017]: filen er tom"), "\(run.stdout)")
            #expect(run.stdout.contains("--> modeller/rør.pt:1:1"), "\(run.stdout)")
            #expect(run.stderr.contains("fejl: modeller/ulæselig.pt: filen kan ikke læses ("))
            #expect(!run.stderr.contains("systemfejl"), "\(run.stderr)")
            for model in models {
                #expect(run.stdout.contains("tegnet: modeller/\(model.lastPathComponent)"))
            }
            let output = folder.appendingPathComponent("ud")
            #expect(TestSupport.files(under: output) == reference.keys.sorted())
            try Self.expectWhole(output, like: reference)

            let english = try TestSupport.run(["render", "modeller", "--output", "ud", "--lang", "en"] + Self.patient, in: folder)
            #expect(english.status == 2)
            #expect(english.stderr.contains("error: modeller/borte.pt: the file does not exist\n"))
            #expect(english.stderr.contains("error: modeller/ulæselig.pt: the file cannot be read ("), "\(english.stderr)")
            #expect(!english.stderr.contains("læseadgang") && !english.stderr.contains("systemfejl"), "\(english.stderr)")
        }
    }

    @Test("A model from a pipe someone writes to (check <(git show …)) is read to its end")
    func modelFromPipe() throws {
        let model = TestSupport.fixtures.appendingPathComponent("render/lille.pt").path
        let run = try TestSupport.run(["-c", "cat \"$1\" | \"$0\" check /dev/stdin", TestSupport.executable.path, model], shell: true)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let direct = try TestSupport.run(["check", model])
        #expect(run.stdout.replacingOccurrences(of: "/dev/stdin", with: model) == direct.stdout)
    }

    @Test("Model files deleted or replaced once the batch is checked: drawn as they were read, every one, exit 0")
    func vanishedAfterCheck() throws {
        try Self.withFolder { folder in
            let models = Self.exampleModels
            let reference = try Self.reference(models, formats: "svg,png", in: folder)
            let batch = folder.appendingPathComponent("batch")
            try Self.copy(models, to: batch)
            let output = folder.appendingPathComponent("ud")
            let run = try Background(["render", "batch", "--format", "svg,png", "--output", "ud"] + Self.patient, in: folder)
            // The first file written means every model has been read and checked.
            Background.waitUntil(atMost: 600) { run.hasEnded || !TestSupport.files(under: output).filter { !$0.hasPrefix(".") }.isEmpty }
            let manager = FileManager.default
            for (index, model) in models.enumerated() {
                let path = batch.appendingPathComponent(model.lastPathComponent)
                try manager.removeItem(at: path)
                if index == 0 { try manager.createDirectory(at: path, withIntermediateDirectories: false) }
                if index == 1 { try Data("ødelagt\n".utf8).write(to: path) }
            }
            run.waitForExit()
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(TestSupport.files(under: output) == reference.keys.sorted())
            try Self.expectWhole(output, like: reference)
        }
    }
}
