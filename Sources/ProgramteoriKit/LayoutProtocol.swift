import Foundation
import PTGraphviz
#if canImport(Glibc)
import Glibc
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let posixWrite = Darwin.write
#endif

/// What the parent and the layout worker (`programteori _layout`) say to each other over the
/// worker's stdin and stdout. One worker serves many requests, one at a time, in order.
///
/// Request (parent → worker): a header line, then the DOT text.
///
///     layout <id> <format,format,…> <byte count>\n<DOT bytes>
///
/// Reply (worker → parent), carrying the request's id:
///
///     ok <id> <format count> <warning count>\n      then, per format in the order asked:
///     <format> <byte count>\n<bytes>
///     and then, per warning Graphviz gave (in the order it gave them):
///     warning <byte count>\n<UTF-8 text>
///
///     error <id> <byte count>\n<UTF-8 text>     Graphviz failed; the text is what it said
///
/// The worker exits 0 when its stdin ends between requests, and 4 (with a message on stderr)
/// on a request it cannot read. Numbers are decimal ASCII; header lines are short ASCII.
enum LayoutProtocol {
    /// Longest header line either side accepts, newline included.
    static let maxHeaderLength = 512
    /// Largest body (DOT, one rendered format, an error text) either side accepts.
    static let maxBodyLength = 1 << 31

    struct RequestHeader: Equatable {
        var id: UInt64
        var formats: [GraphvizFormat]
        var length: Int
    }

    static func requestHeader(id: UInt64, formats: [GraphvizFormat], length: Int) -> [UInt8] {
        Array("layout \(id) \(formats.map(\.rawValue).joined(separator: ",")) \(length)\n".utf8)
    }

    /// Parses a request header line (without its newline).
    static func parseRequestHeader(_ line: some Collection<UInt8>) -> RequestHeader? {
        let words = fields(line)
        guard words.count == 4, words[0] == "layout", let id = UInt64(words[1]),
              let length = Int(words[3]), length >= 0, length <= maxBodyLength else { return nil }
        var formats: [GraphvizFormat] = []
        for name in words[2].split(separator: ",", omittingEmptySubsequences: false) {
            guard let format = GraphvizFormat(rawValue: String(name)) else { return nil }
            formats.append(format)
        }
        return RequestHeader(id: id, formats: formats, length: length)
    }

    /// Warnings travel with the bytes: every warning about our own DOT is a bug the user
    /// should hear about, and the diagram is still drawn.
    static func okReply(id: UInt64, outputs: [(GraphvizFormat, Data)], warnings: [String] = []) -> [UInt8] {
        var reply = Array("ok \(id) \(outputs.count) \(warnings.count)\n".utf8)
        reply.reserveCapacity(reply.count + outputs.reduce(0) { $0 + $1.1.count + 32 })
        for (format, bytes) in outputs {
            reply += Array("\(format.rawValue) \(bytes.count)\n".utf8)
            reply += bytes
        }
        for warning in warnings {
            let text = Array(warning.utf8)
            reply += Array("warning \(text.count)\n".utf8)
            reply += text
        }
        return reply
    }

    /// Most warnings one reply carries; Graphviz repeats some per node, and the user needs a few.
    static let maxWarnings = 100

    static func errorReply(id: UInt64, message: String) -> [UInt8] {
        let text = Array(message.utf8)
        return Array("error \(id) \(text.count)\n".utf8) + text
    }

    /// The space-separated fields of a header line, as strings (nil-free: empty fields kept).
    static func fields(_ line: some Collection<UInt8>) -> [String] {
        String(decoding: line, as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    }
}

/// Buffered reads from a file descriptor: whole lines and exact byte counts, optionally against
/// a deadline (the parent's side, with `poll`), or blocking (the worker's side).
struct FrameReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(fd: Int32) { self.fd = fd }

    enum Failure: Error, Equatable {
        /// The other end closed the pipe (`buffered`: bytes of an unfinished frame).
        case ended(buffered: Int)
        case timedOut
        /// A header line longer than the protocol allows.
        case tooLong
        case readError(Int32)
    }

    /// Bytes received but not yet taken.
    var bufferedCount: Int { buffer.count - start }

    /// The next line, without its newline.
    mutating func line(deadline: UInt64?) throws(Failure) -> [UInt8] {
        // Counted from `start`: `fill` may move the buffered bytes to the front.
        var scanned = 0
        while true {
            if let newline = buffer[(start + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                return line
            }
            scanned = buffer.count - start
            if scanned >= LayoutProtocol.maxHeaderLength { throw .tooLong }
            try fill(deadline: deadline)
        }
    }

    /// Exactly `count` bytes.
    mutating func bytes(_ count: Int, deadline: UInt64?) throws(Failure) -> Data {
        while buffer.count - start < count {
            try fill(deadline: deadline)
        }
        let data = Data(buffer[start..<start + count])
        start += count
        return data
    }

    /// Waits until there is something to read (buffered, data or end of file), at most until
    /// `deadline`.
    func waitForData(until deadline: UInt64) throws(Failure) {
        if buffer.count > start { return }
        try Self.waitReadable(fd, until: deadline)
    }

    /// Reads what is there (at least one byte), waiting at most until `deadline`
    /// (`DispatchTime.now().uptimeNanoseconds` scale) when one is given.
    private mutating func fill(deadline: UInt64?) throws(Failure) {
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 1 << 20 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        if let deadline {
            try Self.waitReadable(fd, until: deadline)
        }
        let chunk = 1 << 16
        let old = buffer.count
        buffer.reserveCapacity(old + chunk)
        var received = 0
        var failure: Int32 = 0
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        buffer.withUnsafeMutableBufferPointer { pointer in
            while true {
                received = read(fd, pointer.baseAddress! + old, chunk)
                if received < 0, errno == EINTR { continue }
                if received < 0 { failure = errno }
                break
            }
        }
        buffer.removeLast(chunk - max(received, 0))
        if received < 0 { throw .readError(failure) }
        if received == 0 { throw .ended(buffered: buffer.count - start) }
    }

    /// Waits until `fd` has something to read (data or end of file) or the deadline passes.
    static func waitReadable(_ fd: Int32, until deadline: UInt64) throws(Failure) {
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { throw .timedOut }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min((deadline - now + 999_999) / 1_000_000, UInt64(Int32.max)))
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw .readError(errno) }
        }
    }
}

/// Writes all of `bytes` to `fd`. With a deadline, `fd` must be non-blocking: it waits for room
/// with `poll` and gives up when time is up.
enum FrameWriter {
    enum Failure: Error, Equatable {
        /// The reader is gone (EPIPE).
        case closed
        case timedOut
        case writeError(Int32)
    }

    static func write(_ bytes: [UInt8], to fd: Int32, deadline: UInt64?) throws(Failure) {
        var failure: Failure?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                    continue
                }
                let code = errno
                if written < 0, code == EINTR { continue }
                if written < 0, code == EPIPE {
                    failure = .closed
                    return
                }
                if written < 0, code == EAGAIN || code == EWOULDBLOCK, let deadline {
                    let now = DispatchTime.now().uptimeNanoseconds
                    guard now < deadline else {
                        failure = .timedOut
                        return
                    }
                    var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    let milliseconds = Int32(min((deadline - now + 999_999) / 1_000_000, UInt64(Int32.max)))
                    _ = poll(&entry, 1, milliseconds)
                    continue
                }
                failure = .writeError(code)
                return
            }
        }
        if let failure { throw failure }
    }
}
