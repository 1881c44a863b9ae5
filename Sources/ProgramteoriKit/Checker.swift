import Foundation
import PTDiagnostics
import PTMeasurements
import PTModel
import PTRules
import PTSource
import PTSyntax

/// The result of checking a set of files: every finding, in source order, plus what is needed
/// to show them (the files) and to build on them (the resolved models).
public struct CheckReport: Sendable {
    /// Findings of every file and model, de-duplicated, in source order.
    public let diagnostics: [Diagnostic]
    /// Every file read (models and included parts), by path.
    public let files: [String: SourceFile]
    /// The models checked, by their file, in the order given.
    public let models: [CheckedModel]
    /// Paths that could not be read at all (exit code 2).
    public let failures: [ModelDiscovery.Failure]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The files given or found, in order (not counting included parts).
    public let checkedFiles: [String]

    public var fileCount: Int { checkedFiles.count }
}

public struct CheckedModel: Sendable {
    public let path: String
    public let model: ProgramTheory
    /// True when the model itself (or a file it includes) has an error.
    public let hasErrors: Bool
    /// The team's measurements read against this model (`--målinger`): the usable rows.
    public var measurements: MeasurementSet? = nil
}

/// A measurements file to read against the model (`--målinger`): from disk, or text already in
/// memory (an editor's buffer, a rule example).
public enum MeasurementInput: Sendable {
    case file(String)
    case text(path: String, String)

    public var path: String {
        switch self {
        case .file(let path), .text(let path, _): path
        }
    }
}

/// Parse → resolve → rules, for files and folders: the whole of `programteori check`.
public struct Checker: Sendable {
    public var today: DateValue
    /// Where models and their `brug:` parts are read from (the file system, or a git revision
    /// for `diff --git`).
    public var loader: any SourceLoader & Sendable
    /// `--strict`: every warning counts as an error.
    public var strict: Bool
    /// A configuration to use instead of looking for `programteori.toml` next to each model.
    public var configuration: Configuration?
    /// `--målinger`: one model's measurements, read against it; the stale-measurement rule needs them.
    public var measurements: MeasurementInput?

    public init(today: DateValue = Checker.currentDate(), loader: any SourceLoader & Sendable = FileSystemLoader(),
                strict: Bool = false, configuration: Configuration? = nil, measurements: MeasurementInput? = nil) {
        self.today = today
        self.loader = loader
        self.strict = strict
        self.configuration = configuration
        self.measurements = measurements
    }

    /// Today's date in the local calendar; `PROGRAMTEORI_DATO=YYYY-MM-DD` fixes it (for golden
    /// files and for checking a model "as of" a date).
    public static func currentDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> DateValue {
        if let fixed = environment["PROGRAMTEORI_DATO"], let date = DateValue(isoString: fixed) { return date }
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return DateValue(year: parts.year ?? 2000, month: parts.month, day: parts.day)
    }

    public func check(paths: [String]) -> CheckReport {
        let discovered = ModelDiscovery.files(in: paths)
        return check(files: discovered.files, failures: discovered.failures)
    }

    /// As `check(paths:)`, handing each model to `checked` as soon as its own findings are known,
    /// in the order of the report's `models`, so that `render` can draw the first model while
    /// the next is checked. `--strict` raises warnings only in the report, as without it.
    public func check(files paths: [String], failures: [ModelDiscovery.Failure],
                      eachModel checked: (CheckedModel) -> Void) -> CheckReport {
        check(files: paths, failures: failures, overrides: [:], eachModel: checked)
    }

    /// Checks text that is not (or not yet) on disk — an editor's buffer, a rule example.
    /// `path` names it in findings and anchors its `brug:` lines.
    public func check(text: String, path: String, measurements: String? = nil) -> CheckReport {
        var checker = self
        if let measurements { checker.measurements = .text(path: "maalinger.csv", measurements) }
        return checker.check(files: [path], failures: [], overrides: [path: SourceFile(path: path, text: text)])
    }

    /// The measurements file as a source file, or why it cannot be read.
    private func loadMeasurements(_ input: MeasurementInput) -> Result<SourceFile, LoadFailure> {
        switch input {
        case .file(let path): loader.load(path)
        case .text(let path, let text): .success(SourceFile(path: path, text: text))
        }
    }

