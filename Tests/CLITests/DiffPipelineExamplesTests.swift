import Foundation
import Testing

/// The pull-request set-ups in docs/pipelines that post `programteori diff` as a comment: valid
/// YAML, and every fmt and diff command in them is one the tool accepts.
@Suite("docs/pipelines diff examples")
struct DiffPipelineExamplesTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("docs/pipelines")
    static let files = ["github-pr-diff.yml", "gitlab-mr-diff.yml"]

    @Test("Each file is valid YAML", arguments: files)
    func validYAML(name: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, yaml; yaml.safe_load(open(sys.argv[1]))",
                             Self.folder.appendingPathComponent(name).path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("They post the Markdown diff against the base branch and check the layout", arguments: files)
    func commands(name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n").filter { $0.contains("programteori diff") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.contains("--git \"origin/$"), "\(line)")
            #expect(line.contains("--format markdown"), "\(line)")
        }
        #expect(text.contains("programteori fmt --check Models/"))
        #expect(text.contains("<!-- programteori-diff -->"))
        // The Markdown renderer starts with the same marker the pipelines look for.
        let run = try TestSupport.run(["diff", "--format", "markdown", "Models/udsatte-unge-helhedsorienteret-forloeb.pt",
                                       "Models/udsatte-unge-helhedsorienteret-forloeb.pt"])
        #expect(run.stdout.hasPrefix("<!-- programteori-diff -->\n"))
    }
}
