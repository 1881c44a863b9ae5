import Foundation
import PTSource
import PTSyntax
import ProgramteoriKit

/// The folder the editor works in (`programteori serve FOLDER`): the only place the server reads
/// models from or writes them to.
///
/// Every name the page sends is checked twice. First as text: relative, `/`-separated, ending in
/// `.pt`, no empty, `.` or `..` part, no `%`, `\`, control characters or leading dot (so an
/// encoded `%2e%2e%2f` that reached us decoded once is refused as `../`, and one decoded twice
/// as a name with `%`). Then on disk: the path with every symlink resolved must still lie
/// inside the folder (with the folder's own symlinks resolved), for reading and for writing.
public struct Workspace: Sendable {
    /// The folder, absolute, symlinks resolved.
    public let root: String

    public init(folder: String) {
        root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Why a name or a file was refused; `status` is the HTTP status the server answers with.
    public struct Refusal: Error, Sendable, Equatable {
        public let status: Int
        public let message: LocalizedText
    }

    /// One model file in the folder, as the page lists it.
    public struct Entry: Codable, Sendable, Equatable {
        public let name: String
        public let bytes: Int
    }

    /// The `.pt` files under the folder, by name (sorted), hidden folders and symlinks that point
    /// out of the folder left out.
    public func list() -> [Entry] {
        ModelDiscovery.files(in: [root]).files.compactMap { path in
            let name = String(path.dropFirst(root.count + 1))
            guard (try? resolve(name)) != nil else { return nil }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            return Entry(name: name, bytes: size)
        }
    }

    /// The absolute path for `name`, refused unless it stays inside the folder.
    public func resolve(_ name: String) throws(Refusal) -> String {
        try Self.validate(name)
        let path = root + "/" + name
        // The deepest part that exists, with symlinks resolved, must be inside the folder; a
        // link anywhere on the way that points out is caught here.
        var existing = path
        while !FileManager.default.fileExists(atPath: existing), existing != root {
            existing = (existing as NSString).deletingLastPathComponent
        }
        let resolved = URL(fileURLWithPath: existing).resolvingSymlinksInPath().path
        guard resolved == root || resolved.hasPrefix(root + "/") else {
            throw Refusal(status: 403, message: LocalizedText(
                da: "»\(name)« peger uden for mappen \(root); editoren arbejder kun med filer i den",
                en: "»\(name)« points outside the folder \(root); the editor only works with files in it"))
        }
        // A dangling symlink resolves to itself above; it would be written through.
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
            let target = link.hasPrefix("/") ? link : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
            let standardized = (target as NSString).standardizingPath
            guard standardized == root || standardized.hasPrefix(root + "/") else {
                throw Refusal(status: 403, message: LocalizedText(
                    da: "»\(name)« er en genvej ud af mappen \(root); editoren arbejder kun med filer i den",
                    en: "»\(name)« is a link out of the folder \(root); the editor only works with files in it"))
            }
        }
        return path
    }

    /// The name rules, before anything touches the disk.
    static func validate(_ name: String) throws(Refusal) {
        func refuse(_ da: String, _ en: String) -> Refusal {
            Refusal(status: 400, message: LocalizedText(da: da, en: en))
        }
        guard !name.isEmpty else {
            throw refuse("filnavnet mangler", "the file name is missing")
        }
        guard name.utf8.count <= 400 else {
            throw refuse("filnavnet er for langt (højst 400 tegn)", "the file name is too long (at most 400 characters)")
        }
        guard name.hasSuffix(".pt") else {
            throw refuse("»\(name)« er ikke en .pt-fil; filnavnet skal ende på .pt", "»\(name)« is not a .pt file; the name must end in .pt")
        }
        guard !name.hasPrefix("/") else {
            throw refuse("»\(name)« er en absolut sti; angiv filen i forhold til mappen, fx »model.pt«",
                         "»\(name)« is an absolute path; give the file relative to the folder, e.g. »model.pt«")
        }
        if let bad = name.unicodeScalars.first(where: { $0 == "\\" || $0 == "%" || $0.value < 0x20 || $0.value == 0x7F || $0 == ":" }) {
            let shown = bad.value < 0x20 || bad.value == 0x7F ? String(format: "U+%04X", bad.value) : String(bad)
            throw refuse("tegnet »\(shown)« er ikke tilladt i et filnavn her", "the character »\(shown)« is not allowed in a file name here")
        }
        for part in name.split(separator: "/", omittingEmptySubsequences: false) {
            if part.isEmpty || part == "." || part == ".." {
                throw refuse("»\(name)« må ikke indeholde tomme dele, ».« eller »..«; editoren arbejder kun med filer i sin mappe",
                             "»\(name)« must not contain empty parts, ».« or »..«; the editor only works with files in its folder")
            }
            if part.hasPrefix(".") {
                throw refuse("»\(name)« er en skjult fil; vælg et navn, der ikke starter med punktum",
                             "»\(name)« is a hidden file; choose a name that does not start with a dot")
            }
        }
    }

    /// A model file's text and the version a later save must name.
    public struct Document: Codable, Sendable, Equatable {
        public let name: String
        public let text: String
        public let version: String
    }

    public func read(_ name: String) throws(Refusal) -> Document {
        let path = try resolve(name)
        switch FileSystemLoader(workspace: root).load(path) {
        case .success(let file):
            return Document(name: name, text: String(decoding: file.bytes, as: UTF8.self), version: ModelVersion.of(file.bytes))
        case .failure(.notFound):
            throw Refusal(status: 404, message: LocalizedText(da: "filen »\(name)« findes ikke i mappen", en: "the file »\(name)« does not exist in the folder"))
        case .failure(let failure):
            throw Refusal(status: failure == .outsideWorkspace ? 403 : 422, message: failure.message)
        }
    }

    /// The file's current version, nil if it does not exist.
    func currentVersion(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return ModelVersion.of([UInt8](data))
    }
}

/// A short fingerprint of a file's bytes: a save names the version it was based on, and one
/// whose base is no longer on disk is refused. FNV-1a (64 bit) with the length: not a
/// cryptographic hash, it only has to notice that another tab or program changed the file.
public enum ModelVersion {
    public static func of(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var count = 0
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
            count += 1
        }
        return "\(count)-" + String(hash, radix: 16)
    }
}
