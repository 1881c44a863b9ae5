import PTDiagnostics
import PTMeasurements
import PTModel
import PTSource
import PTSyntax

/// One self-contained HTML page per model: header, diagram, målgruppe, every goal with its
/// indicators, status and trend, the activities, mechanisms, assumptions and the `check`
/// findings. Inline CSS and SVG only: no script, no font, no image file, no network; a print
/// stylesheet for A4. Every piece of user text goes through `html(_:)`.
public struct HTMLReport: Sendable {
    public var model: ProgramTheory
    public var progress: ModelProgress
    public var hasMeasurements: Bool
    public var measurementsPath: String?
    public var diagnostics: [Diagnostic]
    /// The finished diagram SVG (from PTGraphviz), or nil when it could not be drawn.
    public var diagramSVG: String?
    public var language: Language
    public var today: DateValue

    public init(model: ProgramTheory, progress: ModelProgress, hasMeasurements: Bool, measurementsPath: String?,
                diagnostics: [Diagnostic], diagramSVG: String?, language: Language, today: DateValue) {
        self.model = model
        self.progress = progress
        self.hasMeasurements = hasMeasurements
        self.measurementsPath = measurementsPath
        self.diagnostics = diagnostics
        self.diagramSVG = diagramSVG
        self.language = language
        self.today = today
    }

    private var da: Bool { language == .danish }
    private func t(_ danish: String, _ english: String) -> String { da ? danish : english }
    private func n(_ value: Double) -> String { NumberText.format(value, decimalSeparator: da ? "," : ".") }

