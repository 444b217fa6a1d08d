import Foundation
import Hummingbird
import Logging
import Studio

/// The studio's HTTP server: the page and its assets, embedded in the
/// binary, and a small JSON API over ``Studio``. It binds 127.0.0.1 unless
/// told otherwise; on any other address every request must carry the
/// random token printed with the address. SIGINT and SIGTERM stop it cleanly.
public struct StudioServer: Sendable {
    public let studio: Studio
    public let host: String
    public let port: Int
    /// The token every request must carry when the server listens beyond the loopback; nil on it.
    public let token: String?

    /// The largest request body, in bytes: a draft of a large outlet is a few kilobytes.
    public static let largestBody = 256 << 10

    public init(studio: Studio, host: String, port: Int) {
        self.studio = studio
        self.host = host
        self.port = port
        token = Self.isLoopback(host) ? nil : Self.randomToken()
    }

    static func isLoopback(_ host: String) -> Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }

    /// 128 random bits from the system's generator, as hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// Serves until SIGINT or SIGTERM; `onListening` gets the address the
    /// page opens at (with the port chosen when 0 was asked for).
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: StudioGuard(token: token, loopbackOnly: Self.isLoopback(host)))
        StudioRoutes(studio: studio).add(to: router)
        var logger = Logger(label: "outletsim.studio")
        logger.logLevel = .error
        let token = self.token
        let host = self.host
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "OutletSim studio"),
                              onServerRunning: { channel in
                                  let bound = channel.localAddress?.port ?? 0
                                  let shownHost = host.contains(":") ? "[\(host)]" : host
                                  onListening("http://\(shownHost):\(bound)/" + (token.map { "?token=\($0)" } ?? ""))
                              }, logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigint, .sigterm])
    }
}
