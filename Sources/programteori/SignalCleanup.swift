import PTSource
import ProgramteoriKit

/// Ctrl-C, SIGTERM and SIGHUP during a command that writes files: what has been written in full
/// stays, no half-written file is left under any name, no layout worker keeps running, and the
/// program ends by the signal (docs/diagram.md, »Oprydning ved signal«).
enum SignalCleanup {
    /// What the command writes, as the notice names it: »diagrammer« / »diagrams«, or files.
    enum Written {
        case diagrams, files
    }

    static func install(language: Language, written: Written) {
        Interruption.install { signal in
            let name = Interruption.name(of: signal)
            switch (language, written) {
            case (.danish, .diagrams):
                return "afbrudt (\(name)): diagrammer, der blev skrevet færdig, er gemt; ingen halve filer er efterladt\n"
            case (.danish, .files):
                return "afbrudt (\(name)): filer, der blev skrevet færdig, er gemt; ingen halve filer er efterladt\n"
            case (.english, .diagrams):
                return "interrupted (\(name)): diagrams written in full are kept; no half-written files are left\n"
            case (.english, .files):
                return "interrupted (\(name)): files written in full are kept; no half-written files are left\n"
            }
        }
    }
}
