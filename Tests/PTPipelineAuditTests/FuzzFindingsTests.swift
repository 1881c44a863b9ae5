import Foundation
import PTPipelineAudit
import Testing

/// The inputs libFuzzer found (Fixtures/fuzz/, one file per finding, see docs/fuzzing.md) and
/// the repository's own models, each run through the whole pure pipeline with every oracle of
/// `PipelineProbe`: no trap, DOT that Graphviz reads as we mean it, every title in the DOT,
/// diagnostics inside their files, the same bytes twice.
@Suite("Fuzz findings and the repository's models pass every pipeline oracle")
struct FuzzFindingsTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    static var findings: [URL] {
        let folder = testsFolder.appendingPathComponent("Fixtures/fuzz")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".fuzz") }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test("There are findings to replay")
    func findingsExist() {
        #expect(!Self.findings.isEmpty)
    }

    @Test("Every fuzz finding now passes", arguments: findings)
    func finding(_ url: URL) throws {
        let bytes = try [UInt8](Data(contentsOf: url))
        let violations = PipelineProbe.run(bytes)
        #expect(violations.isEmpty, "\(url.lastPathComponent): \(violations.joined(separator: "\n"))")
    }

    /// The seeds of the fuzz corpus: every model beside its measurements, and every .pt fixture.
    static var repositoryModels: [URL] {
        var urls: [URL] = []
        for top in ["Models", "Tests"] {
            let folder = packageRoot.appendingPathComponent(top)
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".pt") {
                urls.append(folder.appendingPathComponent(path))
            }
        }
        return urls.sorted { $0.path < $1.path }
    }

    @Test("Every model and .pt fixture of the repository passes")
    func repositoryModelsPass() throws {
        let models = Self.repositoryModels
        #expect(models.count > 20)
        for url in models {
            var files: [(name: String, bytes: [UInt8])] = []
            let csv = url.deletingPathExtension().appendingPathExtension("maalinger.csv")
            if let measurements = try? Data(contentsOf: csv) {
                files.append((csv.lastPathComponent, [UInt8](measurements)))
            }
            let bundle = InputBundle.encode(root: try [UInt8](Data(contentsOf: url)), files: files)
            let violations = PipelineProbe.run(bundle)
            #expect(violations.isEmpty, "\(url.path): \(violations.joined(separator: "\n"))")
        }
    }
}
