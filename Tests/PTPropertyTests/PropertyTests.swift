import Foundation
import PTDiagram
import PTModel
import PTPipelineAudit
import PTModelGenerator
import ProgramteoriKit
import Testing

/// Every valid model becomes a diagram: properties over hundreds of generated models per run
/// (docs/egenskabstest.md). The models are generated, checked and drawn once (`PropertyRun`);
/// each test looks at one property. A failure names the model's seed (re-run it alone with
/// `PT_PROPERTY_SEED=<seed> PT_PROPERTY_COUNT=1`) and shows the model shrunk to what still fails.
@Suite("Properties of generated models")
struct PropertyTests {
    /// The outcomes of the models that checked clean and were drawn.
    static func drawn(_ run: PropertyRun) -> [(ModelOutcome, RenderedDiagram, RenderedDiagram)] {
        run.outcomes.compactMap { outcome in
            guard case .success(let first)? = outcome.first, case .success(let second)? = outcome.second else { return nil }
            return (outcome, first, second)
        }
    }

    @Test("The generator covers the language: sizes, mechanisms, IDs, parts, assumptions, every kind of text")
    func coverage() async throws {
        let run = await PropertyRun.finished()
        let programs = run.outcomes.compactMap(\.program)
        #expect(run.outcomes.count == PropertySettings.count)
        #expect(programs.count == run.outcomes.count)
        guard PropertySettings.count >= 200 else { return }
        let elements = programs.map(\.elements.count)
        #expect(elements.min()! <= 5)
        #expect(elements.max()! >= 100)
        let mechanisms = programs.map { $0.elements(of: .mechanism) }
        #expect(mechanisms.map(\.count).max()! >= 15)
        let mechanismIDs = mechanisms.flatMap { $0.compactMap(\.id) }
        #expect(mechanismIDs.contains { $0.count == 1 })
        #expect(mechanismIDs.contains { $0.count >= 50 })
        #expect(programs.contains { $0.supports.count >= 10 })
        let assumptions = programs.flatMap { $0.elements(of: .assumption) }
        #expect(assumptions.contains { $0.critical == true } && assumptions.contains { $0.critical != true })
        #expect(programs.contains { $0.files.count > 1 }, "no model pulled in a part with brug:")
        #expect(programs.contains { p in p.elements.contains { $0.description?.contains("\n") == true } }, "no multi-line text")
        let titles = programs.flatMap { p in p.elements.map(\.title) + p.elements.flatMap { $0.indicators.map(\.title) } }
        let text = titles.joined(separator: "\n")
        for (name, sample) in [("emoji ZWJ", "\u{200D}"), ("flag", "🇩🇰"), ("combining", "\u{301}"), ("Hebrew", "ש"),
                               ("Arabic", "ع"), ("markup", "<"), ("ampersand", "&"), ("quote", "\""), ("apostrophe", "'"),
                               ("backslash N", "\\N"), ("backslash l", "\\l"), ("tab", "\t"), ("bracket", "]"),
                               ("brace", "{"), ("bar", "|"), ("URL", "https://")] {
            #expect(text.unicodeScalars.firstRange(of: sample.unicodeScalars) != nil, "no title with \(name)")
        }
        #expect(titles.contains { $0.split(separator: " ").count >= 80 }, "no 80-word title")
        #expect(titles.contains { $0.split(separator: " ").contains { $0.count == 40 && $0.allSatisfy(\.isLetter) } }, "no 40-letter word")
        var combinations: [String: Int] = [:]
        for outcome in run.outcomes { combinations[outcome.combination.description, default: 0] += 1 }
        // 3 formats × 2 views × 3 themes × 2 languages, each with and without statuses.
        #expect(combinations.count == 72)
        #expect(run.outcomes.contains { $0.combination.withStatuses } && run.outcomes.contains { !$0.combination.withStatuses })
    }

    @Test("check reports no error for any generated model")
    func checkIsClean() async {
        let run = await PropertyRun.finished()
        Self.report("check reports an error", run.outcomes.filter { !$0.checkErrors.isEmpty }, of: run.outcomes.count) { outcome in
            outcome.checkErrors
        } stillFails: { candidate, original in
            // The same error, not one the shrinking made (a removed header, say).
            let codes = Self.errorCodes(original.checkErrors), now = Self.errorCodes(candidate.checkErrors)
            return !now.isEmpty && now.isSubset(of: codes)
        }
    }

