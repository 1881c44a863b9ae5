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
                failures.append(Failure(path: path, message: LocalizedText(da: "stien findes ikke", en: "the path does not exist")))
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
