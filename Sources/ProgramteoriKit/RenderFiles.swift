import Foundation
import PTSource

/// Output file names: `Models/x.pt` → `x`; a model found in a subfolder of a folder given on
/// the command line keeps its path below that folder (`Models/unge/x.pt` from `Models/` →
/// `unge/x`), so two models with the same name in different folders do not collide.
enum OutputNaming {
    static func names(for models: [String], arguments: [String]) -> (names: [String: String], collisions: [LocalizedText]) {
        let folders = arguments.filter { argument in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        var names: [String: String] = [:]
        var owners: [String: String] = [:]
        var collisions: [LocalizedText] = []
        for model in models {
            var relative = (model as NSString).lastPathComponent
            for folder in folders {
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                if model.hasPrefix(prefix) {
                    relative = String(model.dropFirst(prefix.count))
                    break
                }
            }
            if relative.hasSuffix(".pt") { relative.removeLast(3) }
            if let other = owners[relative] {
                collisions.append(LocalizedText(
                    da: "\(other) og \(model) ville begge skrive \(relative).*; tegn dem hver for sig med hver sin --output",
                    en: "\(other) and \(model) would both write \(relative).*; render them separately, each with its own --output"))
                continue
            }
            owners[relative] = model
            names[model] = relative
        }
        return (names, collisions)
    }
}

/// Writes a file so that readers see the old file or the new one, never half of one: the bytes
/// go to a temporary file in the same folder, which is then renamed over the target.
/// Shared by `render` and the editor server's save.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(RenderFailure) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        do {
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        } catch {
            throw failure(path, error)
        }
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            unlink(temporary)
            throw failure(path, nil)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw RenderFailure(kind: .write, message: LocalizedText(
                da: "kunne ikke skrive \(path): \(reason)", en: "could not write \(path): \(reason)"))
        }
    }

    private static func failure(_ path: String, _ error: Error?) -> RenderFailure {
        let reason = error.map { ": \($0.localizedDescription)" } ?? ""
        return RenderFailure(kind: .write, message: LocalizedText(
            da: "kunne ikke skrive \(path)\(reason)", en: "could not write \(path)\(reason)"))
    }
}