    @Test("render to SVG, PNG and PDF succeeds for both views and all themes")
    func rendersEveryFormat() async {
        let run = await PropertyRun.finished()
        Self.report("render failed", run.outcomes.filter { Self.renderProblem($0) != nil }, of: run.outcomes.count) { outcome in
            Self.renderProblem(outcome) ?? ""
        } stillFails: { candidate, _ in Self.renderProblem(candidate) != nil }
        // Every combination of format, view and theme was drawn, many times.
        var drawn: [String: Int] = [:]
        for (outcome, _, _) in Self.drawn(run) {
            for format in outcome.combination.formats {
                drawn["\(format.fileExtension) \(outcome.combination.view.rawValue) \(outcome.combination.theme.rawValue)", default: 0] += 1
            }
        }
        if PropertySettings.count >= 100 {
            #expect(drawn.count == 3 * 2 * 3)
            #expect(drawn.values.min() ?? 0 >= PropertySettings.count / 40)
        }
    }

    @Test("No render of a generated model makes Graphviz warn")
    func noGraphvizWarnings() async {
        let run = await PropertyRun.finished()
        let warned = Self.drawn(run).filter { !$0.1.graphvizWarnings.isEmpty || !$0.2.graphvizWarnings.isEmpty }.map(\.0)
        Self.report("Graphviz warned", warned, of: run.outcomes.count) { outcome in
            guard case .success(let rendered)? = outcome.first else { return "" }
            return rendered.graphvizWarnings.joined(separator: "\n")
        } stillFails: { candidate, _ in
            guard case .success(let rendered)? = candidate.first else { return false }
            return !rendered.graphvizWarnings.isEmpty
        }
    }

    @Test("The SVG is well-formed XML and draws every element's title")
    func svgHasEveryTitle() async {
        let run = await PropertyRun.finished()
        let failing = Self.drawn(run).map(\.0).filter { Self.svgProblem($0) != nil }
        Self.report("SVG problem", failing, of: run.outcomes.count) { Self.svgProblem($0) ?? "" } stillFails: { candidate, _ in Self.svgProblem(candidate) != nil }
        #expect(Self.drawn(run).count >= PropertySettings.count * 9 / 10)
    }

    @Test("Two renders of the same model give identical bytes")
    func deterministic() async {
        let run = await PropertyRun.finished()
        let differing = Self.drawn(run).filter { Self.difference($0.1, $0.2) != nil }.map(\.0)
        Self.report("renders differ", differing, of: run.outcomes.count) { outcome in
            guard case .success(let first)? = outcome.first, case .success(let second)? = outcome.second else { return "" }
            return Self.difference(first, second) ?? ""
        } stillFails: { candidate, _ in
            guard case .success(let first)? = candidate.first, case .success(let second)? = candidate.second else { return false }
            return Self.difference(first, second) != nil
        }
    }

    @Test("The DOT carries no text Graphviz would substitute or interpret")
    func dotIsInert() async {
        let run = await PropertyRun.finished()
        let failing = run.outcomes.filter { Self.dotProblem($0) != nil }
        Self.report("DOT problem", failing, of: run.outcomes.count) { Self.dotProblem($0) ?? "" } stillFails: { candidate, _ in Self.dotProblem(candidate) != nil }
    }

    // MARK: The properties, one model at a time

    static func renderProblem(_ outcome: ModelOutcome) -> String? {
        guard outcome.checkErrors.isEmpty else { return nil }
        for result in [outcome.first, outcome.second] {
            switch result {
            case .failure(let failure)?: return "\(failure.kind): \(failure.message.en)\n\(failure.details ?? "")"
            case nil: return "not drawn"
            case .success(let rendered)?:
                for format in outcome.combination.formats {
                    let bytes = rendered.outputs[format] ?? Data()
                    let magic: [UInt8] = switch format {
                    case .svg: Array("<?xml".utf8)
                    case .png: [0x89, 0x50, 0x4E, 0x47]
                    case .pdf: Array("%PDF".utf8)
                    case .dot: Array("digraph".utf8)
                    }
                    if !bytes.starts(with: magic) { return "\(format.fileExtension): \(bytes.count) bytes, not a \(format.fileExtension) file" }
                }
            }
        }
        return nil
    }

