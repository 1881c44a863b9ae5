import Foundation
import PTSource
import PTSyntax
import ProgramteoriKit

/// Saves models into the workspace, one save at a time.
///
/// A save names the version of the file it was based on (`ModelVersion`); when the file on disk
/// is another version — a second tab, another program — the save is refused and nothing is
/// written, so nobody's work is silently overwritten. The previous version is kept beside the
/// file as `NAME.pt.bak` (one generation; `check` and `render` only look at `*.pt`). Both writes
/// are atomic: readers see the old file or the new one, never half of one.
public final class ModelStore: @unchecked Sendable {
    // @unchecked: `lock` serialises every save; `workspace` is immutable.
    public let workspace: Workspace
    private let lock = NSLock()

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    public struct Saved: Codable, Sendable, Equatable {
        public let name: String
        public let version: String
        /// The backup's name, when there was a previous version.
        public let backup: String?
    }

    public static let backupSuffix = ".bak"

    /// Writes `text` as `name`. `baseVersion` nil means "a new file": refused if one exists.
    public func save(name: String, text: String, baseVersion: String?) throws(Workspace.Refusal) -> Saved {
        let path = try workspace.resolve(name)
        var bytes = Array(text.utf8)
        try Self.checkSize(bytes)
        lock.lock()
        defer { lock.unlock() }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Workspace.Refusal(status: 409, message: LocalizedText(
                da: "»\(name)« er en mappe; vælg et andet filnavn", en: "»\(name)« is a folder; choose another file name"))
        }
        let current = workspace.currentVersion(path)
        if current != baseVersion {
            throw Workspace.Refusal(status: 409, message: Self.conflict(name: name, current: current, base: baseVersion))
        }
        let old = current == nil ? nil : FileManager.default.contents(atPath: path)
        if let old, LineEndings.usesCRLF(old) {
            bytes = LineEndings.crlf(bytes)
            try Self.checkSize(bytes)
        }
        var backup: String?
        do {
            if let old {
                try AtomicFile.write(old, to: path + Self.backupSuffix)
                backup = name + Self.backupSuffix
            }
            try AtomicFile.write(Data(bytes), to: path)
        } catch {
            throw Workspace.Refusal(status: 500, message: error.message)
        }
        return Saved(name: name, version: ModelVersion.of(bytes), backup: backup)
    }

    /// A file larger than the parser reads could be saved but never checked again.
    private static func checkSize(_ bytes: [UInt8]) throws(Workspace.Refusal) {
        guard bytes.count <= Parser.maxFileSize else {
            throw Workspace.Refusal(status: 413, message: LocalizedText(
                da: "modellen er for stor til at gemme (grænsen er \(Parser.maxFileSize / 1_048_576) MB)",
                en: "the model is too large to save (the limit is \(Parser.maxFileSize / 1_048_576) MB)"))
        }
    }

    private static func conflict(name: String, current: String?, base: String?) -> LocalizedText {
        switch (base, current) {
        case (nil, _):
            LocalizedText(
                da: "der findes allerede en fil med navnet »\(name)«; åbn den, eller gem under et andet navn",
                en: "a file named »\(name)« already exists; open it, or save under another name")
        case (_, nil):
            LocalizedText(
                da: "»\(name)« er slettet eller omdøbt, siden du åbnede den; din tekst er ikke gemt — gem den under et nyt navn",
                en: "»\(name)« was deleted or renamed since you opened it; your text is not saved — save it under a new name")
        default:
            LocalizedText(
                da: "»\(name)« er blevet ændret et andet sted (en anden fane eller et andet program), siden du åbnede den, så din tekst er ikke gemt; kopiér dine ændringer, åbn filen igen, og sæt dem ind",
                en: "»\(name)« was changed elsewhere (another tab or program) since you opened it, so your text is not saved; copy your changes, open the file again and paste them in")
        }
    }
}
