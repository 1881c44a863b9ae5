import ArgumentParser

extension ReportFormat: ExpressibleByArgument {}
import PTDiagnostics
import PTSource
import ProgramteoriKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Tjek programteorier for fejl og mangler. (Check program theories.)",
        discussion: "Mapper gennemsøges for .pt-filer. Afslutningskode 0: ingen fejl; 1: fejl fundet; 2: forkert brug eller filfejl.")


    @Argument(help: "Filer eller mapper med .pt-filer. (Files or folders.)")
    var paths: [String]

    @Option(help: "Uddata: text (standard), json, sarif (GitHub code scanning), junit (GitLab, Azure DevOps) eller github (annotationer).")
    var format: ReportFormat = .text

    @Flag(help: "Advarsler tæller som fejl (afslutningskode 1). (Treat warnings as errors.)")
    var strict = false

    @OptionGroup var measurements: MeasurementsOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let language = languageOption.language
        let report = Checker(strict: strict, measurements: measurements.input).check(paths: paths)
        for failure in report.failures {
            Output.writeError("\(language == .danish ? "fejl" : "error"): \(failure.path): \(failure.message.text(in: language))\n")
        }
        Output.write(format.render(report, language: language, useColor: Output.useColor))
        if !report.failures.isEmpty { throw ExitCode(2) }
        if report.hasErrors { throw ExitCode(1) }
    }
}
