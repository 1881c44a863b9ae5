import Testing

@testable import PTGraphviz

extension GraphvizTests {
    @Test func doctorFindsEverythingOnThisMachine() {
        let checks = GraphvizDoctor().run()
        #expect(checks.map(\.name) == ["libgvc", "layout-dot", "render-svg", "render-png", "render-pdf", "text-layout", "font"])
        for check in checks {
            #expect(check.isOK, "\(check.name): \(check.messageEn)")
            #expect(!check.messageDa.isEmpty && !check.messageEn.isEmpty)
        }
    }

    @Test func doctorReportsAMissingFontWithTheAptCommand() throws {
        let checks = GraphvizDoctor(fontFamily: "Ingen Sådan Skrifttype").run()
        let font = try #require(checks.first { $0.name == "font" })
        #expect(font.status == .fail)
        #expect(font.messageDa.contains("Ingen Sådan Skrifttype"))
        #expect(font.helpDa.contains("sudo apt-get install -y fontconfig fonts-dejavu-core"))
    }
}
