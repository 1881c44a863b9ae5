import Foundation
import Testing

/// `programteori render` and `programteori doktor` as a user runs them: the real executable,
/// its files, its messages and its exit codes.
@Suite("programteori render and doktor, end to end", .serialized)
struct RenderCommandTests {
    static let fixtures = TestSupport.fixtures.appendingPathComponent("render")

    /// A fresh output folder, removed afterwards.
    static func withOutput(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test("One file per model and format, named after the model; parts are not drawn; subfolders kept")
    func filesAndNames() throws {
        try Self.withOutput { output in
            let run = try TestSupport.run(["render", "render/lille.pt", "render/undermappe", "--format", "svg,png,pdf,dot", "--output", output.path],
                                          in: TestSupport.fixtures)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(TestSupport.files(under: output) == [
                "lille.dot", "lille.pdf", "lille.png", "lille.svg",
                "med-del.dot", "med-del.pdf", "med-del.png", "med-del.svg",
            ])
            #expect(run.stdout.contains("tegnet: render/lille.pt → \(output.path)/lille.svg, \(output.path)/lille.png, \(output.path)/lille.pdf, \(output.path)/lille.dot"))
            let png = try Data(contentsOf: output.appendingPathComponent("lille.png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            #expect(String(decoding: png[12..<16], as: UTF8.self) == "IHDR")
            let pdf = try Data(contentsOf: output.appendingPathComponent("lille.pdf"))
            #expect(pdf.starts(with: Data("%PDF-".utf8)))
            let svg = try String(contentsOf: output.appendingPathComponent("med-del.svg"), encoding: .utf8)
            // The mechanism from the part file is drawn in the model that uses it.
            #expect(svg.contains("Virksomhedskonsulenter med lokalkendskab"))
        }
    }

    @Test("A folder keeps its subfolders below the output folder")
    func subfolders() throws {
        try Self.withOutput { output in
            let run = try TestSupport.run(["render", "render", "--tving", "--output", output.path], in: TestSupport.fixtures)
            #expect(run.status == 1)
            #expect(TestSupport.files(under: output) == ["lille.svg", "med-fejl.svg", "undermappe/med-del.svg"])
        }
    }

    @Test("A model with errors is not drawn: its findings are shown as check shows them, exit 1")
    func errorsSkip() throws {
        try Self.withOutput { output in
            let run = try TestSupport.run(["render", "render/med-fejl.pt", "render/lille.pt", "--output", output.path], in: TestSupport.fixtures)
            #expect(run.status == 1)
            #expect(run.stdout.contains("fejl[PT201]"))
            #expect(run.stdout.contains("--> render/med-fejl.pt:8:14"))
            #expect(run.stdout.contains("ikke tegnet: render/med-fejl.pt har fejl (ret dem, eller tegn alligevel med --tving)"))
            #expect(run.stdout.contains("tegnet: render/lille.pt"))
            #expect(TestSupport.files(under: output) == ["lille.svg"])
            // With --tving it is drawn, and the exit code still says there were errors.
            let forced = try TestSupport.run(["render", "render/med-fejl.pt", "--tving", "--output", output.path], in: TestSupport.fixtures)
            #expect(forced.status == 1)
            #expect(TestSupport.files(under: output) == ["lille.svg", "med-fejl.svg"])
        }
    }

    @Test("Usage errors exit 2 with a Danish message")
    func usageErrors() throws {
        for arguments in [["--format", "gif"], ["--visning", "alt"], ["--tema", "neon"], ["--bredde", "farve=3"], ["--timeout", "-1"]] {
            let run = try TestSupport.run(["render", "render/lille.pt"] + arguments, in: TestSupport.fixtures)
            #expect(run.status == 2, "\(arguments)")
        }
        let gif = try TestSupport.run(["render", "render/lille.pt", "--format", "gif"], in: TestSupport.fixtures)
        #expect(gif.stderr.contains("ukendt format »gif«; brug svg, png, pdf eller dot"))
        let missing = try TestSupport.run(["render", "findes-ikke.pt"], in: TestSupport.fixtures)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("findes-ikke.pt: stien findes ikke"))
    }

    @Test("Two models that would write the same file: nothing is drawn, exit 2")
    func collision() throws {
        try Self.withOutput { folder in
            for sub in ["a", "b"] {
                try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("lille.pt"),
                                                 to: folder.appendingPathComponent("\(sub)/x.pt"))
            }
            let run = try TestSupport.run(["render", "a/x.pt", "b/x.pt", "--output", "ud"], in: folder)
            #expect(run.status == 2)
            #expect(run.stderr.contains("fejl: a/x.pt og b/x.pt ville begge skrive x.*; tegn dem hver for sig med hver sin --output"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("ud").path))
        }
    }

    @Test("A file that cannot be written is exit 2, and no half or temporary file is left")
    func writeFailure() throws {
        try Self.withOutput { output in
            // A folder where the SVG should go: the rename onto it fails.
            try FileManager.default.createDirectory(at: output.appendingPathComponent("lille.svg"), withIntermediateDirectories: true)
            let run = try TestSupport.run(["render", "render/lille.pt", "--output", output.path], in: TestSupport.fixtures)
            #expect(run.status == 2)
            #expect(run.stderr.contains("kunne ikke skrive \(output.path)/lille.svg"))
            #expect(TestSupport.files(under: output).isEmpty, "\(TestSupport.files(under: output))")
        }
    }

    @Test("Layout in a child process (the default) gives the same bytes as in this process, every time")
    func childProcessSameBytes() throws {
        try Self.withOutput { output in
            let child = output.appendingPathComponent("barn")
            let same = output.appendingPathComponent("samme")
            let again = output.appendingPathComponent("igen")
            for (folder, timeout) in [(child, "20"), (same, "0"), (again, "20")] {
                let run = try TestSupport.run(["render", "render/lille.pt", "--format", "svg,png,pdf", "--timeout", timeout, "--output", folder.path],
                                              in: TestSupport.fixtures)
                #expect(run.status == 0, "\(run.stderr)")
            }
            for name in ["lille.svg", "lille.png", "lille.pdf"] {
                let bytes = try Data(contentsOf: child.appendingPathComponent(name))
                #expect(bytes == (try Data(contentsOf: same.appendingPathComponent(name))), "\(name): child and in-process differ")
                #expect(bytes == (try Data(contentsOf: again.appendingPathComponent(name))), "\(name): two renders differ")
            }
        }
    }

    @Test("Views, themes, widths and hidden indicators reach the diagram")
    func options() throws {
        try Self.withOutput { output in
            let run = try TestSupport.run(["render", "render/lille.pt", "--visning", "oversigt", "--tema", "print", "--uden-indikatorer",
                                           "--bredde", "slutmål=12", "--format", "dot", "--output", output.path], in: TestSupport.fixtures)
            #expect(run.status == 0, "\(run.stderr)")
            let dot = try String(contentsOf: output.appendingPathComponent("lille.dot"), encoding: .utf8)
            #expect(!dot.contains("\"A1\""))            // no activities in the overview
            #expect(!dot.contains("S1.1"))              // no indicators
            #expect(dot.contains("#e4e4e4"))            // the print theme's målgruppe grey
            #expect(dot.contains("Den unge er<BR/>i gang med<BR/>en ordinær<BR/>uddannelse"))  // wrapped at 12
            #expect(dot.contains("OVERSIGT"))
        }
    }

    @Test("English with --lang en: the diagram's words and the messages")
    func english() throws {
        try Self.withOutput { output in
            let run = try TestSupport.run(["render", "render/lille.pt", "--lang", "en", "--format", "svg", "--output", output.path], in: TestSupport.fixtures)
            #expect(run.status == 0)
            #expect(run.stdout.hasPrefix("rendered: render/lille.pt → "))
            let svg = try String(contentsOf: output.appendingPathComponent("lille.svg"), encoding: .utf8)
            #expect(svg.contains(">Activities</text>"))
            #expect(svg.contains(">How to read the diagram</text>"))
        }
    }

    @Test("The hidden layout worker: requests on stdin, framed replies on stdout, until stdin ends")
    func worker() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-worker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Three requests in one go: a graph in two formats, one Graphviz cannot read, and one it
        // warns about (the warning comes after the bytes).
        let input = folder.appendingPathComponent("in")
        try "layout 1 plain,svg 20\ndigraph g { a -> b }layout 2 svg 9\ndigraph {layout 3 svg 44\ndigraph w { a -> b [arrowhead=nosucharrow] }"
            .write(to: input, atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["-c", "\"$0\" _layout < \"$1\"", TestSupport.executable.path, input.path],
                                      shell: true)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("ok 1 2 0\nplain "))
        #expect(run.stdout.contains("ok 3 1 1\nsvg "))
        #expect(run.stdout.contains("</svg>\nwarning "))
        #expect(run.stdout.contains("nosucharrow"))
        #expect(run.stdout.contains("\nsvg "))
        #expect(run.stdout.contains("</svg>\nerror 2 "))
        #expect(run.stdout.contains("syntax error"))
        let bad = try TestSupport.run(["-c", "echo 'digraph {' | \"$0\" _layout", TestSupport.executable.path], shell: true)
        #expect(bad.status == 4)
        #expect(bad.stderr.contains("not a request header: digraph {"))
        #expect(!(try TestSupport.run(["--help"]).stdout.contains("_layout")))
    }

    @Test("doktor: every check of the Graphviz installation with ✓, exit 0; English with --lang en")
    func doctor() throws {
        let run = try TestSupport.run(["doktor"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("✓ Graphviz-biblioteket libgvc"))
        #expect(run.stdout.contains("✓ Skrifttypen DejaVu Sans er installeret"))
        #expect(run.stdout.hasSuffix("Alt er på plads: programteori kan tegne diagrammer.\n"))
        let english = try TestSupport.run(["doctor", "--lang", "en"])
        #expect(english.status == 0)
        #expect(english.stdout.contains("✓ The dot layout engine works."))
    }

    @Test("doktor with a broken plugin directory: ✗, how to fix it, exit 2")
    func doctorBroken() throws {
        let run = try TestSupport.run(["doktor"], environment: ["GVBINDIR": "/nonexistent"])
        #expect(run.status == 2, "\(run.stdout)")
        #expect(run.stdout.contains("✗ Layout-motoren dot virker ikke"))
        #expect(run.stdout.contains("sådan retter du det: "))
    }
}

