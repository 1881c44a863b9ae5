import Foundation
import Testing

/// The pipeline set-ups in docs/pipelines are real: valid YAML, and every `programteori`
/// command in them is one the tool accepts.
@Suite("docs/pipelines examples")
struct PipelineExamplesTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("docs/pipelines")
    static let files = ["github-actions.yml", "gitlab-ci.yml", "azure-pipelines.yml", "pre-commit-config.yaml"]

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

    @Test("Every check command in them uses a format the tool knows", arguments: files)
    func formats(name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        #expect(text.contains("programteori check"))
        for line in text.split(separator: "\n") where line.contains("--format") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            let format = line.split(separator: " ").drop(while: { $0 != "--format" }).dropFirst().first.map(String.init)
            #expect(["text", "json", "sarif", "junit", "github"].contains(format ?? ""), "\(line)")
        }
    }
}
