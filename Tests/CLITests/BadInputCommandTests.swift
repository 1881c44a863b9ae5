import Foundation
import Testing

/// The bad inputs of issue 2, through the real executable: a clear finding and exit 1 or 2,
/// never a crash (a crash would be a signal, status > 128) or a hang.
@Suite("Bad input through programteori check", .serialized)
struct BadInputCommandTests {
    /// A fresh folder for one test's files.
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pt-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func check(_ name: String, bytes: [UInt8]) throws -> TestSupport.Run {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(bytes).write(to: folder.appendingPathComponent(name))
        return try TestSupport.run(["check", name], in: folder)
    }

    @Test("Symbolic links in a loop, and a link to nothing: named as such, in Danish and in English")
    func symbolicLinkLoop() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("a.pt").path, withDestinationPath: "b.pt")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("b.pt").path, withDestinationPath: "a.pt")
        let danish = try TestSupport.run(["check", "a.pt"], in: folder)
        #expect(danish.status == 2)
        #expect(danish.stderr.contains("a.pt: stien kan ikke læses (symbolske links i ring)"), "\(danish.stderr)")
        let english = try TestSupport.run(["check", "a.pt", "--lang", "en"], in: folder)
        #expect(english.status == 2)
        #expect(english.stderr.contains("a.pt: the path cannot be read (symbolic links in a loop)"), "\(english.stderr)")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("c.pt").path, withDestinationPath: "slettet.pt")
        let dangling = try TestSupport.run(["check", "c.pt"], in: folder)
        #expect(dangling.status == 2)
        #expect(dangling.stderr.contains("c.pt: stien er et symbolsk link til noget, der ikke findes"), "\(dangling.stderr)")
        #expect(try TestSupport.run(["check", "findes-ikke.pt"], in: folder).stderr.contains("findes-ikke.pt: stien findes ikke"))
    }

    @Test("Empty file")
    func empty() throws {
        let run = try Self.check("tom.pt", bytes: [])
        #expect(run.status == 1)
        #expect(run.stdout.contains("fejl[PT017]: filen er tom"))
    }

    @Test("Binary garbage")
    func binary() throws {
        var generator = SystemRandomNumberGenerator()
        let run = try Self.check("skrald.pt", bytes: (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0])
        #expect(run.status == 1)
        #expect(run.stdout.contains("PT020"))
    }

    @Test("A 50 MB file is refused with its size, without reading it line by line")
    func fiftyMegabytes() throws {
        let line = Array("delmål D1: Den unge møder stabilt op og er klar til næste skridt i forløbet\n".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50 * 1_048_576 + line.count)
        while bytes.count < 50 * 1_048_576 { bytes += line }
        let run = try Self.check("stor.pt", bytes: bytes)
        #expect(run.status == 1)
        #expect(run.stdout.contains("fejl[PT014]: filen er for stor (50 MB; grænsen er 32 MB)"))
    }

    @Test("A single 1 MB line")
    func megabyteLine() throws {
        let run = try Self.check("linje.pt", bytes: Array(("programteori: T\n" + String(repeating: "ø", count: 524_288) + "\n").utf8))
        #expect(run.status == 1)
        #expect(run.stdout.contains("PT003"))
        #expect(run.stdout.count < 4_000)
    }

    @Test("Invalid UTF-8 names the line and the byte offset")
    func invalidUTF8() throws {
        let run = try Self.check("latin1.pt", bytes: Array("programteori: T\ndelmål D1: M".utf8) + [0xF8] + Array("de\n".utf8))
        #expect(run.status == 1)
        #expect(run.stdout.contains("fejl[PT001]: ugyldig UTF-8 på linje 2 ved byte 29 (0xF8)"))
    }

    @Test("brug: pointing at a folder, and at itself")
    func includeFolderAndSelf() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mappe"), withIntermediateDirectories: true)
        try "programteori: T\nbrug: mappe\nbrug: selv.pt\n".write(to: folder.appendingPathComponent("selv.pt"), atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["check", "selv.pt"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.contains("fejl[PT010]: kan ikke bruge »mappe«: stien er en mappe, ikke en fil"))
        #expect(run.stdout.contains("fejl[PT011]: »brug:« danner en ring: selv.pt → selv.pt"))
    }
}
