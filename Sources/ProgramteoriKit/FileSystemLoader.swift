import Foundation
import PTModel
import PTSource
import PTSyntax

/// Reads model files from disk. Checks the size before reading, so a huge file costs nothing.
/// With a `workspace`, refuses any path outside it (the editor server's guard against `../`).
public struct FileSystemLoader: SourceLoader, Sendable {
    public let workspace: String?

    public init(workspace: String? = nil) {
        self.workspace = workspace.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
    }

    public func resolve(_ included: String, relativeTo including: String) -> String {
        if included.hasPrefix("/") { return (included as NSString).standardizingPath }
        let directory = (including as NSString).deletingLastPathComponent
        let joined = directory.isEmpty ? included : (directory as NSString).appendingPathComponent(included)
        // `Models/fælles/../x.pt` is shown to people as `Models/x.pt`.
        return (joined as NSString).standardizingPath
    }

    public func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    public func load(_ path: String) -> Result<SourceFile, LoadFailure> {
        if let workspace {
            let resolved = canonical(path)
            guard resolved == workspace || resolved.hasPrefix(workspace + "/") else { return .failure(.outsideWorkspace) }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .failure(.notFound) }
        if isDirectory.boolValue { return .failure(.isDirectory) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > Parser.maxFileSize { return .failure(.tooLarge(bytes: size, limit: Parser.maxFileSize)) }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(.unreadable("ingen læseadgang")) }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            // A file that grew past the limit between stat and read is still refused.
            if data.count > Parser.maxFileSize { return .failure(.tooLarge(bytes: data.count, limit: Parser.maxFileSize)) }
            return .success(SourceFile(path: path, bytes: [UInt8](data)))
        } catch {
            return .failure(.unreadable(error.localizedDescription))
        }
    }
}
