import Dispatch
import PTDiagnostics
import PTSource
import PTSyntax

/// Parsed files by canonical path, so a file included by several models is read and parsed once
/// per run.
public struct SyntaxCache {
    public private(set) var entries: [String: (tree: SyntaxTree, diagnostics: [Diagnostic])] = [:]

    public init() {}

    public mutating func tree(for file: SourceFile, canonicalPath: String) -> (tree: SyntaxTree, diagnostics: [Diagnostic]) {
        tree(canonicalPath: canonicalPath) { Parser.parse(file) }
    }

    /// The same, for a file already parsed elsewhere (`parsed` is only used if the file is new).
    public mutating func tree(canonicalPath: String,
                              parsed: () -> (tree: SyntaxTree, diagnostics: [Diagnostic])) -> (tree: SyntaxTree, diagnostics: [Diagnostic]) {
        if let cached = entries[canonicalPath] { return cached }
        let result = parsed()
        entries[canonicalPath] = result
        return result
    }

    /// Keeps only a file's header and comments (suppressions read the comments), so that a model
    /// builder given the file's tree holds its elements' syntax alone and can release it.
    public mutating func releaseItems(canonicalPath: String) {
        entries[canonicalPath]?.tree.items = []
    }

    /// Parses every file, on every core: a file's tree depends on its own text alone, so the
    /// results (in the files' order) are what parsing them one after another gives.
    public static func parseAll(_ files: [SourceFile]) -> [(tree: SyntaxTree, diagnostics: [Diagnostic])] {
        guard files.count > 1 else { return files.map(Parser.parse) }
        var results = [(tree: SyntaxTree, diagnostics: [Diagnostic])?](repeating: nil, count: files.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own slot only.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                slots[index] = Parser.parse(files[index])
            }
        }
        return results.map { $0! }
    }
}

/// Builds a `ProgramTheory` from a parsed root file: follows `brug:`, resolves IDs, checks that
/// every link joins the right kinds. Reports every problem; never stops at the first.
public struct ModelBuilder {
    /// The model, the diagnostics of resolution, and every file that took part (root first) with
    /// the parser's diagnostics of the included ones.
    public struct Result {
        public let model: ProgramTheory
        public let diagnostics: [Diagnostic]
        public let files: [SourceFile]
    }

    /// Edit-distance suggestions are computed for at most this many unknown IDs per model, so a
    /// model full of typos stays linear.
    static let maxSuggestions = 200

    /// `root` is consumed: when the caller holds no other copy of the tree (`Checker` hands it
    /// over), each element's syntax is released as soon as the element is in the model, so the
    /// tree and the model are not alive together in full.
    public static func build(root: consuming SyntaxTree, loader: some SourceLoader, cache: inout SyntaxCache) -> Result {
        var builder = ModelBuilder()
        let header = builder.header(root)
        // Room for the root file's elements up front: growing an array of elements by doubling
        // holds two copies at the moment it grows.
        builder.elements.reserveCapacity(root.items.count)
        builder.ids.reserveCapacity(Self.writtenIDCount(root))
        let canonical = loader.canonical(root.file.path)
        builder.collect(root, canonical: canonical, stack: [], loader: loader, cache: &cache)
        builder.resolve()
        let model = ProgramTheory(
            header: header, elements: builder.elements, links: builder.links,
            supports: builder.supports, assumptionLinks: builder.assumptionLinks,
            files: builder.files.map(\.path))
        return Result(model: model, diagnostics: builder.diagnostics, files: builder.files)
    }

    // MARK: - State

    private var elements: [Element] = []
    /// What resolution reads of the syntax, kept apart from it so the element syntax can go:
    /// every reference list (`fører til`, `understøtter`, `gælder`) with the element it stands
    /// under. The IDs are registered in `ids` as the elements are added.
    private var referenceLists: [ReferenceList] = []

    private struct ReferenceList {
        let element: Int
        let key: PropertyKey
        let references: [Reference]
    }
    private var chains: [ChainSyntax] = []
    private var files: [SourceFile] = []
    private var visited: Set<String> = []
    private var links: [Link] = []
    private var supports: [Support] = []
    private var assumptionLinks: [AssumptionLink] = []
    private var diagnostics: [Diagnostic] = []
    private var generatedCounts: [ElementKind: Int] = [:]

    // MARK: - Includes

