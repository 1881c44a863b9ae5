import PTDiagnostics
import PTSource
import PTSyntax

/// `# programteori: ignorer PT101 — <begrundelse>` on an element: the comment stands directly
/// above the element's line or inside its block, and silences those codes for the element and
/// its indicators. The reason is required; a suppression that silences nothing is reported.
struct Suppression {
    let codes: [String]
    let reason: String
    let comment: SourceRange
    /// The element block it covers.
    let scope: SourceRange
}

enum Suppressions {
    static let missingReason = DiagnosticCode("PT022", "undertrykkelse.uden-begrundelse", .error)
    static let unused = DiagnosticCode("PT023", "undertrykkelse.ubrugt", .warning)
    static let unknownCode = DiagnosticCode("PT024", "undertrykkelse.ukendt-regel", .error)

    /// Reads every suppression comment in a file. `blocks` gives the blocks of the file's header
    /// and elements (asked only once a comment is a suppression: most files have none);
    /// `knownCode` says which codes may be silenced.
    static func parse(_ comments: [CommentSyntax], blocks fileBlocks: () -> [SourceRange],
                      knownCode: (String) -> String?) -> ([Suppression], [Diagnostic]) {
        var suppressions: [Suppression] = []
        var diagnostics: [Diagnostic] = []
        var sortedBlocks: [SourceRange]?
        for comment in comments {
            guard let parsed = parseComment(comment.text) else { continue }
            let blocks = sortedBlocks ?? fileBlocks().sorted { $0.start < $1.start }
            sortedBlocks = blocks
            guard let scope = blocks.first(where: { $0.start <= comment.range.start && comment.range.start < $0.end })
                    ?? blocks.first(where: { $0.start > comment.range.start }) else { continue }
            var codes: [String] = []
            for written in parsed.codes {
                if let code = knownCode(written) {
                    codes.append(code)
                } else {
                    diagnostics.append(Diagnostic(
                        unknownCode, range: comment.range,
                        message: LocalizedText(da: "ukendt regel \(quoted(written)) i undertrykkelsen", en: "unknown rule \(quoted(written)) in the suppression"),
                        help: LocalizedText(da: "se reglerne med »programteori regler«; fejl i modellens opbygning kan ikke undertrykkes",
                                            en: "list the rules with »programteori regler«; structural errors cannot be suppressed")))
                }
            }
            guard !parsed.reason.isEmpty else {
                diagnostics.append(Diagnostic(
                    missingReason, range: comment.range,
                    message: LocalizedText(da: "en undertrykkelse skal have en begrundelse", en: "a suppression needs a reason"),
                    help: LocalizedText(da: "skriv hvorfor efter en tankestreg: »# programteori: ignorer \(parsed.codes.joined(separator: ", ")) — <begrundelse>«",
                                        en: "say why after a dash: »# programteori: ignore \(parsed.codes.joined(separator: ", ")) — <reason>«")))
                continue
            }
            if !codes.isEmpty {
                suppressions.append(Suppression(codes: codes, reason: parsed.reason, comment: comment.range, scope: scope))
            }
        }
        return (suppressions, diagnostics)
    }

    /// `programteori: ignorer PT101, PT116 — reason` (also `ignore`; separator —, –, - or :).
    static func parseComment(_ text: String) -> (codes: [String], reason: String)? {
        var rest = Substring(text).trimmingBlanks()
        // Most comments are not suppressions: only `p` and `P` lower-case to `p`, so anything
        // else is turned away before the whole comment is lower-cased.
        guard let first = rest.utf8.first, first | 0x20 == UInt8(ascii: "p"),
              rest.lowercased().hasPrefix("programteori:") else { return nil }
        rest = rest.dropFirst("programteori:".count).trimmingBlanks()
        let lowered = rest.lowercased()
        if lowered.hasPrefix("ignorer") { rest = rest.dropFirst("ignorer".count) }
        else if lowered.hasPrefix("ignore") { rest = rest.dropFirst("ignore".count) }
        else { return nil }
        var codesPart = rest
        var reason = Substring("")
        for separator in [" — ", " – ", " - ", ":", "—", "–"] {
            if let range = rest.range(of: separator) {
                codesPart = rest[..<range.lowerBound]
                reason = rest[range.upperBound...]
                break
            }
        }
        let codes = codesPart.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init).filter { !$0.isEmpty }
        return (codes, String(reason.trimmingBlanks()))
    }

    /// Removes the diagnostics the suppressions cover; reports the suppressions that covered nothing.
    static func apply(_ suppressions: [Suppression], to diagnostics: [Diagnostic]) -> [Diagnostic] {
        var used = [Bool](repeating: false, count: suppressions.count)
        var kept: [Diagnostic] = []
        for diagnostic in diagnostics {
            let match = suppressions.indices.first { index in
                let suppression = suppressions[index]
                return suppression.codes.contains(diagnostic.code) && suppression.scope.path == diagnostic.range.path
                    && suppression.scope.start <= diagnostic.range.start && diagnostic.range.start <= suppression.scope.end
            }
            if let match { used[match] = true } else { kept.append(diagnostic) }
        }
        for (index, suppression) in suppressions.enumerated() where !used[index] {
            kept.append(Diagnostic(
                unused, range: suppression.comment,
                message: LocalizedText(da: "undertrykkelsen af \(suppression.codes.joined(separator: ", ")) bruges ikke: reglen finder intet her",
                                       en: "the suppression of \(suppression.codes.joined(separator: ", ")) is unused: the rule finds nothing here"),
                help: LocalizedText(da: "fjern kommentaren", en: "remove the comment")))
        }
        return kept
    }
}

extension Substring {
    func trimmingBlanks() -> Substring {
        var result = self
        while result.first?.isWhitespace == true { result = result.dropFirst() }
        while result.last?.isWhitespace == true { result = result.dropLast() }
        return result
    }
}
