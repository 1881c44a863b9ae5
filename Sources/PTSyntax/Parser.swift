import PTDiagnostics
import PTSource

/// Reads one `.pt` file into a `SyntaxTree` and reports every mistake it finds — it never stops
/// at the first one. Lines nest by indentation: a line belongs to the nearest less-indented line
/// above it (language.md, principle 5).
public struct Parser {
    /// Files larger than this are refused with a diagnostic (docs/graenser.md). A real
    /// programteori is a few kilobytes; 100 000 synthetic elements fit in about 20 MB.
    public static let maxFileSize = 32 * 1024 * 1024
    /// After this many findings in one file the parser stops reporting and says so.
    public static let maxFindings = 500

    public static func parse(_ file: SourceFile) -> (tree: SyntaxTree, diagnostics: [Diagnostic]) {
        var parser = Parser(file: file)
        parser.run()
        return (SyntaxTree(file: file, header: parser.header, items: parser.items, comments: parser.comments),
                parser.diagnostics)
    }

    // MARK: - State

    private let file: SourceFile
    private var lines: ScannedLines
    /// The top-level lines (1-based numbers): each line not indented under one above it.
    private var roots: [Int] = []
    private var header: ElementSyntax?
    private var items: [TopLevelItem] = []
    private var comments: [CommentSyntax] = []
    private var diagnostics: [Diagnostic] = []
    private var stoppedReporting = false

    private init(file: SourceFile) {
        self.file = file
        self.lines = ScannedLines(lines: [], file: file.pathID, isValidUTF8: true, bytes: [])
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        guard !stoppedReporting else { return }
        if diagnostics.count >= Self.maxFindings {
            stoppedReporting = true
            diagnostics.append(Diagnostic(
                SyntaxCode.tooManyFindings, range: diagnostic.range,
                message: LocalizedText(
                    da: "for mange fund i filen; stoppede efter \(Self.maxFindings)",
                    en: "too many findings in the file; stopped after \(Self.maxFindings)"),
                help: LocalizedText(
                    da: "ret de første fejl og kør igen; er det den rigtige fil?",
                    en: "fix the first errors and run again; is this the right file?")))
            return
        }
        diagnostics.append(diagnostic)
    }

    // MARK: - Driver

    private mutating func run() {
        if file.bytes.count > Self.maxFileSize {
            report(Diagnostic(
                SyntaxCode.fileTooLarge,
                range: SourceRange(file: file.pathID, start: 0, end: 0),
                message: LocalizedText(
                    da: "filen er for stor (\(megabytes(file.bytes.count)) MB); grænsen er \(megabytes(Self.maxFileSize)) MB",
                    en: "the file is too large (\(megabytes(file.bytes.count)) MB); the limit is \(megabytes(Self.maxFileSize)) MB"),
                help: LocalizedText(
                    da: "del modellen op i flere filer og saml dem med »brug:«",
                    en: "split the model into several files and combine them with »use:«")))
            return
        }
        var scanned: [Diagnostic] = []
        guard let scannedLines = LineScanner.scan(file, report: { scanned.append($0) }) else {
            scanned.forEach { report($0) }
            return
        }
        scanned.forEach { report($0) }
        lines = scannedLines
        findRoots()
        if roots.isEmpty {
            report(Diagnostic(
                SyntaxCode.emptyFile,
                range: SourceRange(file: file.pathID, start: file.contentStart, end: file.contentStart),
                message: LocalizedText(da: "filen er tom", en: "the file is empty"),
                help: LocalizedText(
                    da: "begynd med en linje som »programteori: Titel på indsatsen«",
                    en: "start with a line such as »program theory: Title of the effort«")))
            return
        }
        // One item per top-level line at most: room for all at once instead of doubling.
        items.reserveCapacity(roots.count)
        for root in roots {
            parseTopLevel(root)
        }
    }

