import PTDiagram
import PTModel
import PTPipelineAudit
import PTSource
import PTSyntax
import Testing

/// The audit must catch what Graphviz would reinterpret, and pass what the emitter writes.
@Suite("DOTAudit finds DOT that Graphviz would reinterpret")
struct DOTAuditTests {
    static func problems(_ dot: String) -> [String] {
        DOTAudit(dot).problems.map(\.message)
    }

    @Test("Clean DOT with both kinds of label has no problems, and its label text is decoded")
    func clean() {
        let dot = ##"digraph "g" { "a" [label="x \\N \"q\"", fillcolor="#FFF"]; "a" -> "b" [label=<<B>&lt;&amp;&gt; \\N &#93;</B><BR/>z>]; }"##
        let audit = DOTAudit(dot)
        #expect(audit.problems.isEmpty, "\(audit.problems)")
        #expect(audit.labels.map(\.text) == [#"x \N "q""#, #" <&> \N ]  z"#])
    }

    @Test("Graphviz escapes in quoted strings are caught", arguments: [#"\N"#, #"\G"#, #"\L"#, #"\n"#, #"\E"#])
    func quotedEscape(_ escape: String) {
        #expect(!Self.problems("digraph { a [label=\"x\(escape)\"]; }").isEmpty)
    }

    @Test("Unsafe HTML-like labels are caught", arguments: [
        "<x&y>", "<<B>x>", "<<B>x</FONT>>", "<x\\N>", "<x]>", "<<SCRIPT>x</SCRIPT>>",
        "<<FONT COLOR=\"a<b\">x</FONT>>", "<x\u{1}y>", "<&#92;N>", "<&bogus;>",
    ])
    func html(_ label: String) {
        #expect(!Self.problems("digraph { a [label=\(label)]; }").isEmpty, "\(label)")
    }

    @Test("Control characters, unterminated strings and unbalanced braces are caught", arguments: [
        "digraph { a [label=\"x\ty\"]; }", "digraph { a [label=\"x]; }", "digraph { a [label=x]; ", "digraph { a \u{7} }",
    ])
    func structure(_ dot: String) {
        #expect(!Self.problems(dot).isEmpty)
    }

    @Test("The emitter's DOT for hostile titles passes, and every title is found in it")
    func hostileModel() {
        let text = """
            programteori: Titel med <&>" og \\N \\G ]]> og \ttabulator
            målgruppe MG: Borgere \\L med <b>fed</b> tekst
            aktivitet A1: Samtale & "opfølgning" ]
              fører til: S1
            slutmål S1: Job 😀 og e\u{301} og עברית og Beskæftigelsesindsatsmedarbejderuddannelsesforløb
            """
        let file = SourceFile(path: "/fuzz/model.pt", text: text)
        #expect(PipelineProbe.run(InputBundle(Array(text.utf8))).isEmpty)
        var cache = SyntaxCache()
        let tree = cache.tree(for: file, canonicalPath: file.path).tree
        let model = ModelBuilder.build(root: tree, loader: MemoryLoader(files: [:]), cache: &cache).model
        #expect(model.elements.count == 3)
        for view in DiagramView.allCases {
            let diagram = Diagram.build(from: model, options: DiagramOptions(view: view))
            #expect(PipelineProbe.check(dot: diagram.dot(), diagram: diagram, model: model).isEmpty)
        }
    }

    @Test("A title missing from the DOT is reported")
    func missingTitle() {
        let text = "programteori: Model\nslutmål S1: Job\n"
        let file = SourceFile(path: "/fuzz/model.pt", text: text)
        var cache = SyntaxCache()
        let tree = cache.tree(for: file, canonicalPath: file.path).tree
        let model = ModelBuilder.build(root: tree, loader: MemoryLoader(files: [:]), cache: &cache).model
        let diagram = Diagram.build(from: model)
        let dot = diagram.dot().replacingOccurrences(of: "Job", with: "Jxb")
        #expect(PipelineProbe.check(dot: dot, diagram: diagram, model: model).contains { $0.contains("\"Job\"") })
    }
}

@Suite("Fuzz inputs are bundles of in-memory files")
struct InputBundleTests {
    @Test("Sections become files, includes resolve among them, the first .csv is the measurements")
    func sections() {
        let bytes = Array("programteori: M\nbrug: dele/a.pt\n%%% dele/a.pt\nbrug: ../b.pt\n%%% b.pt\nslutmål S1: Job\n%%% m.csv\nx\n".utf8)
        let bundle = InputBundle(bytes)
        #expect(String(decoding: bundle.root.bytes, as: UTF8.self) == "programteori: M\nbrug: dele/a.pt\n")
        #expect(bundle.files.keys.sorted() == ["/fuzz/b.pt", "/fuzz/dele/a.pt"])
        #expect(bundle.measurements?.path == "/fuzz/m.csv")
        let loader = MemoryLoader(files: bundle.files)
        let target = loader.resolve("../b.pt", relativeTo: "/fuzz/dele/a.pt")
        #expect(loader.canonical(target) == "/fuzz/b.pt")
        #expect((try? loader.load(target).get())?.path == "/fuzz/b.pt")
        #expect(failure(loader.load("/fuzz/dele")) == .isDirectory)
        #expect(failure(loader.load("/etc/passwd")) == .notFound)
        #expect(MemoryLoader.normalize("/../../x/./y/../z") == "/x/z")
    }
}

private func failure(_ result: Result<SourceFile, LoadFailure>) -> LoadFailure? {
    if case .failure(let failure) = result { return failure }
    return nil
}
