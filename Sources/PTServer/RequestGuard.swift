import Foundation

import Hummingbird
import PTSource

/// Keeps other web sites out of the user's models.
///
/// A page on any site the user visits can make the browser send requests to 127.0.0.1. Two
/// defences, as the careful local development servers have them:
/// - **Host** (DNS rebinding: evil.example made to resolve to 127.0.0.1, so the browser thinks
///   it talks to evil.example and lets that page read the answers). Every request must name this
///   server as `localhost`, `127.0.0.1` or `[::1]` (or the address given with `--adresse`) with
///   its port; anything else is refused before any route runs.
/// - **Sec-Fetch-Site** (what a browser says about where a request comes from): from another
///   site only a navigation to a page is let through, never a fetch, an embed or a post.
/// - **Origin** (a cross-site form or fetch that writes). Every request that is not GET or HEAD
///   must carry an `Origin` that is this server, and a JSON content type (which a cross-site page
///   cannot send without a CORS preflight, which this server never grants).
/// The answers also tell the browser not to frame the page, not to guess content types and not
/// to run scripts from anywhere else (Content-Security-Policy).
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    /// The host names this server answers to (lowercase, IPv6 in brackets).
    let hosts: Set<String>
    /// The port it listens on, known once it is bound.
    let port: BoundPort

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let port = port.value else {
            return refuse(.serviceUnavailable, da: "serveren starter stadig; prøv igen om et øjeblik",
                          en: "the server is still starting; try again in a moment")
        }
        guard let authority = request.head.authority, allows(authority: authority, port: port) else {
            return refuse(.misdirectedRequest,
                          da: "forespørgslen er ikke til denne server (Host-headeren skal være localhost:\(port) eller 127.0.0.1:\(port)); åbn editoren via adressen, som »programteori serve« skrev",
                          en: "the request is not for this server (the Host header must be localhost:\(port) or 127.0.0.1:\(port)); open the editor through the address »programteori serve« printed")
        }
        // Browsers say where a request comes from: another site may link to the page (a
        // navigation), but not fetch, embed or post anything (not even blind, no-cors reads).
        if let site = request.headers[.init("Sec-Fetch-Site")!]?.lowercased(), site == "cross-site" || site == "same-site",
           !(request.method == .get && request.headers[.init("Sec-Fetch-Mode")!]?.lowercased() == "navigate") {
            return refuse(.forbidden,
                          da: "en anden hjemmeside må ikke hente fra eller ændre i editoren; åbn editoren via adressen, som »programteori serve« skrev",
                          en: "another web site may not read from or change the editor; open the editor through the address »programteori serve« printed")
        }
        if request.method != .get && request.method != .head {
            guard let origin = request.headers[.origin], allows(origin: origin, port: port) else {
                return refuse(.forbidden,
                              da: "ændringer skal komme fra editorens egen side (Origin-headeren mangler eller er en anden side); åbn editoren via adressen, som »programteori serve« skrev",
                              en: "changes must come from the editor's own page (the Origin header is missing or another site); open the editor through the address »programteori serve« printed")
            }
            let type = request.headers[.contentType]?.lowercased() ?? ""
            guard type.hasPrefix("application/json") else {
                return refuse(.unsupportedMediaType, da: "forespørgslen skal sendes som JSON (Content-Type: application/json)",
                              en: "the request must be sent as JSON (Content-Type: application/json)")
            }
        }
        var response = try await next(request, context)
        Self.secure(&response.headers)
        return response
    }

    func allows(authority: String, port: Int) -> Bool {
        guard let (host, given) = Self.split(authority) else { return false }
        return given == port && hosts.contains(host)
    }

    func allows(origin: String, port: Int) -> Bool {
        let prefix = "http://"
        guard origin.lowercased().hasPrefix(prefix) else { return false }
        return allows(authority: String(origin.dropFirst(prefix.count)), port: port)
    }

    /// `host:port` → (lowercased host, port); the port is required.
    static func split(_ authority: String) -> (String, Int)? {
        let text = authority.lowercased()
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) else { return nil }
        let host = String(text[..<colon])
        if host.contains(":") && !(host.hasPrefix("[") && host.hasSuffix("]")) { return nil }
        guard !host.isEmpty, !host.contains("/"), !host.contains("@") else { return nil }
        return (host, port)
    }

    private func refuse(_ status: HTTPResponse.Status, da: String, en: String) -> Response {
        var response = JSONResponse.error(status, LocalizedText(da: da, en: en), language: .danish)
        Self.secure(&response.headers)
        return response
    }

    /// Headers on every answer.
    static func secure(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.init("Cross-Origin-Resource-Policy")!] = "same-origin"
        headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }
}

/// The port the server ended up on (`--port 0` picks a free one), set once it is listening.
final class BoundPort: @unchecked Sendable {
    // @unchecked: `port` is guarded by `lock`.
    private let lock = NSLock()
    private var port: Int?

    var value: Int? { lock.withLock { port } }

    func set(_ value: Int) { lock.withLock { port = value } }
}

/// JSON answers.
enum JSONResponse {
    static func encode<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func error(_ status: HTTPResponse.Status, _ message: LocalizedText, language: Language) -> Response {
        encode(ErrorResponse(error: message.text(in: language)), status: status)
    }
}
