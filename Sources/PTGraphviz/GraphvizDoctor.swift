import Foundation

/// One thing `doctor` checked, with what to do about it.
public struct GraphvizCheck: Sendable, Hashable {
    public enum Status: String, Sendable {
        case ok
        case fail
    }

    /// A stable identifier, e.g. `layout-dot`.
    public let name: String
    public let status: Status
    public let messageDa: String
    public let messageEn: String
    /// How to fix it, with the exact command; empty when the check passed.
    public let helpDa: String
    public let helpEn: String

    public var isOK: Bool { status == .ok }

    static func ok(_ name: String, da: String, en: String) -> GraphvizCheck {
        GraphvizCheck(name: name, status: .ok, messageDa: da, messageEn: en, helpDa: "", helpEn: "")
    }

    static func fail(_ name: String, da: String, en: String, helpDa: String, helpEn: String) -> GraphvizCheck {
        GraphvizCheck(name: name, status: .fail, messageDa: da, messageEn: en, helpDa: helpDa, helpEn: helpEn)
    }
}

/// Checks that this machine can render diagrams: libgvc, the plugins it loads lazily (a broken
/// plugin configuration only shows at layout time), the renderers and the pinned font.
public struct GraphvizDoctor: Sendable {
    /// The font family the diagrams name explicitly.
    public var fontFamily: String

    public init(fontFamily: String = "DejaVu Sans") {
        self.fontFamily = fontFamily
    }

    public func run() -> [GraphvizCheck] {
        let renderer = GraphvizRenderer.shared
        let version: String
        do {
            version = try renderer.graphvizVersion()
        } catch {
            return [.fail(
                "libgvc",
                da: "Graphviz-biblioteket libgvc kunne ikke startes.",
                en: "The Graphviz library libgvc could not start.",
                helpDa: "Installér Graphviz: sudo apt-get install -y libgraphviz-dev graphviz",
                helpEn: "Install Graphviz: sudo apt-get install -y libgraphviz-dev graphviz"
            )]
        }
        let versionCheck = GraphvizCheck.ok(
            "libgvc",
            da: "Graphviz-biblioteket libgvc \(version) er indlæst.",
            en: "The Graphviz library libgvc \(version) is loaded."
        )
        return [versionCheck, layoutCheck(renderer)]
            + [GraphvizFormat.svg, .png, .pdf].map { renderCheck($0, renderer) }
            + [textLayoutCheck(renderer), fontCheck()]
    }

    /// A tiny graph with the pinned font and Danish letters, as our diagrams have.
    private var sampleDOT: String {
        let quotedFamily = fontFamily.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        return "digraph doctor { node [fontname=\"\(quotedFamily)\"]; a [label=\"æøå\"]; a -> b; }"
    }

    private func layoutCheck(_ renderer: GraphvizRenderer) -> GraphvizCheck {
        do {
            _ = try renderer.render(dot: sampleDOT, format: .plain)
            return .ok("layout-dot", da: "Layout-motoren dot virker.", en: "The dot layout engine works.")
        } catch {
            let said = Self.summary(of: error)
            return .fail(
                "layout-dot",
                da: "Layout-motoren dot virker ikke: \(said)",
                en: "The dot layout engine does not work: \(said)",
                helpDa: "Geninstallér Graphviz' plugins og skriv plugin-konfigurationen igen: "
                    + Self.pluginRepairCommand + Self.gvbindirNote(danish: true),
                helpEn: "Reinstall Graphviz's plugins and rewrite the plugin configuration: "
                    + Self.pluginRepairCommand + Self.gvbindirNote(danish: false)
            )
        }
    }

    private func renderCheck(_ format: GraphvizFormat, _ renderer: GraphvizRenderer) -> GraphvizCheck {
        let name = "render-\(format.rawValue)"
        let label = format.rawValue.uppercased()
        do {
            _ = try renderer.render(dot: sampleDOT, format: format)
            return .ok(name, da: "\(label) kan tegnes.", en: "\(label) can be rendered.")
        } catch {
            let said = Self.summary(of: error)
            return .fail(
                name,
                da: "\(label) kan ikke tegnes: \(said)",
                en: "\(label) cannot be rendered: \(said)",
                helpDa: "Geninstallér Graphviz' plugins (PNG og PDF kommer fra cairo/pango-pluginet): "
                    + Self.pluginRepairCommand + Self.gvbindirNote(danish: true),
                helpEn: "Reinstall Graphviz's plugins (PNG and PDF come from the cairo/pango plugin): "
                    + Self.pluginRepairCommand + Self.gvbindirNote(danish: false)
            )
        }
    }