    private mutating func collect(_ tree: consuming SyntaxTree, canonical: String, stack: [(path: String, range: SourceRange?)],
                                  loader: some SourceLoader, cache: inout SyntaxCache) {
        visited.insert(canonical)
        files.append(tree.file)
        let stack = stack + [(canonical, nil)]
        // The items are taken out of the tree and popped last first, so an item is released as
        // soon as it is used (when no one else holds the tree, as for `Checker`'s root files).
        var items = tree.items
        tree.items = []
        items.reverse()
        while let item = items.popLast() {
            switch item {
            case .element(let element):
                add(element)
            case .chain(let chain):
                chains.append(chain)
            case .include(let include):
                let target = loader.resolve(include.path, relativeTo: tree.file.path)
                let targetCanonical = loader.canonical(target)
                if let cycleStart = stack.firstIndex(where: { $0.path == targetCanonical }) {
                    let ring = stack[cycleStart...].map { shortName($0.path) } + [shortName(targetCanonical)]
                    diagnostics.append(Diagnostic(
                        SyntaxCode.includeCycle, range: include.pathRange,
                        message: LocalizedText(da: "»brug:« danner en ring: \(ring.joined(separator: " → "))",
                                               en: "»use:« forms a cycle: \(ring.joined(separator: " → "))"),
                        help: LocalizedText(da: "en fil kan ikke bruge sig selv, heller ikke gennem andre filer; fjern en af »brug:«-linjerne",
                                            en: "a file cannot use itself, not even through other files; remove one of the »use:« lines")))
                    continue
                }
                if visited.contains(targetCanonical) { continue }  // already included once: its elements are in
                switch loader.load(target) {
                case .failure(let failure):
                    diagnostics.append(Diagnostic(
                        SyntaxCode.includeNotFound, range: include.pathRange,
                        message: LocalizedText(da: "kan ikke bruge \(quoted(include.path)): \(failure.message.da)",
                                               en: "cannot use \(quoted(include.path)): \(failure.message.en)"),
                        help: LocalizedText(da: "stien regnes fra den fil, »brug:« står i (her: \(target))",
                                            en: "the path is relative to the file that holds »use:« (here: \(target))")))
                case .success(let file):
                    let parsed = cache.tree(for: file, canonicalPath: targetCanonical)
                    diagnostics.append(contentsOf: parsed.diagnostics)
                    if let header = parsed.tree.header {
                        diagnostics.append(Diagnostic(
                            SyntaxCode.headerInIncludedFile, range: header.keywordRange,
                            message: LocalizedText(da: "en fil, der bruges med »brug:«, må ikke have en »programteori:«-linje",
                                                   en: "a file pulled in with »use:« must not have a »program theory:« line"),
                            help: LocalizedText(da: "fjern »programteori:«-linjen fra den fælles fil",
                                                en: "remove the »program theory:« line from the shared file"),
                            notes: [DiagnosticNote(range: include.range, message: LocalizedText(da: "brugt her", en: "used here"))]))
                    }
                    collect(parsed.tree, canonical: targetCanonical, stack: stack, loader: loader, cache: &cache)
                }
            }
        }
    }

    private func shortName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private mutating func add(_ syntax: ElementSyntax) {
        let index = elements.count
        let key: String
        if let id = syntax.id {
            key = id.name
        } else {
            let ordinal = (generatedCounts[syntax.kind] ?? 0) + 1
            generatedCounts[syntax.kind] = ordinal
            key = "_\(syntax.kind.rawValue)_\(ordinal)"
        }
        var element = Element(index: index, id: syntax.id?.name, key: key, kind: syntax.kind, title: syntax.title,
                              range: syntax.range, titleRange: syntax.titleRange, blockRange: syntax.blockRange)
        element.propertyRanges.reserveCapacity(syntax.properties.count)
        for property in syntax.properties {
            if element.propertyRanges[property.key] == nil { element.propertyRanges[property.key] = property.range }
            switch (property.key, property.value) {
            case (.description, .text(let text)): element.description = text
            case (.characteristic, .text(let text)): element.characteristics.append(text)
            case (.size, .size(let size)): element.size = size
            case (.scope, .text(let text)): element.scope = text
            case (.type, .mechanismType(let type)): element.mechanismType = type
            case (.critical, .flag(let flag)): element.critical = flag
            case (.evidence, .text(let text)): element.evidence = text
            default: break
            }
        }
        element.indicators = syntax.indicators.map(Self.indicator)
        elements.append(element)
        if let id = syntax.id { register(id, element: index) }
        for indicator in syntax.indicators {
            if let id = indicator.id { register(id, element: nil) }
        }
        for property in syntax.properties where property.key == .leadsTo || property.key == .supports || property.key == .appliesTo {
            let references = property.value.references
            if !references.isEmpty { referenceLists.append(ReferenceList(element: index, key: property.key, references: references)) }
        }
    }

