import Foundation
import PTServer
import ProgramteoriKit
#if canImport(Glibc)
import Glibc
#endif

/// A real editor server on a free port of 127.0.0.1, in a temporary folder, for one test.
final class ServerHarness: @unchecked Sendable {
    // @unchecked: set up before the test uses it, then only read.
    let folder: URL
    let port: Int
    private let task: Task<Void, Error>

    /// Starts the server; `files` are written into the folder first.
    static func start(files: [String: String] = [:], layout: LayoutMode = .inProcess,
                      maxBodyBytes: Int = EditorServer.defaultMaxBodyBytes, host: String = "127.0.0.1") async throws -> ServerHarness {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let server = EditorServer(configuration: .init(folder: folder.path, host: host, port: 0, layout: layout,
                                                       layoutWorkers: 2, maxBodyBytes: maxBodyBytes))
        let ready = PortPromise()
        let task = Task { try await server.run { port in ready.fulfil(port) } }
        let port = await ready.value()
        return ServerHarness(folder: folder, port: port, task: task)
    }

    private init(folder: URL, port: Int, task: Task<Void, Error>) {
        self.folder = folder
        self.port = port
        self.task = task
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
        try? FileManager.default.removeItem(at: folder)
    }

    var origin: String { "http://127.0.0.1:\(port)" }

    struct Response {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
        }
    }

    /// Sends one raw HTTP/1.1 request (exactly the headers given, plus Content-Length and
    /// `Connection: close`) and reads the whole answer. `host` nil sends no Host header.
    func send(_ method: String, _ target: String, host: String? = "default", headers: [String: String] = [:],
              body: Data = Data()) async throws -> Response {
        var head = "\(method) \(target) HTTP/1.1\r\n"
        if let host { head += "Host: \(host == "default" ? "127.0.0.1:\(port)" : host)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if method != "GET" || !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        head += "Connection: close\r\n\r\n"
        let bytes = Data(head.utf8) + body
        let port = self.port
        // The socket blocks: off Swift's cooperative pool, which the server itself runs on.
        let answer: Result<Data, Error> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Result { try RawHTTP.exchange(port: port, bytes: bytes) })
            }
        }
        return try Self.parse(try answer.get())
    }

    /// A POST as the editor's page sends it: JSON, with this server's Origin.
    func post(_ path: String, json: [String: Any?], origin: String? = nil) async throws -> Response {
        let body = try JSONSerialization.data(withJSONObject: json.compactMapValues { $0 })
        return try await send("POST", path, headers: ["Origin": origin ?? self.origin, "Content-Type": "application/json"], body: body)
    }

    func get(_ path: String) async throws -> Response { try await send("GET", path) }

    private static func parse(_ data: Data) throws -> Response {
        let bytes = [UInt8](data)
        guard let split = bytes.indices.first(where: { $0 + 3 < bytes.count && bytes[$0...($0 + 3)].elementsEqual([13, 10, 13, 10]) }) else {
            throw RawHTTP.Failure(message: "no header end in \(bytes.count) bytes")
        }
        let head = String(decoding: bytes[..<split], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(bytes[(split + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = Self.unchunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    private static func unchunk(_ data: Data) -> Data {
        var bytes = [UInt8](data)[...]
        var out = Data()
        while let end = bytes.indices.first(where: { $0 + 1 < bytes.endIndex && bytes[$0] == 13 && bytes[$0 + 1] == 10 }) {
            let size = Int(String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self).split(separator: ";")[0], radix: 16) ?? 0
            if size == 0 { break }
            let start = end + 2
            out.append(contentsOf: bytes[start..<min(start + size, bytes.endIndex)])
            bytes = bytes[min(start + size + 2, bytes.endIndex)...]
        }
        return out
    }
}

/// Resolves once with the port the server listens on.
final class PortPromise: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var port: Int?
    private var waiting: CheckedContinuation<Int, Never>?

    func fulfil(_ value: Int) {
        let continuation: CheckedContinuation<Int, Never>? = lock.withLock {
            port = value
            defer { waiting = nil }
            return waiting
        }
        continuation?.resume(returning: value)
    }

    func value() async -> Int {
        await withCheckedContinuation { continuation in
            let known: Int? = lock.withLock {
                if port == nil { waiting = continuation }
                return port
            }
            if let known { continuation.resume(returning: known) }
        }
    }
}

/// A blocking TCP exchange with 127.0.0.1: write everything, read until the server closes.
enum RawHTTP {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static func exchange(port: Int, bytes: Data) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(message: "socket: \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(message: "connect: \(errno)") }
        var sent = 0
        let payload = [UInt8](bytes)
        while sent < payload.count {
            let count = payload[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            // The server may answer (413) and close before the whole body is sent.
            if count <= 0 { break }
            sent += count
        }

        var answer = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            answer.append(contentsOf: chunk[0..<count])
        }
        return answer
    }
}
