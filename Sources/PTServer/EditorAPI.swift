import Foundation
import PTDiagnostics
import PTSource

/// The JSON the page and the server exchange (docs/editor.md lists every endpoint).

/// The editor's text and how to show it: the body of `/api/preview`, `/api/diagram` and friends.
public struct SourceRequest: Codable, Sendable {
    /// The model's text, as in the editor.
    public var text: String
    /// The file in the folder it belongs to (anchors `brug:`); nil for a new, unsaved model.
    public var name: String?
    /// `detaljeret` or `oversigt`.
    public var view: String?
    /// `standard`, `print` or `kontrast`.
    public var theme: String?
    /// `svg`, `png` or `pdf` (for `/api/diagram`).
    public var format: String?
    /// `da` (default) or `en`: the language of findings and of the diagram's own words.
    public var lang: String?

    public init(text: String, name: String? = nil, view: String? = nil, theme: String? = nil,
                format: String? = nil, lang: String? = nil) {
        self.text = text
        self.name = name
        self.view = view
        self.theme = theme
        self.format = format
        self.lang = lang
    }
}

/// One finding, placed for the editor: lines from 1, columns in UTF-16 code units from 1 (what a
/// textarea's selection counts), in the language asked for.
public struct Finding: Codable, Sendable, Equatable {
    /// The file, relative to the folder.
    public let file: String
    /// True when the finding is in the text being edited (a click can jump to it).
    public let inEditedText: Bool
    public let line: Int
    public let column: Int
    public let endLine: Int
    public let endColumn: Int
    public let severity: Severity
    public let code: String
    public let name: String
    public let message: String
    public let help: String?
}

public struct FindingSummary: Codable, Sendable, Equatable {
    public let errors: Int
    public let warnings: Int
    public let infos: Int
}

/// The answer to `/api/preview`: the findings, and the diagram when the model has no errors.
public struct PreviewResponse: Codable, Sendable {
    public let findings: [Finding]
    public let summary: FindingSummary
    /// The programteori's title, if it has a header.
    public let title: String?
    /// The finished SVG; nil when the model has errors or could not be drawn.
    public let svg: String?
    /// Why there is no diagram although the model has no errors (too large, layout too slow, …).
    public let diagramError: String?
    /// Graphviz warned while drawing `svg` (a bug in programteori; the diagram is shown anyway).
    public let diagramWarning: String?
    /// The indicator plan (`programteori indikatorer`), when the model has no errors.
    public let indicators: IndicatorTable?
}

/// The indicator plan as the page shows it: the same columns and rows as the XLSX, as text.
public struct IndicatorTable: Codable, Sendable, Equatable {
    public let columns: [String]
    public let rows: [[String]]
    /// The measurements file read beside the model (`NAME.maalinger.csv`), if there is one.
    public let measurementsFile: String?
}

/// The body of `/api/save`.
public struct SaveRequest: Codable, Sendable {
    public var name: String
    public var text: String
    /// The version the text was based on (from `/api/model` or the last save); nil for a new file.
    public var baseVersion: String?
    public var lang: String?

    public init(name: String, text: String, baseVersion: String?, lang: String? = nil) {
        self.name = name
        self.text = text
        self.baseVersion = baseVersion
        self.lang = lang
    }
}

/// The answer to `/api/models`.
public struct ModelList: Codable, Sendable {
    /// The folder, as the user gave it.
    public let folder: String
    public let models: [Workspace.Entry]
}

/// Every refusal and failure: a sentence for the person at the screen.
public struct ErrorResponse: Codable, Sendable {
    public let error: String
}

/// The answer to `/api/format`: the text in the canonical layout (`programteori fmt`).
public struct FormatResponse: Codable, Sendable, Equatable {
    public let text: String
    /// False when the text already was in the canonical layout.
    public let changed: Bool
}
