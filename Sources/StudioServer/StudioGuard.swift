import Foundation
import HTTPTypes
import Hummingbird
import Studio

/// Every request's gate: the token when the server listens beyond the
/// loopback, a Host header naming the loopback when it does not (so a web
/// page elsewhere cannot reach the studio by DNS rebinding), and every
/// error answered as JSON with a 4xx or 5xx status, never a crash.
struct StudioGuard<Context: RequestContext>: RouterMiddleware {
    let token: String?
    let loopbackOnly: Bool
    static var tokenHeader: HTTPField.Name? { HTTPField.Name("X-Studio-Token") }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let token {
            let given = request.uri.queryParameters.get("token") ?? Self.tokenHeader.flatMap { request.headers[$0] }
            guard given == token else {
                return StudioResponse.refusal(StudioRefusal(.forbidden, "token", found: given == nil ? "no token" : "a wrong token",
                                                            allowed: "the token printed with the studio's address"))
            }
        } else if loopbackOnly {
            let hostHeader = request.head.authority ?? ""
            let name = Self.hostName(hostHeader)
            guard ["127.0.0.1", "localhost", "[::1]"].contains(name) else {
                return StudioResponse.refusal(StudioRefusal(.forbidden, "Host", found: "'\(name.prefix(80))'",
                                                            allowed: "127.0.0.1 or localhost: the studio answers its own machine only"))
            }
        }
        do {
            return try await next(request, context)
        } catch {
            return StudioResponse.error(error)
        }
    }

    /// The host part of a Host header, without its port.
    static func hostName(_ header: String) -> String {
        if header.hasPrefix("["), let close = header.firstIndex(of: "]") { return String(header[...close]) }
        return String(header.split(separator: ":", maxSplits: 1).first ?? "")
    }
}
