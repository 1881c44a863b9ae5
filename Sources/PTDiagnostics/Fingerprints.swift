import PTSource

/// Stable identities for findings, so review tools can tell that a finding in today's commit is
/// the same one as yesterday's even when lines above it moved.
enum Fingerprints {
    /// The key GitHub code scanning matches alerts by (the only `partialFingerprints` key it uses).
    static let gitHubKey = "primaryLocationLineHash"
    /// Our own key: code + file + the text of the finding's line, for any other SARIF consumer.
    static let ownKey = "programteori/v1"

    /// GitHub's line hashes for every line of a file, keyed by 1-based line number.
    ///
    /// GitHub's upload action (`github/codeql-action/upload-sarif`) computes this value itself
    /// when it is missing, and warns when a value we supply differs from its own, so this follows
    /// its published algorithm exactly (src/fingerprints.ts in github/codeql-action): a rolling
    /// hash, base 37 in wrapping 64-bit arithmetic, over the first 100 UTF-16 code units from the
    /// start of each line that are not spaces or tabs (running on into the following lines), with
    /// every line break counted as one `\n`, and `:n` appended for the n-th equal hash in the file.
    /// Supplying it also makes uploads through the REST API (no action) track findings.
    static func gitHubLineHashes(of file: SourceFile) -> [Int: String] {
        let blockSize = 100
        let base: UInt64 = 37
        var firstMod: UInt64 = 1
        for _ in 0..<blockSize { firstMod = firstMod &* base }

        var window = [UInt64](repeating: 0, count: blockSize)
        // The line that starts at each window slot, 0 for none.
        var lineStartingAt = [Int](repeating: 0, count: blockSize)
        var hash: UInt64 = 0
        var index = 0
        var lineNumber = 0
        var atLineStart = true
        var afterCarriageReturn = false
        var seen: [UInt64: Int] = [:]
        var result: [Int: String] = [:]

        func emit() {
            let count = (seen[hash] ?? 0) + 1
            seen[hash] = count
            result[lineStartingAt[index]] = String(hash, radix: 16) + ":\(count)"
            lineStartingAt[index] = 0
        }

        func push(_ unit: UInt64) {
            let leaving = window[index]
            window[index] = unit
            hash = (hash &* base) &+ unit &- (firstMod &* leaving)
            index = (index + 1) % blockSize
        }

        func process(_ unit: UInt16) {
            let space: UInt16 = 0x20, tab: UInt16 = 0x09, lineFeed: UInt16 = 0x0A, carriageReturn: UInt16 = 0x0D
            var unit = unit
            if unit == space || unit == tab || (afterCarriageReturn && unit == lineFeed) {
                afterCarriageReturn = false
                return
            }
            if unit == carriageReturn {
                unit = lineFeed
                afterCarriageReturn = true
            } else {
                afterCarriageReturn = false
            }
            if lineStartingAt[index] != 0 { emit() }
            if atLineStart {
                atLineStart = false
                lineNumber += 1
                lineStartingAt[index] = lineNumber
            }
            if unit == lineFeed { atLineStart = true }
            push(UInt64(unit))
        }

        // The file as GitHub's action reads it: decoded as UTF-8, byte-order mark kept.
        for unit in String(decoding: file.bytes, as: UTF8.self).utf16 {
            process(unit)
        }
        process(0xFFFF)  // end of file
        for _ in 0..<blockSize {
            if lineStartingAt[index] != 0 { emit() }
            push(0)
        }
        return result
    }

    /// `code`, file and the line's text (whitespace runs collapsed, so re-indenting keeps the
    /// identity), hashed with 64-bit FNV-1a. Callers append `:n` for the n-th equal value.
    static func ownHash(code: String, path: String, lineText: String) -> String {
        let normalizedLine = lineText.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(code)\u{0}\(path)\u{0}\(normalizedLine)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