    private func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10),\(tenths % 10)"
    }

    // MARK: - Blocks
    //
    // A line belongs to the nearest less-indented line above it. The tree of lines is not built:
    // a line (by its 1-based number) is its node, and its children and block are found from
    // the indentation when they are asked for. Only the content lines count (not blank, not
    // comments), and a parser asks only about the top level and two levels under it, so this
    // is linear, and a file indented 10 000 levels deep costs no deep call stack.

    /// Collects the comments and the top-level lines.
    private mutating func findRoots() {
        for number in 1..<(lines.count + 1) where lines[number].isComment {
            let content = lines.content(number)
            comments.append(CommentSyntax(text: String(content.text.dropFirst()), range: content.range, line: number))
        }
        var root = nextContentLine(after: 0)
        while root >= 0 {
            roots.append(root)
            root = nextContentLine(after: lastLine(root))
        }
    }

    private func isContent(_ number: Int) -> Bool {
        let line = lines[number]
        return !line.isBlank && !line.isComment
    }

    private func indent(_ number: Int) -> Int { Int(lines[number].indent) }

    /// The first content line after line `number`, or -1.
    private func nextContentLine(after number: Int) -> Int {
        var next = number + 1
        while next <= lines.count {
            if isContent(next) { return next }
            next += 1
        }
        return -1
    }

    /// The last content line of the block line `node` opens: the last before the next content
    /// line that is indented no deeper than it.
    private func lastLine(_ node: Int) -> Int {
        let own = indent(node)
        var last = node
        var next = node + 1
        while next <= lines.count {
            if isContent(next) {
                if indent(next) <= own { break }
                last = next
            }
            next += 1
        }
        return last
    }

    /// The first line indented under `node`, or -1.
    private func firstChild(_ node: Int) -> Int {
        let next = nextContentLine(after: node)
        return next >= 0 && indent(next) > indent(node) ? next : -1
    }

    /// The next line indented directly under `parent` after its child `child`, or -1.
    private func nextSibling(_ child: Int, under parent: Int) -> Int {
        let next = nextContentLine(after: lastLine(child))
        return next >= 0 && indent(next) > indent(parent) ? next : -1
    }

    private func content(_ node: Int) -> TextSlice { lines.content(node) }

    private func blockRange(_ node: Int) -> SourceRange {
        let start = content(node).offset
        let last = lines.content(lastLine(node))
        return SourceRange(file: file.pathID, start: start, end: last.offset + last.byteCount)
    }

    /// From the first line under `node` through the end of its block.
    private func childrenRange(_ node: Int, first: Int) -> SourceRange {
        SourceRange(file: file.pathID, start: content(first).offset, end: blockRange(node).end)
    }

    // MARK: - Lines

    /// What a line says before it is checked against where it stands.
    private enum LineForm {
        case element(ElementKind, keyword: TextSlice, idWords: [TextSlice], value: TextSlice)
        case property(PropertyKey, keyword: TextSlice, value: TextSlice)
        case chain(TextSlice)
        case unknown(head: TextSlice)
        case missingColon(keyword: String, head: TextSlice)
    }

    private func classify(_ slice: TextSlice) -> LineForm {
        guard let (head, value) = slice.split(atFirst: ":") else {
            if slice.contains("->") { return .chain(slice) }
            let words = slice.words()
            if let match = matchKeyword(words) {
                return .missingColon(keyword: match, head: slice)
            }
            return .unknown(head: slice)
        }
        let headTrimmed = head.trimmed()
        let words = headTrimmed.words()
        guard !words.isEmpty else { return .unknown(head: headTrimmed) }
        // Only the first two words can be a keyword (no keyword has three), so only they are
        // normalised.
        // normalised. One look-up for the first word says what it can start; the two words are
        // looked up only after a word that starts a two-word keyword (a word holds no blank, so
        // no other pair can match).
        let first = words[0].normalizedKeyword()
        let entry = KeywordTable.firstWords[first]
        if words.count >= 2, entry?.startsTwoWords == true {
            let pair = KeywordTable.twoWords[first + " " + words[1].normalizedKeyword()]
            if let kind = pair?.element {
                return .element(kind, keyword: words[0].joined(with: words[1]),
                                 idWords: Array(words.dropFirst(2)), value: value.trimmed())
            }
            if let kind = entry?.element {
                return .element(kind, keyword: words[0], idWords: Array(words.dropFirst()), value: value.trimmed())
            }
            if words.count == 2, let key = pair?.property {
                return .property(key, keyword: headTrimmed, value: value.trimmed())
            }
            return .unknown(head: headTrimmed)
        }
        if let kind = entry?.element {
            return .element(kind, keyword: words[0], idWords: Array(words.dropFirst()), value: value.trimmed())
        }
        if words.count == 1, let key = entry?.property {
            return .property(key, keyword: headTrimmed, value: value.trimmed())
        }
        return .unknown(head: headTrimmed)
    }

    /// The keyword a colon-less line starts with, if any (for "mangler kolon").
    private func matchKeyword(_ words: [TextSlice]) -> String? {
        guard let first = words.first else { return nil }
        let one = normalizeKeyword(first.text)
        if words.count >= 2, KeywordTable.properties[one + " " + normalizeKeyword(words[1].text)] != nil
            || KeywordTable.twoWordElements[one + " " + normalizeKeyword(words[1].text)] != nil {
            return first.text + " " + words[1].text
        }
        if KeywordTable.elements[one] != nil || KeywordTable.properties[one] != nil { return String(first.text) }
        return nil
    }

    // MARK: - Top level

    private mutating func parseTopLevel(_ node: Int) {
        let slice = content(node)
        switch classify(slice) {
        case .element(let kind, let keyword, let idWords, let value):
            if kind == .indicator {
                report(misplaced(
                    range: keyword.range,
                    da: "en indikator skal stå indrykket under det delmål eller slutmål, den måler",
                    en: "an indicator must be indented under the outcome or final outcome it measures",
                    helpDa: "ryk »\(keyword.text)« ind under et delmål eller slutmål",
                    helpEn: "indent »\(keyword.text)« under an outcome or final outcome"))
                return
            }
            guard let element = parseElement(node, kind: kind, keyword: keyword, idWords: idWords, title: value) else { return }
            if kind == .programTheory {
                if let first = header {
                    report(Diagnostic(
                        SyntaxCode.header, range: element.keywordRange,
                        message: LocalizedText(da: "filen har mere end én »programteori:«-linje",
                                               en: "the file has more than one »program theory:« line"),
                        help: LocalizedText(da: "en fil beskriver én programteori; del den i to filer",
                                            en: "one file describes one program theory; split it into two files"),
                        notes: [DiagnosticNote(range: first.keywordRange,
                                               message: LocalizedText(da: "den første står her", en: "the first is here"))]))
                } else {
                    if let firstElement = elementsSoFar.first {
                        report(Diagnostic(
                            SyntaxCode.header, range: element.keywordRange,
                            message: LocalizedText(da: "»programteori:« skal stå før alle elementer",
                                                   en: "»program theory:« must come before every element"),
                            help: LocalizedText(da: "flyt »programteori:«-linjen og dens egenskaber op til toppen af filen",
                                                en: "move the »program theory:« line and its properties to the top of the file"),
                            notes: [DiagnosticNote(range: firstElement.keywordRange,
                                                   message: LocalizedText(da: "første element", en: "first element"))]))
                    }
                    header = element
                }
            } else {
                items.append(.element(element))
            }
        case .property(let key, let keyword, let value):
            if key == .use {
                reportChildren(of: node, under: keyword.text)
                parseInclude(keyword: keyword, value: value, line: slice)
                return
            }
            report(misplaced(
                range: keyword.range,
                da: "egenskaben »\(keyword.text)« skal stå indrykket under et element",
                en: "the property »\(keyword.text)« must be indented under an element",
                helpDa: "ryk linjen ind under det element, den hører til (fx et delmål)",
                helpEn: "indent the line under the element it belongs to (for example an outcome)"))
        case .chain(let chainSlice):
            reportChildren(of: node, under: "->")
            if let ids = parseChain(chainSlice, allowLongChain: true) {
                items.append(.chain(ChainSyntax(ids: ids, range: chainSlice.range)))
            }
        case .unknown(let head):
            reportUnknown(head, allowed: ElementKind.topLevel.map(\.danishKeyword) + ["brug"],
                          allowedEnglish: ElementKind.topLevel.map(\.englishKeyword) + ["use"],
                          context: LocalizedText(da: "på øverste niveau", en: "at the top level"))
        case .missingColon(let keyword, let head):
            reportMissingColon(keyword: keyword, head: head)
        }
    }

    private var elementsSoFar: [ElementSyntax] {
        items.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    private mutating func parseInclude(keyword: TextSlice, value: TextSlice, line: TextSlice) {
        guard !value.isEmpty else {
            report(Diagnostic(
                SyntaxCode.missingValue, range: keyword.range,
                message: LocalizedText(da: "»brug:« mangler en sti til en fil", en: "»use:« is missing a path to a file"),
                help: LocalizedText(da: "skriv fx »brug: faelles/mekanismer.pt« (stien regnes fra denne fil)",
                                    en: "write e.g. »use: shared/mechanisms.pt« (the path is relative to this file)")))
            return
        }
        items.append(.include(IncludeSyntax(path: String(value.text), pathRange: value.range, range: line.range)))
    }

    // MARK: - Elements

    private mutating func parseElement(_ node: Int, kind: ElementKind, keyword: TextSlice, idWords: [TextSlice], title: TextSlice) -> ElementSyntax? {
        let slice = content(node)
        var id: Identifier?
        if let first = idWords.first {
            let idSlice = idWords.count == 1 ? first : first.joined(with: idWords.last!)
            if kind == .programTheory {
                report(Diagnostic(
                    SyntaxCode.invalidIdentifier, range: idSlice.range,
                    message: LocalizedText(da: "»programteori« har ikke et ID", en: "»program theory« takes no ID"),
                    help: LocalizedText(da: "skriv »programteori: \(idSlice.text) …« hvis det er en del af titlen",
                                        en: "write »program theory: \(idSlice.text) …« if it is part of the title")))
            } else if idWords.count > 1 {
                report(Diagnostic(
                    SyntaxCode.invalidIdentifier, range: idSlice.range,
                    message: LocalizedText(da: "et ID kan ikke indeholde mellemrum: \(quoted(idSlice.text))",
                                           en: "an ID cannot contain spaces: \(quoted(idSlice.text))"),
                    help: LocalizedText(da: "skriv ID'et i ét ord (fx »\(idWords.map(\.text).joined(separator: "-"))«) og titlen efter kolon",
                                        en: "write the ID as one word (e.g. »\(idWords.map(\.text).joined(separator: "-"))«) and the title after the colon")))
            } else if !Identifier.isValid(first.text) {
                report(invalidIdentifier(first))
            } else {
                id = Identifier(name: String(first.text), range: first.range)
            }
        }
        if title.isEmpty {
            report(Diagnostic(
                SyntaxCode.missingValue, range: keyword.range.union(slice.range),
                message: LocalizedText(da: "»\(keyword.text)« mangler en titel efter kolon",
                                       en: "»\(keyword.text)« is missing a title after the colon"),
                help: LocalizedText(da: "skriv titlen på samme linje, fx »\(keyword.text)\(id.map { " " + $0.name } ?? ""): Den unge møder stabilt op«",
                                    en: "write the title on the same line, e.g. »\(keyword.text)\(id.map { " " + $0.name } ?? ""): The young person attends reliably«")))
        }
        var element = ElementSyntax(
            kind: kind, keywordRange: keyword.range, id: id, title: title.string,
            titleRange: title.isEmpty ? slice.range : title.range, range: slice.range,
            blockRange: blockRange(node), properties: [], indicators: [])
        // Most lines under an element are its properties: room for all of them at once, instead
        // of doubling (the properties are most of the tree's memory).
        var childCount = 0
        var counted = firstChild(node)
        while counted >= 0 {
            childCount += 1
            counted = nextSibling(counted, under: node)
        }
        element.properties.reserveCapacity(childCount)

        var nextChild = firstChild(node)
        while nextChild >= 0 {
            let child = nextChild
            nextChild = nextSibling(child, under: node)
            let childSlice = content(child)
            switch classify(childSlice) {
            case .element(.indicator, let childKeyword, let childIDs, let childTitle) where kind.acceptsIndicators:
                if let indicator = parseElement(child, kind: .indicator, keyword: childKeyword, idWords: childIDs, title: childTitle) {
                    element.indicators.append(indicator)
                }
            case .element(let childKind, let childKeyword, _, _):
                if childKind == .indicator {
                    report(misplaced(
                        range: childKeyword.range,
                        da: "en indikator kan kun stå under et delmål eller slutmål, ikke under \(kind.danishArticle)",
                        en: "an indicator can only stand under an outcome or final outcome, not under \(kind.englishArticle)",
                        helpDa: "flyt indikatoren til det delmål eller slutmål, den måler",
                        helpEn: "move the indicator to the outcome or final outcome it measures"))
                } else {
                    report(Diagnostic(
                        SyntaxCode.unexpectedIndentation, range: childKeyword.range,
                        message: LocalizedText(
                            da: "»\(childKeyword.text)« er indrykket under »\(keyword.text)«; elementer står ikke inde i hinanden",
                            en: "»\(childKeyword.text)« is indented under »\(keyword.text)«; elements do not nest"),
                        help: LocalizedText(
                            da: "ryk »\(childKeyword.text)« helt ud til venstre; forbind elementerne med »fører til:«",
                            en: "move »\(childKeyword.text)« to the left margin; connect elements with »leads to:«")))
                }
            case .property(let key, let keywordSlice, let value):
                guard kind.allowedProperties.contains(key) else {
                    report(propertyNotAllowed(keywordSlice, in: kind))
                    continue
                }
                if !key.isRepeatable, let earlier = element.property(key) {
                    report(Diagnostic(
                        SyntaxCode.repeatedProperty, range: keywordSlice.range,
                        message: LocalizedText(da: "»\(keywordSlice.text)« står mere end én gang under \(kind.danishArticle)",
                                               en: "»\(keywordSlice.text)« appears more than once under \(kind.englishArticle)"),
                        help: LocalizedText(da: "behold én linje med »\(keywordSlice.text)«",
                                            en: "keep one line with »\(keywordSlice.text)«"),
                        notes: [DiagnosticNote(range: earlier.keyRange,
                                               message: LocalizedText(da: "første gang her", en: "first here"))]))
                    continue
                }
                if let property = parseProperty(child, key: key, keyword: keywordSlice, value: value) {
                    element.properties.append(property)
                }
            case .chain(let chainSlice):
                report(Diagnostic(
                    SyntaxCode.unexpectedIndentation, range: chainSlice.range,
                    message: LocalizedText(da: "en kæde »… -> …« skal stå uden indrykning",
                                           en: "a chain »… -> …« must stand without indentation"),
                    help: LocalizedText(da: "skriv »fører til: ID« under elementet, eller ryk kæden helt ud til venstre",
                                        en: "write »leads to: ID« under the element, or move the chain to the left margin")))
            case .unknown(let head):
                var allowed = kind.allowedProperties.map(\.danishKeyword)
                var allowedEnglish = kind.allowedProperties.map(\.englishKeyword)
                if kind.acceptsIndicators {
                    allowed.append("indikator")
                    allowedEnglish.append("indicator")
                }
                reportUnknown(head, allowed: allowed, allowedEnglish: allowedEnglish,
                              context: LocalizedText(da: "under \(kind.danishArticle)", en: "under \(kind.englishArticle)"))
            case .missingColon(let childKeyword, let head):
                reportMissingColon(keyword: childKeyword, head: head)
            }
        }
        return element
    }

    // MARK: - Properties

    private mutating func parseProperty(_ node: Int, key: PropertyKey, keyword: TextSlice, value: TextSlice) -> PropertySyntax? {
        let line = content(node)
        let first = firstChild(node)
        if value.isEmpty {
            if key.isText, first >= 0 {
                let text = multiLineText(node)
                return PropertySyntax(key: key, keyRange: keyword.range, value: .text(text),
                                      valueRange: childrenRange(node, first: first),
                                      range: blockRange(node))
            }
            report(Diagnostic(
                SyntaxCode.missingValue, range: keyword.range,
                message: LocalizedText(da: "»\(keyword.text)« mangler en værdi", en: "»\(keyword.text)« is missing a value"),
                help: LocalizedText(da: "skriv værdien efter kolon, fx »\(keyword.text): \(key.exampleDa)«",
                                    en: "write the value after the colon, e.g. »\(keyword.text): \(key.exampleEn)«")))
            return nil
        }
        reportChildren(of: node, under: keyword.text)
        // A value that could not be read is kept as `.invalid`, so later stages know the user
        // wrote it and do not also report it as missing.
        let parsed = parseValue(key: key, keyword: keyword, value: value) ?? .invalid
        return PropertySyntax(key: key, keyRange: keyword.range, value: parsed, valueRange: value.range, range: line.range)
    }

    /// The lines indented under an empty-valued text property, joined with newlines; the common
    /// indentation is removed, blank lines inside are kept, comment lines are left out.
    private func multiLineText(_ node: Int) -> String {
        let first = node + 1
        let last = lastLine(node)
        guard first <= last else { return "" }
        var textLines: [(indent: Int, text: Substring)] = []
        for number in first...last {
            let line = lines[number]
            if line.isComment { continue }
            textLines.append((Int(line.indent), lines.content(number).text))
        }
        let common = textLines.filter { !$0.text.isEmpty }.map(\.indent).min() ?? 0
        let joined = textLines.map { $0.text.isEmpty ? "" : String(repeating: " ", count: $0.indent - common) + $0.text }
        return joined.joined(separator: "\n").trimmingCharactersNewlines()
    }

    private mutating func parseValue(key: PropertyKey, keyword: TextSlice, value: TextSlice) -> PropertyValue? {
        let text = value.text
        switch key {
        case .leadsTo, .supports, .appliesTo:
            return parseReferences(key: key, keyword: keyword, value: value).map { .references($0) }
        case .size:
            return .size(ValueParser.size(text))
        case .baseline:
            if let baseline = ValueParser.baseline(text) { return .baseline(baseline) }
            if let open = text.lastIndex(of: "("), text.hasSuffix(")"), ValueParser.quantity(text[..<open].trimmingBlanks()) != nil {
                reportInvalidDate(value.sub(text.index(after: open)..<text.index(before: text.endIndex), of: text).trimmed(), year: 2024)
                return nil
            }
            report(badValue(SyntaxCode.invalidNumber, value,
                            da: "»baseline« skal være et tal, evt. med dato i parentes",
                            en: "»baseline« must be a number, optionally with a date in parentheses",
                            helpDa: "skriv fx »baseline: 55 (2024-06)« eller »baseline: 22,5% (2024)«",
                            helpEn: "write e.g. »baseline: 55 (2024-06)« or »baseline: 22.5% (2024)«"))
            return nil
        case .target:
            if let target = ValueParser.target(text) { return .target(target) }
            if let deadline = ValueParser.deadlineText(text), ValueParser.date(deadline.text) == nil {
                reportInvalidDate(value.sub(deadline.range, of: text), year: 2027)
                return nil
            }
            report(badValue(SyntaxCode.invalidNumber, value,
                            da: "»mål« skal være et tal, evt. med »senest« og en dato",
                            en: "»target« must be a number, optionally with »by« and a date",
                            helpDa: "skriv fx »mål: 80 senest 2027-12-31«; datoer skrives 2027-12-31, 2027-12, 2027 eller 31.12.2027",
                            helpEn: "write e.g. »target: 80 by 2027-12-31«; dates are written 2027-12-31, 2027-12, 2027 or 31.12.2027"))
            return nil
        case .date:
            if let date = ValueParser.date(text) { return .date(date) }
            reportInvalidDate(value, year: 2025)
            return nil
        case .frequency:
            return fixedValue(ValueParser.frequency(text), value, keyword: keyword,
                              danish: Frequency.allCases.map(\.danish), english: Frequency.allCases.map(\.english)).map { .frequency($0) }
        case .direction:
            return fixedValue(ValueParser.direction(text), value, keyword: keyword,
                              danish: Direction.allCases.map(\.danish), english: Direction.allCases.map(\.english)).map { .direction($0) }
        case .critical:
            return fixedValue(ValueParser.flag(text), value, keyword: keyword,
                              danish: ["ja", "nej"], english: ["yes", "no"]).map { .flag($0) }
        case .status:
            return fixedValue(ValueParser.status(text), value, keyword: keyword,
                              danish: ApprovalStatus.allCases.map(\.danish), english: ApprovalStatus.allCases.map(\.english)).map { .status($0) }
        case .type:
            return fixedValue(ValueParser.mechanismType(text), value, keyword: keyword,
                              danish: MechanismType.allCases.map(\.danish), english: MechanismType.allCases.map(\.english)).map { .mechanismType($0) }
        case .use:
            return .text(String(text))
        default:
            return .text(String(text))
        }
    }

    /// »… er ikke en dato«, with every accepted form spelled out for an example `year`.
    private mutating func reportInvalidDate(_ slice: TextSlice, year: Int) {
        let forms = "\(year)-12-31, \(year)-12, \(year) eller 31.12.\(year)"
        let formsEn = "\(year)-12-31, \(year)-12, \(year) or 31.12.\(year)"
        report(Diagnostic(
            SyntaxCode.invalidDate, range: slice.range,
            message: LocalizedText(da: "\(quoted(slice.text)) er ikke en dato", en: "\(quoted(slice.text)) is not a date"),
            help: LocalizedText(da: "skriv datoen som \(forms)", en: "write the date as \(formsEn)")))
    }

    private mutating func fixedValue<T>(_ parsed: T?, _ value: TextSlice, keyword: TextSlice, danish: [String], english: [String]) -> T? {
        if let parsed { return parsed }
        let normalized = normalizeKeyword(value.text)
        let guess = Suggestion.closest(to: normalized, among: danish.map(normalizeKeyword)).flatMap { hit in
            danish.first { normalizeKeyword($0) == hit }
        }
        let allowedDa = danish.map { "»\($0)«" }.joined(separator: ", ")
        let allowedEn = english.map { "»\($0)«" }.joined(separator: ", ")
        report(Diagnostic(
            SyntaxCode.unknownValue, range: value.range,
            message: LocalizedText(da: "\(quoted(value.text)) er ikke en gyldig værdi for »\(keyword.text)«",
                                   en: "\(quoted(value.text)) is not a valid value for »\(keyword.text)«"),
            help: LocalizedText(
                da: (guess.map { "mente du »\($0)«? " } ?? "") + "tilladt: \(allowedDa)",
                en: (guess.map { "did you mean »\($0)«? " } ?? "") + "allowed: \(allowedEn) (or the Danish words)")))
        return nil
    }

    // MARK: - References

    /// `D1, D2` or `A1 -> D2, A2 -> D2`: IDs for »fører til«, IDs or single links for
    /// »understøtter«, single links for »gælder«.
    private mutating func parseReferences(key: PropertyKey, keyword: TextSlice, value: TextSlice) -> [Reference]? {
        var references: [Reference] = []
        var ok = true
        for item in value.split(on: ",") {
            let trimmed = item.trimmed()
            if trimmed.isEmpty {
                report(Diagnostic(
                    SyntaxCode.invalidReference, range: item.range.union(value.range),
                    message: LocalizedText(da: "tomt punkt i listen efter »\(keyword.text)«",
                                           en: "empty item in the list after »\(keyword.text)«"),
                    help: LocalizedText(da: "adskil ID'er med ét komma, fx »D1, D2«", en: "separate IDs with one comma, e.g. »D1, D2«")))
                ok = false
                continue
            }
            if trimmed.contains("->") {
                guard key != .leadsTo else {
                    report(Diagnostic(
                        SyntaxCode.invalidReference, range: trimmed.range,
                        message: LocalizedText(da: "»\(keyword.text)« tager ID'er, ikke forbindelser",
                                               en: "»\(keyword.text)« takes IDs, not links"),
                        help: LocalizedText(da: "skriv kun målet, fx »fører til: D2«", en: "write only the target, e.g. »leads to: D2«")))
                    ok = false
                    continue
                }
                guard let ids = parseChain(trimmed, allowLongChain: false) else {
                    ok = false
                    continue
                }
                references.append(.link(from: ids[0], to: ids[1]))
            } else {
                guard key != .appliesTo else {
                    report(Diagnostic(
                        SyntaxCode.invalidReference, range: trimmed.range,
                        message: LocalizedText(da: "»\(keyword.text)« skal pege på en forbindelse, ikke et enkelt element",
                                               en: "»\(keyword.text)« must name a link, not a single element"),
                        help: LocalizedText(da: "skriv forbindelsen antagelsen gælder, fx »gælder: A1 -> D1«",
                                            en: "write the link the assumption concerns, e.g. »applies to: A1 -> D1«")))
                    ok = false
                    continue
                }
                guard let id = identifier(trimmed) else {
                    ok = false
                    continue
                }
                references.append(.element(id))
            }
        }
        return ok || !references.isEmpty ? references : nil
    }

    /// `A -> B -> C`. A chain inside a list may only be a single link.
    private mutating func parseChain(_ slice: TextSlice, allowLongChain: Bool) -> [Identifier]? {
        let parts = slice.split(on: "->").map { $0.trimmed() }
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else {
            report(Diagnostic(
                SyntaxCode.invalidReference, range: slice.range,
                message: LocalizedText(da: "en forbindelse skal have et ID på begge sider af »->«",
                                       en: "a link needs an ID on both sides of »->«"),
                help: LocalizedText(da: "skriv fx »A1 -> D1«", en: "write e.g. »A1 -> D1«")))
            return nil
        }
        if !allowLongChain, parts.count > 2 {
            report(Diagnostic(
                SyntaxCode.invalidReference, range: slice.range,
                message: LocalizedText(da: "her kan kun stå enkelte forbindelser som »A1 -> D1«, ikke kæder",
                                       en: "only single links such as »A1 -> D1« can stand here, not chains"),
                help: LocalizedText(da: "del kæden op: »A1 -> D1, D1 -> S1«", en: "split the chain: »A1 -> D1, D1 -> S1«")))
            return nil
        }
        var ids: [Identifier] = []
        for part in parts {
            guard let id = identifier(part) else { return nil }
            ids.append(id)
        }
        return ids
    }

    private mutating func identifier(_ slice: TextSlice) -> Identifier? {
        guard Identifier.isValid(slice.text) else {
            report(invalidIdentifier(slice))
            return nil
        }
        return Identifier(name: String(slice.text), range: slice.range)
    }

    // MARK: - Findings

    private mutating func reportChildren(of node: Int, under keyword: some StringProtocol) {
        let first = firstChild(node)
        guard first >= 0 else { return }
        let range = childrenRange(node, first: first)
        report(Diagnostic(
            SyntaxCode.unexpectedIndentation,
            range: SourceRange(file: file.pathID, start: range.start, end: content(first).range.end),
            message: LocalizedText(da: "uventet indrykning: »\(keyword)« kan ikke have indrykkede linjer under sig",
                                   en: "unexpected indentation: »\(keyword)« cannot have indented lines under it"),
            help: LocalizedText(da: "ryk linjen ud, så den står på linje med linjen over den",
                                en: "move the line out so it lines up with the line above it")))
    }

    private func invalidIdentifier(_ slice: TextSlice) -> Diagnostic {
        Diagnostic(
            SyntaxCode.invalidIdentifier, range: slice.range,
            message: LocalizedText(da: "\(quoted(slice.text)) er ikke et gyldigt ID",
                                   en: "\(quoted(slice.text)) is not a valid ID"),
            help: LocalizedText(da: "et ID begynder med et bogstav og indeholder kun bogstaver, tal, ».«, »_« og »-« (fx »D1« eller »D2.1«)",
                                en: "an ID starts with a letter and holds only letters, digits, ».«, »_« and »-« (e.g. »D1« or »D2.1«)"))
    }

    private func misplaced(range: SourceRange, da: String, en: String, helpDa: String, helpEn: String) -> Diagnostic {
        Diagnostic(SyntaxCode.misplacedProperty, range: range,
                   message: LocalizedText(da: da, en: en), help: LocalizedText(da: helpDa, en: helpEn))
    }

    private func propertyNotAllowed(_ keyword: TextSlice, in kind: ElementKind) -> Diagnostic {
        var allowedDa = kind.allowedProperties.map { "»\($0.danishKeyword)«" }
        var allowedEn = kind.allowedProperties.map { "»\($0.englishKeyword)«" }
        if kind.acceptsIndicators {
            allowedDa.append("»indikator«")
            allowedEn.append("»indicator«")
        }
        return Diagnostic(
            SyntaxCode.misplacedProperty, range: keyword.range,
            message: LocalizedText(da: "»\(keyword.text)« kan ikke stå under \(kind.danishArticle)",
                                   en: "»\(keyword.text)« cannot stand under \(kind.englishArticle)"),
            help: LocalizedText(da: "under \(kind.danishArticle) kan stå: \(allowedDa.joined(separator: ", "))",
                                en: "under \(kind.englishArticle) you can use: \(allowedEn.joined(separator: ", "))"))
    }

    private func badValue(_ code: DiagnosticCode, _ value: TextSlice, da: String, en: String, helpDa: String, helpEn: String) -> Diagnostic {
        Diagnostic(code, range: value.range, message: LocalizedText(da: da, en: en), help: LocalizedText(da: helpDa, en: helpEn))
    }

    private mutating func reportUnknown(_ head: TextSlice, allowed: [String], allowedEnglish: [String], context: LocalizedText) {
        let word = head.words().first.map { String($0.text) } ?? String(head.text)
        let normalized = normalizeKeyword(head.text)
        let candidates = allowed.map(normalizeKeyword) + allowedEnglish.map(normalizeKeyword)
        // Try the whole head, then its first word (the rest may be an ID).
        let guessKey = Suggestion.closest(to: normalized, among: candidates)
            ?? Suggestion.closest(to: normalizeKeyword(word), among: candidates)
        let guess = guessKey.flatMap { key in
            zip(candidates, allowed + allowedEnglish).first { $0.0 == key }?.1
        }
        let range = head.isEmpty ? head.range : (head.words().first?.range ?? head.range)
        report(Diagnostic(
            SyntaxCode.unknownKeyword, range: range,
            message: LocalizedText(da: "ukendt nøgleord \(quoted(word, limit: 40)) \(context.da)",
                                   en: "unknown keyword \(quoted(word, limit: 40)) \(context.en)"),
            help: LocalizedText(
                da: (guess.map { "mente du »\($0)«? " } ?? "") + "her kan stå: " + allowed.map { "»\($0)«" }.joined(separator: ", "),
                en: (guess.map { "did you mean »\($0)«? " } ?? "") + "allowed here: " + allowedEnglish.map { "»\($0)«" }.joined(separator: ", "))))
    }

    private mutating func reportMissingColon(keyword: String, head: TextSlice) {
        let rest = head.text.dropFirst(keyword.count).trimmingBlanks()
        report(Diagnostic(
            SyntaxCode.missingColon, range: head.range,
            message: LocalizedText(da: "linjen mangler et kolon efter »\(keyword)«",
                                   en: "the line is missing a colon after »\(keyword)«"),
            help: LocalizedText(da: "skriv fx »\(keyword): \(rest.isEmpty ? "…" : String(rest.prefix(40)))«; efter kolon kommer teksten",
                                en: "write e.g. »\(keyword): \(rest.isEmpty ? "…" : String(rest.prefix(40)))«; the text follows the colon")))
    }
}

