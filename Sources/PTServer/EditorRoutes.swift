import Foundation
import Hummingbird
import PTDiagram
import PTSource
import PTSyntax
import ProgramteoriKit

/// The endpoints (docs/editor.md). Pages and reads are GET; everything that sends the editor's
/// text is a POST with a JSON body (checked by `RequestGuard`).
struct EditorRoutes: Sendable {
    let service: EditorService
    /// The folder as the user gave it, for the page to show.
    let folder: String
    let maxBodyBytes: Int

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in Self.asset(EditorPage.html, type: "text/html; charset=utf-8") }
        router.get("/editor.css") { _, _ in Self.asset(EditorPage.css, type: "text/css; charset=utf-8") }
        router.get("/editor.js") { _, _ in Self.asset(EditorPage.script, type: "text/javascript; charset=utf-8") }
        router.get("/favicon.svg") { _, _ in Self.asset(EditorPage.icon, type: "image/svg+xml") }

        router.get("/api/info") { _, _ in
            JSONResponse.encode(Info(folder: folder, unsavedName: EditorService.unsavedName,
                                     elementKeywords: Info.elements, propertyKeywords: Info.properties,
                                     maxBodyBytes: maxBodyBytes))
        }
        router.get("/api/models") { _, _ in
            let models = await offloaded { [service] in service.workspace.list() }
            return JSONResponse.encode(ModelList(folder: folder, models: models))
        }
        router.get("/api/model") { request, _ in
            let language = EditorService.language(request.uri.queryParameters["lang"].map(String.init))
            let name = request.uri.queryParameters["name"].map(String.init) ?? ""
            let result = await offloaded { [service] in Result { () throws(Workspace.Refusal) in try service.workspace.read(name) } }
            return Self.respond(result, language: language) { JSONResponse.encode($0) }
        }
        router.post("/api/preview") { request, _ in
            await decoded(request, as: SourceRequest.self) { body in
                let result = await offloaded { [service] in Result { () throws(Workspace.Refusal) in try service.preview(body) } }
                return Self.respond(result, language: EditorService.language(body.lang)) { JSONResponse.encode($0) }
            }
        }
        router.post("/api/diagram") { request, _ in
            await decoded(request, as: SourceRequest.self) { body in
                let result = await offloaded { [service] in Result { () throws(Workspace.Refusal) in try service.diagram(body) } }
                return Self.respond(result, language: EditorService.language(body.lang)) { drawn in
                    Response(status: .ok, headers: [.contentType: Self.mediaType(drawn.format)],
                             body: .init(byteBuffer: ByteBuffer(bytes: drawn.bytes)))
                }
            }
        }
        router.post("/api/indicators.xlsx") { request, _ in
            await decoded(request, as: SourceRequest.self) { body in
                let result = await offloaded { [service] in Result { () throws(Workspace.Refusal) in try service.indicatorWorkbook(body) } }
                return Self.respond(result, language: EditorService.language(body.lang)) { bytes in
                    Response(status: .ok, headers: [.contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
                             body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
                }
            }
        }
        router.post("/api/format") { request, _ in
            await decoded(request, as: SourceRequest.self) { body in
                let result = await offloaded { [service] in Result { () throws(Workspace.Refusal) in try service.format(body) } }
                return Self.respond(result, language: EditorService.language(body.lang)) { JSONResponse.encode($0) }
            }
        }
        router.post("/api/save") { request, _ in
            await decoded(request, as: SaveRequest.self) { body in
                let result = await offloaded { [service] in
                    Result { () throws(Workspace.Refusal) in try service.store.save(name: body.name, text: body.text, baseVersion: body.baseVersion) }
                }
                return Self.respond(result, language: EditorService.language(body.lang)) { JSONResponse.encode($0) }
            }
        }
    }

    /// Reads a JSON body of at most `maxBodyBytes`, or answers why not.
    private func decoded<Body: Decodable & Sendable>(_ request: Request, as type: Body.Type,
                                                     _ handle: @Sendable (Body) async -> Response) async -> Response {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBodyBytes)
        } catch {
            return JSONResponse.error(.contentTooLarge, LocalizedText(
                da: "forespørgslen er for stor (grænsen er \(maxBodyBytes / 1_048_576) MB)",
                en: "the request is too large (the limit is \(maxBodyBytes / 1_048_576) MB)"), language: .danish)
        }
        guard let body = try? JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView)) else {
            return JSONResponse.error(.badRequest, LocalizedText(
                da: "forespørgslen kunne ikke læses (forventede JSON fra editorens side)",
                en: "the request could not be read (expected JSON from the editor's page)"), language: .danish)
        }
        return await handle(body)
    }

    private static func respond<T>(_ result: Result<T, Workspace.Refusal>, language: Language,
                                   _ success: (T) -> Response) -> Response {
        switch result {
        case .success(let value): success(value)
        case .failure(let refusal):
            JSONResponse.error(HTTPResponse.Status(code: refusal.status), refusal.message, language: language)
        }
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func mediaType(_ format: DiagramFormat) -> String {
        switch format {
        case .svg: "image/svg+xml"
        case .png: "image/png"
        case .pdf: "application/pdf"
        case .dot: "text/vnd.graphviz; charset=utf-8"
        }
    }
}

/// What the page needs to know at start: the folder and the language's keywords (for
/// highlighting, normalised as the parser reads them: lower case, æøå written out).
struct Info: Codable, Sendable {
    let folder: String
    let unsavedName: String
    let elementKeywords: [String]
    let propertyKeywords: [String]
    let maxBodyBytes: Int

    static let elements: [String] = {
        var words: [String] = []
        for kind in ElementKind.allCases {
            for word in [kind.danishKeyword, kind.englishKeyword] where !words.contains(normalizeKeyword(word)) {
                words.append(normalizeKeyword(word))
            }
        }
        return words + ["virksom mekanisme"]
    }()

    static let properties: [String] = {
        var words: [String] = []
        for key in PropertyKey.allCases {
            for word in [key.danishKeyword, key.englishKeyword] where !words.contains(normalizeKeyword(word)) {
                words.append(normalizeKeyword(word))
            }
        }
        return words
    }()
}
