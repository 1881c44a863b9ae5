import ArgumentParser
import Foundation
import ProgramteoriKit

// `render` lays out in a worker process: fork it now, while there is one thread, so that its
// start-up runs while the arguments are parsed and the models checked (docs/ydelse.md).
if RenderCommand.willUseLayoutWorker(CommandLine.arguments) {
    LayoutWorkerClient.forkFirstWorker()
}

// Exit codes (docs/cli.md): 0 no errors, 1 errors in the models, 2 usage or I/O errors.
// ArgumentParser uses 64 for usage errors; review pipelines expect ruff's 2.
do {
    var command = try ProgramteoriCommand.parseAsRoot()
    try command.run()
    // A signal being handled ends the process by that signal, never by an ordinary exit.
    Interruption.waitIfEnding()
} catch {
    Interruption.waitIfEnding()
    let code = ProgramteoriCommand.exitCode(for: error)
    let message = ProgramteoriCommand.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { print(message) }
        exit(0)
    }
    if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
    exit(code.rawValue == 1 ? 1 : (code.rawValue == 0 ? 0 : 2))
}