    /// Checks exactly these model files (no folder search), read through `loader`.
    public func check(files paths: [String]) -> CheckReport {
        check(files: paths, failures: [])
    }

    func check(files paths: [String], failures: [ModelDiscovery.Failure], overrides: [String: SourceFile] = [:],
               eachModel: (CheckedModel) -> Void = { _ in }) -> CheckReport {
        var failures = failures
        var cache = SyntaxCache()
        var diagnostics: [Diagnostic] = []
        var files: [String: SourceFile] = [:]
        var fileOrder: [String] = []
        var parsed: [(path: String, canonical: String, tree: SyntaxTree)] = []

        // Read every file in order, then parse them all at once on every core (a batch of models
        // waits for this before its first diagram: `brug:` lines decide which files are models).
        let loaded = paths.map { path in
            (path, overrides[path].map({ Result<SourceFile, LoadFailure>.success($0) }) ?? loader.load(path))
        }
        let readFiles = loaded.compactMap { entry -> SourceFile? in if case .success(let file) = entry.1 { file } else { nil } }
        // Taken one by one from the end, so that no list of all trees outlives the loop.
        var parsedFiles = Array(SyntaxCache.parseAll(readFiles).reversed())

        for (path, loadResult) in loaded {
            switch loadResult {
            case .failure(.tooLarge(let bytes, let limit)):
                // A too-large model is a finding about the file, not a tool failure.
                diagnostics.append(Diagnostic(
                    SyntaxCode.fileTooLarge, range: SourceRange(path: path, start: 0, end: 0),
                    message: LoadFailure.tooLarge(bytes: bytes, limit: limit).message,
                    help: LocalizedText(da: "del modellen op i flere filer og saml dem med »brug:«",
                                        en: "split the model into several files and combine them with »use:«")))
                fileOrder.append(path)
            case .failure(let failure):
                failures.append(ModelDiscovery.Failure(path: path, message: failure.message))
            case .success(let file):
                let canonical = loader.canonical(path)
                let parsedFile = parsedFiles.removeLast()
                let result = cache.tree(canonicalPath: canonical) { parsedFile }
                diagnostics.append(contentsOf: result.diagnostics)
                files[path] = file
                fileOrder.append(path)
                parsed.append((path, canonical, result.tree))
            }
        }

        // A file pulled in by another with `brug:` is a part, checked as part of that model.
        var included: Set<String> = []
        for entry in parsed {
            for include in entry.tree.includes {
                included.insert(loader.canonical(loader.resolve(include.path, relativeTo: entry.path)))
            }
        }

        var configurations: [String: Configuration] = [:]
        func configuration(for modelPath: String) -> Configuration {
            if let configuration = self.configuration { return configuration }
            guard let path = ConfigurationLoader.find(from: modelPath) else { return Configuration() }
            if let known = configurations[path] { return known }
            let loaded = ConfigurationLoader.load(path)
            diagnostics += loaded.diagnostics
            if let file = loaded.file, files[path] == nil {
                files[path] = file
                fileOrder.append(path)
            }
            configurations[path] = loaded.configuration
            return loaded.configuration
        }

        var measurementFile: SourceFile?
        if let input = measurements {
            let modelCount = parsed.count { $0.tree.header != nil }
            if modelCount > 1 {
                failures.append(ModelDiscovery.Failure(path: input.path, message: LocalizedText(
                    da: "--målinger gælder én model, men der er \(modelCount); angiv den ene .pt-fil",
                    en: "--measurements applies to one model, but there are \(modelCount); name the one .pt file")))
            } else {
                switch loadMeasurements(input) {
                case .success(let file):
                    measurementFile = file
                    files[file.path] = file
                    fileOrder.append(file.path)
                case .failure(let failure):
                    failures.append(ModelDiscovery.Failure(path: input.path, message: failure.message))
                }
            }
        }

        var models: [CheckedModel] = []
        for position in parsed.indices {
            let entry = (path: parsed[position].path, canonical: parsed[position].canonical)
            let tree = parsed[position].tree
            let isEmpty = tree.header == nil && tree.items.isEmpty
            if isEmpty { continue }  // the parser already said so (PT017 or worse)
            if tree.header == nil {
                if included.contains(entry.canonical) { continue }
                diagnostics.append(missingHeader(tree))
                continue
            }
            // The builder gets the only copy of the tree's elements (unless another model uses
            // the file), so it can release each element's syntax once the element is built.
            if !included.contains(entry.canonical) {
                parsed[position].tree.items = []
                cache.releaseItems(canonicalPath: entry.canonical)
            }
            let built = ModelBuilder.build(root: consume tree, loader: loader, cache: &cache)
            var modelDiagnostics = built.diagnostics
            for file in built.files where files[file.path] == nil {
                files[file.path] = file
                fileOrder.append(file.path)
            }
            let linksAreBroken = built.diagnostics.contains { ModelCode.all.map(\.code).contains($0.code) }
            let severities = configuration(for: entry.path).severities()
            let reading = measurementFile.map { MeasurementReader.read($0, model: built.model, today: today) }
            modelDiagnostics += RuleEngine.run(on: built.model, today: today, linksAreBroken: linksAreBroken, severities: severities,
                                               measurements: reading?.measurements)
            modelDiagnostics = suppress(modelDiagnostics, in: built.files, model: built.model, cache: cache)
            let modelFiles = Set(built.model.files)
            let ownParseErrors = diagnostics.contains { $0.severity == .error && modelFiles.contains($0.range.path) }
            let checked = CheckedModel(path: entry.path, model: built.model,
                                       hasErrors: ownParseErrors || modelDiagnostics.contains { $0.severity == .error },
                                       measurements: reading?.measurements)
            models.append(checked)
            eachModel(checked)
            diagnostics += modelDiagnostics + (reading?.diagnostics ?? [])
        }

        if strict {
            diagnostics = diagnostics.map { diagnostic in
                var raised = diagnostic
                if raised.severity == .warning { raised.severity = .error }
                return raised
            }
        }
        return CheckReport(
            diagnostics: Self.unique(diagnostics).sortedBySource(fileOrder: fileOrder),
            files: files, models: models, failures: failures, checkedFiles: paths)
    }

