import Foundation

/// Opens the editor in the user's browser, when there is one to open.
///
/// Never in CI or tests: `PROGRAMTEORI_INGEN_BROWSER=1` (or `--ingen-browser`) turns it off, as
/// does `CI`; on Linux without a desktop (no `DISPLAY` or `WAYLAND_DISPLAY`) there is nothing to
/// open. A browser that cannot be started is not an error: the address is printed anyway.
public enum BrowserLauncher {
    public static func shouldOpen(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let off = environment["PROGRAMTEORI_INGEN_BROWSER"], !off.isEmpty, off != "0" { return false }
        if let ci = environment["CI"], !ci.isEmpty, ci != "0", ci.lowercased() != "false" { return false }
        #if os(Linux)
        return environment["DISPLAY"].map { !$0.isEmpty } == true || environment["WAYLAND_DISPLAY"].map { !$0.isEmpty } == true
        #else
        return true
        #endif
    }

    /// Starts `xdg-open URL` (Linux) or `open URL` (macOS) and does not wait for it.
    public static func open(_ url: String) {
        #if os(macOS)
        let candidates = ["/usr/bin/open"]
        #else
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/xdg-open" }
        #endif
        guard let opener = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
