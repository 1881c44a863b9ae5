import Foundation
import Hummingbird
import Logging
import PTSource
import ProgramteoriKit

/// `programteori serve`: the browser editor's local server. One page with its script and style
/// (`EditorPage`, embedded in the binary) and a small JSON API over ProgramteoriKit.
public struct EditorServer: Sendable {
    public struct Configuration: Sendable {
        /// The folder models are opened from and saved to.
        public var folder: String
        /// The address to listen on; 127.0.0.1 unless the user asks for another.
        public var host: String
        /// 0: any free port (the one chosen is reported to `onRunning`).
        public var port: Int
        /// Where diagrams are laid out. The CLI uses `.childProcess`: a crash or a layout that
        /// overruns its time ends only that request.
        public var layout: LayoutMode
        /// How many layout workers draw at once.
        public var layoutWorkers: Int
        /// Largest request body accepted, in bytes.
        public var maxBodyBytes: Int

        public init(folder: String, host: String = "127.0.0.1", port: Int = EditorServer.defaultPort,
                    layout: LayoutMode = .inProcess, layoutWorkers: Int = 2,
                    maxBodyBytes: Int = EditorServer.defaultMaxBodyBytes) {
            self.folder = folder
            self.host = host
            self.port = port
            self.layout = layout
            self.layoutWorkers = layoutWorkers
            self.maxBodyBytes = maxBodyBytes
        }
    }

    public static let defaultPort = 8765
    /// 8 MiB: a model many hundred times the size of the largest example (24 KB).
    public static let defaultMaxBodyBytes = 8 * 1024 * 1024

    public let configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The host names the server answers to: the loopback names, and the address it was told
    /// to listen on.
    var allowedHosts: Set<String> {
        var hosts: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        let host = configuration.host.lowercased()
        hosts.insert(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)
        return hosts
    }

    /// True for addresses only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// Runs until the task is cancelled (or, with `handleSignals`, until Ctrl-C / SIGTERM).
    /// `onRunning` gets the port once the server listens.
    public func run(handleSignals: Bool = false, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let workspace = Workspace(folder: configuration.folder)
        let pool = LayoutPool(mode: configuration.layout, size: configuration.layoutWorkers)
        pool.warmUp()
        defer { pool.shutdown() }
        let service = EditorService(workspace: workspace, pool: pool)
        let port = BoundPort()

        let router = Router()
        router.add(middleware: RequestGuard(hosts: allowedHosts, port: port))
        EditorRoutes(service: service, folder: configuration.folder, maxBodyBytes: configuration.maxBodyBytes).add(to: router)

        var logger = Logger(label: "programteori.serve")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let actual = channel.localAddress?.port ?? configuration.port
                port.set(actual)
                await onRunning(actual)
            },
            logger: logger)
        if handleSignals {
            try await app.runService()
        } else {
            try await app.run()
        }
    }
}