    /// Applies the `# programteori: ignorer …` comments of the model's files. A comment covers
    /// the block of the header or element it stands in or above; the elements' blocks are read
    /// from the model (every element of a file is in it), since the tree keeps only the header
    /// and the comments once the model is built.
    private func suppress(_ diagnostics: [Diagnostic], in modelFiles: [SourceFile], model: ProgramTheory,
                          cache: SyntaxCache) -> [Diagnostic] {
        var suppressions: [Suppression] = []
        var problems: [Diagnostic] = []
        for file in modelFiles {
            guard let tree = cache.entries[loader.canonical(file.path)]?.tree else { continue }
            let blocks = {
                [tree.header?.blockRange].compactMap { $0 }
                    + model.elements.lazy.filter { $0.blockRange.file == tree.file.pathID }.map(\.blockRange)
            }
            let parsed = Suppressions.parse(tree.comments, blocks: blocks) { RuleCatalogue.rule(code: $0)?.description.code }
            suppressions += parsed.0
            problems += parsed.1
        }
        return Suppressions.apply(suppressions, to: diagnostics) + problems
    }

    private func missingHeader(_ tree: SyntaxTree) -> Diagnostic {
        let first = tree.elements.first?.keywordRange ?? SourceRange(path: tree.file.path, start: tree.file.contentStart, end: tree.file.contentStart)
        return Diagnostic(
            ModelCode.missingHeader, range: first,
            message: LocalizedText(da: "filen har ingen »programteori:«-linje, og ingen anden model bruger den",
                                   en: "the file has no »program theory:« line, and no other model uses it"),
            help: LocalizedText(da: "begynd filen med »programteori: Titel«, eller træk den ind i en model med »brug: \((tree.file.path as NSString).lastPathComponent)«",
                                en: "start the file with »program theory: Title«, or pull it into a model with »use: \((tree.file.path as NSString).lastPathComponent)«"))
    }

    /// Included files are parsed once but may be reported through several models.
    private static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }
}

extension DateValue {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    public init?(isoString: String) {
        let parts = isoString.split(separator: "-").map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        self.init(year: parts[0]!, month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil)
    }
}