extension TextSlice {
    /// The slice from this one's start to `other`'s end (both on the same line).
    func joined(with other: TextSlice) -> TextSlice {
        TextSlice(base: base, lower: lower, upper: other.upper, offset: offset, file: file)
    }
}

extension String {
    func trimmingCharactersNewlines() -> String {
        var result = Substring(self)
        while result.first?.isNewline == true { result = result.dropFirst() }
        while result.last?.isNewline == true || result.last == " " { result = result.dropLast() }
        return String(result)
    }
}

extension ElementKind {
    /// "et delmål", "en aktivitet": for messages.
    public var danishArticle: String {
        switch self {
        case .programTheory: "programteori-linjen"
        case .finalOutcome, .outcome: "et \(danishKeyword)"
        case .targetGroup, .activity, .mechanism, .indicator, .assumption: "en \(danishKeyword)"
        }
    }

    public var englishArticle: String {
        switch self {
        case .programTheory: "the program theory line"
        case .activity, .outcome, .indicator, .assumption: "an \(englishKeyword)"
        default: "a \(englishKeyword)"
        }
    }
}

extension PropertyKey {
    var exampleDa: String {
        switch self {
        case .leadsTo: "D2"
        case .supports: "A1"
        case .appliesTo: "A1 -> D1"
        case .size: "120 borgere"
        case .baseline: "55 (2024)"
        case .target: "80 senest 2027-12-31"
        case .frequency: "kvartalsvis"
        case .direction: "op"
        case .critical: "ja"
        case .status: "kladde"
        case .type: "tilgang"
        case .date: "2025-03-01"
        case .unit: "procent"
        default: "…"
        }
    }

    var exampleEn: String {
        switch self {
        case .leadsTo: "D2"
        case .supports: "A1"
        case .appliesTo: "A1 -> D1"
        case .size: "120 citizens"
        case .baseline: "55 (2024)"
        case .target: "80 by 2027-12-31"
        case .frequency: "quarterly"
        case .direction: "up"
        case .critical: "yes"
        case .status: "draft"
        case .type: "approach"
        case .date: "2025-03-01"
        case .unit: "percent"
        default: "…"
        }
    }
}
