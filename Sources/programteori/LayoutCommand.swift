import ArgumentParser
import Foundation
import ProgramteoriKit

/// The hidden worker behind `render --timeout`: lays out one DOT graph read from stdin and
/// writes the rendered bytes to stdout, so the parent can kill it when time is up.
struct LayoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: LayoutWorker.subcommand,
        abstract: "Intern: lægger én DOT-graf ud fra stdin. (Internal layout worker.)",
        shouldDisplay: false)

    @Option(help: "svg,png,pdf,plain")
    var format: String

    func run() throws {
        // Its own exit codes (3: Graphviz failed), which main.swift would fold into 2.
        Foundation.exit(LayoutWorker.run(formatList: format))
    }
}
