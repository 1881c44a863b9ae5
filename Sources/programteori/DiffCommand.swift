import ArgumentParser
import Foundation
import PTDiff
import PTSource
import ProgramteoriKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Vis hvad der er ændret i programteorien mellem to versioner. (Semantic diff.)",
        discussion: """
            Sammenligner elementerne efter ID — ikke linjerne: nye, fjernede og ændrede elementer,
            forbindelser, indikatorernes felter (»D1.1 mål: 80 → 85«) og de fund fra check, der er
            kommet til eller forsvundet. At flytte en blok er ingen ændring.

            Eksempler:
              programteori diff gammel.pt ny.pt
              programteori diff --git main Models/                (arbejdsmappen mod main)
              programteori diff --git main..HEAD Models/          (to versioner)
              programteori diff --git origin/main --format markdown Models/ > kommentar.md

            Afslutningskode 0: ingen ændringer; 1: ændringer; 2: forkert brug, fil- eller git-fejl.
            """)

    @Argument(help: "To filer (GAMMEL NY), eller med --git: filer eller mapper (standard: .). (Files or folders.)")
    var paths: [String] = []

    @Option(help: "Sammenlign med en git-version: REV (arbejdsmappen mod REV) eller REV1..REV2. (Compare with a git revision.)")
    var git: String?

    @Option(help: "Uddata: text/tekst (standard), markdown (til en pull request-kommentar) eller json.")
    var format: String = "text"

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        if DiffFormat(name: format) == nil {
            throw ValidationError("ukendt format »\(format)«; brug text, markdown eller json (unknown format; use text, markdown or json)")
        }
        if git == nil, paths.count != 2 {
            throw ValidationError("angiv to filer: programteori diff GAMMEL.pt NY.pt, eller brug --git REV (give two files, or use --git REV)")
        }
        if let git, git.isEmpty || git.hasPrefix("..") || git.hasSuffix("..") {
            throw ValidationError("--git skal være REV eller REV1..REV2 (--git must be REV or REV1..REV2)")
        }
    }

    func run() throws {
        let language = languageOption.language
        let comparison = ModelComparison()
        let result: Result<[TheoryDiff], DiffFailure>
        if let git {
            let revisions = git.components(separatedBy: "..")
            if revisions.count == 2 {
                result = comparison.compare(oldRevision: revisions[0], newRevision: revisions[1], paths: paths)
            } else {
                result = comparison.compare(oldRevision: git, newRevision: nil, paths: paths)
            }
        } else {
            result = comparison.compare(oldFile: paths[0], newFile: paths[1])
        }
        switch result {
        case .failure(let failure):
            Output.writeError("\(language == .danish ? "fejl" : "error"): \(failure.message.text(in: language))\n")
            throw ExitCode(2)
        case .success(let diffs):
            Output.write((DiffFormat(name: format) ?? .text).render(diffs, language: language))
            if diffs.contains(where: { !$0.isEmpty }) { throw ExitCode(1) }
        }
    }
}
