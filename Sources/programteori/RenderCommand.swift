import ArgumentParser
import Foundation
import PTDiagnostics
import PTDiagram
import PTSource
import ProgramteoriKit

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Tegn programteorier som SVG, PNG, PDF eller DOT. (Render diagrams.)",
        discussion: """
            Én fil pr. model og format, opkaldt efter modelfilen: Models/x.pt → MAPPE/x.svg.
            Modeller i undermapper af en angivet mappe beholder deres undermappe.
            En model med fejl tegnes ikke (fejlene vises som ved check), medmindre --tving er givet.

            Eksempler:
              programteori render model.pt
              programteori render Models/ --format svg,png,pdf --output Output
              programteori render model.pt --visning oversigt --tema print
              programteori render ny.pt --sammenlign gammel.pt   (ændringerne som diagram)

            Afslutningskode 0: alt tegnet; 1: fejl i modellerne; 2: forkert brug, fil- eller tegnefejl.
            """)

    @Argument(help: "Filer eller mapper med .pt-filer. (Files or folders.)")
    var paths: [String]

    @Option(help: "Formater, adskilt med komma: svg, png, pdf, dot. (Formats.)")
    var format: String = "svg"

    @Option(name: [.short, .long], help: "Mappen filerne skrives i; oprettes om nødvendigt. (Output folder.)")
    var output: String = "."

    @Option(name: [.customLong("visning"), .customLong("view")],
            help: "detaljeret (alt) eller oversigt (målgruppe, delmål og slutmål). (View: detailed or overview.)")
    var view: String = DiagramView.detailed.rawValue

    @Option(name: [.customLong("tema"), .customLong("theme")],
            help: "standard, print (gråtoner til sort-hvid tryk) eller kontrast (farveblind-venlig). (Theme.)")
    var theme: String = ThemeName.standard.rawValue

    @Flag(name: [.customLong("uden-indikatorer"), .customLong("no-indicators")],
          help: "Vis ikke indikatorerne under delmål og slutmål. (Hide indicators.)")
    var hideIndicators = false

    @Option(name: [.customLong("bredde"), .customLong("width")],
            help: "Tekstbredde i tegn, fx aktivitet=28 (kan gentages; 0 = ingen ombrydning). (Wrap width.)")
    var widths: [String] = []

    @Option(help: "Sekunders regnetid layoutet må bruge, før det stoppes (0 = ingen grænse, i samme proces). (Layout timeout, CPU seconds.)")
    var timeout: Double = 20

    /// For measuring: how many layout workers draw at once (default: one per core).
    @Option(name: .customLong("layout-workers"),
            help: ArgumentHelp("Antal layoutprocesser på én gang (standard: én pr. kerne). (Layout workers.)", visibility: .hidden))
    var layoutWorkers: Int?

    @Option(name: [.customLong("sammenlign"), .customLong("compare")],
            help: "Tegn ændringerne siden en tidligere version af modellen: nyt, ændret og fjernet markeres (MODEL.sammenligning.svg). (Diff diagram.)")
    var compare: String?

    @Flag(name: [.customLong("tving"), .customLong("force")],
          help: "Tegn også modeller med fejl. (Render models with errors too.)")
    var force = false

    @OptionGroup var measurements: MeasurementsOption
    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        if case .failure(let error) = DiagramFormat.list(format) {
            throw ValidationError(error.message.da + " (" + error.message.en + ")")
        }
        if DiagramView(name: view) == nil {
            throw ValidationError("ukendt visning »\(view)«; brug detaljeret eller oversigt (unknown view; use detailed or overview)")
        }
        if ThemeName(name: theme) == nil {
            throw ValidationError("ukendt tema »\(theme)«; brug standard, print eller kontrast (unknown theme; use standard, print or contrast)")
        }
        var wrap = WrapWidths()
        for setting in widths {
            if let message = wrap.apply(setting) {
                throw ValidationError(message.da + " (" + message.en + ")")
            }
        }
        if let layoutWorkers, !(1...64).contains(layoutWorkers) {
            throw ValidationError("--layout-workers skal være mellem 1 og 64 (must be between 1 and 64)")
        }
        if compare != nil {
            var isDirectory: ObjCBool = false
            guard paths.count == 1, FileManager.default.fileExists(atPath: paths[0], isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw ValidationError("--sammenlign tegner én model: angiv én .pt-fil (--compare draws one model: give one .pt file)")
            }
        }
        if !(timeout >= 0 && timeout <= 3600) {
            throw ValidationError("--timeout skal være mellem 0 og 3600 sekunder (must be between 0 and 3600 seconds)")
        }
    }

    func run() throws {
        let language = languageOption.language
        // Ctrl-C, SIGTERM, SIGHUP: no half-written file, no layout worker left (docs/diagram.md).
        SignalCleanup.install(language: language, written: .diagrams)
        var wrap = WrapWidths()
        for setting in widths { _ = wrap.apply(setting) }
        let options = DiagramOptions(
            view: DiagramView(name: view) ?? .detailed, theme: ThemeName(name: theme) ?? .standard,
            showIndicators: !hideIndicators, language: language, wrap: wrap)
        let layout: LayoutMode = timeout > 0
            ? .childProcess(executable: Self.executablePath, timeoutSeconds: timeout)
            : .inProcess
        let formats = (try? DiagramFormat.list(format).get()) ?? [.svg]
        var comparison: DiagramComparison?
        if let compare {
            switch DiagramComparison.load(compare) {
            case .failure(let failure):
                Output.writeError("\(language == .danish ? "fejl" : "error"): \(failure.message.text(in: language))\n")
                throw ExitCode(2)
            case .success(let loaded):
                comparison = loaded
            }
        }
        let request = RenderRequest(paths: paths, formats: formats, outputDirectory: output, force: force,
                                    renderer: DiagramRenderer(options: options, layout: layout), layoutWorkers: layoutWorkers,
                                    comparison: comparison)
        let report = DiagramRenderer.run(request, checker: Checker(measurements: measurements.input))
        // A worker killed because a signal came is no failure to report: the signal ends the run.
        Interruption.waitIfEnding()

        let danish = language == .danish
        let errorWord = danish ? "fejl" : "error"
        for failure in report.check.failures {
            Output.writeError("\(errorWord): \(failure.path): \(failure.message.text(in: language))\n")
        }
        for failure in report.requestFailures {
            Output.writeError("\(errorWord): \(failure.text(in: language))\n")
        }

        // Diagnostics as `check` shows them: every error, and everything about a model that
        // was not drawn cleanly.
        var troubled: Set<String> = []
        for result in report.results {
            let clean: Bool
            switch result.outcome {
            case .written: clean = !result.hasErrors
            case .skippedForErrors, .failed: clean = false
            }
            if !clean, let model = report.check.models.first(where: { $0.path == result.path }) {
                troubled.formUnion(model.model.files)
                troubled.insert(result.path)
            }
        }
        let shown = report.diagnostics.filter { $0.severity == .error || troubled.contains($0.range.path) }
        if !shown.isEmpty {
            let files = report.check.files
            let renderer = TextRenderer(language: language, useColor: Output.useColor, source: { files[$0] })
            Output.write(renderer.render(shown, fileCount: report.check.fileCount))
        }

        for result in report.results {
            switch result.outcome {
            case .written(let files):
                Output.write((danish ? "tegnet: " : "rendered: ") + "\(result.path) → \(files.joined(separator: ", "))\n")
                if !result.graphvizWarnings.isEmpty {
                    Output.writeError(GraphvizWarningText.text(path: result.path, warnings: result.graphvizWarnings, language: language))
                }
            case .skippedForErrors:
                Output.write(danish
                    ? "ikke tegnet: \(result.path) har fejl (ret dem, eller tegn alligevel med --tving)\n"
                    : "not rendered: \(result.path) has errors (fix them, or render anyway with --force)\n")
            case .failed(let failure):
                if failure.kind == .tooLarge {
                    Output.write(danish ? "ikke tegnet: \(result.path) er for stor\n" : "not rendered: \(result.path) is too large\n")
                    continue
                }
                var text = "\(errorWord): \(result.path): \(failure.message.text(in: language))\n"
                if let details = failure.details, !details.isEmpty {
                    text += (danish ? "Graphviz sagde:\n" : "Graphviz said:\n") + details + "\n"
                }
                Output.writeError(text)
            }
        }

        if report.hasFailures { throw ExitCode(2) }
        if report.hasErrors { throw ExitCode(1) }
    }

    /// Whether these command-line arguments (as given to `main`) make a `render` that will lay out
    /// in a worker: not with `--timeout 0`, not for DOT only, not for help. A cheap look before
    /// parsing; a wrong guess costs a little time, never a result.
    static func willUseLayoutWorker(_ arguments: [String]) -> Bool {
        guard arguments.count > 1, arguments[1] == configuration.commandName else { return false }
        var timeout = "20"
        var formats = "svg"
        var index = 2
        while index < arguments.count {
            let argument = arguments[index]
            let next = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch argument {
            case "-h", "--help": return false
            case "--timeout": timeout = next
            case "--format": formats = next
            default:
                if argument.hasPrefix("--timeout=") { timeout = String(argument.dropFirst("--timeout=".count)) }
                if argument.hasPrefix("--format=") { formats = String(argument.dropFirst("--format=".count)) }
            }
            index += 1
        }
        if let seconds = Double(timeout), seconds <= 0 { return false }
        let listed = formats.lowercased()
        return ["svg", "png", "pdf"].contains { listed.contains($0) }
    }

    /// This program, for the layout worker.
    static var executablePath: String {
        if let path = Bundle.main.executablePath { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
