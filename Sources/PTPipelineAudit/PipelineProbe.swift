import PTDiagnostics
import PTDiagram
import PTMeasurements
import PTModel
import PTRules
import PTSource
import PTSyntax

/// Runs the pure pipeline — parser, resolver, rules (with and without measurements), diagram
/// and DOT for every view and theme — on one input bundle, and checks what must hold for any
/// input at all. An empty result means every oracle held.
///
/// Oracles (beyond "does not trap or hang"):
/// - every diagnostic's range and every note's range names a file of the run and lies inside
///   it (on UTF-8 scalar boundaries when the file is valid UTF-8), and renders as text;
/// - the DOT of every view × theme (Danish, and English once) passes `DOTAudit`;
/// - the model's title and every drawn element's title appear in the DOT's labels (compared
///   without whitespace, since lines are wrapped);
/// - building and emitting the same diagram twice gives the same bytes.
public enum PipelineProbe {
    /// The day rules and measurements are judged against, fixed so runs repeat.
    public static let today = DateValue(year: 2026, month: 6, day: 1)

    public static func run(_ bytes: [UInt8]) -> [String] {
        run(InputBundle(bytes))
    }

    public static func run(_ bundle: InputBundle) -> [String] {
        var violations: [String] = []
        let loader = MemoryLoader(files: bundle.files)
        var cache = SyntaxCache()
        let parsed = cache.tree(for: bundle.root, canonicalPath: loader.canonical(bundle.root.path))
        var diagnostics = parsed.diagnostics
        var files: [String: SourceFile] = [bundle.root.path: bundle.root]
        if let measurements = bundle.measurements { files[measurements.path] = measurements }

        if parsed.tree.header != nil {
            let built = ModelBuilder.build(root: parsed.tree, loader: loader, cache: &cache)
            for file in built.files { files[file.path] = file }
            for (path, entry) in cache.entries where path != loader.canonical(bundle.root.path) {
                diagnostics += entry.diagnostics
            }
            diagnostics += built.diagnostics
            let modelCodes = Set(ModelCode.all.map(\.code))
            let linksAreBroken = built.diagnostics.contains { modelCodes.contains($0.code) }
            diagnostics += RuleEngine.run(on: built.model, today: today, linksAreBroken: linksAreBroken)

            var statuses: [String: IndicatorMark] = [:]
            if let measurements = bundle.measurements {
                let reading = MeasurementReader.read(measurements, model: built.model, today: today)
                diagnostics += reading.diagnostics
                diagnostics += RuleEngine.run(on: built.model, today: today, linksAreBroken: linksAreBroken,
                                              measurements: reading.measurements)
                let progress = ModelProgress(model: built.model, measurements: reading.measurements, today: today)
                statuses = progress.statusByID.mapValues { status in
                    switch status {
                    case .reached: .reached
                    case .onTrack: .onTrack
                    case .behind: .behind
                    case .noData: .noData
                    }
                }
            }
            violations += checkDiagrams(built.model, statuses: statuses)
        }
        violations += checkDiagnostics(diagnostics, files: files)
        return violations
    }

    // MARK: - Diagnostics

    static func checkDiagnostics(_ diagnostics: [Diagnostic], files: [String: SourceFile]) -> [String] {
        var violations: [String] = []
        func check(_ range: SourceRange, _ what: String) {
            guard let file = files[range.path] else {
                violations.append("\(what): range names unknown file \(range.path)")
                return
            }
            guard range.start >= 0, range.start <= range.end, range.end <= file.bytes.count else {
                violations.append("\(what): range \(range.start)..<\(range.end) outside \(range.path) (\(file.bytes.count) bytes)")
                return
            }
            if isValidUTF8(file.bytes) {
                for offset in [range.start, range.end] where offset < file.bytes.count && file.bytes[offset] & 0xC0 == 0x80 {
                    violations.append("\(what): range \(range.start)..<\(range.end) splits a UTF-8 character at \(offset)")
                }
            }
        }
        for diagnostic in diagnostics {
            check(diagnostic.range, "\(diagnostic.code)")
            for note in diagnostic.notes { check(note.range, "\(diagnostic.code) note") }
        }
        let lookup: @Sendable (String) -> SourceFile? = { [files] in files[$0] }
        for language in [Language.danish, .english] {
            _ = TextRenderer(language: language, useColor: false, source: lookup).render(diagnostics, fileCount: files.count)
        }
        return violations
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    // MARK: - Diagrams

    static func checkDiagrams(_ model: ProgramTheory, statuses: [String: IndicatorMark]) -> [String] {
        guard DiagramLimits().problem(for: model) == nil else { return [] }
        var violations: [String] = []
        for view in DiagramView.allCases {
            for theme in ThemeName.allCases {
                let languages: [Language] = view == .detailed && theme == .standard ? [.danish, .english] : [.danish]
                for language in languages {
                    var options = DiagramOptions(view: view, theme: theme, language: language)
                    options.indicatorStatuses = statuses
                    let name = "\(view.rawValue)/\(theme.rawValue)/\(language)"
                    let diagram = Diagram.build(from: model, options: options)
                    let dot = diagram.dot()
                    if theme == .standard, Diagram.build(from: model, options: options).dot() != dot {
                        violations.append("\(name): two emits of the same model differ")
                    }
                    violations += check(dot: dot, diagram: diagram, model: model).map { "\(name): \($0)" }
                }
            }
        }
        return violations
    }

    /// The DOT audit plus the title oracle for one diagram.
    public static func check(dot: String, diagram: Diagram, model: ProgramTheory) -> [String] {
        let audit = DOTAudit(dot)
        var violations = audit.problems.map(\.description)
        let text = audit.labelScalars
        var titles: [String] = []
        if let header = model.header { titles.append(header.title) }
        for node in diagram.nodes where model.elements.indices.contains(node.elementIndex) {
            titles.append(model.elements[node.elementIndex].title)
        }
        for title in titles {
            let wanted = DOTAudit.withoutWhitespace(title)
            if !wanted.isEmpty, !contains(text, wanted) {
                violations.append("title \(String(reflecting: title)) does not appear in the DOT labels")
            }
        }
        return violations
    }

    static func contains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
