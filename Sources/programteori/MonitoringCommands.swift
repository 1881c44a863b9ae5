import ArgumentParser
import Foundation
import PTDiagnostics
import PTMeasurements
import PTReports
import PTSource
import ProgramteoriKit

/// `--målinger FILE` (also `--maalinger`, `--measurements`): the team's measurements of one model.
struct MeasurementsOption: ParsableArguments {
    @Option(name: [.customLong("målinger"), .customLong("maalinger"), .customLong("measurements")],
            help: "CSV med målinger (indikator;dato;værdi) for én model. (Measurements file.)")
    var path: String?

    var input: MeasurementInput? { path.map { .file($0) } }
}

/// What the monitoring commands share: check with measurements, show the findings that matter,
/// refuse models with errors, and the exit code.
enum MonitoringRun {
    static func check(_ paths: [String], measurements: MeasurementsOption) -> CheckReport {
        Checker(measurements: measurements.input).check(paths: paths)
    }

    /// Errors, and everything about the measurements (their file, and PT126). `toStandardError`
    /// when the result itself goes to stdout.
    static func showFindings(_ report: CheckReport, language: Language, toStandardError: Bool) {
        let errorWord = language == .danish ? "fejl" : "error"
        for failure in report.failures {
            Output.writeError("\(errorWord): \(failure.path): \(failure.message.text(in: language))\n")
        }
        let measurementFiles = Set(report.models.compactMap { $0.measurements?.file.path })
        let shown = report.diagnostics.filter {
            $0.severity == .error || measurementFiles.contains($0.range.path) || $0.code == StaleMeasurementCode.code
        }
        guard !shown.isEmpty else { return }
        let files = report.files
        let renderer = TextRenderer(language: language, useColor: !toStandardError && Output.useColor, source: { files[$0] })
        let text = renderer.render(shown, fileCount: report.fileCount)
        if toStandardError { Output.writeError(text) } else { Output.write(text) }
    }

    static func refused(_ path: String, language: Language) -> String {
        language == .danish
            ? "ikke lavet: \(path) har fejl (ret dem først; se ovenfor)\n"
            : "not made: \(path) has errors (fix them first; see above)\n"
    }

    static func exit(_ report: CheckReport, failed: Bool) throws {
        if failed || !report.failures.isEmpty { throw ExitCode(2) }
        if report.hasErrors { throw ExitCode(1) }
    }
}

enum StaleMeasurementCode {
    static let code = "PT126"
}

struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indikatorer",
        abstract: "Programteoriens indikatorer som opfølgningsplan: md, csv, xlsx eller json. (Indicator plan.)",
        discussion: """
            Én række pr. indikator med elementet, den måler, definition, enhed, retning, baseline, mål,
            frist, datakilde, frekvens og ansvarlig. Med --målinger også seneste værdi, fremdrift og status.
            CSV skrives som dansk Excel åbner den (;, UTF-8 med BOM, decimalkomma); --csv international
            giver komma og decimalpunktum. En model med fejl får ingen plan.

            Eksempler:
              programteori indikatorer model.pt                          # Markdown i terminalen
              programteori indikatorer model.pt --format csv > plan.csv
              programteori indikatorer Models/ --format xlsx,csv --output Output
              programteori indikatorer model.pt --format xlsx --målinger maalinger.csv --output Output

            Filer: MAPPE/x.indikatorer.xlsx (osv.). Afslutningskode 0: alt lavet; 1: fejl i model eller
            målinger; 2: forkert brug eller filfejl.
            """)

    @Argument(help: "Filer eller mapper med .pt-filer. (Files or folders.)")
    var paths: [String]

    @Option(help: "md (standard), csv, xlsx eller json; flere adskilt med komma sammen med --output.")
    var format: String = "md"

    @Option(name: [.short, .long], help: "Mappen filerne skrives i. Uden: md, csv og json i terminalen. (Output folder.)")
    var output: String?

    @Option(name: .customLong("csv"), help: "CSV-dialekt: dansk (standard: ; BOM decimalkomma) eller international (, decimalpunktum).")
    var dialect: String = "dansk"

    @OptionGroup var measurements: MeasurementsOption
    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        guard let formats = PlanFormat.list(format) else {
            throw ValidationError("ukendt format »\(format)«; brug md, csv, xlsx eller json (unknown format)")
        }
        if CSVDialect(name: dialect) == nil {
            throw ValidationError("ukendt CSV-dialekt »\(dialect)«; brug dansk eller international (unknown CSV dialect)")
        }
        if output == nil, formats.count > 1 {
            throw ValidationError("flere formater kræver --output MAPPE (several formats need --output)")
        }
    }

    func run() throws {
        let language = languageOption.language
        SignalCleanup.install(language: language, written: .files)
        let formats = PlanFormat.list(format) ?? [.markdown]
        let csvDialect = CSVDialect(name: dialect) ?? .danish
        let today = Checker.currentDate()
        let report = MonitoringRun.check(paths, measurements: measurements)
        let toTerminal = output == nil && formats != [.xlsx]
        MonitoringRun.showFindings(report, language: language, toStandardError: toTerminal)
        if toTerminal, report.models.count > 1 {
            Output.writeError(language == .danish
                ? "fejl: der er \(report.models.count) modeller; skriv dem til filer med --output MAPPE\n"
                : "error: there are \(report.models.count) models; write them to files with --output FOLDER\n")
            throw ExitCode(2)
        }
        let names = Monitoring.outputNames(for: report, arguments: paths)
        var failed = !names.collisions.isEmpty
        for collision in names.collisions { Output.writeError("fejl: \(collision.text(in: language))\n") }
        for checked in report.models {
            if checked.hasErrors {
                Output.writeError(MonitoringRun.refused(checked.path, language: language))
                continue
            }
            let plan = Monitoring.plan(checked, today: today)
            for planFormat in formats {
                do {
                    let data = try Monitoring.planData(plan, format: planFormat, dialect: csvDialect, language: language, today: today)
                    if toTerminal {
                        FileHandle.standardOutput.write(data)
                        continue
                    }
                    let path = ((output ?? ".") as NSString).appendingPathComponent((names.names[checked.path] ?? "model") + planFormat.fileSuffix)
                    try Monitoring.write(data, to: path)
                    Output.writeError((language == .danish ? "skrevet: " : "written: ") + "\(checked.path) → \(path)\n")
                } catch {
                    failed = true
                    Output.writeError("\(language == .danish ? "fejl" : "error"): \(checked.path): \(error.message.text(in: language))\n")
                }
            }
        }
        try MonitoringRun.exit(report, failed: failed)
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Én selvstændig HTML-rapport pr. model, klar til at læse og printe. (HTML report.)",
        discussion: """
            Rapporten har overskriften, diagrammet, målgruppen, hvert mål med indikatorer og status,
            aktiviteterne, mekanismerne, antagelserne og fundene fra check. Med --målinger også en
            lille kurve pr. indikator (målinger, baseline, mållinje og frist). Alt står i én fil uden
            netværk og uden scripts; den printer pænt på A4.

            Eksempler:
              programteori rapport model.pt --output Output
              programteori rapport model.pt --målinger maalinger.csv --output Output

            Filer: MAPPE/x.html. Afslutningskode 0: alt lavet; 1: fejl i model eller målinger;
            2: forkert brug, fil- eller tegnefejl.
            """)

    @Argument(help: "Filer eller mapper med .pt-filer. (Files or folders.)")
    var paths: [String]

    @Option(name: [.short, .long], help: "Mappen rapporterne skrives i; oprettes om nødvendigt. (Output folder.)")
    var output: String

    @OptionGroup var measurements: MeasurementsOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let language = languageOption.language
        SignalCleanup.install(language: language, written: .files)
        let today = Checker.currentDate()
        let report = MonitoringRun.check(paths, measurements: measurements)
        MonitoringRun.showFindings(report, language: language, toStandardError: false)
        let names = Monitoring.outputNames(for: report, arguments: paths)
        var failed = !names.collisions.isEmpty
        for collision in names.collisions { Output.writeError("fejl: \(collision.text(in: language))\n") }
        let renderer = DiagramRenderer(layout: .childProcess(executable: RenderCommand.executablePath, timeoutSeconds: 20))
        for checked in report.models {
            if checked.hasErrors {
                Output.write(MonitoringRun.refused(checked.path, language: language))
                continue
            }
            let page = Monitoring.htmlReport(checked, report: report, renderer: renderer, language: language, today: today)
            if let failure = page.diagramFailure {
                Output.writeError((language == .danish ? "advarsel: diagrammet kunne ikke tegnes: " : "warning: the diagram could not be drawn: ")
                    + failure.message.text(in: language) + "\n")
            }
            let path = (output as NSString).appendingPathComponent((names.names[checked.path] ?? "model") + ".html")
            do {
                try Monitoring.write(Data(page.html.utf8), to: path)
                Output.write((language == .danish ? "rapport: " : "report: ") + "\(checked.path) → \(path)\n")
            } catch {
                failed = true
                Output.writeError("\(language == .danish ? "fejl" : "error"): \(error.message.text(in: language))\n")
            }
        }
        try MonitoringRun.exit(report, failed: failed)
    }
}

struct JSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "Den opløste model som JSON (skema programteori-model, version 1). (Model as JSON.)",
        discussion: """
            Til BI-værktøjer og egne scripts; skemaet står i docs/json-model.md. Uden --output skrives
            én model i terminalen; med --output MAPPE/x.json pr. model. En model med fejl eksporteres ikke.

            Eksempler:
              programteori json model.pt > model.json
              programteori json Models/ --output Output
            """)

    @Argument(help: "Filer eller mapper med .pt-filer. (Files or folders.)")
    var paths: [String]

    @Option(name: [.short, .long], help: "Mappen filerne skrives i. (Output folder.)")
    var output: String?

    @OptionGroup var measurements: MeasurementsOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let language = languageOption.language
        SignalCleanup.install(language: language, written: .files)
        let today = Checker.currentDate()
        let report = MonitoringRun.check(paths, measurements: measurements)
        MonitoringRun.showFindings(report, language: language, toStandardError: output == nil)
        if output == nil, report.models.count > 1 {
            Output.writeError(language == .danish
                ? "fejl: der er \(report.models.count) modeller; skriv dem til filer med --output MAPPE\n"
                : "error: there are \(report.models.count) models; write them to files with --output FOLDER\n")
            throw ExitCode(2)
        }
        let names = Monitoring.outputNames(for: report, arguments: paths)
        var failed = !names.collisions.isEmpty
        for checked in report.models {
            if checked.hasErrors {
                Output.writeError(MonitoringRun.refused(checked.path, language: language))
                continue
            }
            let json = Monitoring.modelJSON(checked, report: report, today: today)
            guard let output else {
                Output.write(json)
                continue
            }
            let path = (output as NSString).appendingPathComponent((names.names[checked.path] ?? "model") + ".json")
            do {
                try Monitoring.write(Data(json.utf8), to: path)
                Output.writeError((language == .danish ? "skrevet: " : "written: ") + "\(checked.path) → \(path)\n")
            } catch {
                failed = true
                Output.writeError("\(language == .danish ? "fejl" : "error"): \(error.message.text(in: language))\n")
            }
        }
        try MonitoringRun.exit(report, failed: failed)
    }
}
