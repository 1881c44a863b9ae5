import PTMeasurements
import PTModel
import PTSource
import PTSyntax

/// A small line chart of one indicator, drawn as inline SVG by our own code: the measurements
/// over time, the baseline, the target line and the deadline. A leader reads a line faster
/// than a table.
public enum TrendChart {
    static let width = 420.0
    static let height = 170.0
    static let left = 44.0, right = 12.0, top = 14.0, bottom = 30.0

    public static func svg(indicator: Indicator, progress: IndicatorProgress, language: Language) -> String {
        let da = language == .danish
        let points = progress.measurements.map { (x: Double($0.date.endDayNumber), y: $0.value) }
        guard !points.isEmpty else { return "" }
        let baseline = indicator.baseline
        let target = indicator.target
        var days = points.map(\.x)
        if let date = baseline?.date { days.append(Double(date.endDayNumber)) }
        if let deadline = target?.deadline { days.append(Double(deadline.endDayNumber)) }
        var values = points.map(\.y)
        if let baseline { values.append(baseline.quantity.value) }
        if let target { values.append(target.quantity.value) }
        var minX = days.min()!, maxX = days.max()!
        if maxX - minX < 30 { minX -= 15; maxX += 15 }
        var minY = values.min()!, maxY = values.max()!
        let padY = max((maxY - minY) * 0.12, abs(maxY) * 0.05, 1)
        minY -= padY
        maxY += padY
        if minY < 0, values.allSatisfy({ $0 >= 0 }) { minY = 0 }
        // Whole numbers on the axis once the range allows it.
        if maxY - minY >= 4 { minY = minY.rounded(.down); maxY = maxY.rounded(.up) }
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ day: Double) -> Double { left + (day - minX) / (maxX - minX) * plotW }
        func y(_ value: Double) -> Double { top + (maxY - value) / (maxY - minY) * plotH }
        func f(_ v: Double) -> String { NumberText.format(v, decimalSeparator: ".") }
        func n(_ v: Double) -> String { NumberText.format(v, decimalSeparator: da ? "," : ".") }

        let name = indicator.id.map { "\($0) " } ?? ""
        let summary = (da ? "Udvikling for \(name)\(indicator.title): " : "Trend for \(name)\(indicator.title): ")
            + progress.measurements.map { "\($0.date) \(n($0.value))" }.joined(separator: ", ")
        var out = "<svg class=\"pt-trend\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(html(summary))\">"
        out += "<title>\(html(summary))</title>"
        // Frame and the lowest and highest value on the axis.
        out += "<rect class=\"pt-trend-frame\" x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\"/>"
        out += "<text class=\"pt-trend-axis\" x=\"\(f(left - 4))\" y=\"\(f(top + 4))\" text-anchor=\"end\">\(html(n(maxY)))</text>"
        out += "<text class=\"pt-trend-axis\" x=\"\(f(left - 4))\" y=\"\(f(top + plotH))\" text-anchor=\"end\">\(html(n(minY)))</text>"
        let firstYear = DateValue(dayNumber: Int(minX)).year, lastYear = DateValue(dayNumber: Int(maxX)).year
        for year in firstYear...max(firstYear, lastYear) where (lastYear - firstYear) <= 12 {
            let day = Double(DateValue(year: year, month: 1, day: 1).startDayNumber)
            guard day >= minX, day <= maxX else { continue }
            out += "<line class=\"pt-trend-grid\" x1=\"\(f(x(day)))\" y1=\"\(f(top))\" x2=\"\(f(x(day)))\" y2=\"\(f(top + plotH))\"/>"
            out += "<text class=\"pt-trend-axis\" x=\"\(f(x(day) + 2))\" y=\"\(f(height - 16))\">\(year)</text>"
        }
        if let baseline {
            let yy = y(baseline.quantity.value)
            out += "<line class=\"pt-trend-baseline\" x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(left + plotW))\" y2=\"\(f(yy))\"/>"
            out += "<text class=\"pt-trend-label\" x=\"\(f(left + 3))\" y=\"\(f(yy + (yy > top + plotH - 12 ? -3 : 10)))\">\(da ? "Baseline" : "Baseline") \(html(n(baseline.quantity.value)))</text>"
        }
        if let target {
            let yy = y(target.quantity.value)
            out += "<line class=\"pt-trend-target\" x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(left + plotW))\" y2=\"\(f(yy))\"/>"
            out += "<text class=\"pt-trend-label pt-trend-target-label\" x=\"\(f(left + 3))\" y=\"\(f(yy + (yy < top + 12 ? 10 : -3)))\">\(da ? "Mål" : "Target") \(html(n(target.quantity.value)))</text>"
            if let deadline = target.deadline {
                let xx = x(Double(deadline.endDayNumber))
                out += "<line class=\"pt-trend-deadline\" x1=\"\(f(xx))\" y1=\"\(f(top))\" x2=\"\(f(xx))\" y2=\"\(f(top + plotH))\"/>"
                out += "<text class=\"pt-trend-label\" x=\"\(f(min(xx, left + plotW) - 3))\" y=\"\(f(height - 4))\" text-anchor=\"end\">\(da ? "Frist" : "Deadline") \(html(deadline.description))</text>"
            }
        }
        let polyline = points.map { "\(f(x($0.x))),\(f(y($0.y)))" }.joined(separator: " ")
        out += "<polyline class=\"pt-trend-line pt-status-\(progress.status.rawValue)\" points=\"\(polyline)\"/>"
        for (point, measurement) in zip(points, progress.measurements) {
            out += "<circle class=\"pt-trend-point pt-status-\(progress.status.rawValue)\" cx=\"\(f(x(point.x)))\" cy=\"\(f(y(point.y)))\" r=\"3.2\"><title>\(html("\(measurement.date): \(n(measurement.value))"))</title></circle>"
        }
        if let latest = points.last {
            out += "<text class=\"pt-trend-value\" x=\"\(f(min(x(latest.x) + 5, width - 40)))\" y=\"\(f(y(latest.y) - 6))\">\(html(n(latest.y)))</text>"
        }
        return out + "</svg>"
    }
}
