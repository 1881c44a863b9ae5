import Foundation
import PTDiagnostics
import PTDiagram
import PTReports
import PTSource
import ProgramteoriKit

/// What the endpoints do, without HTTP: check the editor's text against the folder, draw it,
/// and turn the results into the page's JSON. Blocking; the routes call it off the
/// concurrency pool.
final class EditorService: Sendable {
    let workspace: Workspace
    let store: ModelStore
    let pool: LayoutPool

    init(workspace: Workspace, pool: LayoutPool) {
        self.workspace = workspace
        self.store = ModelStore(workspace: workspace)
        self.pool = pool
    }

    /// Name for a model that is not saved yet: anchors `brug:` in the folder itself.
    static let unsavedName = "ny-model.pt"

    struct Checked {
        let report: CheckReport
        let path: String
        let language: Language
    }

    /// Parses, resolves and runs the rules on `request.text` as if it were the file `name`.
    func check(_ request: SourceRequest) throws(Workspace.Refusal) -> Checked {
        let language = Self.language(request.lang)
        let path = try workspace.resolve(request.name ?? Self.unsavedName)
        // The nearest programteori.toml counts only inside the folder: nothing outside it is read.
        let configuration: Configuration? = ConfigurationLoader.find(from: path).map { found in
            found.hasPrefix(workspace.root + "/") ? nil : Configuration()
        } ?? nil
        let checker = Checker(loader: FileSystemLoader(workspace: workspace.root), configuration: configuration,
                              measurements: measurementsFile(for: path).map { .file($0) })
        return Checked(report: checker.check(text: request.text, path: path), path: path, language: language)
    }

