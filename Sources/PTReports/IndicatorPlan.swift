import PTMeasurements
import PTModel
import PTSource
import PTSyntax

/// The programteori as a monitoring plan: one row per indicator, with the element it measures,
/// and — when the team's measurements are given — the latest value, progress and status.
public struct IndicatorPlan: Sendable {
    public struct Row: Sendable {
        public let owner: Element
        public let indicator: Indicator
        /// Nil when no measurements file was given.
        public let progress: IndicatorProgress?
    }

    public let title: String
    public let rows: [Row]
    /// Every element, in source order (the workbook's second sheet).
    public let elements: [Element]
    public let hasMeasurements: Bool

    public init(model: ProgramTheory, measurements: MeasurementSet?, today: DateValue) {
        title = model.header?.title ?? ""
        elements = model.elements
        hasMeasurements = measurements != nil
        let progress = ModelProgress(model: model, measurements: measurements, today: today)
        rows = progress.entries.map { Row(owner: $0.owner, indicator: $0.indicator, progress: measurements == nil ? nil : $0.progress) }
    }

    /// The plan as a table, with the measurement columns only when measurements were given.
    public func table(language: Language) -> ReportTable {
        let da = language == .danish
        var columns: [ReportTable.Column] = [
            .init(da ? "Element-ID" : "Element ID", key: "element_id", width: 10),
            .init(da ? "Elementtype" : "Element kind", key: "element_kind", width: 12),
            .init(da ? "Element" : "Element", key: "element", width: 40),
            .init(da ? "Indikator-ID" : "Indicator ID", key: "indicator_id", width: 12),
            .init(da ? "Indikator" : "Indicator", key: "indicator", width: 45),
            .init(da ? "Definition" : "Definition", key: "definition", width: 40),
            .init(da ? "Enhed" : "Unit", key: "unit", width: 12),
            .init(da ? "Retning" : "Direction", key: "direction", width: 9),
            .init(da ? "Baseline" : "Baseline", key: "baseline", width: 10),
            .init(da ? "Baselinedato" : "Baseline date", key: "baseline_date", width: 13),
            .init(da ? "Mål" : "Target", key: "target", width: 10),
            .init(da ? "Frist" : "Deadline", key: "deadline", width: 12),
            .init(da ? "Datakilde" : "Data source", key: "data_source", width: 30),
            .init(da ? "Frekvens" : "Frequency", key: "frequency", width: 12),
            .init(da ? "Ansvarlig" : "Owner", key: "owner", width: 25),
        ]
        if hasMeasurements {
            columns += [
                .init(da ? "Seneste værdi" : "Latest value", key: "latest_value", width: 13),
                .init(da ? "Seneste dato" : "Latest date", key: "latest_date", width: 13),
                .init(da ? "Fremdrift (%)" : "Progress (%)", key: "progress_percent", width: 13),
                .init(da ? "Status" : "Status", key: "status", width: 12),
                .init(da ? "Antal målinger" : "Measurements", key: "measurement_count", width: 14),
            ]
        }
        let rows: [[Cell]] = rows.map { row in
            let i = row.indicator
            var cells: [Cell] = [
                .text(row.owner.id), .text(row.owner.kind.name(in: language)), .text(row.owner.title),
                .text(i.id), .text(i.title), .text(i.definition), .text(i.unit),
                .text(i.direction.map { da ? $0.danish : $0.english }),
                .number(i.baseline?.quantity.value), .date(i.baseline?.date),
                .number(i.target?.quantity.value), .date(i.target?.deadline),
                .text(i.dataSource), .text(i.frequency.map { da ? $0.danish : $0.english }), .text(i.owner),
            ]
            if let progress = row.progress {
                cells += [
                    .number(progress.latest?.value), .date(progress.latest?.date),
                    .number(progress.progressPercent.map { ($0 * 10).rounded() / 10 }),
                    .text(progress.status.name(in: language)), .number(Double(progress.measurements.count)),
                ]
            }
            return cells
        }
        return ReportTable(name: da ? "Indikatorer" : "Indicators", columns: columns, rows: rows)
    }

    /// Every element: ID, kind, text, description (the workbook's second sheet).
    public func elementsTable(language: Language) -> ReportTable {
        let da = language == .danish
        let columns: [ReportTable.Column] = [
            .init("ID", key: "id", width: 10),
            .init(da ? "Type" : "Kind", key: "kind", width: 14),
            .init(da ? "Tekst" : "Text", key: "text", width: 60),
            .init(da ? "Beskrivelse" : "Description", key: "description", width: 60),
            .init(da ? "Antal indikatorer" : "Indicators", key: "indicator_count", width: 17),
        ]
        let rows: [[Cell]] = elements.map { element in
            [.text(element.id), .text(element.kind.name(in: language)), .text(element.title), .text(element.description),
             element.kind == .outcome || element.kind == .finalOutcome ? .number(Double(element.indicators.count)) : .empty]
        }
        return ReportTable(name: da ? "Elementer" : "Elements", columns: columns, rows: rows)
    }
}

extension ElementKind {
    /// The kind as a person names it, in their language.
    public func name(in language: Language) -> String {
        language == .danish ? danishKeyword : englishKeyword
    }
}
