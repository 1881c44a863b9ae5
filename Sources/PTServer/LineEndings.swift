import Foundation

/// The browser's text area hands over every line ending as LF. A model file written with CRLF
/// (Windows Notepad, git with `core.autocrlf`) is saved with CRLF again, so that saving in the
/// editor does not change every line of the file in a diff. The first line ending decides.
enum LineEndings {
    /// True if the first line ending in `bytes` is CRLF.
    static func usesCRLF(_ bytes: Data) -> Bool {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return false }
        return newline > bytes.startIndex && bytes[bytes.index(before: newline)] == 0x0D
    }

    /// `bytes` with every LF that has no CR before it written as CRLF.
    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 32)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0A, previous != 0x0D { result.append(0x0D) }
            result.append(byte)
            previous = byte
        }
        return result
    }
}
