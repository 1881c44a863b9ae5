import Foundation
import PTSource
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

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
/// go to a temporary file in the same folder, which is then renamed over the target (keeping the
/// old file's permissions). The temporary file is registered with `InFlight`, so a signal that
/// stops the program removes it (`Interruption`). Shared by `render` and the editor server's save.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(RenderFailure) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        if !folder.isEmpty, let (blocked, code) = FileProblem.makeFolders(folder) {
            throw failure(path, FileProblem.reason(code, at: blocked))
        }
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd: Int32
        switch InFlight.shared.createTemporaryFile(temporary) {
        case .failure(let error): throw failure(path, FileProblem.reason(error.code, at: folder.isEmpty ? "." : folder))
        case .success(let opened): fd = opened
        }
        var old = stat()
        if stat(path, &old) == 0 { _ = fchmod(fd, old.st_mode & 0o7777) }
        let written = writeAll(data, to: fd)
        if close(fd) != 0, written == nil {
            let code = errno
            _ = InFlight.shared.finishTemporaryFile(temporary, renamingTo: nil)
            throw failure(path, FileProblem.reason(code, at: folder.isEmpty ? "." : folder))
        }
        if let code = written {
            _ = InFlight.shared.finishTemporaryFile(temporary, renamingTo: nil)
            throw failure(path, FileProblem.reason(code, at: folder.isEmpty ? "." : folder))
        }
        if let error = InFlight.shared.finishTemporaryFile(temporary, renamingTo: path) {
            throw failure(path, FileProblem.reason(error.code, at: path))
        }
    }

    /// Writes every byte; the errno of a failure, nil when all went.
    private static func writeAll(_ data: Data, to fd: Int32) -> Int32? {
        data.withUnsafeBytes { raw -> Int32? in
            var offset = 0
            while offset < raw.count {
                let count = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if count > 0 {
                    offset += count
                } else if count < 0, errno == EINTR {
                    continue
                } else {
                    return count < 0 ? errno : EIO
                }
            }
            return nil
        }
    }

    private static func failure(_ path: String, _ reason: LocalizedText) -> RenderFailure {
        RenderFailure(kind: .write, message: LocalizedText(
            da: "kunne ikke skrive \(path): \(reason.da)", en: "could not write \(path): \(reason.en)"))
    }
}

/// The folder `render` writes in, made ready before the first diagram is laid out, so that a
/// folder that cannot be written costs no layout time and gives one message instead of one per file.
enum OutputFolder {
    /// Makes `path` (and the folders above it) if needed and checks that a file can be made in
    /// it; what is wrong and what to do, or nil when all is well.
    static func prepare(_ given: String) -> LocalizedText? {
        let path = given.isEmpty ? "." : given
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
            return LocalizedText(
                da: "--output »\(path)« er en fil, ikke en mappe; angiv en mappe (den oprettes, hvis den ikke findes)",
                en: "--output »\(path)« is a file, not a folder; give a folder (it is created if it does not exist)")
        }
        if let (blocked, code) = FileProblem.makeFolders(path) {
            if code == ENOTDIR || code == EEXIST {
                return LocalizedText(
                    da: "mappen »\(path)« kan ikke oprettes, fordi »\(blocked)« er en fil; angiv en anden mappe med --output",
                    en: "the folder »\(path)« cannot be created because »\(blocked)« is a file; give another folder with --output")
            }
            let reason = FileProblem.reason(code, at: blocked)
            return LocalizedText(
                da: "mappen »\(path)« kan ikke oprettes (\(reason.da)); angiv en anden mappe med --output",
                en: "the folder »\(path)« cannot be created (\(reason.en)); give another folder with --output")
        }
        // A trial file, made and removed as a diagram's would be: the only sure test of writing
        // (permissions, read-only drives, /proc, root).
        let probe = (path as NSString).appendingPathComponent(".programteori-skrivetest.\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        switch InFlight.shared.createTemporaryFile(probe) {
        case .success(let fd):
            close(fd)
            _ = InFlight.shared.finishTemporaryFile(probe, renamingTo: nil)
            return nil
        case .failure(let error):
            let reason = FileProblem.reason(error.code, at: path)
            return LocalizedText(
                da: "der kan ikke skrives i mappen »\(path)« (\(reason.da)); angiv en anden mappe med --output, eller få skriveadgang til mappen",
                en: "nothing can be written in the folder »\(path)« (\(reason.en)); give another folder with --output, or get write access to it")
        }
    }
}

/// Making folders, and why a file operation failed, in words a user can act on.
enum FileProblem {
    /// `mkdir -p`, tolerant of another process making the same folders at the same time; nil
    /// when the folder is there, else the errno and the path to name: the file in the way
    /// (ENOTDIR), or the folder in which a folder could not be made.
    static func makeFolders(_ path: String) -> (String, Int32)? {
        var info = stat()
        if stat(path, &info) == 0 {
            return (info.st_mode & S_IFMT) == S_IFDIR ? nil : (path, ENOTDIR)
        }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if mkdir(prefix, 0o777) == 0 { continue }
            let code = errno
            // There already (made by us earlier, or by someone else just now): fine if a folder.
            if stat(prefix, &info) == 0 {
                if (info.st_mode & S_IFMT) == S_IFDIR { continue }
                return (prefix, ENOTDIR)
            }
            if code == ENOTDIR { return (prefix, code) }
            // Not allowed, read-only, full: the folder it was to be made in is the one to name.
            let parent = (prefix as NSString).deletingLastPathComponent
            return (parent.isEmpty ? "." : parent, code)
        }
        return nil
    }

    /// Why writing at `path` failed, in a few words (the message around it names the path).
    static func reason(_ code: Int32, at path: String) -> LocalizedText {
        switch code {
        case EACCES, EPERM:
            return LocalizedText(da: "ingen skriveadgang til »\(path)«", en: "no write access to »\(path)«")
        case EROFS:
            return LocalizedText(da: "»\(path)« ligger på et drev, der kun kan læses", en: "»\(path)« is on a read-only drive")
        case ENOSPC, EDQUOT:
            return LocalizedText(da: "drevet er fuldt", en: "the drive is full")
        case EISDIR:
            return LocalizedText(da: "der ligger en mappe med det navn; flyt eller omdøb den",
                                 en: "a folder of that name is in the way; move or rename it")
        case ENOTDIR, EEXIST:
            return LocalizedText(da: "»\(path)« er en fil, ikke en mappe", en: "»\(path)« is a file, not a folder")
        case ENOENT:
            // A folder that is there but refuses new entries (/proc, some network drives), or
            // one that was removed while the program ran.
            var info = stat()
            if stat(path, &info) == 0 {
                return LocalizedText(da: "»\(path)« tager ikke imod nye filer", en: "»\(path)« does not accept new files")
            }
            return LocalizedText(da: "mappen »\(path)« findes ikke (længere)", en: "the folder »\(path)« does not exist (any more)")
        case ENAMETOOLONG:
            return LocalizedText(da: "stien er for lang", en: "the path is too long")
        case EINTR:
            return LocalizedText(da: "programmet blev afbrudt", en: "the program was interrupted")
        default:
            let text = String(cString: strerror(code))
            return LocalizedText(da: "systemfejl: \(text)", en: "system error: \(text)")
        }
    }
}
