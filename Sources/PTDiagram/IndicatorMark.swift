/// An indicator's status from the team's measurements (`--målinger`), as the diagram shows it:
/// the indicator's ID and values in the status colour, the status word after the values, and
/// a legend entry. PTDiagram does not read measurements; the caller decides the status.
public enum IndicatorMark: String, Sendable, Hashable, CaseIterable {
    case reached, onTrack, behind, noData

    /// The status colour; the same in every theme, and dark enough for white paper.
    var color: String {
        switch self {
        case .reached: "#1F7A3A"
        case .onTrack: "#2F6FB3"
        case .behind: "#B3261E"
        case .noData: "#6B7280"
        }
    }

    func word(danish: Bool) -> String {
        switch self {
        case .reached: danish ? "nået" : "reached"
        case .onTrack: danish ? "på sporet" : "on track"
        case .behind: danish ? "bagud" : "behind"
        case .noData: danish ? "ingen data" : "no data"
        }
    }
}
