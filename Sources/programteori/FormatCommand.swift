import ArgumentParser
import Foundation
import PTDiagnostics
import PTFormat
import PTSource
import ProgramteoriKit

struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Skriv modeller i det fælles, faste layout. (Format models canonically.)",
        discussion: """
            Indrykning med to mellemrum, danske nøgleord, egenskaber i fast rækkefølge, én tom linje
            mellem elementerne. Kommentarer bliver stående ved den linje, de handler om. Betydningen
            ændres aldrig, og en fil med syntaksfejl røres ikke.

            Eksempler:
              programteori fmt Models/
              programteori fmt --check Models/        (til pipelines: fejler, hvis en fil ikke er formateret)
              programteori fmt --stdout model.pt      (til editorer; »-« læser fra standard-input)

            Afslutningskode 0: alt formateret; 1: filer med syntaksfejl, eller (med --check) filer der
            ville blive ændret; 2: forkert brug eller filfejl.
            """)

    @Argument(help: "Filer eller mapper med .pt-filer; »-« er standard-input. (Files or folders.)")
    var paths: [String]

    @Flag(name: [.customLong("check"), .customLong("tjek")],
          help: "Skriv intet; list filer, der ville blive ændret (afslutningskode 1). (Check only.)")
    var check = false

    @Flag(help: "Skriv resultatet til standard-output i stedet for til filen. (Write to stdout.)")
    var stdout = false

    @Flag(name: [.customLong("behold-noegleord"), .customLong("keep-keywords")],
          help: "Behold nøgleordene, som de er stavet (uden æøå eller på engelsk). (Keep keyword spelling.)")
    var keepKeywords = false

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        if check && stdout {
            throw ValidationError("--check og --stdout kan ikke bruges sammen (--check and --stdout cannot be combined)")
        }
        if paths.contains("-") && paths.count > 1 {
            throw ValidationError("»-« (standard-input) skal stå alene (»-« must stand alone)")
        }
    }

    func run() throws {
        let language = languageOption.language
        SignalCleanup.install(language: language, written: .files)
        let danish = language == .danish
        let formatting = ModelFormatting(options: FormatOptions(keepKeywords: keepKeywords))
        if paths == ["-"] {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let file = SourceFile(path: "<stdin>", bytes: [UInt8](data))
            switch formatting.format(file) {
            case .success(let text):
                Output.write(text)
            case .failure(let refusal):
                showRefusal(refusal.diagnostics, file: file, language: language)
                throw ExitCode(1)
            }
            return
        }

        let (outcomes, failures) = formatting.run(paths: paths, write: !check && !stdout)
        var toolError = !failures.isEmpty
        var findings = false
        var changed = 0
        for failure in failures {
            Output.writeError("\(danish ? "fejl" : "error"): \(failure.path): \(failure.message.text(in: language))\n")
        }
        for outcome in outcomes {
            switch outcome.result {
            case .unchanged:
                if stdout, let file = outcome.file { Output.write(String(decoding: file.bytes, as: UTF8.self)) }
            case .changed(let text):
                changed += 1
                if stdout {
                    Output.write(text)
                } else if check {
                    findings = true
                    Output.write((danish ? "ikke formateret: " : "not formatted: ") + outcome.path + "\n")
                } else {
                    Output.write((danish ? "formateret: " : "formatted: ") + outcome.path + "\n")
                }
            case .refused(let diagnostics):
                findings = true
                if let file = outcome.file { showRefusal(diagnostics, file: file, language: language) }
            case .failed(let message):
                toolError = true
                Output.writeError("\(danish ? "fejl" : "error"): \(outcome.path): \(message.text(in: language))\n")
            }
        }
        if check, changed > 0 {
            Output.write(danish
                ? "\(changed) af \(outcomes.count) filer er ikke i det faste layout; ret dem med »programteori fmt \(paths.joined(separator: " "))«\n"
                : "\(changed) of \(outcomes.count) files are not in the canonical layout; fix them with »programteori fmt \(paths.joined(separator: " "))«\n")
        }
        if toolError { throw ExitCode(2) }
        if findings { throw ExitCode(1) }
    }

    private func showRefusal(_ diagnostics: [Diagnostic], file: SourceFile, language: Language) {
        let renderer = TextRenderer(language: language, useColor: Output.useColor, source: { $0 == file.path ? file : nil })
        Output.writeError(renderer.render(diagnostics, fileCount: 1))
        Output.writeError(language == .danish
            ? "ikke formateret: \(file.path) har syntaksfejl (ret dem først; filen er ikke ændret)\n"
            : "not formatted: \(file.path) has syntax errors (fix them first; the file is unchanged)\n")
    }
}
