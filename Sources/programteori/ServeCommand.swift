import ArgumentParser
import Foundation
import PTServer
import ProgramteoriKit

/// `programteori serve`: the browser editor on this machine. Thin: PTServer does the work.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start editoren i browseren: skriv en programteori, og se diagrammet følge med. (Start the browser editor.)",
        discussion: """
            Serveren kører kun på denne maskine (127.0.0.1); intet sendes ud. Modeller åbnes fra og gemmes i MAPPE.
            Stop med Ctrl-C.

            Eksempler:
              programteori serve
              programteori serve Models/ --port 9000
              programteori serve --ingen-browser
            """,
        aliases: ["editor"])

    @Argument(help: "Mappen med .pt-filer, som editoren åbner fra og gemmer i. (Folder of models.)")
    var folder: String = "Models"

    @Option(help: "Porten serveren lytter på (0 = en ledig port). (Port.)")
    var port: Int = EditorServer.defaultPort

    @Option(name: [.customLong("adresse"), .customLong("address")],
            help: "Lyt på en anden adresse end 127.0.0.1 — så kan andre på netværket se og ændre modellerne. (Listen address.)")
    var address: String = "127.0.0.1"

    @Flag(name: [.customLong("ingen-browser"), .customLong("no-browser")],
          help: "Åbn ikke siden i browseren (også PROGRAMTEORI_INGEN_BROWSER=1). (Do not open a browser.)")
    var noBrowser = false

    @Option(help: "Sekunders regnetid et layout må bruge, før det stoppes. (Layout timeout, CPU seconds.)")
    var timeout: Double = 10

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port skal være mellem 0 og 65535 (must be between 0 and 65535)")
        }
        guard timeout > 0, timeout <= 600 else {
            throw ValidationError("--timeout skal være mellem 0 og 600 sekunder (must be between 0 and 600 seconds)")
        }
    }

    func run() throws {
        let danish = languageOption.language == .danish
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            Output.writeError(danish
                ? "fejl: mappen »\(folder)« findes ikke; opret den, eller angiv en anden: programteori serve MAPPE\n"
                : "error: the folder »\(folder)« does not exist; create it, or give another: programteori serve FOLDER\n")
            throw ExitCode(2)
        }
        if !EditorServer.isLoopback(address) {
            Output.writeError(danish
                ? "advarsel: serveren lytter på \(address), så alle, der kan nå maskinen på netværket, kan læse og ændre modellerne i \(folder). Brug kun dette på et netværk, du stoler på.\n"
                : "warning: the server listens on \(address), so anyone who can reach this machine over the network can read and change the models in \(folder). Only do this on a network you trust.\n")
        }
        let server = EditorServer(configuration: .init(
            folder: folder, host: address, port: port,
            layout: .childProcess(executable: RenderCommand.executablePath, timeoutSeconds: timeout),
            layoutWorkers: max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))))
        let openBrowser = !noBrowser && BrowserLauncher.shouldOpen()
        let shownHost = address.contains(":") ? "[\(address)]" : (address == "0.0.0.0" ? "127.0.0.1" : address)
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task.detached {
            do {
                try await server.run(handleSignals: true) { port in
                    let url = "http://\(shownHost):\(port)/" + (danish ? "" : "?lang=en")
                    Output.write(danish
                        ? "programteori-editoren kører på \(url)\nMappe: \(folder)\nStop med Ctrl-C.\n"
                        : "The programteori editor is running at \(url)\nFolder: \(folder)\nStop with Ctrl-C.\n")
                    if openBrowser { BrowserLauncher.open(url) }
                }
            } catch {
                failure.set("\(error)")
            }
            finished.signal()
        }
        finished.wait()
        if let message = failure.value {
            let busy = message.contains("Address already in use") || message.contains("EADDRINUSE")
            Output.writeError(busy
                ? (danish ? "fejl: porten \(port) er optaget; vælg en anden med --port (fx --port 0 for en ledig)\n"
                          : "error: port \(port) is in use; choose another with --port (e.g. --port 0 for a free one)\n")
                : (danish ? "fejl: serveren kunne ikke starte: \(message)\n" : "error: the server could not start: \(message)\n"))
            throw ExitCode(2)
        }
    }
}

/// The server task's error, read after it has ended.
private final class FailureBox: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var message: String?
    var value: String? { lock.withLock { message } }
    func set(_ text: String) { lock.withLock { message = text } }
}
