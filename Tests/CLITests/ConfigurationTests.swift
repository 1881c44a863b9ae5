import Foundation
import PTDiagnostics
import PTSource
import ProgramteoriKit
import Testing

@Suite("programteori.toml, profiles, suppressions and --strict")
struct ConfigurationTests {
    static let folder = TestSupport.fixtures.appendingPathComponent("config")

    static func check(_ name: String, strict: Bool = false) -> CheckReport {
        Checker(today: TestSupport.today, strict: strict).check(paths: [folder.appendingPathComponent(name).path])
    }

    static func findings(_ report: CheckReport) -> [String] {
        report.diagnostics.map { "\($0.code):\($0.severity.rawValue)" }
    }

    @Test("Without a file the kl profile's defaults apply")
    func defaults() {
        let report = Checker(today: TestSupport.today, configuration: Configuration())
            .check(paths: [Self.folder.appendingPathComponent("kl/model.pt").path])
        #expect(Self.findings(report) == ["PT120:warning", "PT116:info", "PT122:warning"])
    }

    @Test("The nearest programteori.toml switches rules off and changes severities, by code or name")
    func overrides() {
        let report = Self.check("kl/model.pt")
        #expect(Self.findings(report) == ["PT120:error", "PT122:warning"])
        let failed = report.hasErrors
        #expect(failed)
    }

    @Test("The streng profile raises every rule one step")
    func strictProfile() {
        #expect(Self.findings(Self.check("streng/model.pt")) == ["PT120:error", "PT116:warning", "PT122:error"])
    }

    @Test("--strict turns warnings into errors")
    func strictFlag() {
        let report = Checker(today: TestSupport.today, strict: true, configuration: Configuration())
            .check(paths: [Self.folder.appendingPathComponent("kl/model.pt").path])
        #expect(Self.findings(report) == ["PT120:error", "PT116:info", "PT122:error"])
    }

    @Test("A broken configuration file is a finding at its line")
    func brokenFile() throws {
        let report = Self.check("broken/model.pt")
        let finding = try #require(report.diagnostics.first { $0.code == "PT030" })
        let file = try #require(report.files[finding.range.path])
        #expect(finding.range.path.hasSuffix("broken/programteori.toml"))
        #expect(file.location(of: finding.range.start).line == 3)
        #expect(finding.message.da.contains("ikke gyldig TOML"))
    }

    @Test("Unknown profiles, rules, levels and settings are each reported at their line")
    func unknownEntries() throws {
        let report = Self.check("unknown/model.pt")
        let problems = report.diagnostics.filter { $0.code == "PT030" }
        let file = try #require(report.files[problems[0].range.path])
        let lines = problems.map { file.location(of: $0.range.start).line }.sorted()
        #expect(lines == [1, 3, 4, 5, 6])
        #expect(problems.contains { $0.message.da == "PT201 kan ikke ændres: det er en fejl i modellens opbygning" })
    }

    @Test("A suppression with a reason silences its rule on its element; without a reason or unused it is reported")
    func suppressions() {
        let report = Checker(today: TestSupport.today, configuration: Configuration())
            .check(paths: [Self.folder.appendingPathComponent("suppression/model.pt").path])
        // D1's PT101 is silenced; D2's suppression has no reason (PT022) so its PT101 stands;
        // M1 has a type, so its PT122 suppression is unused (PT023).
        #expect(Self.findings(report) == ["PT101:error", "PT022:error", "PT023:warning"])
    }
}
