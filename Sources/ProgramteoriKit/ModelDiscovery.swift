import Foundation
import PTSource

/// Turns the paths a user gives into model files: files as given, folders searched
/// recursively for `*.pt`, in a stable order (sorted by path within each folder).
public enum ModelDiscovery {
    public struct Failure: Error, Sendable {
        public let path: String
        public let message: LocalizedText
    }

    public static func files(in paths: [String]) -> (files: [String], failures: [Failure]) {
        var files: [String] = []
        var failures: [Failure] = []
        var seen: Set<String> = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                failures.append(Failure(path: path, message: missing(path)))
                continue
            }
            let found: [String]
            if isDirectory.boolValue {
                found = modelFiles(under: path)
                if found.isEmpty {
                    failures.append(Failure(path: path, message: LocalizedText(da: "mappen indeholder ingen .pt-filer",
                                                                               en: "the folder contains no .pt files")))
                }
            } else {
                found = [path]
            }
            for file in found where seen.insert(URL(fileURLWithPath: file).standardizedFileURL.path).inserted {
                files.append(file)
            }
        }
        return (files, failures)
    }

    /// Why a path given is not there: a link that leads nowhere is named as one, since the
    /// user sees it in the folder.
    private static func missing(_ path: String) -> LocalizedText {
        var info = stat()
        if stat(path, &info) != 0, errno == ELOOP {
            return LocalizedText(da: "stien kan ikke læses (symbolske links i ring)", en: "the path cannot be read (symbolic links in a loop)")
        }
        if lstat(path, &info) == 0 {
            return LocalizedText(da: "stien er et symbolsk link til noget, der ikke findes", en: "the path is a symbolic link to something that does not exist")
        }
        return LocalizedText(da: "stien findes ikke", en: "the path does not exist")
    }

    private static func modelFiles(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                // Hidden folders (.git, .build) hold no models.
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(relative), isDirectory: &isDirectory),
                   isDirectory.boolValue { enumerator.skipDescendants() }
                continue
            }
            if relative.hasSuffix(".pt") {
                found.append(folder.hasSuffix("/") ? folder + relative : folder + "/" + relative)
            }
        }
        return found.sorted()
    }
}
