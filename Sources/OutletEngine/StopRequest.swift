import Synchronization

/// A request to stop simulating, made from another thread (a signal
/// handler's queue) and honoured inside a day: the engine looks at it every
/// ``OutletEngine/eventsBetweenStopChecks`` events, so even a day of
/// millions of customers stops within milliseconds. The kernel itself has
/// no cancellation; stopping abandons the day, whose partial figures are
/// never used.
public final class StopRequest: Sendable {
    private let state = Atomic<Int32>(0)

    public init() {}

    /// Asks every run watching this request to stop; `signal` is remembered
    /// for the exit status (0 when not stopped by a signal).
    ///
    /// - Complexity: O(1), lock-free.
    public func request(signal: Int32 = 0) {
        _ = state.compareExchange(expected: 0, desired: signal == 0 ? -1 : signal, ordering: .relaxed)
    }

    /// Whether a stop was requested.
    ///
    /// - Complexity: O(1), one relaxed atomic load.
    public var isRequested: Bool { state.load(ordering: .relaxed) != 0 }

    /// The signal that asked to stop, if one did.
    public var signal: Int32? {
        let value = state.load(ordering: .relaxed)
        return value > 0 ? value : nil
    }
}

/// Thrown when a run stops at a ``StopRequest`` before its days were done.
public struct SimulationStopped: Error, CustomStringConvertible {
    /// The signal that asked to stop, if one did.
    public let signal: Int32?

    public init(signal: Int32?) { self.signal = signal }

    public var description: String { "the simulation was stopped before its days were done" }
}
