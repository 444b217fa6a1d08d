import Dispatch
import Foundation
import OutletEngine
import Synchronization

/// Where the studio's long work waits its turn, off the request path: one
/// piece at a time on its own thread (each evaluation already spreads its
/// days over every core), with a bounded queue. A client's newer work
/// supersedes its older work: the older is stopped in flight, or skipped
/// if it has not started, and its caller gets ``StudioRefusal/Kind/superseded``.
public final class EvaluationDesk: Sendable {
    private let queue = DispatchQueue(label: "outletsim.studio.evaluations", qos: .userInitiated)
    private struct State {
        var waiting = 0
        /// The latest work of each client, by the client's id.
        var latest: [String: StopRequest] = [:]
    }
    private let state = Mutex(State())
    /// The most pieces of work waiting at once; more are refused as busy.
    public let mostWaiting: Int
    /// The most clients remembered; beyond it one is forgotten (its work can then no longer be superseded).
    static let mostClients = 1_000

    public init(mostWaiting: Int = 64) {
        self.mostWaiting = mostWaiting
    }

    /// Runs `work` in turn and returns its result. `client` names whose
    /// work this is (nil: never superseded); `supersedes` says whether it
    /// replaces that client's earlier work, as an edit replaces the edit before.
    /// - Throws: ``StudioRefusal`` (.busy when the queue is full, .superseded
    ///   when newer work replaced it), or whatever `work` throws.
    /// - Complexity: O(1) to queue; the work's own cost in turn.
    public func run<Value: Sendable>(client: String?, supersedes: Bool = true,
                                     _ work: @escaping @Sendable (StopRequest) throws -> Value) async throws -> Value {
        let stop = StopRequest()
        let accepted = state.withLock { state -> Bool in
            guard state.waiting < mostWaiting else { return false }
            state.waiting += 1
            if let client, supersedes {
                state.latest[client]?.request()
                if state.latest.count >= Self.mostClients, state.latest[client] == nil, let any = state.latest.keys.first {
                    state.latest[any] = nil
                }
                state.latest[client] = stop
            }
            return true
        }
        guard accepted else {
            throw StudioRefusal(.busy, "evaluation", found: "\(mostWaiting) pieces of work already waiting",
                                allowed: "at most \(mostWaiting) at once; try again in a moment")
        }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { [self] in
                defer {
                    state.withLock { state in
                        state.waiting -= 1
                        if let client, state.latest[client] === stop { state.latest[client] = nil }
                    }
                }
                guard !stop.isRequested else {
                    continuation.resume(throwing: Self.superseded)
                    return
                }
                do {
                    continuation.resume(returning: try work(stop))
                } catch is SimulationStopped {
                    continuation.resume(throwing: Self.superseded)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Stops `client`'s work in flight, if any (a cancel button).
    public func cancel(client: String) {
        state.withLock { $0.latest[client]?.request() }
    }

    static let superseded = StudioRefusal(.superseded, "evaluation", found: "a newer edit or a cancel replaced this work",
                                          allowed: "the answer to the latest edit")
}
