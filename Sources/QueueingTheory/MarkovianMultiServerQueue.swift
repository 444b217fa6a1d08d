/// The M/M/c+M/K queue solved exactly as a birth–death chain: Poisson
/// arrivals, exponential service on `c` windows, optional exponential
/// patience (Erlang A) and an optional limit on customers present (M/M/c/K).
///
/// With no patience and no limit it is Erlang C, which ``ErlangC`` gives
/// in closed form.
public struct MarkovianMultiServerQueue: Sendable {
    /// Arrivals per minute.
    public let arrivalRate: Double
    /// Mean service time, minutes.
    public let meanServiceTime: Double
    /// Open windows.
    public let servers: Int
    /// Mean patience, minutes; `nil` for customers who never give up.
    public let meanPatience: Double?
    /// Most customers present (in service and waiting), K; `nil` for no limit.
    public let capacity: Int?
    /// P(n customers present), n = 0, 1, ...; a tail below 1e-15 is cut off.
    public let stateProbabilities: [Double]

    /// Solves the chain.
    ///
    /// - Complexity: O(*K*), or O(states until the tail is negligible).
    public init(arrivalRate: Double, meanServiceTime: Double, servers: Int,
                meanPatience: Double? = nil, capacity: Int? = nil) {
        self.arrivalRate = arrivalRate
        self.meanServiceTime = meanServiceTime
        self.servers = servers
        self.meanPatience = meanPatience
        self.capacity = capacity
        let serviceRate = 1 / meanServiceTime
        let abandonmentRate = meanPatience.map { 1 / $0 } ?? 0
        let hardLimit = capacity ?? 1_000_000
        var weights = [1.0]
        var total = 1.0
        var n = 0
        while n < hardLimit {
            n += 1
            let busy = Double(min(n, servers))
            let impatient = Double(max(n - servers, 0))
            let deathRate = busy * serviceRate + impatient * abandonmentRate
            let next = weights[n - 1] * arrivalRate / deathRate
            weights.append(next)
            total += next
            if capacity == nil, n > servers, next < total * 1e-16 { break }
            if total > 1e250 {
                weights = weights.map { $0 / total }
                total = 1
            }
        }
        stateProbabilities = weights.map { $0 / total }
    }

    /// P(an arrival finds all windows busy), by PASTA; arrivals turned away
    /// at a full outlet count as finding them busy.
    public var probabilityAllServersBusy: Double {
        stateProbabilities.dropFirst(servers).reduce(0, +)
    }

    /// P(an arrival is turned away because K are present).
    public var blockingProbability: Double {
        capacity == nil ? 0 : stateProbabilities.last ?? 0
    }

    /// P(an admitted arrival has to wait).
    public var probabilityOfWaiting: Double {
        let admitted = 1 - blockingProbability
        return admitted > 0 ? (probabilityAllServersBusy - blockingProbability) / admitted : 0
    }

    /// Mean number waiting, Lq.
    /// Mean number in the system, waiting or in service: Σ n·pₙ.
    public var meanNumberPresent: Double {
        stateProbabilities.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
    }

    public var meanQueueLength: Double {
        stateProbabilities.enumerated().reduce(0) { $0 + Double(max($1.offset - servers, 0)) * $1.element }
    }

    /// Admitted arrivals per minute.
    public var admittedRate: Double { arrivalRate * (1 - blockingProbability) }

    /// P(an arrival abandons), θ·Lq / λ.
    public var abandonmentProbability: Double {
        guard let patience = meanPatience, arrivalRate > 0 else { return 0 }
        return meanQueueLength / patience / arrivalRate
    }

    /// Mean time in queue of admitted customers, including those who abandon
    /// (Little's law, Lq / admitted rate), minutes.
    public var meanWait: Double {
        admittedRate > 0 ? meanQueueLength / admittedRate : 0
    }
}
