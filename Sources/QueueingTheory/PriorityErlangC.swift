/// The M/M/c queue with non-preemptive priority classes and one service-time
/// distribution for all classes (Cobham's formula): class k waits
/// Wk = C(c, a) / (c·μ·(1 − σk−1)(1 − σk)), with σk the utilisation of
/// classes 1...k. Class 0 has the highest priority.
public struct PriorityErlangC: Sendable, Equatable {
    /// Arrivals per minute of each class, highest priority first.
    public let arrivalRates: [Double]
    /// Mean service time, minutes.
    public let meanServiceTime: Double
    /// Open windows.
    public let servers: Int

    public init(arrivalRates: [Double], meanServiceTime: Double, servers: Int) {
        self.arrivalRates = arrivalRates
        self.meanServiceTime = meanServiceTime
        self.servers = servers
    }

    /// The pooled queue, all classes together.
    public var pooled: ErlangC {
        ErlangC(arrivalRate: arrivalRates.reduce(0, +), meanServiceTime: meanServiceTime, servers: servers)
    }

    /// Mean wait of `priorityClass`, minutes; infinite when that class's
    /// cumulative load saturates the windows.
    public func meanWait(ofClass priorityClass: Int) -> Double {
        let capacity = Double(servers) / meanServiceTime
        let above = arrivalRates.prefix(priorityClass).reduce(0, +) / capacity
        let through = above + arrivalRates[priorityClass] / capacity
        guard through < 1 else { return .infinity }
        return pooled.probabilityOfWaiting / (capacity * (1 - above) * (1 - through))
    }
}
