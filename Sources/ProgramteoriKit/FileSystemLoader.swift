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
        // Opened without waiting (opening a named pipe nobody writes to would block for ever),
        // then looked at through the open descriptor: what is read is what was looked at, even if
        // the path is replaced meanwhile. A pipe someone writes to (`check <(git show …)`) is
        // read to its end; one nobody writes to ends at once, and is an empty file.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Self.failure(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Self.failure(errno)) }
        let isStream: Bool
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .failure(.isDirectory)
        case S_IFREG: isStream = false
        case S_IFIFO, S_IFCHR: isStream = true
        default: return .failure(.notARegularFile)
        }
        if Int(info.st_size) > Parser.maxFileSize { return .failure(.tooLarge(bytes: Int(info.st_size), limit: Parser.maxFileSize)) }
        // Read to the end, at most one byte past the limit: a file that grew past the limit
        // between stat and read is still refused.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= Parser.maxFileSize {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN, isStream {
                // A writer is there but has not written yet: wait for it.
                var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&entry, 1, -1)
                continue
            }
            if count < 0 { return .failure(Self.failure(errno)) }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        if bytes.count > Parser.maxFileSize { return .failure(.tooLarge(bytes: bytes.count, limit: Parser.maxFileSize)) }
        return .success(SourceFile(path: path, bytes: bytes))
    }

    /// Why `open`, `fstat` or `read` failed, as a load failure.
    private static func failure(_ code: Int32) -> LoadFailure {
        switch code {
        case ENOENT, ENOTDIR: .notFound
        case EACCES, EPERM: .unreadable(LocalizedText(da: "ingen læseadgang", en: "no permission to read it"))
        case ELOOP: .unreadable(LocalizedText(da: "symbolske links i ring", en: "symbolic links in a loop"))
        // What a failing disk or a dropped network drive (a kommune's usual place for files) gives.
        case EIO: .unreadable(LocalizedText(da: "disken eller netværksdrevet kunne ikke læses; prøv igen, eller kopiér filen til din egen computer",
                                            en: "the disk or network drive could not be read; try again, or copy the file to your own computer"))
        default:
            // The system's words exist only in English; the number helps whoever is asked.
            .unreadable(LocalizedText(da: "systemfejl \(code): \(String(cString: strerror(code)))",
                                      en: "system error \(code): \(String(cString: strerror(code)))"))
        }
    }
}