    private static func indicator(_ syntax: ElementSyntax) -> Indicator {
        var indicator = Indicator(id: syntax.id?.name, title: syntax.title, range: syntax.range,
                                  titleRange: syntax.titleRange, blockRange: syntax.blockRange)
        indicator.propertyRanges.reserveCapacity(syntax.properties.count)
        for property in syntax.properties {
            indicator.propertyRanges[property.key] = property.range
            switch (property.key, property.value) {
            case (.unit, .text(let text)): indicator.unit = text
            case (.baseline, .baseline(let baseline)): indicator.baseline = baseline
            case (.target, .target(let target)): indicator.target = target
            case (.dataSource, .text(let text)): indicator.dataSource = text
            case (.frequency, .frequency(let frequency)): indicator.frequency = frequency
            case (.direction, .direction(let direction)): indicator.direction = direction
            case (.owner, .text(let text)): indicator.owner = text
            case (.definition, .text(let text)): indicator.definition = text
            case (.description, .text(let text)): indicator.description = text
            default: break
            }
        }
        // `%` after a number means `enhed: procent` (language.md, Values).
        if indicator.unit == nil, indicator.baseline?.quantity.isPercent == true || indicator.target?.quantity.isPercent == true {
            indicator.unit = "procent"
        }
        return indicator
    }

    private func header(_ root: SyntaxTree) -> Header? {
        guard let syntax = root.header else { return nil }
        var header = Header(title: syntax.title, range: syntax.range)
        for property in syntax.properties {
            switch (property.key, property.value) {
            case (.municipality, .text(let text)): header.municipality = text
            case (.owner, .text(let text)): header.owner = text
            case (.version, .text(let text)): header.version = text
            case (.date, .date(let date)): header.date = date
            case (.description, .text(let text)): header.description = text
            case (.status, .status(let status)): header.status = status
            default: break
            }
        }
        return header
    }

    // MARK: - Resolution

    /// Every written ID, element or indicator, by name: the first of each name (a repeated one
    /// is reported). One table, sized at the start, instead of three that grew by doubling
    /// (at 100 000 elements they held ~25 MB while the model was built).
    private var ids: [String: RegisteredID] = [:]
    /// Duplicate IDs found while adding elements; reported first when resolution starts, where
    /// they stood when the IDs were registered in a pass of their own.
    private var duplicateIDs: [Diagnostic] = []

    private struct RegisteredID {
        let range: SourceRange
        /// The element's index; -1 for an indicator (a link to one gets a precise message).
        let element: Int32
    }
    /// Written IDs by their lower-case spelling (the first of each), for »mente du« on an unknown
    /// ID; built on the first unknown ID, since a model without one never needs it.
    private var lowercased: [String: String]?
    private var suggestionsMade = 0
    private var linkSet: Set<LinkKey> = []

    private struct LinkKey: Hashable {
        let from: Int
        let to: Int
    }

    private mutating func resolve() {
        diagnostics += duplicateIDs
        duplicateIDs = []
        // Room for every link at once (at most one per reference and per step of a chain):
        // growing by doubling holds two copies at the moment it grows.
        var expectedLinks = 0
        for list in referenceLists where list.key == .leadsTo { expectedLinks += list.references.count }
        for chain in chains { expectedLinks += max(chain.ids.count - 1, 0) }
        links.reserveCapacity(expectedLinks)
        linkSet.reserveCapacity(expectedLinks)
        for list in referenceLists where list.key == .leadsTo {
            for reference in list.references { resolveLeadsTo(from: list.element, reference) }
        }
        for chain in chains {
            let resolved = chain.ids.map { lookup($0) }
            for (pair, ids) in zip(zip(resolved, resolved.dropFirst()), zip(chain.ids, chain.ids.dropFirst())) {
                guard let from = pair.0, let to = pair.1 else { continue }
                addLink(from: from, to: to, range: ids.0.range.union(ids.1.range), toID: ids.1)
            }
        }
        // Supports and assumptions name links, so they are resolved after every link exists.
        for list in referenceLists where list.key == .supports || list.key == .appliesTo {
            for reference in list.references {
                switch list.key {
                case .supports: resolveSupport(mechanism: list.element, reference)
                case .appliesTo: resolveAssumption(list.element, reference)
                default: break
                }
            }
        }
    }

