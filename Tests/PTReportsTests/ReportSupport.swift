import Foundation
import PTMeasurements
import PTModel
import PTReports
import PTSource
import PTSyntax
import ProgramteoriKit
import Testing

enum ReportSupport {
    static let today = DateValue(year: 2026, month: 11, day: 23)
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func checked(_ text: String, measurements: String? = nil) -> (CheckReport, CheckedModel) {
        let report = Checker(today: today).check(text: text, path: "model.pt", measurements: measurements)
        return (report, report.models[0])
    }

    static let model = """
        programteori: Test <b>&</b> "titel"
          kommune: Eksempel Kommune
        målgruppe MG: Unge
          kendetegn: Ledige
          størrelse: 10 borgere
        slutmål S1: I uddannelse
          indikator S1.1: Andel i uddannelse
            definition: Andel; med "citat" og komma, samt =SUM(A1)
            enhed: procent
            baseline: 20,5 (2025-01)
            mål: 40 senest 2027-12-31
            datakilde: jobindsats.dk
            frekvens: kvartalsvis
            ansvarlig: Teamleder
        delmål D1: Møder op
          fører til: S1
          indikator D1.1: Fremmøde
            enhed: procent
            baseline: 50 (2025-12)
            mål: 80 senest 2026-12-31
            datakilde: Fagsystemet
            frekvens: månedlig
        aktivitet A1: Mentor
          fører til: D1
        mekanisme M1: Relation
          type: tilgang
          understøtter: A1

        """

    static let measurements = "indikator;dato;værdi\nD1.1;2026-03;60\nD1.1;2026-06;66,5\nS1.1;2026K2;24\n"

    /// Runs python3 with `script`, the arguments after it; returns stdout.
    static func python(_ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pt-py-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: scratch.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = try FileHandle(forWritingTo: scratch)
        process.standardOutput = out
        try process.run()
        process.waitUntilExit()
        try out.close()
        let text = String(decoding: try Data(contentsOf: scratch), as: UTF8.self)
        #expect(process.terminationStatus == 0, "python failed: \(text)")
        return text
    }

    static func temporaryFile(_ name: String, _ data: Data) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }
}

/// A seeded generator of hostile text: markup, quotes, separators, formulas, line breaks,
/// control characters, combining marks, right-to-left text and emoji.
struct HostileText {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }

    static let pieces = ["<script>alert(1)</script>", "&amp;", "\"", "'", ";", ",", "|", "\n", "\r\n", "\t", "=SUM(A1)", "+1", "-2", "@x",
                         "\\", "`", "*", "_", "[link](http://x)", "#", "~", "$", "æøå", "ÆØÅ", "e\u{301}", "\u{202E}", "👩‍👩‍👧", "\u{1}",
                         "\u{7F}", " ", "  ", "]]>", "<!--", "--", "{{x}}", "%s", "0", "55,5", "1.234", "D1.1", "src=x.png", "http://"]

    mutating func text() -> String {
        let count = Int(next() % 6) + 1
        return (0..<count).map { _ in Self.pieces[Int(next() % UInt64(Self.pieces.count))] }.joined()
    }
}
