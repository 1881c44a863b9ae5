import PTModel
import PTSource

/// One fuzz input as a set of files: the model, the files it may include, and an optional
/// measurements file, all in memory (the harness never reads the real file system).
///
/// Format: the bytes up to the first line `%%% NAME` are the model (`model.pt`); each such
/// line starts a file called NAME (a path relative to the model's folder, e.g. `del.pt` or
/// `faelles/mekanismer.pt`). The first file whose name ends in `.csv` is the measurements file.
/// Any byte sequence is a valid bundle, so libFuzzer's mutations always reach the parser.
public struct InputBundle: Sendable {
    public static let folder = "/fuzz"
    public static let rootPath = folder + "/model.pt"
    static let marker: [UInt8] = Array("\n%%% ".utf8)

    public let root: SourceFile
    /// Included files by canonical path.
    public let files: [String: SourceFile]
    public let measurements: SourceFile?

    public init(_ bytes: [UInt8]) {
        var sections: [(name: String, bytes: ArraySlice<UInt8>)] = []
        var name = "model.pt"
        var start = 0
        var index = 0
        while index + Self.marker.count <= bytes.count {
            if bytes[index] == Self.marker[0], bytes[index..<(index + Self.marker.count)].elementsEqual(Self.marker) {
                sections.append((name, bytes[start..<(index + 1)]))
                let nameStart = index + Self.marker.count
                var nameEnd = nameStart
                while nameEnd < bytes.count, bytes[nameEnd] != 0x0A { nameEnd += 1 }
                name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
                start = min(nameEnd + 1, bytes.count)
                index = start
                continue
            }
            index += 1
        }
        sections.append((name, bytes[start...]))

        root = SourceFile(path: Self.rootPath, bytes: Array(sections[0].bytes))
        var files: [String: SourceFile] = [:]
        var measurements: SourceFile?
        for section in sections.dropFirst() {
            let path = MemoryLoader.normalize(Self.folder + "/" + section.name)
            if measurements == nil, section.name.hasSuffix(".csv") {
                measurements = SourceFile(path: path, bytes: Array(section.bytes))
            } else if files[path] == nil {
                files[path] = SourceFile(path: path, bytes: Array(section.bytes))
            }
        }
        self.files = files
        self.measurements = measurements
    }

    /// Writes files back into the bundle format (for seeding a corpus from real models).
    public static func encode(root: [UInt8], files: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var out = root
        for file in files {
            if out.last != 0x0A { out.append(0x0A) }
            out += Array("%%% \(file.name)\n".utf8) + file.bytes
        }
        return out
    }
}

/// A `SourceLoader` over the bundle's files: paths are joined and normalised as text, nothing
/// touches the disk. A path that names a folder of bundle files is a folder.
public struct MemoryLoader: SourceLoader {
    public let files: [String: SourceFile]

    public init(files: [String: SourceFile]) {
        self.files = files
    }

    public func resolve(_ included: String, relativeTo including: String) -> String {
        if included.hasPrefix("/") { return included }
        let folder = including.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return folder + "/" + included
    }

    public func canonical(_ path: String) -> String {
        Self.normalize(path)
    }

    public func load(_ path: String) -> Result<SourceFile, LoadFailure> {
        let canonical = Self.normalize(path)
        if let file = files[canonical] { return .success(file) }
        if files.keys.contains(where: { $0.hasPrefix(canonical + "/") }) { return .failure(.isDirectory) }
        return .failure(.notFound)
    }

    /// `/a/./b/../c` → `/a/c`; `..` never climbs above `/`.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
