import ArgumentParser
import PTGraphviz
import PTSource

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doktor",
        abstract: "Tjek at Graphviz, layoutmotoren og skrifttypen er på plads. (Check the Graphviz installation.)",
        discussion: "Afslutningskode 0: alt virker; 2: noget mangler (hvert punkt siger, hvordan det rettes).",
        aliases: ["doctor"])

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let language = languageOption.language
        let checks = GraphvizDoctor().run()
        let color = Output.useColor
        var text = ""
        for check in checks {
            let mark = check.isOK ? (color ? "\u{1B}[32m✓\u{1B}[0m" : "✓") : (color ? "\u{1B}[31m✗\u{1B}[0m" : "✗")
            text += "\(mark) \(language == .danish ? check.messageDa : check.messageEn)\n"
            let help = language == .danish ? check.helpDa : check.helpEn
            if !check.isOK, !help.isEmpty {
                text += "    \(language == .danish ? "sådan retter du det" : "how to fix it"): \(help)\n"
            }
        }
        let failed = checks.filter { !$0.isOK }.count
        if failed == 0 {
            text += language == .danish
                ? "\nAlt er på plads: programteori kan tegne diagrammer.\n"
                : "\nEverything is in place: programteori can draw diagrams.\n"
        } else {
            text += language == .danish
                ? "\n\(failed) af \(checks.count) tjek fejlede: diagrammer kan ikke tegnes korrekt, før det er rettet.\n"
                : "\n\(failed) of \(checks.count) checks failed: diagrams cannot be drawn correctly until this is fixed.\n"
        }
        Output.write(text)
        if failed > 0 { throw ExitCode(2) }
    }
}
