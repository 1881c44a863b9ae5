import Foundation
import PTSource
import PTDiagram
import PTDiff
import PTModel

/// `render --sammenlign GAMMEL`: the earlier version a diagram is compared with. Thin wiring
/// between `TheoryOverlay` (PTDiff) and the diagram's marks (PTDiagram).
public struct DiagramComparison: Sendable {
    public let old: ProgramTheory
    /// How the title block names the earlier version.
    public let label: String

    /// `x.pt` is drawn as `x.sammenligning.svg`, beside (not over) its ordinary diagram.
    public static let fileSuffix = ".sammenligning"

    public init(old: ProgramTheory, label: String) {
        self.old = old
        self.label = label
    }

    public func overlay(on new: ProgramTheory) -> (model: ProgramTheory, changes: DiagramChanges) {
        let overlay = TheoryOverlay.build(old: old, new: new)
        func mark(_ change: ChangeKind) -> ChangeMark {
            switch change {
            case .added: .added
            case .changed: .changed
            case .removed: .removed
            }
        }
        return (overlay.model, DiagramChanges(elements: overlay.elements.mapValues(mark), links: overlay.links.mapValues(mark),
                                              comparedWith: label))
    }

    /// Reads the earlier version as `check` would; nil with the reason when it is no model.
    public static func load(_ path: String, checker: Checker = Checker()) -> Result<DiagramComparison, DiffFailure> {
        let report = checker.check(files: [path])
        if let failure = report.failures.first {
            return .failure(DiffFailure(LocalizedText(da: "\(path): \(failure.message.da)", en: "\(path): \(failure.message.en)")))
        }
        guard let model = report.models.first?.model else {
            return .failure(DiffFailure(LocalizedText(
                da: "\(path) er ikke en model (den har ingen »programteori:«-linje)",
                en: "\(path) is not a model (it has no »program theory:« line)")))
        }
        return .success(DiagramComparison(old: model, label: (path as NSString).lastPathComponent))
    }
}
