import ArgumentParser

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doktor",
        abstract: "Tjek at Graphviz, layoutmotoren og skrifttypen er på plads. (Check the Graphviz installation.)",
        aliases: ["doctor"])

    func run() throws {
        throw ValidationError("doktor er endnu ikke bygget (not built yet)")
    }
}
