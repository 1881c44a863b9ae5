import Foundation
import Testing

/// `indikatorer`, `rapport`, `json` and `--målinger` as a user runs them.
@Suite("Monitoring commands")
struct MonitoringCommandTests {
    static let model = "Models/uddannelseshjaelp-lovpligtigt-forloeb.pt"
    static let measurements = "Models/uddannelseshjaelp-lovpligtigt-forloeb.maalinger.csv"

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pt-mon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("indikatorer writes md, csv, xlsx and json; the example measurements give statuses")
    func plan() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run(["indikatorer", Self.model, "--format", "md,csv,xlsx,json", "--målinger", Self.measurements, "--output", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        for suffix in ["md", "csv", "xlsx", "json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("uddannelseshjaelp-lovpligtigt-forloeb.indikatorer.\(suffix)").path))
        }
        let markdown = try String(contentsOf: folder.appendingPathComponent("uddannelseshjaelp-lovpligtigt-forloeb.indikatorer.md"), encoding: .utf8)
        #expect(markdown.contains("| nået |") && markdown.contains("| bagud |") && markdown.contains("| på sporet |"))
    }

    @Test("A bad measurements file: findings with file:line:col, exit 1, valid rows still used (ASCII and English option names)")
    func badMeasurements() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("m.csv")
        try "indikator;dato;værdi\nD1.1;2026-03;96\nD1.l;2026-06;97\nD1.1;2026-06;mange\n".write(to: file, atomically: true, encoding: .utf8)
        for option in ["--maalinger", "--measurements"] {
            let run = try TestSupport.run(["indikatorer", Self.model, "--format", "csv", option, file.path])
            #expect(run.status == 1)
            #expect(run.stderr.contains("m.csv:3:1") && run.stderr.contains("mente du »D1.1«?"))
            #expect(run.stderr.contains("m.csv:4:14") && run.stderr.contains("»mange« er ikke et tal"))
            // The valid row is used: D1.1's latest value is 96.
            let row = try #require(run.stdout.split(separator: "\r\n").first { $0.contains(";D1.1;") })
            #expect(row.contains(";96;2026-03;"))
        }
        let check = try TestSupport.run(["check", Self.model, "--målinger", file.path])
        #expect(check.status == 1 && check.stdout.contains("m.csv:3:1"))
    }

    @Test("A model with errors gets no plan, report or JSON; the findings are shown")
    func refused() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("fejl.pt")
        try "programteori: Fejl\ndelmål D1: Mål\n  fører til: S9\n".write(to: model, atomically: true, encoding: .utf8)
        for arguments in [["indikatorer", model.path], ["rapport", model.path, "--output", folder.path], ["json", model.path]] {
            let run = try TestSupport.run(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect((run.stdout + run.stderr).contains("PT201") && (run.stdout + run.stderr).contains("ikke lavet"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("fejl.html").path))
    }

    @Test("--målinger applies to one model: a folder of several is a usage error (exit 2)")
    func oneModel() throws {
        let run = try TestSupport.run(["check", "Models", "--målinger", Self.measurements])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--målinger gælder én model"))
    }

    @Test("rapport and json for the example: statuses in the report, schema in the JSON")
    func reportAndJSON() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try TestSupport.run(["rapport", Self.model, "--målinger", Self.measurements, "--output", folder.path])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOf: folder.appendingPathComponent("uddannelseshjaelp-lovpligtigt-forloeb.html"), encoding: .utf8)
        #expect(html.contains("pt-status-bagud") && html.contains("<svg class=\"pt-trend\"") && html.contains("PT126"))
        let json = try TestSupport.run(["json", Self.model])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"schema\": \"programteori-model\""))
    }
}