    public func render(location: (SourceRange) -> LineColumn?) -> String {
        let title = model.header?.title ?? t("Programteori", "Programme theory")
        var out = "<!DOCTYPE html>\n<html lang=\"\(da ? "da" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(html(title))</title>\n<style>\n\(Self.css)</style>\n</head>\n<body>\n"
        out += headerSection(title)
        if hasMeasurements { out += statusSummary() }
        if let diagramSVG {
            out += "<section class=\"pt-diagram\" id=\"diagram\">\n<h2>\(t("Diagram", "Diagram"))</h2>\n\(inlineSVG(diagramSVG))\n</section>\n"
        }
        out += targetGroups()
        out += goals(kind: .finalOutcome, heading: t("Slutmål", "Final outcomes"))
        out += goals(kind: .outcome, heading: t("Delmål", "Outcomes"))
        out += activities()
        out += mechanisms()
        out += assumptions()
        out += findings(location: location)
        out += "<footer>\(html(t("Lavet med programteori den \(today) ud fra", "Made with programteori on \(today) from"))) \(model.files.first.map { "<code>\(html($0))</code>" } ?? "")"
        if let measurementsPath { out += html(t(" og målingerne i ", " and the measurements in ")) + "<code>\(html(measurementsPath))</code>" }
        out += ".</footer>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Sections

    private func headerSection(_ title: String) -> String {
        var out = "<header>\n<p class=\"pt-kicker\">\(t("Programteori", "Programme theory"))</p>\n<h1>\(html(title))</h1>\n"
        guard let header = model.header else { return out + "</header>\n" }
        var facts: [(String, String)] = []
        if let value = header.municipality { facts.append((t("Kommune", "Municipality"), value)) }
        if let value = header.owner { facts.append((t("Ansvarlig", "Owner"), value)) }
        if let value = header.version { facts.append((t("Version", "Version"), value)) }
        if let value = header.date { facts.append((t("Dato", "Date"), value.description)) }
        if let value = header.status { facts.append((t("Status", "Status"), da ? value.danish : value.english)) }
        if !facts.isEmpty {
            out += "<dl class=\"pt-facts\">" + facts.map { "<div><dt>\(html($0.0))</dt><dd>\(html($0.1))</dd></div>" }.joined() + "</dl>\n"
        }
        if let description = header.description { out += paragraphs(description) }
        return out + "</header>\n"
    }

    private func statusSummary() -> String {
        var out = "<section class=\"pt-summary\" id=\"status\">\n<h2>\(t("Status for indikatorerne", "Indicator status"))</h2>\n<ul class=\"pt-status-counts\">"
        for status in IndicatorStatus.allCases {
            let count = progress.entries.count { $0.progress.status == status }
            out += "<li class=\"pt-status pt-status-\(status.rawValue)\"><strong>\(count)</strong> \(html(status.name(in: language)))</li>"
        }
        out += "</ul>\n<p class=\"pt-note\">\(html(t("Status pr. \(today). Reglen: nået, når seneste måling når målet; bagud, når fristen er overskredet, eller fremdriften er mere end 10 procentpoint efter en lige linje fra baseline til målet ved fristen; ellers på sporet. Ingen data uden mål eller målinger.", "Status as of \(today). The rule: reached when the latest measurement meets the target; behind when the deadline has passed or progress lags a straight line from baseline to the target at the deadline by more than 10 points; otherwise on track. No data without a target or measurements.")))</p>\n</section>\n"
        return out
    }

    private func targetGroups() -> String {
        let groups = model.elements(of: .targetGroup)
        guard !groups.isEmpty else { return "" }
        var out = "<section id=\"maalgruppe\">\n<h2>\(t("Målgruppe", "Target group"))</h2>\n"
        for group in groups {
            out += "<article class=\"pt-card pt-targetGroup\" id=\"\(anchor(group))\">\n<h3>\(idBadge(group.id))\(html(group.title))</h3>\n"
            if !group.characteristics.isEmpty {
                out += "<ul>" + group.characteristics.map { "<li>\(html($0))</li>" }.joined() + "</ul>\n"
            }
            var facts: [(String, String)] = []
            if let size = group.size { facts.append((t("Størrelse", "Size"), size.text)) }
            if let scope = group.scope { facts.append((t("Afgrænsning", "Scope"), scope)) }
            out += factList(facts)
            if let description = group.description { out += paragraphs(description) }
            out += "</article>\n"
        }
        return out + "</section>\n"
    }

    private func goals(kind: ElementKind, heading: String) -> String {
        let goals = model.elements(of: kind)
        guard !goals.isEmpty else { return "" }
        var out = "<section id=\"\(kind == .finalOutcome ? "slutmaal" : "delmaal")\">\n<h2>\(html(heading))</h2>\n"
        for goal in goals {
            out += "<article class=\"pt-card pt-\(kind.rawValue)\" id=\"\(anchor(goal))\">\n<h3>\(idBadge(goal.id))\(html(goal.title))</h3>\n"
            if let description = goal.description { out += paragraphs(description) }
            let targets = model.links.filter { $0.from == goal.index }.map { model.elements[$0.to] }
            if !targets.isEmpty { out += "<p class=\"pt-links\">\(t("Fører til", "Leads to")): \(targets.map(reference).joined(separator: ", "))</p>\n" }
            let sources = model.links.filter { $0.to == goal.index }.map { model.elements[$0.from] }
            if !sources.isEmpty { out += "<p class=\"pt-links\">\(t("Bringes i stand af", "Brought about by")): \(sources.map(reference).joined(separator: ", "))</p>\n" }
            if goal.indicators.isEmpty {
                out += "<p class=\"pt-missing\">\(t("Ingen indikator.", "No indicator."))</p>\n"
            }
            for indicator in goal.indicators {
                out += indicatorBlock(indicator)
            }
            out += "</article>\n"
        }
        return out + "</section>\n"
    }

    private func indicatorBlock(_ indicator: Indicator) -> String {
        let entry = progress.entries.first { $0.indicator.range == indicator.range }
        var out = "<div class=\"pt-indicator\"\(indicator.id.map { " id=\"indikator-\(html($0))\"" } ?? "")>\n<div class=\"pt-keep\">\n<h4>\(idBadge(indicator.id))\(html(indicator.title))"
        if hasMeasurements, let entry {
            out += " <span class=\"pt-status pt-status-\(entry.progress.status.rawValue)\">\(html(entry.progress.status.name(in: language)))</span>"
        }
        out += "</h4>\n"
        var facts: [(String, String)] = []
        if let value = indicator.definition { facts.append((t("Definition", "Definition"), value)) }
        if let value = indicator.unit { facts.append((t("Enhed", "Unit"), value)) }
        if let baseline = indicator.baseline {
            facts.append(("Baseline", n(baseline.quantity.value) + (baseline.date.map { " (\($0))" } ?? "")))
        }
        if let target = indicator.target {
            facts.append((t("Mål", "Target"), n(target.quantity.value) + (target.deadline.map { t(" senest \($0)", " by \($0)") } ?? "")))
        }
        if let value = indicator.direction { facts.append((t("Retning", "Direction"), da ? value.danish : value.english)) }
        if let value = indicator.dataSource { facts.append((t("Datakilde", "Data source"), value)) }
        if let value = indicator.frequency { facts.append((t("Frekvens", "Frequency"), da ? value.danish : value.english)) }
        if let value = indicator.owner { facts.append((t("Ansvarlig", "Owner"), value)) }
        if hasMeasurements, let entry, let latest = entry.progress.latest {
            facts.append((t("Seneste måling", "Latest measurement"), "\(n(latest.value)) (\(latest.date))"))
            if let percent = entry.progress.progressPercent {
                facts.append((t("Fremdrift", "Progress"), IndicatorProgress.percentText(percent) + t(" af vejen fra baseline til mål", " of the way from baseline to target")))
            }
        }
        out += factList(facts) + "</div>\n"
        if hasMeasurements, let entry {
            out += "<p class=\"pt-reason\">\(html(entry.progress.reason.text(in: language)))</p>\n"
            let chart = TrendChart.svg(indicator: indicator, progress: entry.progress, language: language)
            if !chart.isEmpty { out += "<figure class=\"pt-chart\">\(chart)</figure>\n" }
        }
        return out + "</div>\n"
    }

    private func activities() -> String {
        let activities = model.elements(of: .activity)
        guard !activities.isEmpty else { return "" }
        var out = "<section id=\"aktiviteter\">\n<h2>\(t("Aktiviteter", "Activities"))</h2>\n"
        for activity in activities {
            out += "<article class=\"pt-card pt-activity\" id=\"\(anchor(activity))\">\n<h3>\(idBadge(activity.id))\(html(activity.title))</h3>\n"
            if let description = activity.description { out += paragraphs(description) }
            let targets = model.links.filter { $0.from == activity.index }.map { model.elements[$0.to] }
            if !targets.isEmpty { out += "<p class=\"pt-links\">\(t("Fører til", "Leads to")): \(targets.map(reference).joined(separator: ", "))</p>\n" }
            out += "</article>\n"
        }
        return out + "</section>\n"
    }

    private func mechanisms() -> String {
        let mechanisms = model.elements(of: .mechanism)
        guard !mechanisms.isEmpty else { return "" }
        var out = "<section id=\"mekanismer\">\n<h2>\(t("Virksomme mekanismer", "Mechanisms"))</h2>\n"
        for mechanism in mechanisms {
            out += "<article class=\"pt-card pt-mechanism\" id=\"\(anchor(mechanism))\">\n<h3>\(idBadge(mechanism.id))\(html(mechanism.title))</h3>\n"
            var facts: [(String, String)] = []
            if let type = mechanism.mechanismType { facts.append((t("Type", "Type"), da ? type.danish : type.english)) }
            out += factList(facts)
            let supported = model.supports.filter { $0.mechanism == mechanism.index }.map { support -> String in
                switch support.target {
                case .element(let index): reference(model.elements[index])
                case .link(let from, let to): reference(model.elements[from]) + " → " + reference(model.elements[to])
                }
            }
            if !supported.isEmpty { out += "<p class=\"pt-links\">\(t("Understøtter", "Supports")): \(supported.joined(separator: ", "))</p>\n" }
            if let description = mechanism.description { out += paragraphs(description) }
            out += "</article>\n"
        }
        return out + "</section>\n"
    }

    private func assumptions() -> String {
        let assumptions = model.elements(of: .assumption)
        guard !assumptions.isEmpty else { return "" }
        var out = "<section id=\"antagelser\">\n<h2>\(t("Antagelser", "Assumptions"))</h2>\n"
        for assumption in assumptions {
            let critical = assumption.critical == true
            out += "<article class=\"pt-card pt-assumption\(critical ? " pt-critical" : "")\" id=\"\(anchor(assumption))\">\n<h3>\(idBadge(assumption.id))\(html(assumption.title))"
            if critical { out += " <span class=\"pt-tag\">\(t("kritisk", "critical"))</span>" }
            out += "</h3>\n"
            let links = model.assumptionLinks.filter { $0.assumption == assumption.index }
                .map { reference(model.elements[$0.from]) + " → " + reference(model.elements[$0.to]) }
            if !links.isEmpty { out += "<p class=\"pt-links\">\(t("Gælder", "Applies to")): \(links.joined(separator: ", "))</p>\n" }
            if let evidence = assumption.evidence { out += factList([(t("Evidens", "Evidence"), evidence)]) }
            if let description = assumption.description { out += paragraphs(description) }
            out += "</article>\n"
        }
        return out + "</section>\n"
    }

    private func findings(location: (SourceRange) -> LineColumn?) -> String {
        var out = "<section class=\"pt-findings\" id=\"fund\">\n<h2>\(t("Fund fra tjekket", "Findings of the check"))</h2>\n"
        guard !diagnostics.isEmpty else {
            return out + "<p>\(t("Tjekket fandt intet at bemærke.", "The check found nothing to remark on."))</p>\n</section>\n"
        }
        out += "<ul>\n"
        for diagnostic in diagnostics {
            let place = location(diagnostic.range).map { "\(diagnostic.range.path):\($0.line):\($0.column)" } ?? diagnostic.range.path
            out += "<li class=\"pt-finding pt-\(diagnostic.severity.rawValue)\"><span class=\"pt-severity\">\(html(diagnostic.severity.label(in: language)))[\(html(diagnostic.code))]</span> \(html(diagnostic.message.text(in: language)))"
            out += " <code>\(html(place))</code>"
            if let help = diagnostic.help { out += "<br><span class=\"pt-help\">\(t("hjælp", "help")): \(html(help.text(in: language)))</span>" }
            out += "</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    // MARK: - Pieces

    private func anchor(_ element: Element) -> String { "el-" + html(element.key) }

    private func idBadge(_ id: String?) -> String {
        id.map { "<span class=\"pt-id\">\(html($0))</span> " } ?? ""
    }

    private func reference(_ element: Element) -> String {
        "<a href=\"#\(anchor(element))\">\(html(element.displayName))</a>"
    }

    private func factList(_ facts: [(String, String)]) -> String {
        guard !facts.isEmpty else { return "" }
        return "<dl class=\"pt-props\">" + facts.map { "<dt>\(html($0.0))</dt><dd>\(html($0.1))</dd>" }.joined() + "</dl>\n"
    }

    private func paragraphs(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { "<p>\(html(String($0)))</p>\n" }.joined()
    }

    static let css = """
        :root { --ink: #1d2433; --muted: #5b6475; --line: #d5dae3; --reached: #1f7a3a; --ontrack: #2f6fb3; --behind: #b3261e; --nodata: #6b7280; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; font-size: 11pt; }
        h1 { font-size: 1.8rem; margin: 0.2rem 0 0.6rem; }
        h2 { font-size: 1.3rem; border-bottom: 2px solid var(--line); padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin: 0 0 0.4rem; }
        h4 { font-size: 0.98rem; margin: 0 0 0.3rem; }
        .pt-kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 0; font-size: 0.8rem; }
        .pt-facts { display: flex; flex-wrap: wrap; gap: 0.4rem 1.6rem; margin: 0 0 0.8rem; }
        .pt-facts dt { font-size: 0.75rem; color: var(--muted); }
        .pt-facts dd { margin: 0; }
        .pt-card { border: 1px solid var(--line); border-radius: 6px; padding: 0.7rem 0.9rem; margin: 0.7rem 0; }
        .pt-finalOutcome { border-left: 5px solid #8c5a00; }
        .pt-outcome { border-left: 5px solid #2f6fb3; }
        .pt-activity { border-left: 5px solid #4b7f52; }
        .pt-targetGroup { border-left: 5px solid #6c4f9c; }
        .pt-mechanism { border-left: 5px solid #7a7a7a; }
        .pt-critical { border-left: 5px solid var(--behind); }
        .pt-id { display: inline-block; font-size: 0.78rem; font-weight: bold; background: #eef1f6; border-radius: 3px; padding: 0 0.3rem; margin-right: 0.15rem; }
        .pt-props { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.3rem 0; font-size: 0.92rem; }
        .pt-props dt { color: var(--muted); }
        .pt-props dd { margin: 0; }
        .pt-indicator { border-top: 1px dashed var(--line); padding-top: 0.5rem; margin-top: 0.5rem; }
        .pt-links, .pt-note, .pt-reason { color: var(--muted); font-size: 0.9rem; margin: 0.2rem 0; }
        .pt-missing { color: var(--behind); }
        .pt-tag { font-size: 0.75rem; border: 1px solid var(--behind); color: var(--behind); border-radius: 3px; padding: 0 0.3rem; }
        .pt-status { display: inline-block; font-size: 0.8rem; font-weight: bold; color: #fff; border-radius: 999px; padding: 0.05rem 0.55rem; }
        .pt-status-naaet { background: var(--reached); }
        .pt-status-paa-sporet { background: var(--ontrack); }
        .pt-status-bagud { background: var(--behind); }
        .pt-status-ingen-data { background: var(--nodata); }
        .pt-status-counts { list-style: none; display: flex; gap: 0.6rem; padding: 0; flex-wrap: wrap; }
        .pt-status-counts li { font-size: 0.95rem; padding: 0.25rem 0.8rem; }
        .pt-diagram svg { max-width: 100%; height: auto; }
        .pt-chart { margin: 0.4rem 0; }
        .pt-chart svg { max-width: 100%; height: auto; font-family: inherit; }
        .pt-trend-frame { fill: #fafbfc; stroke: var(--line); }
        .pt-trend-grid { stroke: var(--line); stroke-width: 0.6; }
        .pt-trend-axis { font-size: 9px; fill: var(--muted); }
        .pt-trend-label { font-size: 9px; fill: var(--muted); }
        .pt-trend-baseline { stroke: #8a93a3; stroke-dasharray: 4 3; }
        .pt-trend-target { stroke: var(--reached); stroke-dasharray: 6 3; stroke-width: 1.4; }
        .pt-trend-target-label { fill: var(--reached); }
        .pt-trend-deadline { stroke: #8c5a00; stroke-dasharray: 2 3; }
        .pt-trend-line { fill: none; stroke-width: 2; stroke: var(--ontrack); }
        .pt-trend-line.pt-status-naaet { stroke: var(--reached); }
        .pt-trend-line.pt-status-bagud { stroke: var(--behind); }
        .pt-trend-point { fill: #fff; stroke-width: 1.6; stroke: var(--ontrack); }
        .pt-trend-point.pt-status-naaet { stroke: var(--reached); }
        .pt-trend-point.pt-status-bagud { stroke: var(--behind); }
        .pt-trend-value { font-size: 10px; font-weight: bold; fill: var(--ink); }
        .pt-findings li { margin: 0.35rem 0; }
        .pt-severity { font-weight: bold; }
        .pt-error .pt-severity { color: var(--behind); }
        .pt-warning .pt-severity { color: #8c5a00; }
        .pt-help { color: var(--muted); font-size: 0.9rem; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.85em; }
        a { color: inherit; }
        footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--line); padding-top: 0.5rem; }
        @page { size: A4; margin: 15mm 14mm 16mm; }
        @page diagram { size: A4 landscape; margin: 10mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 9.5pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          h2 { break-after: avoid; }
          h3, h4 { break-after: avoid; }
          .pt-keep, .pt-props, .pt-chart, .pt-summary, .pt-finding, .pt-targetGroup { break-inside: avoid; }
          .pt-diagram { page: diagram; break-before: page; break-after: page; }
          .pt-diagram h2 { margin-top: 0; }
          .pt-diagram svg { width: 100%; max-height: 172mm; }
          a { text-decoration: none; }
        }

        """
}
