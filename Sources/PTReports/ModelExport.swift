import PTMeasurements
import PTModel
import PTSource
import PTSyntax

/// The resolved model as JSON for BI tools and the browser editor: schema
/// `programteori-model`, version 1 (docs/json-model.md, docs/model-schema.json). Order follows
/// the source; a field that was not written is `null`, never left out, so every element of a
/// kind has the same keys.
public enum ModelExport {
    public static let schemaName = "programteori-model"
    public static let schemaVersion = 1

    /// `location` turns a range into file, line and column (the files are the caller's).
    public static func json(model: ProgramTheory, progress: ModelProgress?, measurements: MeasurementSet?,
                            location: (SourceRange) -> LineColumn?) -> JSONValue {
        func source(_ range: SourceRange) -> JSONValue {
            guard let place = location(range) else { return .object([("file", .string(range.path))]) }
            return .object([("file", .string(range.path)), ("line", .number(Double(place.line))), ("column", .number(Double(place.column)))])
        }
        var progressByRange: [SourceRange: IndicatorProgress] = [:]
        for entry in progress?.entries ?? [] { progressByRange[entry.indicator.range] = entry.progress }

        let header: JSONValue = model.header.map { h in
            .object([
                ("title", .string(h.title)), ("municipality", .string(h.municipality)), ("owner", .string(h.owner)),
                ("version", .string(h.version)), ("date", .string(h.date?.description)), ("description", .string(h.description)),
                ("status", .string(h.status?.rawValue)), ("source", source(h.range)),
            ])
        } ?? .null

        let elements: [JSONValue] = model.elements.map { element in
            var members: [(String, JSONValue)] = [
                ("key", .string(element.key)), ("id", .string(element.id)), ("kind", .string(element.kind.rawValue)),
                ("kindName", .string(element.kind.danishKeyword)), ("title", .string(element.title)),
                ("description", .string(element.description)), ("source", source(element.range)),
            ]
            switch element.kind {
            case .targetGroup:
                members += [
                    ("characteristics", .array(element.characteristics.map { .string($0) })),
                    ("size", element.size.map { .object([("text", .string($0.text)), ("number", .number($0.number)), ("unit", .string($0.unit))]) } ?? .null),
                    ("scope", .string(element.scope)),
                ]
            case .outcome, .finalOutcome:
                members.append(("indicators", .array(element.indicators.map { indicator(
                    $0, progress: progressByRange[$0.range], source: source) })))
            case .mechanism:
                members.append(("mechanismType", .string(element.mechanismType?.rawValue)))
            case .assumption:
                members += [("critical", .bool(element.critical)), ("evidence", .string(element.evidence))]
            case .activity, .programTheory, .indicator:
                break
            }
            return .object(members)
        }

        let links: [JSONValue] = model.links.map {
            .object([("from", .string($0.fromKey)), ("to", .string($0.toKey)), ("source", source($0.range))])
        }
        let supports: [JSONValue] = model.supports.map { support in
            let mechanism = model.elements[support.mechanism].key
            switch support.target {
            case .element(let index):
                return .object([("mechanism", .string(mechanism)), ("element", .string(model.elements[index].key)), ("link", .null)])
            case .link(let from, let to):
                return .object([("mechanism", .string(mechanism)), ("element", .null),
                                ("link", .object([("from", .string(model.elements[from].key)), ("to", .string(model.elements[to].key))]))])
            }
        }
        let assumptions: [JSONValue] = model.assumptionLinks.map {
            .object([("assumption", .string(model.elements[$0.assumption].key)), ("from", .string(model.elements[$0.from].key)),
                     ("to", .string(model.elements[$0.to].key))])
        }
        let measurementInfo: JSONValue = measurements.map {
            .object([("file", .string($0.file.path)), ("rows", .number(Double($0.rowCount))), ("used", .number(Double($0.usedCount)))])
        } ?? .null

        return .object([
            ("schema", .string(schemaName)), ("schemaVersion", .number(Double(schemaVersion))),
            ("header", header), ("files", .array(model.files.map { .string($0) })),
            ("elements", .array(elements)), ("links", .array(links)), ("supports", .array(supports)),
            ("assumptions", .array(assumptions)), ("measurements", measurementInfo),
        ])
    }

    static func indicator(_ i: Indicator, progress: IndicatorProgress?, source: (SourceRange) -> JSONValue) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(i.id)), ("title", .string(i.title)), ("definition", .string(i.definition)), ("unit", .string(i.unit)),
            ("direction", .string(i.direction?.rawValue)),
            ("baseline", i.baseline.map { .object([("value", .number($0.quantity.value)), ("text", .string($0.quantity.text)), ("date", .string($0.date?.description))]) } ?? .null),
            ("target", i.target.map { .object([("value", .number($0.quantity.value)), ("text", .string($0.quantity.text)), ("deadline", .string($0.deadline?.description))]) } ?? .null),
            ("dataSource", .string(i.dataSource)), ("frequency", .string(i.frequency?.rawValue)), ("owner", .string(i.owner)),
            ("description", .string(i.description)), ("source", source(i.range)),
        ]
        members.append(("progress", progress.map(progressJSON) ?? .null))
        return .object(members)
    }

    static func progressJSON(_ p: IndicatorProgress) -> JSONValue {
        .object([
            ("status", .string(p.status.rawValue)), ("statusText", .string(p.status.danish)),
            ("reason", .string(p.reason.da)), ("direction", .string(p.direction.rawValue)),
            ("progressPercent", .number(p.progressPercent)), ("expectedPercent", .number(p.expectedPercent)),
            ("latest", p.latest.map { .object([("date", .string($0.date.description)), ("value", .number($0.value))]) } ?? .null),
            ("measurements", .array(p.measurements.map { .object([("date", .string($0.date.description)), ("value", .number($0.value))]) })),
        ])
    }
}

/// The indicator plan as JSON: schema `programteori-indikatorplan`, version 1.
public enum PlanJSON {
    public static func render(_ plan: IndicatorPlan, language: Language) -> String {
        JSONValue.object([
            ("schema", .string("programteori-indikatorplan")), ("schemaVersion", .number(1)),
            ("title", .string(plan.title)), ("indicators", plan.table(language: language).jsonRows),
        ]).rendered()
    }
}
