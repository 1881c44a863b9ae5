import PTDiagnostics
import PTModel
import PTSource
import PTSyntax

/// Files held in memory, with paths resolved like the file system's.
struct MemoryLoader: SourceLoader {
    var files: [String: String]
    var folders: Set<String> = []

    func resolve(_ included: String, relativeTo including: String) -> String {
        if included.hasPrefix("/") { return included }
        let folder = including.split(separator: "/").dropLast().joined(separator: "/")
        return canonical(folder.isEmpty ? included : folder + "/" + included)
    }

    func canonical(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", !parts.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    func load(_ path: String) -> Result<SourceFile, LoadFailure> {
        let key = canonical(path)
        if folders.contains(key) { return .failure(.isDirectory) }
        guard let text = files[key] else { return .failure(.notFound) }
        return .success(SourceFile(path: path, text: text))
    }
}

/// Parses and resolves `root` (a key of `files`); returns the model and every diagnostic.
func build(_ files: [String: String], root: String = "model.pt", folders: Set<String> = []) -> (model: ProgramTheory, diagnostics: [Diagnostic]) {
    let loader = MemoryLoader(files: files, folders: folders)
    var cache = SyntaxCache()
    let file = SourceFile(path: root, text: files[root]!)
    let parsed = cache.tree(for: file, canonicalPath: root)
    let result = ModelBuilder.build(root: parsed.tree, loader: loader, cache: &cache)
    return (result.model, parsed.diagnostics + result.diagnostics)
}

func build(_ text: String) -> (model: ProgramTheory, diagnostics: [Diagnostic]) {
    build(["model.pt": text])
}

extension Array where Element == Diagnostic {
    var codes: [String] { map(\.code) }
}
