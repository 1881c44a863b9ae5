import Foundation
import PTDiagnostics
import PTDiagram
import PTMeasurements
import PTModel
import PTReports
import PTSource
import PTSyntax
import PTXLSX

/// The formats of `programteori indikatorer`.
public enum PlanFormat: String, Sendable, CaseIterable {
    case markdown = "md"
    case csv
    case xlsx
    case json

    public init?(name: String) {
        switch name.lowercased() {
        case "md", "markdown": self = .markdown
        case "csv": self = .csv
        case "xlsx", "excel": self = .xlsx
        case "json": self = .json
        default: return nil
        }
    }

    /// `x.indikatorer.xlsx`: the plan beside the diagram (`x.svg`) and the report (`x.html`).
    public var fileSuffix: String { ".indikatorer." + rawValue }

    public static func list(_ text: String) -> [PlanFormat]? {
        var formats: [PlanFormat] = []
        for part in text.split(separator: ",") {
            guard let format = PlanFormat(name: part.trimmingCharacters(in: .whitespaces)) else { return nil }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats.isEmpty ? nil : formats
    }
}

/// Thin wiring of the monitoring stages (PTMeasurements, PTReports, PTXLSX) for the CLI and,
/// later, the editor server: the indicator plan, the JSON export and the HTML report of a
/// checked model.
public enum Monitoring {
    /// Output names (`Models/x.pt` → `x`), as `render` names its files.
    public static func outputNames(for report: CheckReport, arguments: [String]) -> (names: [String: String], collisions: [LocalizedText]) {
        OutputNaming.names(for: report.models.map(\.path), arguments: arguments)
    }

    /// File, line and column of a range in any file the check read.
    public static func locator(_ report: CheckReport) -> (SourceRange) -> LineColumn? {
        let files = report.files
        return { range in files[range.path]?.location(of: range.start) }
    }

    public static func plan(_ checked: CheckedModel, today: DateValue) -> IndicatorPlan {
        IndicatorPlan(model: checked.model, measurements: checked.measurements, today: today)
    }

    /// The plan's bytes in one format.
    public static func planData(_ plan: IndicatorPlan, format: PlanFormat, dialect: CSVDialect, language: Language,
                                today: DateValue) throws(RenderFailure) -> Data {
        switch format {
        case .markdown:
            var text = "# " + MarkdownWriter.escape(plan.title.isEmpty ? (language == .danish ? "Indikatorplan" : "Indicator plan") : plan.title) + "\n\n"
            text += (language == .danish ? "## Indikatorer\n\n" : "## Indicators\n\n")
            text += MarkdownWriter.table(plan.table(language: language), decimalSeparator: language == .danish ? "," : ".")
            return Data(text.utf8)
        case .csv:
            return Data(CSVWriter.render(plan.table(language: language), dialect: dialect))
        case .json:
            return Data(PlanJSON.render(plan, language: language).utf8)
        case .xlsx:
            do {
                return try plan.xlsx(language: language, created: today)
            } catch {
                throw RenderFailure(kind: .write, message: LocalizedText(
                    da: "regnearket kunne ikke skrives: \(error.message)", en: "the workbook could not be written: \(error.message)"))
            }
        }
    }

    /// The resolved model as JSON (schema `programteori-model` v1, docs/json-model.md).
    public static func modelJSON(_ checked: CheckedModel, report: CheckReport, today: DateValue) -> String {
        let progress = checked.measurements.map { ModelProgress(model: checked.model, measurements: $0, today: today) }
        return ModelExport.json(model: checked.model, progress: progress, measurements: checked.measurements,
                                location: locator(report)).rendered()
    }

    /// The self-contained HTML report. The diagram is drawn by `renderer` (with indicator
    /// statuses when there are measurements); if it cannot be drawn the report says so instead.
    public static func htmlReport(_ checked: CheckedModel, report: CheckReport, renderer: DiagramRenderer,
                                  language: Language, today: DateValue) -> (html: String, diagramFailure: RenderFailure?) {
        let progress = ModelProgress(model: checked.model, measurements: checked.measurements, today: today)
        var renderer = renderer
        renderer.options.language = language
        if checked.measurements != nil { renderer.options.indicatorStatuses = diagramStatuses(progress) }
        var svg: String?
        var failure: RenderFailure?
        do {
            let rendered = try renderer.render(checked.model, formats: [.svg])
            svg = rendered.outputs[.svg].map { String(decoding: $0, as: UTF8.self) }
        } catch {
            failure = error
        }
        var paths = Set(checked.model.files)
        if let file = checked.measurements?.file.path { paths.insert(file) }
        let diagnostics = report.diagnostics.filter { paths.contains($0.range.path) }
        let page = HTMLReport(model: checked.model, progress: progress, hasMeasurements: checked.measurements != nil,
                              measurementsPath: checked.measurements?.file.path, diagnostics: diagnostics,
                              diagramSVG: svg, language: language, today: today)
        return (page.render(location: locator(report)), failure)
    }

    /// Statuses for the diagram, per indicator ID.
    public static func diagramStatuses(_ progress: ModelProgress) -> [String: IndicatorMark] {
        progress.statusByID.mapValues { status in
            switch status {
            case .reached: .reached
            case .onTrack: .onTrack
            case .behind: .behind
            case .noData: .noData
            }
        }
    }

    /// Writes atomically (readers see the old file or the new one).
    public static func write(_ data: Data, to path: String) throws(RenderFailure) {
        try AtomicFile.write(data, to: path)
    }
}
