import ArgumentParser

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Tegn programteorier som SVG, PNG, PDF eller DOT. (Render diagrams.)")

    @Argument(help: "Filer eller mapper med .pt-filer.")
    var paths: [String]

    func run() throws {
        throw ValidationError("render er endnu ikke bygget (not built yet)")
    }
}