extension TestSupport {
    /// Runs `/bin/sh` with `arguments` (for pipes), with the same clean environment.
    static func run(_ arguments: [String], shell: Bool) throws -> Run {
        try run(arguments, executable: URL(fileURLWithPath: "/bin/sh"))
    }
}

@Suite("programteori render: the size cap", .serialized)
struct RenderSizeCapTests {
    @Test("A model past the cap is not drawn: PT301 with help, exit 1")
    func tooLarge() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-cap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = ["programteori: Meget stor model", "målgruppe MG: Borgere", "  kendetegn: Ledige", "  størrelse: 10",
                     "slutmål S1: Job", "  indikator S1.1: Andel i job", "    enhed: procent", "    baseline: 1 (2025)",
                     "    mål: 2 senest 2027-12-31", "    datakilde: x", "    frekvens: årlig"]
        for number in 1...260 { lines += ["aktivitet A\(number): Aktivitet \(number)", "  fører til: S1"] }
        lines += ["mekanisme M1: Relation", "  type: tilgang", "  understøtter: A1"]
        try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("stor.pt"), atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["render", "stor.pt", "--output", "ud"], in: folder)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("fejl[PT301]: modellen er for stor til et diagram: 263 elementer, grænsen er 250"))
        #expect(run.stdout.contains("del programteorien op i flere modeller"))
        #expect(run.stdout.contains("ikke tegnet: stor.pt er for stor"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("ud/stor.svg").path))
    }
}
