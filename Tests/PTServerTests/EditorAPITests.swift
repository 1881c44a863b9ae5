import Foundation
import Testing
import PTServer
import ProgramteoriKit

/// The editor's JSON API through real HTTP: check, draw, open, save.
@Suite("programteori serve: the API")
struct EditorAPITests {
    static let model = """
        programteori: Test af editoren
        målgruppe MG: Unge ledige
        slutmål S1: Den unge er i uddannelse
        aktivitet A1: Mentorsamtaler
          fører til: S1
        """

    @Test("The page, its script and style are served, with the security headers")
    func page() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let page = try await server.get("/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(page.text.contains("<textarea id=\"source\""))
        #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
        #expect(page.headers["x-frame-options"] == "DENY")
        #expect(page.headers["x-content-type-options"] == "nosniff")
        #expect(try await server.get("/editor.js").status == 200)
        #expect(try await server.get("/editor.css").text.contains("#source"))
        #expect(try await server.get("/nowhere").status == 404)
        // Nothing is fetched from elsewhere: the page works offline.
        for asset in ["/", "/editor.js", "/editor.css"] {
            #expect(!(try await server.get(asset).text.contains("http")), "\(asset) names an address")
        }
    }

    @Test("A valid model gives an SVG with its node texts; a typo gives the finding with its line and no diagram")
    func preview() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let good = try await server.post("/api/preview", json: ["text": Self.model, "name": "test.pt"])
        #expect(good.status == 200)
        let json = try good.json()
        let svg = try #require(json["svg"] as? String)
        #expect(svg.contains("Mentorsamtaler"))
        #expect(svg.contains("Den unge er i uddannelse"))
        #expect(json["title"] as? String == "Test af editoren")

        let typo = Self.model.replacingOccurrences(of: "fører til: S1", with: "fører til: S9")
        let bad = try await server.post("/api/preview", json: ["text": typo, "name": "test.pt"]).json()
        #expect(bad["svg"] == nil || bad["svg"] is NSNull)
        let findings = try #require(bad["findings"] as? [[String: Any]])
        let unknown = try #require(findings.first { $0["code"] as? String == "PT201" })
        #expect(unknown["line"] as? Int == 5)
        #expect(unknown["column"] as? Int == 14)
        #expect(unknown["inEditedText"] as? Bool == true)
        #expect((unknown["message"] as? String)?.contains("S9") == true)
        #expect((unknown["help"] as? String)?.contains("S1") == true)
        #expect((bad["summary"] as? [String: Any])?["errors"] as? Int == 1)

        let english = try await server.post("/api/preview", json: ["text": typo, "lang": "en"]).json()
        let message = (english["findings"] as? [[String: Any]])?.first { $0["code"] as? String == "PT201" }?["message"] as? String
        #expect(message?.contains("unknown ID") == true)
    }

    @Test("Columns count UTF-16 units, as the textarea does: a finding after æøå and an emoji lands on its ID")
    func utf16Columns() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let text = Self.model.replacingOccurrences(of: "aktivitet A1: Mentorsamtaler\n  fører til: S1",
                                                   with: "aktivitet A1: Mentorsamtaler\n  beskrivelse: 🎉\n  fører til: S1, S9")
        let findings = try #require(try await server.post("/api/preview", json: ["text": text]).json()["findings"] as? [[String: Any]])
        let unknown = try #require(findings.first { $0["code"] as? String == "PT201" })
        let line = text.components(separatedBy: "\n")[(unknown["line"] as? Int ?? 1) - 1]
        let utf16 = Array(line.utf16)
        let column = try #require(unknown["column"] as? Int)
        #expect(String(decoding: utf16[(column - 1)...], as: UTF16.self).hasPrefix("S9"))
    }

    @Test("View and theme switch the diagram; downloads are real PNG, PDF and SVG; a model with errors is not drawn")
    func downloads() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let detailed = try #require(try await server.post("/api/preview", json: ["text": Self.model]).json()["svg"] as? String)
        let overview = try #require(try await server.post("/api/preview", json: ["text": Self.model, "view": "oversigt"]).json()["svg"] as? String)
        let print = try #require(try await server.post("/api/preview", json: ["text": Self.model, "theme": "print"]).json()["svg"] as? String)
        #expect(detailed.contains("Mentorsamtaler"))
        #expect(!overview.contains("Mentorsamtaler"))
        #expect(print != detailed)

        let png = try await server.post("/api/diagram", json: ["text": Self.model, "format": "png"])
        #expect(png.status == 200 && png.headers["content-type"] == "image/png")
        #expect(png.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = try await server.post("/api/diagram", json: ["text": Self.model, "format": "pdf"])
        #expect(pdf.body.starts(with: Array("%PDF".utf8)))
        let svg = try await server.post("/api/diagram", json: ["text": Self.model, "format": "svg"])
        #expect(svg.text.contains("<svg") && svg.text.contains("Mentorsamtaler"))
        let broken = try await server.post("/api/diagram", json: ["text": "programteori: T\ndelmål D1: x\n  fører til: Q\n", "format": "png"])
        #expect(broken.status == 422)
        #expect((try broken.json()["error"] as? String)?.contains("fejl") == true)
        #expect(try await server.post("/api/diagram", json: ["text": Self.model, "format": "gif"]).status == 400)
    }

    @Test("The indicator plan comes with the preview and as a real XLSX; measurements beside the model are read")
    func indicatorPlan() async throws {
        let model = Self.model + """

            delmål D1: Den unge møder op
              fører til: S1
              indikator D1.1: Fremmøde til aftaler
                enhed: procent
                baseline: 55 (2024)
                mål: 80 senest 2027-12-31
                datakilde: Fagsystemet
                frekvens: månedlig
            """
        let server = try await ServerHarness.start(files: [
            "plan.pt": model,
            "plan.maalinger.csv": "indikator;dato;værdi\nD1.1;2025-06-30;62,5\n",
        ])
        defer { Task { await server.stop() } }
        let json = try await server.post("/api/preview", json: ["text": model, "name": "plan.pt"]).json()
        let plan = try #require(json["indicators"] as? [String: Any])
        let columns = try #require(plan["columns"] as? [String])
        let rows = try #require(plan["rows"] as? [[String]])
        #expect(columns.prefix(5) == ["Element-ID", "Elementtype", "Element", "Indikator-ID", "Indikator"])
        #expect(rows.count == 1)
        #expect(rows.first?[3] == "D1.1" && rows.first?[4] == "Fremmøde til aftaler")
        #expect(plan["measurementsFile"] as? String == "plan.maalinger.csv")
        #expect(columns.contains("Seneste værdi"))
        #expect(rows.first?.contains("62,5") == true)

        let xlsx = try await server.post("/api/indicators.xlsx", json: ["text": model, "name": "plan.pt"])
        #expect(xlsx.status == 200)
        #expect(xlsx.headers["content-type"]?.contains("spreadsheetml") == true)
        #expect(xlsx.body.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a ZIP, as every .xlsx
        let broken = try await server.post("/api/indicators.xlsx", json: ["text": model + "\n  fører til: X9\n", "name": "plan.pt"])
        #expect(broken.status == 422)
        let withErrors = try await server.post("/api/preview", json: ["text": model + "\n  fører til: X9\n"]).json()
        #expect(withErrors["indicators"] == nil || withErrors["indicators"] is NSNull)
    }

    @Test("Format gives fmt's canonical text, says when nothing changed, and refuses text with syntax errors")
    func format() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let messy = "Programteori:   Test af editoren\nmaalgruppe MG:Unge ledige\nslutmål S1: Den unge er i uddannelse\n"
        let formatted = try await server.post("/api/format", json: ["text": messy]).json()
        let text = try #require(formatted["text"] as? String)
        #expect(formatted["changed"] as? Bool == true)
        #expect(text.hasPrefix("programteori: Test af editoren\n"))
        #expect(text.contains("målgruppe MG: Unge ledige"))
        let again = try await server.post("/api/format", json: ["text": text]).json()
        #expect(again["changed"] as? Bool == false)
        #expect(again["text"] as? String == text)
        let broken = try await server.post("/api/format", json: ["text": "programteori: T\n  ukendt nøgleord her\n"])
        #expect(broken.status == 422)
        #expect((try broken.json()["error"] as? String)?.contains("syntaksfejl") == true)
    }

    @Test("Models are listed (subfolders too, hidden folders not), opened with their version, and saved with a backup")
    func openAndSave() async throws {
        let server = try await ServerHarness.start(files: ["a.pt": Self.model, "unge/b.pt": Self.model, ".skjult/c.pt": Self.model, "noter.txt": "x"])
        defer { Task { await server.stop() } }
        let list = try await server.get("/api/models").json()
        let names = (list["models"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["a.pt", "unge/b.pt"])

        let opened = try await server.get("/api/model?name=unge%2Fb.pt").json()
        #expect(opened["text"] as? String == Self.model)
        let version = try #require(opened["version"] as? String)

        let changed = Self.model + "\n# ændret\n"
        let saved = try await server.post("/api/save", json: ["name": "unge/b.pt", "text": changed, "baseVersion": version])
        #expect(saved.status == 200)
        let folder = server.folder.appendingPathComponent("unge")
        #expect(try String(contentsOf: folder.appendingPathComponent("b.pt"), encoding: .utf8) == changed)
        #expect(try String(contentsOf: folder.appendingPathComponent("b.pt.bak"), encoding: .utf8) == Self.model)
        #expect(try saved.json()["backup"] as? String == "unge/b.pt.bak")
        #expect(try saved.json()["version"] as? String == ModelVersion.of(Array(changed.utf8)))

        // A new file: no base version; a second "new" save under the same name is refused.
        let created = try await server.post("/api/save", json: ["name": "ny/model.pt", "text": Self.model])
        #expect(created.status == 200)
        #expect(FileManager.default.fileExists(atPath: server.folder.appendingPathComponent("ny/model.pt").path))
        let again = try await server.post("/api/save", json: ["name": "ny/model.pt", "text": "x"])
        #expect(again.status == 409)
        #expect((try again.json()["error"] as? String)?.contains("findes allerede") == true)
        #expect(try await server.get("/api/model?name=findes-ikke.pt").status == 404)
    }

    @Test("A file with CRLF line endings is saved with CRLF again (the browser sends LF); a file with LF stays LF")
    func lineEndingsAreKept() async throws {
        let windows = Self.model.replacingOccurrences(of: "\n", with: "\r\n")
        let server = try await ServerHarness.start(files: ["windows.pt": windows, "unix.pt": Self.model])
        defer { Task { await server.stop() } }
        for (name, original, crlf) in [("windows.pt", windows, true), ("unix.pt", Self.model, false)] {
            let opened = try await server.get("/api/model?name=\(name)").json()
            let version = try #require(opened["version"] as? String)
            // What a text area gives back: LF only, whatever the file had.
            let edited = Self.model + "\n# ændret i editoren\n"
            let saved = try await server.post("/api/save", json: ["name": name, "text": edited, "baseVersion": version])
            #expect(saved.status == 200, "\(name)")
            let expected = crlf ? edited.replacingOccurrences(of: "\n", with: "\r\n") : edited
            let onDisk = try Data(contentsOf: server.folder.appendingPathComponent(name))
            #expect(onDisk == Data(expected.utf8), "\(name)")
            #expect(try Data(contentsOf: server.folder.appendingPathComponent(name + ".bak")) == Data(original.utf8), "\(name)")
            // The version the page gets is the file's, so the next save is not refused.
            #expect(try saved.json()["version"] as? String == ModelVersion.of(Array(onDisk)), "\(name)")
            let reopened = try await server.get("/api/model?name=\(name)").json()
            #expect(reopened["version"] as? String == ModelVersion.of(Array(onDisk)), "\(name)")
        }
    }

    @Test("Two tabs: the save based on the older version is refused, and the file keeps the first tab's text")
    func staleSave() async throws {
        let server = try await ServerHarness.start(files: ["a.pt": Self.model])
        defer { Task { await server.stop() } }
        let version = try #require(try await server.get("/api/model?name=a.pt").json()["version"] as? String)
        let first = try await server.post("/api/save", json: ["name": "a.pt", "text": Self.model + "\n# fane 1\n", "baseVersion": version])
        #expect(first.status == 200)
        let second = try await server.post("/api/save", json: ["name": "a.pt", "text": Self.model + "\n# fane 2\n", "baseVersion": version])
        #expect(second.status == 409)
        #expect((try second.json()["error"] as? String)?.contains("ændret et andet sted") == true)
        #expect(try String(contentsOf: server.folder.appendingPathComponent("a.pt"), encoding: .utf8).hasSuffix("# fane 1\n"))
        // Deleted meanwhile: refused too, with its own words.
        try FileManager.default.removeItem(at: server.folder.appendingPathComponent("a.pt"))
        let gone = try await server.post("/api/save", json: ["name": "a.pt", "text": "x", "baseVersion": version])
        #expect(gone.status == 409)
        #expect((try gone.json()["error"] as? String)?.contains("slettet") == true)
    }

    @Test("Many requests at once: every preview answers with its own diagram; of saves on one base exactly one wins")
    func concurrency() async throws {
        let server = try await ServerHarness.start(files: ["a.pt": Self.model])
        defer { Task { await server.stop() } }
        let titles = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for index in 0..<16 {
                group.addTask {
                    let text = Self.model.replacingOccurrences(of: "Mentorsamtaler", with: "Samtale nummer \(index)")
                    let svg = try await server.post("/api/preview", json: ["text": text]).json()["svg"] as? String
                    return (index, svg)
                }
            }
            var found: [Int: String?] = [:]
            for try await (index, svg) in group { found[index] = svg }
            return found
        }
        #expect(titles.count == 16)
        for (index, svg) in titles {
            #expect(svg?.contains("Samtale nummer \(index)<") == true || svg?.contains("Samtale nummer \(index) ") == true)
        }

        let version = try #require(try await server.get("/api/model?name=a.pt").json()["version"] as? String)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<8 {
                group.addTask {
                    try await server.post("/api/save", json: ["name": "a.pt", "text": Self.model + "\n# \(index)\n", "baseVersion": version]).status
                }
            }
            var all: [Int] = []
            for try await status in group { all.append(status) }
            return all
        }
        #expect(statuses.filter { $0 == 200 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == 7)
    }
}
