import Foundation
import PTModel
import PTSource
import PTSyntax

/// Why `diff` could not compare (exit code 2).
public struct DiffFailure: Error, Sendable {
    public let message: LocalizedText

    public init(_ message: LocalizedText) {
        self.message = message
    }
}

/// The git repository around a folder, asked through the `git` command (the only place the
/// toolkit runs git). Paths are given relative to `directory` (as a user types them) or
/// absolute inside the repository.
public struct GitRepository: Sendable {
    public let directory: String
    /// The work tree's top folder, as git reports it.
    public let root: String

    /// The repository that holds `directory`, or why there is none.
    public static func find(from directory: String = FileManager.default.currentDirectoryPath) -> Result<GitRepository, DiffFailure> {
        let result = run(["rev-parse", "--show-toplevel"], in: directory)
        guard result.status == 0, let top = String(data: result.output, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !top.isEmpty else {
            if result.status == -1 {
                return .failure(DiffFailure(LocalizedText(da: "git kan ikke startes (er git installeret?)",
                                                          en: "git cannot be started (is git installed?)")))
            }
            return .failure(DiffFailure(LocalizedText(da: "\(directory) ligger ikke i et git-arkiv (--git kræver et)",
                                                      en: "\(directory) is not inside a git repository (--git needs one)")))
        }
        return .success(GitRepository(directory: directory, root: top))
    }

    /// The commit `revision` names, or a message a person understands.
    public func verify(_ revision: String) -> Result<String, DiffFailure> {
        let result = Self.run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: directory)
        guard result.status == 0, let hash = String(data: result.output, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines) else {
            return .failure(DiffFailure(LocalizedText(
                da: "git kender ikke versionen »\(revision)« (skriv fx HEAD, main, origin/main eller et commit-ID)",
                en: "git does not know the revision »\(revision)« (write e.g. HEAD, main, origin/main or a commit ID)")))
        }
        return .success(hash)
    }

    /// The `.pt` files under `path` at `revision`, relative to `directory` like `path` itself.
    public func modelFiles(at revision: String, under path: String) -> [String] {
        let result = Self.run(["ls-tree", "-r", "--name-only", revision, "--", path], in: directory)
        guard result.status == 0 else { return [] }
        return String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init).filter { $0.hasSuffix(".pt") }.sorted()
    }

    /// The bytes of `path` at `revision`; nil when it does not exist there.
    public func contents(of path: String, at revision: String) -> [UInt8]? {
        let spec: String
        if path.hasPrefix("/") {
            guard path.hasPrefix(root + "/") else { return nil }
            spec = revision + ":" + String(path.dropFirst(root.count + 1))
        } else {
            // `./` makes git read the path relative to the folder it runs in.
            spec = revision + ":" + (path.hasPrefix("../") ? path : "./" + path)
        }
        let result = Self.run(["cat-file", "blob", spec], in: directory)
        return result.status == 0 ? [UInt8](result.output) : nil
    }

    /// Runs git with its output in a file, so a large file can never fill a pipe and block.
    static func run(_ arguments: [String], in directory: String) -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("programteori-git-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: scratch.path, contents: nil) else { return (-1, Data()) }
        defer { try? FileManager.default.removeItem(at: scratch) }
        guard let handle = try? FileHandle(forWritingTo: scratch) else { return (-1, Data()) }
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? handle.close()
            return (-1, Data())
        }
        process.waitUntilExit()
        try? handle.close()
        return (process.terminationStatus, (try? Data(contentsOf: scratch)) ?? Data())
    }
}

/// Reads models and their `brug:` parts as they were at a git revision, so an include is
/// followed into the same revision. Paths look exactly like working-tree paths.
public struct GitRevisionLoader: SourceLoader, Sendable {
    public let repository: GitRepository
    public let revision: String
    private let paths = FileSystemLoader()

    public init(repository: GitRepository, revision: String) {
        self.repository = repository
        self.revision = revision
    }

    public func resolve(_ included: String, relativeTo including: String) -> String {
        paths.resolve(included, relativeTo: including)
    }

    public func canonical(_ path: String) -> String {
        PathNormalizer.normalize(path)
    }

    public func load(_ path: String) -> Result<SourceFile, LoadFailure> {
        guard let bytes = repository.contents(of: PathNormalizer.normalize(path), at: revision) else { return .failure(.notFound) }
        if bytes.count > Parser.maxFileSize { return .failure(.tooLarge(bytes: bytes.count, limit: Parser.maxFileSize)) }
        return .success(SourceFile(path: path, bytes: bytes))
    }
}

/// `./Models/../Models/x.pt` → `Models/x.pt`: one spelling per file on both sides of a diff.
enum PathNormalizer {
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
