import PTModel
import PTSource
import PTSyntax

/// Where an indicator stands, by the documented rule in `IndicatorProgress.evaluate`
/// (docs/opfoelgning.md, »Statusreglen«).
public enum IndicatorStatus: String, Sendable, Codable, CaseIterable {
    case reached = "naaet"
    case onTrack = "paa-sporet"
    case behind = "bagud"
    case noData = "ingen-data"

    public var danish: String {
        switch self {
        case .reached: "nået"
        case .onTrack: "på sporet"
        case .behind: "bagud"
        case .noData: "ingen data"
        }
    }

    public var english: String {
        switch self {
        case .reached: "reached"
        case .onTrack: "on track"
        case .behind: "behind"
        case .noData: "no data"
        }
    }

    public func name(in language: Language) -> String {
        language == .danish ? danish : english
    }
}

/// One indicator's measurements read against its baseline, target and deadline.
public struct IndicatorProgress: Sendable {
    public let indicatorID: String?
    /// Oldest first.
    public let measurements: [Measurement]
    public let status: IndicatorStatus
    /// Why, in a sentence a team leader can read.
    public let reason: LocalizedText
    /// The direction used: `retning`, else from baseline towards target, else up.
    public let direction: Direction
    /// How far the latest value has come from the start towards the target, in percent
    /// (negative when it went the wrong way, over 100 past the target); nil without a target or
    /// data, or when start and target are equal.
    public let progressPercent: Double?
    /// How far it should have come by the latest measurement's date on a straight line from the
    /// start to the target at the deadline; nil without a deadline.
    public let expectedPercent: Double?
    /// The start the progress is measured from: the baseline, else the first measurement.
    public let start: (value: Double, dayNumber: Int)?

    public var latest: Measurement? { measurements.last }

    /// Progress may lag the straight line by this many percentage points and still be `på sporet`.
    public static let tolerancePoints = 10.0

    /// The status rule. In order:
    /// 1. no target, or no measurement → `ingen data`;
    /// 2. the latest measurement meets the target (at or above it going up, at or below it
    ///    going down) → `nået`, also before the deadline and whatever came before;
    /// 3. the deadline has passed → `bagud`;
    /// 4. no deadline: at least as good as the start → `på sporet`, else `bagud`;
    /// 5. otherwise the progress is compared with a straight line from the start (baseline with
    ///    its date; without a date, the first measurement's date; without a baseline, the first
    ///    measurement) to the target at the deadline: at most 10 points behind it → `på sporet`,
    ///    else `bagud`.
    /// Dates count from the end of the period they name (`2025-06` is 30 June 2025).
    public static func evaluate(_ indicator: Indicator, measurements unsorted: [Measurement], today: DateValue) -> IndicatorProgress {
        let measurements = unsorted.sorted { ($0.date.endDayNumber, $0.line) < ($1.date.endDayNumber, $1.line) }
        let firstMeasurement = measurements.first
        var start: (value: Double, dayNumber: Int)?
        if let baseline = indicator.baseline {
            let day = baseline.date?.endDayNumber ?? firstMeasurement?.date.endDayNumber
            if let day { start = (baseline.quantity.value, day) }
        } else if let firstMeasurement {
            start = (firstMeasurement.value, firstMeasurement.date.endDayNumber)
        }
        let target = indicator.target?.quantity.value
        let direction = indicator.direction ?? {
            guard let target, let from = indicator.baseline?.quantity.value ?? firstMeasurement?.value else { return .up }
            return target < from ? .down : .up
        }()

        func result(_ status: IndicatorStatus, _ reason: LocalizedText, progress: Double? = nil, expected: Double? = nil) -> IndicatorProgress {
            IndicatorProgress(indicatorID: indicator.id, measurements: measurements, status: status, reason: reason,
                              direction: direction, progressPercent: progress, expectedPercent: expected, start: start)
        }

        guard let target else {
            return result(.noData, LocalizedText(da: "indikatoren har intet mål at måle imod", en: "the indicator has no target to measure against"))
        }
        guard let latest = measurements.last, let start else {
            return result(.noData, LocalizedText(da: "der er ingen målinger", en: "there are no measurements"))
        }
        let progress: Double? = target == start.value ? nil : (latest.value - start.value) / (target - start.value) * 100
        let meets = direction == .up ? latest.value >= target : latest.value <= target
        let latestText = "\(latest.text) (\(latest.date))"
        if meets {
            return result(.reached, LocalizedText(da: "seneste måling \(latestText) har nået målet", en: "the latest measurement \(latestText) has reached the target"),
                          progress: progress)
        }
        if let deadline = indicator.target?.deadline, deadline.endDayNumber < today.endDayNumber {
            return result(.behind, LocalizedText(da: "fristen \(deadline) er overskredet, og målet er ikke nået",
                                                 en: "the deadline \(deadline) has passed and the target is not reached"),
                          progress: progress, expected: 100)
        }
        guard let deadline = indicator.target?.deadline else {
            let notWorse = direction == .up ? latest.value >= start.value : latest.value <= start.value
            return notWorse
                ? result(.onTrack, LocalizedText(da: "målet har ingen frist; seneste måling er mindst lige så god som udgangspunktet",
                                                 en: "the target has no deadline; the latest measurement is at least as good as the start"), progress: progress)
                : result(.behind, LocalizedText(da: "målet har ingen frist; seneste måling er dårligere end udgangspunktet",
                                                en: "the target has no deadline; the latest measurement is worse than the start"), progress: progress)
        }
        let span = deadline.endDayNumber - start.dayNumber
        let elapsed = latest.date.endDayNumber - start.dayNumber
        let expected = span <= 0 ? 100 : min(100, max(0, Double(elapsed) / Double(span) * 100))
        let actual = progress ?? 0
        if actual >= expected - tolerancePoints {
            return result(.onTrack, LocalizedText(
                da: "\(percentText(actual)) af vejen mod målet; efter tidsplanen ventes \(percentText(expected))",
                en: "\(percentText(actual)) of the way to the target; the schedule expects \(percentText(expected))"),
                progress: progress, expected: expected)
        }
        return result(.behind, LocalizedText(
            da: "\(percentText(actual)) af vejen mod målet; efter tidsplanen ventes \(percentText(expected))",
            en: "\(percentText(actual)) of the way to the target; the schedule expects \(percentText(expected))"),
            progress: progress, expected: expected)
    }

    /// `42 %` — whole percent, as a leader reads it.
    public static func percentText(_ value: Double) -> String {
        "\(Int(value.rounded())) %"
    }
}

/// Every indicator of a model with its progress, in source order.
public struct ModelProgress: Sendable {
    public struct Entry: Sendable {
        public let owner: Element
        public let indicator: Indicator
        public let progress: IndicatorProgress
    }

    public let entries: [Entry]

    public init(model: ProgramTheory, measurements: MeasurementSet?, today: DateValue) {
        entries = model.elements.flatMap { element in
            element.indicators.map { indicator in
                Entry(owner: element, indicator: indicator,
                      progress: IndicatorProgress.evaluate(indicator, measurements: measurements?.measurements(for: indicator.id) ?? [], today: today))
            }
        }
    }

    /// Status per indicator ID (indicators without an ID have none).
    public var statusByID: [String: IndicatorStatus] {
        var out: [String: IndicatorStatus] = [:]
        for entry in entries { if let id = entry.indicator.id { out[id] = entry.progress.status } }
        return out
    }
}
