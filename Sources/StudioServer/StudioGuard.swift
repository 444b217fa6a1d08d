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
        // The page and its modules hold no data: a browser loads them
        // without the token, which the page then sends with every API request.
        let isPage = request.method == .get && (request.uri.path == "/" || request.uri.path.hasPrefix("/assets/"))
        if let token, !isPage {
            let given = request.uri.queryParameters.get("token") ?? Self.tokenHeader.flatMap { request.headers[$0] }
            guard let given, Self.same(given, token) else {
                return StudioResponse.refusal(StudioRefusal(.forbidden, "token", found: request.uri.queryParameters.get("token") == nil
                                                                && Self.tokenHeader.flatMap({ request.headers[$0] }) == nil ? "no token" : "a wrong token",
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

    /// Whether two tokens are equal, in a time that does not depend on where they differ.
    static func same(_ given: String, _ token: String) -> Bool {
        let a = Array(given.utf8), b = Array(token.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The host part of a Host header, without its port.
    static func hostName(_ header: String) -> String {
        if header.hasPrefix("["), let close = header.firstIndex(of: "]") { return String(header[...close]) }
        return String(header.split(separator: ":", maxSplits: 1).first ?? "")
    }
}
