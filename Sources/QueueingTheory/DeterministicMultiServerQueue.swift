import Foundation

/// The M/D/c queue: Poisson arrivals, every service exactly `serviceTime`
/// minutes, `servers` windows, first come first served.
///
/// Why it is exact: everyone in service at time t has left by t + D, and
/// everyone who starts after t is still there at t + D, so the number
/// present obeys N(t + D) = max(N(t) − c, 0) + A with A ~ Poisson(λD), for
/// every t. The stationary law of N is the fixed point of that map; the
/// mean wait follows from Little's law, E[N]/λ − D, and P(wait > 0) is
/// P(N ≥ c) by PASTA.
public struct DeterministicMultiServerQueue: Sendable {
    /// Arrivals per minute.
    public let arrivalRate: Double
    /// Minutes.
    public let serviceTime: Double
    public let servers: Int
    /// P(N = n) at an arbitrary time, truncated where the tail is negligible.
    public let stateProbabilities: [Double]

    /// - Complexity: O(iterations × states²), states about λD + 30·√(λD) + 100.
    public init(arrivalRate: Double, serviceTime: Double, servers: Int) {
        self.arrivalRate = arrivalRate
        self.serviceTime = serviceTime
        self.servers = servers
        let mean = arrivalRate * serviceTime
        guard mean > 0, servers > 0, mean < Double(servers) else {
            stateProbabilities = []
            return
        }
        // Enough states for the queue's tail at utilisations up to about 0.95.
        let size = Int(mean + 30 * mean.squareRoot()) + 40 * servers + 100
        var poisson = [exp(-mean)]
        for k in 1..<size { poisson.append(poisson[k - 1] * mean / Double(k)) }
        var law = [1.0] + Array(repeating: 0.0, count: size - 1)
        for _ in 0..<100_000 {
            var next = Array(repeating: 0.0, count: size)
            for (n, probability) in law.enumerated() where probability > 1e-300 {
                let base = max(n - servers, 0)
                for k in 0..<(size - base) { next[base + k] += probability * poisson[k] }
            }
            let change = zip(next, law).reduce(0) { $0 + abs($1.0 - $1.1) }
            law = next
            if change < 1e-14 { break }
        }
        let total = law.reduce(0, +)
        stateProbabilities = law.map { $0 / total }
    }

    /// Whether the queue has a steady state (utilisation below 1).
    public var isStable: Bool { !stateProbabilities.isEmpty }

    /// Mean number present (waiting and in service).
    public var meanPresent: Double {
        stateProbabilities.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
    }

    /// Mean wait before service, minutes; infinite when unstable.
    public var meanWait: Double { isStable ? meanPresent / arrivalRate - serviceTime : .infinity }

    /// P(an arrival waits), by PASTA.
    public var probabilityOfWaiting: Double { isStable ? stateProbabilities.dropFirst(servers).reduce(0, +) : 1 }
}
