import Foundation

/// The M/M/c queue (Erlang C): Poisson arrivals, exponential service, `c`
/// identical windows, unlimited waiting room, no abandonment, FIFO.
public struct ErlangC: Sendable, Equatable {
    /// Arrivals per minute.
    public let arrivalRate: Double
    /// Mean service time, minutes.
    public let meanServiceTime: Double
    /// Open windows.
    public let servers: Int

    public init(arrivalRate: Double, meanServiceTime: Double, servers: Int) {
        self.arrivalRate = arrivalRate
        self.meanServiceTime = meanServiceTime
        self.servers = servers
    }

    /// Offered load a = λ·E[S], erlangs.
    public var offeredLoad: Double { arrivalRate * meanServiceTime }

    /// Utilisation ρ = a / c.
    public var utilization: Double { offeredLoad / Double(servers) }

    /// Whether the queue has a steady state (ρ < 1).
    public var isStable: Bool { servers > 0 && utilization < 1 }

    /// Erlang B blocking probability B(c, a), by the stable recursion
    /// B(k) = a·B(k−1) / (k + a·B(k−1)).
    ///
    /// - Complexity: O(*c*).
    public static func erlangB(servers: Int, offeredLoad a: Double) -> Double {
        var blocking = 1.0
        if servers < 1 { return blocking }
        for k in 1...servers {
            blocking = a * blocking / (Double(k) + a * blocking)
        }
        return blocking
    }

    /// P(W > 0), the Erlang C probability that an arrival waits; 1 when
    /// the queue is unstable.
    public var probabilityOfWaiting: Double {
        guard isStable else { return 1 }
        let b = Self.erlangB(servers: servers, offeredLoad: offeredLoad)
        let rho = utilization
        return b / (1 - rho * (1 - b))
    }

    /// The rate at which the queue drains while all windows are busy,
    /// c/E[S] − λ, per minute.
    var drainRate: Double { Double(servers) / meanServiceTime - arrivalRate }

    /// Mean wait before service, minutes; infinite when unstable.
    public var meanWait: Double {
        isStable ? probabilityOfWaiting / drainRate : .infinity
    }

    /// P(W > t) for a wait of `t` minutes: C·exp(−(c/E[S] − λ)·t).
    public func probabilityOfWaitingLongerThan(_ t: Double) -> Double {
        guard isStable else { return 1 }
        return probabilityOfWaiting * exp(-drainRate * t)
    }

    /// The share served within `t` minutes, 1 − P(W > t).
    public func serviceLevel(within t: Double) -> Double {
        1 - probabilityOfWaitingLongerThan(t)
    }
}
