import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import OutputKit
import ScenarioFile
import Studio

/// The studio's answers as HTTP responses: JSON with a status that says
/// what happened, and every failure as `{"error": {...}}` or the reader's
/// located problems, never a bare 500 for a request's fault.
enum StudioResponse {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: value.rendered())))
    }

    static func refusal(_ refusal: StudioRefusal) -> Response {
        let status: HTTPResponse.Status = switch refusal.kind {
        case .badRequest: .badRequest
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .superseded: .conflict
        case .tooLarge: .contentTooLarge
        case .busy: .serviceUnavailable
        }
        return json(.object([("error", .object([("subject", .string(refusal.subject)), ("found", .string(refusal.found)),
                                                 ("allowed", .string(refusal.allowed)), ("message", .string(refusal.description))]))]),
                    status: status)
    }

    /// Any error thrown while answering, as the request's fault (4xx) where it is one.
    static func error(_ error: any Error, studio: Studio? = nil) -> Response {
        switch error {
        case let refusal as StudioRefusal:
            return Self.refusal(refusal)
        case let problems as ScenarioProblems:
            return json(ProblemList.json(problems, folder: studio?.folder), status: .unprocessableContent)
        case let plans as IncomparablePlans:
            return refusal(StudioRefusal(.badRequest, "plans", found: plans.description, allowed: "plans of one outlet, on one interval grid"))
        case let decoding as DecodingError:
            return refusal(StudioRefusal(.badRequest, "body", found: describe(decoding), allowed: "the JSON the studio's page sends"))
        case let http as HTTPError:
            if http.status == .notFound {
                return refusal(StudioRefusal(.notFound, "path", found: "no such page or route", allowed: "the page (/), its assets and /api/ routes"))
            }
            if http.status == .methodNotAllowed {
                return refusal(StudioRefusal(.badRequest, "method", found: "a method this route does not take", allowed: "GET for reading, POST for work"))
            }
            return refusal(StudioRefusal(.badRequest, "request", found: "HTTP \(http.status.code)", allowed: http.body ?? "a request the studio knows"))
        default:
            return json(.object([("error", .object([("subject", .string("server")), ("found", .string(String(describing: error))),
                                                     ("allowed", .string("")), ("message", .string(String(describing: error)))]))]),
                        status: .internalServerError)
        }
    }

    /// An error in a sentence, for an event stream whose status is already sent.
    static func message(_ error: any Error) -> String {
        switch error {
        case let refusal as StudioRefusal: refusal.description
        case let problems as ScenarioProblems: problems.problems.map(\.description).joined(separator: "\n")
        default: String(describing: error)
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return keys.isEmpty ? "" : " at \(keys)"
        }
        switch error {
        case .dataCorrupted(let context): return "malformed JSON\(path(context))"
        case .keyNotFound(let key, let context): return "no '\(key.stringValue)'\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(context.debugDescription.prefix(120))\(path(context))"
        @unknown default: return "malformed JSON"
        }
    }
}

/// The reader's problems as the page shows them at their fields, files
/// named relative to the opened folder.
enum ProblemList {
    static func json(_ problems: ScenarioProblems, folder: StudioFolder?) -> JSONValue {
        func relative(_ text: String) -> String { folder?.relativeText(text) ?? text }
        return .object([("problems", .array(problems.problems.map { problem in
            .object([("file", .string(relative(problem.file))), ("line", .integer(problem.line)), ("column", .integer(problem.column)),
                     ("key_path", .string(problem.keyPath)), ("found", .string(problem.found)), ("allowed", .string(problem.allowed)),
                     ("hint", problem.hint.map { .string(relative($0)) } ?? .null), ("message", .string(relative(problem.description)))])
        }))])
    }
}
