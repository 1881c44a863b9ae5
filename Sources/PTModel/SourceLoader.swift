import PTSource

/// Where included files come from. The CLI reads the file system; the editor server will read
/// only below its workspace; tests read from memory.
public protocol SourceLoader {
    /// The path `brug: included` means, seen from the file at `including`.
    func resolve(_ included: String, relativeTo including: String) -> String
    /// One spelling per file, so cycles and repeats are recognised (`a/../b.pt` = `b.pt`).
    func canonical(_ path: String) -> String
    /// Reads the file, or says in the reader's words why it cannot.
    func load(_ path: String) -> Result<SourceFile, LoadFailure>
}

/// Why a file could not be read.
public enum LoadFailure: Error, Sendable, Equatable {
    case notFound
    case isDirectory
    /// A socket or a block device: nothing a model is written in.
    case notARegularFile
    /// Why, in both languages (the system's own words where there are no better ones).
    case unreadable(LocalizedText)
    case tooLarge(bytes: Int, limit: Int)
    /// Outside the folder the loader may read (the editor server's workspace).
    case outsideWorkspace

    public var message: LocalizedText {
        switch self {
        case .notFound: LocalizedText(da: "filen findes ikke", en: "the file does not exist")
        case .isDirectory: LocalizedText(da: "stien er en mappe, ikke en fil", en: "the path is a folder, not a file")
        case .notARegularFile:
            LocalizedText(da: "det er ikke en almindelig fil, men en særlig systemfil; gem modellen som en almindelig .pt-fil",
                          en: "it is not an ordinary file but a special system file; save the model as an ordinary .pt file")
        case .unreadable(let reason): LocalizedText(da: "filen kan ikke læses (\(reason.da))", en: "the file cannot be read (\(reason.en))")
        case .tooLarge(let bytes, let limit):
            LocalizedText(da: "filen er for stor (\(bytes / 1_048_576) MB; grænsen er \(limit / 1_048_576) MB)",
                          en: "the file is too large (\(bytes / 1_048_576) MB; the limit is \(limit / 1_048_576) MB)")
        case .outsideWorkspace:
            LocalizedText(da: "stien peger uden for arbejdsmappen", en: "the path points outside the workspace")
        }
    }
}
