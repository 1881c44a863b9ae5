import Foundation
import PTSource

/// Where the CLI writes: stdout for results, stderr for tool errors.
enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Colour only on a terminal, never when NO_COLOR is set (no-color.org).
    static var useColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
        if environment["FORCE_COLOR"].map({ !$0.isEmpty }) == true { return true }
        return isatty(STDOUT_FILENO) == 1
    }
}