    static func svgProblem(_ outcome: ModelOutcome) -> String? {
        guard case .success(let rendered)? = outcome.first, let program = outcome.program else { return nil }
        let svg = SVGText(rendered.outputs[.svg] ?? Data())
        if let error = svg.error { return error }
        var missing: [String] = []
        let compactAll = Self.scalars(svg.allText)
        func drawn(_ title: String, in text: [Unicode.Scalar]) -> Bool {
            text.firstRange(of: Self.scalars(title)) != nil
        }
        let diagram = rendered.diagram
        for node in diagram.nodes {
            let element = program.elements[node.elementIndex]
            let text = Self.scalars(svg.textByGroup[node.svgID] ?? "")
            if !drawn(element.title, in: text) { missing.append("\(node.svgID): »\(element.title)«") }
            if node.details.contains(where: { if case .indicator = $0 { true } else { false } }) {
                for indicator in element.indicators where !drawn(indicator.title, in: text) {
                    missing.append("\(node.svgID), indicator: »\(indicator.title)«")
                }
            }
        }
        if let header = program.header, !drawn(header.title, in: Self.scalars(svg.textByGroup["pt-title-block"] ?? "")) {
            missing.append("title block: »\(header.title)«")
        }
        if diagram.options.view == .detailed {
            for mechanism in program.elements(of: .mechanism) where !drawn(mechanism.title, in: compactAll) {
                missing.append("mechanism band: »\(mechanism.title)«")
            }
        }
        // An assumption is written out on the first drawn arrow it applies to.
        let drawnEdges = Set(diagram.edges.map { [$0.from, $0.to] })
        var written: Set<Int> = []
        for applied in program.assumptionLinks where !written.contains(applied.assumption) {
            let from = program.elements[applied.from].key, to = program.elements[applied.to].key
            guard drawnEdges.contains([from, to]) else { continue }
            written.insert(applied.assumption)
            let title = program.elements[applied.assumption].title
            if !drawn(title, in: compactAll) { missing.append("assumption on \(from) -> \(to): »\(title)«") }
        }
        return missing.isEmpty ? nil : "not in the SVG's text:\n" + missing.joined(separator: "\n")
    }

    static func difference(_ first: RenderedDiagram, _ second: RenderedDiagram) -> String? {
        if first.dot != second.dot { return "the DOT differs" }
        for (format, bytes) in first.outputs where second.outputs[format] != bytes {
            return "\(format.fileExtension) differs (\(bytes.count) and \(second.outputs[format]?.count ?? 0) bytes)"
        }
        return nil
    }

    /// The DOT that was rendered (views and themes rotate over the models), or, for a model
    /// that did not render, the DOT it would have had.
    static func dotProblem(_ outcome: ModelOutcome) -> String? {
        guard let program = outcome.program, outcome.checkErrors.isEmpty else { return nil }
        let dot: String
        if case .success(let rendered)? = outcome.first {
            dot = rendered.dot
        } else {
            dot = Diagram.build(from: program, options: outcome.combination.options(for: program)).dot()
        }
        let problems = DOTAudit(dot).problems.map(\.description)
        return problems.isEmpty ? nil : problems.prefix(5).joined(separator: "\n")
    }

    // MARK: Reporting

    /// Text as scalars without whitespace or control characters (see `SVGText.compact`).
    static func scalars(_ text: String) -> [Unicode.Scalar] {
        Array(SVGText.compact(text).unicodeScalars)
    }

    static func errorCodes(_ text: String) -> Set<String> {
        var codes: Set<String> = []
        var rest = Substring(text)
        while let start = rest.range(of: "[PT") {
            let code = rest[rest.index(after: start.lowerBound)...].prefix { $0 != "]" }
            codes.insert(String(code))
            rest = rest[start.upperBound...]
        }
        if codes.isEmpty, !text.isEmpty { codes.insert(text) }
        return codes
    }

    /// Records one issue for the failing models: how many, their seeds, and the first one shrunk.
    static func report(_ what: String, _ failing: [ModelOutcome], of total: Int, detail: (ModelOutcome) -> String,
                       stillFails: @escaping (ModelOutcome, ModelOutcome) -> Bool) {
        guard let first = failing.first else { return }
        let worker = LayoutWorkerClient(executable: PropertySettings.executable, timeoutSeconds: PropertySettings.timeoutSeconds)
        defer { worker.shutdown() }
        let shrunk = Shrinker.shrink(first.model) { candidate in
            stillFails(PropertyRun.evaluate(candidate, combination: first.combination, worker: worker), first)
        }
        let again = PropertyRun.evaluate(shrunk, combination: first.combination, worker: worker)
        Issue.record("""
            \(what): \(failing.count) of \(total) models (seeds \(failing.prefix(20).map { String($0.seed) }.joined(separator: ", "))).
            First: seed \(first.seed) (\(first.combination)); re-run alone with PT_PROPERTY_SEED=\(first.seed) PT_PROPERTY_COUNT=1.
            \(detail(first).prefix(3000))
            Shrunk from \(first.model.lineCount) to \(shrunk.lineCount) lines, which still gives:
            \(detail(again).prefix(2000))
            \(shrunk.listing.prefix(6000))
            """)
    }
}
