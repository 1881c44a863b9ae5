import ArgumentParser
import PTRules
import ProgramteoriKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regler",
        abstract: "Vis alle regler med kode, navn og niveau. (List the rules.)",
        aliases: ["rules"])

    @Flag(help: "Skriv hele regelbeskrivelsen som Markdown (som docs/regler.md). (Print the Markdown reference.)")
    var markdown = false

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        Output.write(markdown ? RuleDocumentation.markdown() : RuleDocumentation.list(language: languageOption.language))
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forklar",
        abstract: "Forklar én regel: hvorfor den findes, og eksempler. (Explain one rule.)",
        aliases: ["explain"])

    @Argument(help: "Regelens kode eller navn, fx PT101 eller delmaal.uden-indikator.")
    var rule: String

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        guard let found = RuleCatalogue.rule(code: rule) else {
            throw ValidationError("ukendt regel »\(rule)«; se »programteori regler« (unknown rule)")
        }
        Output.write(RuleDocumentation.explain(found.description, language: languageOption.language))
    }
}