    /// `NAME.maalinger.csv` beside `NAME.pt`, as `scripts/render-models.sh` pairs them: read
    /// against the model when it exists (through the workspace's loader, so not through a link
    /// out of the folder).
    func measurementsFile(for path: String) -> String? {
        let candidate = String(path.dropLast(".pt".count)) + ".maalinger.csv"
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// The indicator plan of a model without errors, as text cells in the page's language.
    func indicators(_ model: CheckedModel, language: Language) -> IndicatorTable {
        let table = Monitoring.plan(model, today: Checker.currentDate()).table(language: language)
        let separator: Character = language == .danish ? "," : "."
        let rows = table.rows.map { row in
            row.map { cell -> String in
                switch cell {
                case .text(let text): text
                case .number(let value): NumberText.format(value, decimalSeparator: separator)
                case .date(let date): date.description
                case .empty: ""
                }
            }
        }
        return IndicatorTable(columns: table.columns.map(\.header), rows: rows,
                              measurementsFile: model.measurements.map { shownName($0.file.path) })
    }

    /// The indicator plan as an Excel workbook, as `programteori indikatorer --format xlsx` writes it.
    func indicatorWorkbook(_ request: SourceRequest) throws(Workspace.Refusal) -> Data {
        let language = Self.language(request.lang)
        let model = try drawable(try check(request))
        do {
            return try Monitoring.planData(Monitoring.plan(model, today: Checker.currentDate()), format: .xlsx,
                                           dialect: .danish, language: language, today: Checker.currentDate())
        } catch {
            throw Workspace.Refusal(status: 500, message: error.message)
        }
    }

    /// The editor's text in the canonical layout, as `programteori fmt` would write it; refused
    /// while the text has syntax errors (fmt never guesses).
    func format(_ request: SourceRequest) throws(Workspace.Refusal) -> FormatResponse {
        let path = try workspace.resolve(request.name ?? Self.unsavedName)
        switch ModelFormatting().format(SourceFile(path: path, text: request.text)) {
        case .success(let text):
            return FormatResponse(text: text, changed: text != request.text)
        case .failure(let refusal):
            let count = refusal.diagnostics.count
            throw Workspace.Refusal(status: 422, message: LocalizedText(
                da: count == 1 ? "teksten har en syntaksfejl; ret den først (se listen over fund)"
                    : "teksten har \(count) syntaksfejl; ret dem først (se listen over fund)",
                en: count == 1 ? "the text has a syntax error; fix it first (see the list of findings)"
                    : "the text has \(count) syntax errors; fix them first (see the list of findings)"))
        }
    }

    /// The checked model of the edited text, refused when there is none or it has errors.
    private func drawable(_ checked: Checked) throws(Workspace.Refusal) -> CheckedModel {
        guard let model = checked.report.models.first(where: { $0.path == checked.path }) else {
            throw Workspace.Refusal(status: 422, message: LocalizedText(
                da: "der er ingen programteori endnu: begynd med »programteori: Titel«",
                en: "there is no programme theory yet: start with »program theory: Title«"))
        }
        guard !model.hasErrors else {
            throw Workspace.Refusal(status: 422, message: LocalizedText(
                da: "modellen har fejl; ret dem først (se listen over fund)", en: "the model has errors; fix them first (see the list of findings)"))
        }
        return model
    }

    func preview(_ request: SourceRequest) throws(Workspace.Refusal) -> PreviewResponse {
        let checked = try check(request)
        let findings = findings(checked)
        let model = checked.report.models.first { $0.path == checked.path }
        var svg: String?
        var diagramError: String?
        var diagramWarning: String?
        var indicators: IndicatorTable?
        if let model, !model.hasErrors {
            indicators = self.indicators(model, language: checked.language)
            switch draw(model, request: request, language: checked.language, format: .svg) {
            case .success(let rendered):
                svg = String(decoding: rendered.outputs[.svg] ?? Data(), as: UTF8.self)
                if !rendered.graphvizWarnings.isEmpty {
                    let said = checked.language == .danish ? "Graphviz sagde" : "Graphviz said"
                    diagramWarning = GraphvizWarningText.message(count: rendered.graphvizWarnings.count).text(in: checked.language)
                        + " (\(said): " + rendered.graphvizWarnings.joined(separator: "; ") + ")"
                }
            case .failure(let failure): diagramError = failure.message.text(in: checked.language)
            }
        }
        let diagnostics = checked.report.diagnostics
        return PreviewResponse(
            findings: findings,
            summary: FindingSummary(errors: diagnostics.errorCount, warnings: diagnostics.warningCount, infos: diagnostics.infoCount),
            title: model?.model.header?.title, svg: svg, diagramError: diagramError,
            diagramWarning: diagramWarning, indicators: indicators)
    }

    /// The diagram as a file to download; refused while the model has errors.
    func diagram(_ request: SourceRequest) throws(Workspace.Refusal) -> (bytes: Data, format: DiagramFormat) {
        let language = Self.language(request.lang)
        let format: DiagramFormat
        switch request.format.map({ $0.lowercased() }) ?? "svg" {
        case "svg": format = .svg
        case "png": format = .png
        case "pdf": format = .pdf
        case let other:
            throw Workspace.Refusal(status: 400, message: LocalizedText(
                da: "ukendt format »\(other)«; brug svg, png eller pdf", en: "unknown format »\(other)«; use svg, png or pdf"))
        }
        let model = try drawable(try check(request))
        switch draw(model, request: request, language: language, format: format) {
        case .success(let rendered): return (rendered.outputs[format] ?? Data(), format)
        case .failure(let failure):
            throw Workspace.Refusal(status: failure.kind == .tooLarge ? 422 : 503, message: failure.message)
        }
    }

    private func draw(_ model: CheckedModel, request: SourceRequest, language: Language,
                      format: DiagramFormat) -> Result<RenderedDiagram, RenderFailure> {
        let options = DiagramOptions(
            view: request.view.flatMap(DiagramView.init(name:)) ?? .detailed,
            theme: request.theme.flatMap(ThemeName.init(name:)) ?? .standard,
            language: language)
        let renderer = DiagramRenderer(options: options, layout: pool.mode)
        return pool.with { worker in
            Result { () throws(RenderFailure) in
                try renderer.render(model.model, formats: [format], using: worker)
            }
        }
    }

    /// The report's findings, placed for the editor, in source order.
    func findings(_ checked: Checked) -> [Finding] {
        let files = checked.report.files
        return checked.report.diagnostics.map { diagnostic in
            let file = files[diagnostic.range.path]
            let start = file?.location(of: diagnostic.range.start) ?? LineColumn(line: 1, column: 1, utf16Column: 1)
            let end = file?.location(of: diagnostic.range.end) ?? start
            return Finding(
                file: shownName(diagnostic.range.path), inEditedText: diagnostic.range.path == checked.path,
                line: start.line, column: start.utf16Column, endLine: end.line, endColumn: end.utf16Column,
                severity: diagnostic.severity, code: diagnostic.code, name: diagnostic.name,
                message: diagnostic.message.text(in: checked.language),
                help: diagnostic.help?.text(in: checked.language))
        }
    }

    /// A path as the page shows it: relative to the folder.
    func shownName(_ path: String) -> String {
        path.hasPrefix(workspace.root + "/") ? String(path.dropFirst(workspace.root.count + 1)) : (path as NSString).lastPathComponent
    }

    static func language(_ code: String?) -> Language {
        code.flatMap(Language.init(code:)) ?? .danish
    }
}
