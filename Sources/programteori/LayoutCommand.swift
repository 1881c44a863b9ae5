import ArgumentParser
import Foundation
import ProgramteoriKit

/// The hidden worker behind `render --timeout`: lays out DOT graphs read from stdin, one request
/// after another, and writes the rendered bytes to stdout (`LayoutProtocol`), so the parent can
/// kill it when a layout's time is up.
struct LayoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: LayoutWorker.subcommand,
        abstract: "Intern: lægger DOT-grafer ud fra stdin. (Internal layout worker.)",
        shouldDisplay: false)

    func run() throws {
        // Its own exit codes (4: a request it could not read), which main.swift would fold into 2.
        Foundation.exit(LayoutWorker.serve())
    }
}
