import Foundation
import PTDiagnostics
import PTDiff
import PTModel
import PTSource
import PTSyntax

/// `programteori diff`: reads both versions (files, the working tree, git revisions), checks
/// each as `check` would, and compares them model by model. Rule settings come from the
/// working tree's `programteori.toml` for both sides, so a finding that appears is the model's
/// doing, not a changed setting.
public struct ModelComparison: Sendable {
    public var today: DateValue

    public init(today: DateValue = Checker.currentDate()) {
        self.today = today
    }

    /// Two model files on disk.
    public func compare(oldFile: String, newFile: String) -> Result<[TheoryDiff], DiffFailure> {
        for path in [oldFile, newFile] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return .failure(DiffFailure(LocalizedText(da: "\(path): filen findes ikke", en: "\(path): the file does not exist")))
            }
            if isDirectory.boolValue {
                return .failure(DiffFailure(LocalizedText(
                    da: "\(path) er en mappe; sammenlign to filer, eller en mappe med en git-version: »programteori diff --git main \(path)«",
                    en: "\(path) is a folder; compare two files, or a folder with a git revision: »programteori diff --git main \(path)«")))
            }
        }
        let checker = Checker(today: today)
        let old = side(checker.check(files: [oldFile]), path: oldFile, label: oldFile)
        let new = side(checker.check(files: [newFile]), path: newFile, label: newFile)
        if let failure = old.failure ?? new.failure { return .failure(failure) }
        return .success([TheoryComparison.compare(old: old.side, new: new.side)])
    }

    /// The models under `paths` at `oldRevision` against the same paths in the working tree
    /// (`newRevision` nil) or at `newRevision`.
    public func compare(oldRevision: String, newRevision: String?, paths: [String],
                        directory: String = FileManager.default.currentDirectoryPath) -> Result<[TheoryDiff], DiffFailure> {
        let directory = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        let repository: GitRepository
        switch GitRepository.find(from: directory) {
        case .failure(let failure): return .failure(failure)
        case .success(let found): repository = found
        }
        for revision in [oldRevision] + (newRevision.map { [$0] } ?? []) {
            if case .failure(let failure) = repository.verify(revision) { return .failure(failure) }
        }
        let paths = paths.isEmpty ? ["."] : paths

        let oldFiles = paths.flatMap { repository.modelFiles(at: oldRevision, under: $0) }.map(PathNormalizer.normalize)
        let newFiles: [String]
        if let newRevision {
            newFiles = paths.flatMap { repository.modelFiles(at: newRevision, under: $0) }.map(PathNormalizer.normalize)
        } else {
            let inDirectory = paths.map { $0.hasPrefix("/") ? $0 : (directory as NSString).appendingPathComponent($0) }
            let discovered = ModelDiscovery.files(in: inDirectory.filter { FileManager.default.fileExists(atPath: $0) })
            newFiles = discovered.files.map { file in
                let relative = file.hasPrefix(directory + "/") ? String(file.dropFirst(directory.count + 1)) : file
                return PathNormalizer.normalize(relative)
            }
        }
        if oldFiles.isEmpty && newFiles.isEmpty {
            return .failure(DiffFailure(LocalizedText(
                da: "ingen .pt-filer i \(paths.joined(separator: ", ")), hverken i \(oldRevision) eller \(newRevision ?? "arbejdsmappen")",
                en: "no .pt files in \(paths.joined(separator: ", ")), neither at \(oldRevision) nor in \(newRevision ?? "the working tree")")))
        }

        // The checkers read absolute paths (no change of working directory, which would reach
        // every thread); what people see is relative to `directory` again.
        let base = directory + "/"
        func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : base + path }
        let oldChecker = Checker(today: today, loader: GitRevisionLoader(repository: repository, revision: oldRevision))
        let newChecker = newRevision.map { Checker(today: today, loader: GitRevisionLoader(repository: repository, revision: $0)) }
            ?? Checker(today: today)
        let oldReport = oldChecker.check(files: oldFiles.map(absolute))
        let newReport = newChecker.check(files: newFiles.map(absolute))
        var order = newFiles
        for file in oldFiles where !order.contains(file) { order.append(file) }
        var diffs: [TheoryDiff] = []
        for path in order {
            let oldSide = side(oldReport, path: absolute(path), label: oldRevision + ":" + path, strip: base, prefix: oldRevision + ":")
            let newSide = side(newReport, path: absolute(path), label: newRevision.map { $0 + ":" + path } ?? path,
                               strip: base, prefix: newRevision.map { $0 + ":" } ?? "")
            // A `brug:` part is not a model of its own: its changes show in the models using it.
            if oldSide.side.model == nil && newSide.side.model == nil { continue }
            diffs.append(TheoryComparison.compare(old: oldSide.side, new: newSide.side))
        }
        return .success(diffs)
    }

    /// One model's side of a comparison, read from a check report.
    /// `strip` is removed from the front of file names in findings, `prefix` put before them.
    private func side(_ report: CheckReport, path: String, label: String, strip: String = "", prefix: String = "") -> (side: DiffSide, failure: DiffFailure?) {
        if let failure = report.failures.first(where: { $0.path == path }) {
            return (DiffSide(label: label, model: nil, findings: []), DiffFailure(LocalizedText(
                da: "\(path): \(failure.message.da)", en: "\(path): \(failure.message.en)")))
        }
        guard let checked = report.models.first(where: { $0.path == path }) else {
            return (DiffSide(label: label, model: nil, findings: []), nil)
        }
        let modelFiles = Set(checked.model.files)
        func shown(_ file: String) -> String { prefix + (!strip.isEmpty && file.hasPrefix(strip) ? String(file.dropFirst(strip.count)) : file) }
        let findings = report.diagnostics.filter { modelFiles.contains($0.range.path) }.map { diagnostic in
            let location = report.files[diagnostic.range.path].map { file in
                let position = file.location(of: diagnostic.range.start)
                return "\(shown(diagnostic.range.path)):\(position.line):\(position.column)"
            } ?? shown(diagnostic.range.path)
            return Finding(code: diagnostic.code, severity: diagnostic.severity.rawValue,
                           message: diagnostic.message, location: location)
        }
        let syntaxCodes = Set(SyntaxCode.all.map(\.code))
        let broken = report.diagnostics.contains { modelFiles.contains($0.range.path) && $0.severity == .error && syntaxCodes.contains($0.code) }
        return (DiffSide(label: label, model: checked.model, findings: findings, hasSyntaxErrors: broken), nil)
    }
}
