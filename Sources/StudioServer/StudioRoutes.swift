import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OutputKit
import Studio

/// The studio's routes. Every answer is JSON except the page and its
/// assets; every failure is a 4xx with what was found and what is allowed.
///
/// | route | answer |
/// | --- | --- |
/// | `GET /` | the page |
/// | `GET /assets/NAME` | the page's modules and style, embedded in the binary |
/// | `GET /api/scenarios` | the folder's scenario files |
/// | `GET /api/outline?path=FILE` | a scenario's editors: intervals, window groups, staff, kiosks, seats, targets |
/// | `POST /api/evaluate` | `{path, draft, client}` → the plan's answer, or the reader's problems (422) |
/// | `POST /api/cancel` | `{client, work}` → stops the client's evaluation (or optimization) in flight |
/// | `POST /api/compare` | `{path, plans: [{name, draft}], client}` → paired differences, changes and targets of 2 to 6 plans |
/// | `POST /api/optimize` | `{path, draft, limits, client}` → server-sent events: `progress` per step, then `done` with the plan found |
/// | `POST /api/replay` | `{path, draft, day, client}` → one day's customers (customers.csv of `run --trace`), windows open and the stage |
/// | `POST /api/save` | `{path, draft, file, write}` → the variant's text, written to `file` when `write` |
struct StudioRoutes: Sendable {
    let studio: Studio

    /// The longest client id, in bytes.
    static let longestClient = 64

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in PageAssets.response(name: "index.html") }
        router.get("/assets/:name") { _, context in
            PageAssets.response(name: context.parameters.get("name") ?? "")
        }
        router.get("/api/scenarios") { _, _ in StudioResponse.json(studio.scenarioList()) }
        router.get("/api/outline") { request, _ in
            answer {
                let path = try query(request, "path")
                return StudioResponse.json(try studio.outline(path))
            }
        }
        router.post("/api/evaluate") { request, _ in
            await answerAsync {
                let body = try await decode(EvaluateRequest.self, request)
                let client = try checkedClient(body.client)
                return StudioResponse.json(try await studio.evaluate(body.path, body.draft, client: client))
            }
        }
        router.post("/api/compare") { request, _ in
            await answerAsync {
                let body = try await decode(CompareRequest.self, request)
                let client = try checkedClient(body.client)
                return StudioResponse.json(try await studio.compare(body.path, body.plans, client: client))
            }
        }
        router.post("/api/optimize") { request, _ in
            await answerAsync {
                let body = try await decode(OptimizeRequest.self, request)
                let client = try checkedClient(body.client)
                let (scenario, limits) = try studio.optimizationStart(body.path, body.draft, limits: body.limits)
                return OptimizationStream.response(studio: studio, scenario: scenario, limits: limits, client: client)
            }
        }
        router.post("/api/replay") { request, _ in
            await answerAsync {
                let body = try await decode(ReplayRequest.self, request)
                let client = try checkedClient(body.client)
                return StudioResponse.json(try await studio.replay(body.path, body.draft, day: body.day, client: client))
            }
        }
        router.post("/api/save") { request, _ in
            await answerAsync {
                let body = try await decode(SaveRequest.self, request)
                let text = try studio.save(body.path, body.draft, as: body.file, write: body.write)
                return StudioResponse.json(.object([("file", .string(body.file)), ("written", .bool(body.write)), ("text", .string(text))]))
            }
        }
        router.post("/api/cancel") { request, _ in
            await answerAsync {
                let body = try await decode(CancelRequest.self, request)
                guard let client = try checkedClient(body.client) else {
                    throw StudioRefusal(.badRequest, "client", found: "no client", allowed: "the id of the page whose work to stop")
                }
                switch body.work ?? "evaluation" {
                case "evaluation": studio.desk.cancel(client: client)
                case "optimization": studio.optimizations.cancel(client: client)
                default:
                    throw StudioRefusal(.badRequest, "work", found: "'\(StudioFolder.shown(body.work ?? ""))'", allowed: "evaluation or optimization")
                }
                return StudioResponse.json(.object([("cancelled", .bool(true))]))
            }
        }
    }

    struct OptimizeRequest: Decodable {
        let path: String
        let draft: PlanDraft
        let limits: StudioOptimization.Limits
        let client: String?
    }

    struct ReplayRequest: Decodable {
        let path: String
        let draft: PlanDraft
        let day: Int
        let client: String?
    }

    struct CompareRequest: Decodable {
        let path: String
        let plans: [Studio.NamedDraft]
        let client: String?
    }

    struct SaveRequest: Decodable {
        let path: String
        let draft: PlanDraft
        let file: String
        let write: Bool
    }

    struct EvaluateRequest: Decodable {
        let path: String
        let draft: PlanDraft
        let client: String?
    }

    struct CancelRequest: Decodable {
        let client: String?
        /// "evaluation" (the default) or "optimization".
        let work: String?
    }

    func answer(_ work: () throws -> Response) -> Response {
        do { return try work() } catch { return StudioResponse.error(error, studio: studio) }
    }

    func answerAsync(_ work: () async throws -> Response) async -> Response {
        do { return try await work() } catch { return StudioResponse.error(error, studio: studio) }
    }

    func query(_ request: Request, _ name: String) throws -> String {
        guard let value = request.uri.queryParameters.get(name) else {
            throw StudioRefusal(.badRequest, name, found: "no '\(name)' in the query", allowed: "?\(name)=a scenario file of the folder")
        }
        return value
    }

    /// The body as `T`, at most ``StudioServer/largestBody`` bytes.
    func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: StudioServer.largestBody)
        } catch is NIOTooManyBytesError {
            throw StudioRefusal(.tooLarge, "body", found: "a body over \(StudioServer.largestBody >> 10) KB",
                                allowed: "at most \(StudioServer.largestBody >> 10) KB")
        }
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }

    func checkedClient(_ client: String?) throws -> String? {
        guard let client else { return nil }
        guard !client.isEmpty, client.utf8.count <= Self.longestClient,
              client.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw StudioRefusal(.badRequest, "client", found: "'\(client.prefix(80))'",
                                allowed: "1 to \(Self.longestClient) letters, digits and hyphens")
        }
        return client
    }
}