    /// Graphviz names plugin types, not the libraries behind them. On Debian the `cairo`
    /// renderer and the pango text layout ship together in libgvplugin_pango; without it the
    /// gd plugin's cruder text layout would be used. The configuration lists plugins whether
    /// or not their library loads, but libgvc loads the text layout when the context starts
    /// and warns then if it cannot.
    private func textLayoutCheck(_ renderer: GraphvizRenderer) -> GraphvizCheck {
        let textLayouts = (try? renderer.pluginTypes(kind: "textlayout")) ?? []
        let renderers = (try? renderer.pluginTypes(kind: "render")) ?? []
        let startupMessages = (try? renderer.contextStartupMessages()) ?? []
        if !textLayouts.isEmpty, renderers.contains("cairo"), startupMessages.isEmpty {
            return .ok(
                "text-layout",
                da: "Tekstlayout med pango er tilgængeligt.",
                en: "Text layout with pango is available."
            )
        }
        let said = startupMessages.isEmpty ? "" : " Graphviz: " + startupMessages.map(\.text).joined(separator: "; ")
        return .fail(
            "text-layout",
            da: "Graphviz' pango-plugin til tekstlayout mangler, så tekstbredder bliver skønnet, og PNG/PDF kan ikke tegnes." + said,
            en: "Graphviz's pango text-layout plugin is missing: text widths are guessed and PNG/PDF cannot be rendered." + said,
            helpDa: "Geninstallér Graphviz' plugins: " + Self.pluginRepairCommand + Self.gvbindirNote(danish: true),
            helpEn: "Reinstall Graphviz's plugins: " + Self.pluginRepairCommand + Self.gvbindirNote(danish: false)
        )
    }

    /// fontconfig always answers with some font, so the check compares the family it picked.
    private func fontCheck() -> GraphvizCheck {
        let help = (
            da: "Installér fontconfig og skrifttypen: sudo apt-get install -y fontconfig fonts-dejavu-core",
            en: "Install fontconfig and the font: sudo apt-get install -y fontconfig fonts-dejavu-core"
        )
        guard let match = Self.fontMatch(for: fontFamily) else {
            return .fail(
                "font",
                da: "fc-match (fontconfig) findes ikke, så skrifttypen \(fontFamily) kan ikke findes.",
                en: "fc-match (fontconfig) is missing, so the font \(fontFamily) cannot be found.",
                helpDa: help.da,
                helpEn: help.en
            )
        }
        if match.family.caseInsensitiveCompare(fontFamily) == .orderedSame {
            return .ok(
                "font",
                da: "Skrifttypen \(fontFamily) er installeret (\(match.file)).",
                en: "The font \(fontFamily) is installed (\(match.file))."
            )
        }
        return .fail(
            "font",
            da: "Skrifttypen \(fontFamily) mangler; fontconfig bruger \"\(match.family)\" i stedet, så æøå og tekstbredder kan blive forkerte.",
            en: "The font \(fontFamily) is missing; fontconfig substitutes \"\(match.family)\", so æøå and text widths may come out wrong.",
            helpDa: help.da,
            helpEn: help.en
        )
    }

    /// Runs `fc-match`; rendering never spawns processes, this check may.
    private static func fontMatch(for family: String) -> (family: String, file: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["fc-match", "-f", "%{family[0]}\n%{file}", family]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 2 else { return nil }
        return (String(lines[0]), String(lines[1]))
    }

    private static let pluginRepairCommand = "sudo apt-get install --reinstall -y libgvc6 && sudo dot -c"

    /// `GVBINDIR` redirects libgvc's plugin search, a common cause of a missing `dot` engine.
    private static func gvbindirNote(danish: Bool) -> String {
        guard let directory = ProcessInfo.processInfo.environment["GVBINDIR"] else { return "" }
        return danish
            ? " (GVBINDIR=\(directory) er sat og peger Graphviz andre steder hen: fjern den.)"
            : " (GVBINDIR=\(directory) is set and points Graphviz elsewhere: unset it.)"
    }

    private static func summary(of error: GraphvizError) -> String {
        let errors = error.messages.filter { $0.severity == .error }
        return (errors.isEmpty ? error.messages : errors)
            .map { $0.text.replacingOccurrences(of: "\n", with: " ") }
            .joined(separator: "; ")
    }
}
