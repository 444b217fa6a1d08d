import Measurement
import QueueingTheory
import Scenario

/// The textbook answer for one interval, as if it were a stationary queue:
/// its measured counter load (tickets × mean service time) on the windows
/// the plan opens at its start, pooled. Erlang A (with the segments' mean
/// patience) when customers give up, Erlang C otherwise. Beside the
/// simulated figures it shows where peaks and carry-over make the outlet
/// worse than the textbook.
public struct IntervalErlangEstimate: Sendable, Equatable {
    public let interval: Int
    /// "C" or "A".
    public let model: String
    /// Erlangs.
    public let offeredLoad: Double
    public let servers: Int
    public let probabilityOfWaiting: Double
    /// Minutes; infinite when the interval is overloaded without patience.
    public let meanWait: Double
    /// Share served within each target wait (Erlang C only; NaN for A).
    public let shareWithin: [Double]
    /// Share who give up (Erlang A only; 0 for C).
    public let abandonment: Double
}

public enum ErlangEstimates {
    public static func compute(_ scenario: Scenario, _ statistics: RunStatistics, targets: [Double]) -> [IntervalErlangEstimate] {
        let patience = meanPatience(scenario, statistics)
        return (scenario.firstMeasuredInterval..<scenario.intervalCount).compactMap { interval in
            let start = scenario.intervalStart(interval)
            let servers = scenario.windowGroups.reduce(0) { $0 + $1.open.value(at: start) }
            guard let load = statistics.estimate(MetricKey(.interval, entity: interval, .counterLoadErlangs))?.mean,
                  let tickets = statistics.estimate(MetricKey(.interval, entity: interval, .tickets))?.mean,
                  tickets > 0, load > 0, servers > 0 else { return nil }
            let arrivalRate = tickets / scenario.intervalMinutes
            let meanService = load / arrivalRate
            if let patience {
                let queue = MarkovianMultiServerQueue(arrivalRate: arrivalRate, meanServiceTime: meanService,
                                                      servers: servers, meanPatience: patience)
                return IntervalErlangEstimate(interval: interval, model: "A", offeredLoad: load, servers: servers,
                                              probabilityOfWaiting: queue.probabilityAllServersBusy, meanWait: queue.meanWait,
                                              shareWithin: targets.map { _ in .nan }, abandonment: queue.abandonmentProbability)
            }
            let queue = ErlangC(arrivalRate: arrivalRate, meanServiceTime: meanService, servers: servers)
            return IntervalErlangEstimate(interval: interval, model: "C", offeredLoad: load, servers: servers,
                                          probabilityOfWaiting: queue.probabilityOfWaiting, meanWait: queue.meanWait,
                                          shareWithin: targets.map { queue.serviceLevel(within: $0) }, abandonment: 0)
        }
    }

    /// Mean patience of the segments that give up, weighted by their
    /// arrivals; `nil` when nobody gives up.
    static func meanPatience(_ scenario: Scenario, _ statistics: RunStatistics) -> Double? {
        var weighted = 0.0, weight = 0.0
        for (index, segment) in scenario.segments.enumerated() {
            guard let patience = segment.patience else { continue }
            let arrivals = statistics.estimate(MetricKey(.segment, entity: index, .arrivals))?.mean ?? 0
            weighted += arrivals * patience.mean
            weight += arrivals
        }
        return weight > 0 ? weighted / weight : nil
    }
}