    /// How many IDs the root file writes (elements and indicators): the size of `ids`.
    private static func writtenIDCount(_ root: SyntaxTree) -> Int {
        var count = 0
        for item in root.items {
            guard case .element(let element) = item else { continue }
            if element.id != nil { count += 1 }
            for indicator in element.indicators where indicator.id != nil { count += 1 }
        }
        return count
    }

    /// Registers an element's (`element` its index) or an indicator's (`nil`) ID, in source order.
    private mutating func register(_ id: Identifier, element: Int?) {
        if let first = ids[id.name] {
            duplicateIDs.append(Diagnostic(
                ModelCode.duplicateID, range: id.range,
                message: LocalizedText(da: "ID'et \(quoted(id.name)) er brugt mere end én gang",
                                       en: "the ID \(quoted(id.name)) is used more than once"),
                help: LocalizedText(da: "giv hvert element og hver indikator sit eget ID",
                                    en: "give every element and every indicator an ID of its own"),
                notes: [DiagnosticNote(range: first.range, message: LocalizedText(da: "første gang her", en: "first here"))]))
            return
        }
        ids[id.name] = RegisteredID(range: id.range, element: element.map { Int32($0) } ?? -1)
    }

    /// Every written ID (elements and indicators, in source order) by its lower-case spelling;
    /// the first ID of each spelling wins, as when they were registered one by one.
    private mutating func lowercasedIDs() -> [String: String] {
        if let lowercased { return lowercased }
        var built: [String: String] = [:]
        for element in elements {
            if let name = element.id { built[name.lowercased()] = built[name.lowercased()] ?? name }
            for indicator in element.indicators {
                if let name = indicator.id { built[name.lowercased()] = built[name.lowercased()] ?? name }
            }
        }
        lowercased = built
        return built
    }

    /// The element an ID names, or nil after reporting why not.
    private mutating func lookup(_ id: Identifier) -> Int? {
        if let found = ids[id.name] {
            if found.element >= 0 { return Int(found.element) }
            diagnostics.append(Diagnostic(
                ModelCode.wrongLinkKind, range: id.range,
                message: LocalizedText(da: "\(quoted(id.name)) er en indikator; forbindelser går mellem elementer",
                                       en: "\(quoted(id.name)) is an indicator; links join elements"),
                help: LocalizedText(da: "peg på det delmål eller slutmål, indikatoren måler",
                                    en: "name the outcome or final outcome the indicator measures")))
            return nil
        }
        var guess: String?
        if let sameLetters = lowercasedIDs()[id.name.lowercased()] {
            guess = sameLetters
        } else if suggestionsMade < Self.maxSuggestions {
            suggestionsMade += 1
            guess = Suggestion.closest(to: id.name, among: elements.compactMap(\.id))
        }
        diagnostics.append(Diagnostic(
            ModelCode.unknownID, range: id.range,
            message: LocalizedText(da: "ukendt ID \(quoted(id.name))", en: "unknown ID \(quoted(id.name))"),
            help: guess.map { LocalizedText(da: "mente du »\($0)«?", en: "did you mean »\($0)«?") }
                ?? LocalizedText(da: "intet element har dette ID; tjek stavningen eller tilføj elementet",
                                 en: "no element has this ID; check the spelling or add the element")))
        return nil
    }

    private mutating func resolveLeadsTo(from: Int, _ reference: Reference) {
        guard case .element(let id) = reference, let to = lookup(id) else { return }
        addLink(from: from, to: to, range: id.range, toID: id)
    }

