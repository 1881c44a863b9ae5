import ArgumentParser

struct ProgramteoriCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programteori",
        abstract: "Programteorier som tekst: tjek dem, og tegn dem som diagrammer. (Program theories as text: check and draw them.)",
        discussion: """
            Eksempler:
              programteori check Models/
              programteori check model.pt --format json
              programteori render Models/ --output Output
              programteori indikatorer model.pt --format xlsx --output Output
              programteori rapport model.pt --målinger maalinger.csv --output Output

            Sprog: dansk som standard; engelsk med --lang en (eller LANG=en_…).
            Afslutningskoder: 0 ingen fejl, 1 fejl i modellerne, 2 forkert brug eller filfejl.
            """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, RenderCommand.self, FormatCommand.self, DiffCommand.self, DoctorCommand.self, RulesCommand.self, ExplainCommand.self, LayoutCommand.self,
                      IndicatorsCommand.self, ReportCommand.self, JSONCommand.self, ServeCommand.self]
    )
}
