import ArgumentParser
import Foundation
import PTSource

/// `--lang da|en`, shared by every subcommand.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Sprog for meddelelser: da (standard) eller en. (Message language.)")
    var code: String?

    func validate() throws {
        if let code, Language(code: code) == nil {
            throw ValidationError("ukendt sprog »\(code)«; brug da eller en (unknown language; use da or en)")
        }
    }

    var language: Language {
        Language.resolve(flag: code, environment: ProcessInfo.processInfo.environment)
    }
}