    /// Adds `from → to` if the kinds allow it (aktivitet/delmål → delmål/slutmål).
    private mutating func addLink(from: Int, to: Int, range: SourceRange, toID: Identifier) {
        // Kinds by index: copying two elements per link is most of the cost of resolution.
        let sourceKind = elements[from].kind
        let targetKind = elements[to].kind
        let sourceOK = sourceKind == .activity || sourceKind == .outcome
        let targetOK = targetKind == .outcome || targetKind == .finalOutcome
        guard sourceOK, targetOK else {
            let source = elements[from]
            let target = elements[to]
            diagnostics.append(Diagnostic(
                ModelCode.wrongLinkKind, range: range,
                message: LocalizedText(
                    da: "\(source.kind.danishKeyword) \(source.displayName) kan ikke føre til \(target.kind.danishKeyword) \(target.displayName)",
                    en: "\(source.kind.englishKeyword) \(source.displayName) cannot lead to \(target.kind.englishKeyword) \(target.displayName)"),
                help: wrongWayHelp(source: source.kind, target: target.kind)))
            return
        }
        // A repeated link adds nothing; a self-loop is kept so the cycle rule reports it.
        guard linkSet.insert(LinkKey(from: from, to: to)).inserted else { return }
        links.append(Link(from: from, to: to, fromKey: elements[from].key, toKey: elements[to].key, range: range))
    }

    private func wrongWayHelp(source: ElementKind, target: ElementKind) -> LocalizedText {
        switch (source, target) {
        case (.outcome, .activity), (.finalOutcome, .activity):
            LocalizedText(da: "pilene går fra aktivitet til mål: skriv »fører til: …« under aktiviteten i stedet",
                          en: "arrows go from activity to outcome: write »leads to: …« under the activity instead")
        case (.finalOutcome, _):
            LocalizedText(da: "et slutmål er kædens ende; vend forbindelsen, så delmålet fører til slutmålet",
                          en: "a final outcome ends the chain; reverse the link so the outcome leads to the final outcome")
        case (.activity, .activity):
            LocalizedText(da: "aktiviteter fører til delmål eller slutmål, ikke til andre aktiviteter",
                          en: "activities lead to outcomes or final outcomes, not to other activities")
        default:
            LocalizedText(da: "»fører til« går fra en aktivitet eller et delmål til et delmål eller slutmål",
                          en: "»leads to« goes from an activity or outcome to an outcome or final outcome")
        }
    }

    private mutating func resolveSupport(mechanism: Int, _ reference: Reference) {
        switch reference {
        case .element(let id):
            guard let target = lookup(id) else { return }
            guard elements[target].kind == .activity else {
                let kind = elements[target].kind
                diagnostics.append(Diagnostic(
                    ModelCode.wrongLinkKind, range: id.range,
                    message: LocalizedText(da: "en mekanisme understøtter aktiviteter eller forbindelser, ikke \(kind.danishArticle) (\(quoted(id.name)))",
                                           en: "a mechanism supports activities or links, not \(kind.englishArticle) (\(quoted(id.name)))"),
                    help: LocalizedText(da: "nævn aktiviteten, eller forbindelsen som »A1 -> \(id.name)«",
                                        en: "name the activity, or the link as »A1 -> \(id.name)«")))
                return
            }
            supports.append(Support(mechanism: mechanism, target: .element(target), range: id.range))
        case .link(let fromID, let toID):
            guard let (from, to) = existingLink(fromID, toID) else { return }
            supports.append(Support(mechanism: mechanism, target: .link(from: from, to: to), range: reference.range))
        }
    }

    private mutating func resolveAssumption(_ assumption: Int, _ reference: Reference) {
        guard case .link(let fromID, let toID) = reference, let (from, to) = existingLink(fromID, toID) else { return }
        assumptionLinks.append(AssumptionLink(assumption: assumption, from: from, to: to, range: reference.range))
    }

    /// Resolves `A -> B` to a link that a `fører til` or chain made.
    private mutating func existingLink(_ fromID: Identifier, _ toID: Identifier) -> (Int, Int)? {
        let from = lookup(fromID)
        let to = lookup(toID)
        guard let from, let to else { return nil }
        guard linkSet.contains(LinkKey(from: from, to: to)) else {
            diagnostics.append(Diagnostic(
                ModelCode.unknownLink, range: fromID.range.union(toID.range),
                message: LocalizedText(da: "forbindelsen »\(fromID.name) -> \(toID.name)« findes ikke i modellen",
                                       en: "the link »\(fromID.name) -> \(toID.name)« does not exist in the model"),
                help: LocalizedText(da: "tilføj »fører til: \(toID.name)« under \(fromID.name), eller ret forbindelsen",
                                    en: "add »leads to: \(toID.name)« under \(fromID.name), or correct the link")))
            return nil
        }
        return (from, to)
    }
}
