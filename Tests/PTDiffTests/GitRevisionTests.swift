import Foundation
import PTDiff
import PTSource
import ProgramteoriKit
import Testing

/// `diff --git` on a git repository made for the test: a model with a `brug:` part, committed,
/// then changed in the working tree and committed again.
@Suite("diff --git")
struct GitRevisionTests {
    /// A fresh repository with two commits; the working tree holds a third, uncommitted change.
    static func repository() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("modeller/faelles"), withIntermediateDirectories: true)
        let base = try String(contentsOf: DiffTestSupport.fixtures.appendingPathComponent("par/brug/gammel/model.pt"), encoding: .utf8)
        let part = try String(contentsOf: DiffTestSupport.fixtures.appendingPathComponent("par/brug/gammel/faelles/mekanismer.pt"), encoding: .utf8)
        try git(["init", "-q"], in: folder)
        try base.write(to: folder.appendingPathComponent("modeller/model.pt"), atomically: true, encoding: .utf8)
        try part.write(to: folder.appendingPathComponent("modeller/faelles/mekanismer.pt"), atomically: true, encoding: .utf8)
        try git(["add", "."], in: folder)
        try git(["commit", "-q", "-m", "first"], in: folder)
        // Second commit: the shared part changes (M1 becomes a competence).
        try part.replacingOccurrences(of: "type: tilgang", with: "type: kompetence")
            .write(to: folder.appendingPathComponent("modeller/faelles/mekanismer.pt"), atomically: true, encoding: .utf8)
        try git(["commit", "-q", "-am", "second"], in: folder)
        // Working tree: a target raised, not committed.
        try base.replacingOccurrences(of: "mål: 80 senest 2026-12-31", with: "mål: 85 senest 2026-12-31")
            .write(to: folder.appendingPathComponent("modeller/model.pt"), atomically: true, encoding: .utf8)
        return folder
    }

    @discardableResult
    static func git(_ arguments: [String], in folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        return process.terminationStatus
    }

    @Test("Working tree against HEAD: the uncommitted raised target, and nothing from the part")
    func workingTree() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let diffs = try ModelComparison(today: DiffTestSupport.today)
            .compare(oldRevision: "HEAD", newRevision: nil, paths: ["modeller"], directory: folder.path).get()
        #expect(diffs.count == 1, "the part is no model of its own")
        let diff = try #require(diffs.first)
        #expect(diff.old == "HEAD:modeller/model.pt")
        #expect(diff.new == "modeller/model.pt")
        #expect(diff.elements.map(\.id) == ["D1"])
        #expect(diff.elements.first?.indicators.first?.fields == [FieldChange(field: "target", old: "80", new: "85")])
    }

    @Test("Two revisions: the included part is read at each revision too")
    func twoRevisions() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let diffs = try ModelComparison(today: DiffTestSupport.today)
            .compare(oldRevision: "HEAD~1", newRevision: "HEAD", paths: [], directory: folder.path).get()
        let diff = try #require(diffs.first)
        #expect(diff.old == "HEAD~1:modeller/model.pt" && diff.new == "HEAD:modeller/model.pt")
        #expect(diff.elements.map(\.id) == ["M1"])
        #expect(diff.elements.first?.fields == [FieldChange(field: "type", old: "tilgang", new: "kompetence")])
        #expect(diff.elements.first?.file == "faelles/mekanismer.pt")
    }

    @Test("A model that exists on one side only is a new model")
    func newModel() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        try String(contentsOf: DiffTestSupport.fixtures.appendingPathComponent("basis.pt"), encoding: .utf8)
            .write(to: folder.appendingPathComponent("modeller/ny-model.pt"), atomically: true, encoding: .utf8)
        let diffs = try ModelComparison(today: DiffTestSupport.today)
            .compare(oldRevision: "HEAD", newRevision: nil, paths: ["."], directory: folder.path).get()
        let added = try #require(diffs.first { $0.new == "modeller/ny-model.pt" })
        #expect(added.modelChange == .added)
        #expect(added.elements.allSatisfy { $0.change == .added })
    }

    @Test("An unknown revision and a folder outside git are tool errors with a Danish message")
    func failures() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let comparison = ModelComparison(today: DiffTestSupport.today)
        guard case .failure(let unknown) = comparison.compare(oldRevision: "findes-ikke", newRevision: nil, paths: [], directory: folder.path) else {
            Issue.record("an unknown revision was accepted")
            return
        }
        #expect(unknown.message.da.contains("kender ikke versionen »findes-ikke«"))
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("pt-nogit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        guard case .failure(let noRepository) = comparison.compare(oldRevision: "HEAD", newRevision: nil, paths: [], directory: outside.path) else {
            Issue.record("a folder outside git was accepted")
            return
        }
        #expect(noRepository.message.da.contains("ligger ikke i et git-arkiv"))
    }
}
