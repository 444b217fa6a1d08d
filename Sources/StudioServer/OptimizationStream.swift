import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Optimizer
import OutputKit
import Scenario
import Studio

/// An optimization's progress as server-sent events (`data: {json}` per
/// event): `progress` for each step, then `done` with the plan found, or
/// `stopped` or `failed`. When the page goes away, the search is stopped.
enum OptimizationStream {
    static func response(studio: Studio, scenario: Scenario, limits: StudioOptimization.Limits, client: String?) -> Response {
        let (events, sink) = AsyncStream<JSONValue>.makeStream(bufferingPolicy: .bufferingNewest(256))
        let search = Task {
            do {
                sink.yield(try await studio.optimize(scenario, limits: limits, client: client) { sink.yield($0) })
            } catch let refusal as StudioRefusal where refusal.kind == .superseded {
                sink.yield(.object([("event", .string("stopped")), ("message", .string("the optimization was cancelled or replaced by a newer one"))]))
            } catch {
                sink.yield(.object([("event", .string("failed")), ("message", .string(StudioResponse.message(error)))]))
            }
            sink.finish()
        }
        var headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        if let buffering = HTTPField.Name("X-Accel-Buffering") { headers[buffering] = "no" }
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            do {
                for await event in events {
                    try await writer.write(ByteBuffer(string: "data: \(event.compact())\n\n"))
                }
                try await writer.finish(nil)
            } catch {
                // The page went away: stop the search it asked for.
                if let client { studio.optimizations.cancel(client: client) }
                search.cancel()
                throw error
            }
        })
    }
}
