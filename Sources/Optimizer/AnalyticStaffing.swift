import Evaluation
import Measurement
import QueueingTheory
import Scenario

/// What the targets ask of one interval's queue, in queueing terms: each
/// is applied to every interval, as the SIPP method does.
public struct QueueRequirement: Sendable, Equatable {
    /// P(wait ≤ minutes) ≥ share.
    public var shareWithin: [(minutes: Double, share: Double)]
    /// Mean wait at most this many minutes.
    public var meanWait: Double?

    public init(shareWithin: [(minutes: Double, share: Double)] = [], meanWait: Double? = nil) {
        self.shareWithin = shareWithin
        self.meanWait = meanWait
    }

    public static func == (lhs: QueueRequirement, rhs: QueueRequirement) -> Bool {
        lhs.meanWait == rhs.meanWait && lhs.shareWithin.elementsEqual(rhs.shareWithin) { $0 == $1 }
    }

    /// The wait targets of `scenario` that speak about everybody's wait: a
    /// share within a time, a percentile, or a mean.
    public init(targets: [ServiceTarget]) {
        self.init()
        for target in targets {
            guard case .everyone = target.subject else { continue }
            switch (target.measure, target.bound) {
            case (.shareServedWithin(let minutes), .atLeast(let share)), (.shareServedWithin(let minutes), .between(let share, _)):
                shareWithin.append((minutes, share))
            case (.waitPercentile(let percentile), .atMost(let minutes)), (.waitPercentile(let percentile), .between(_, let minutes)):
                shareWithin.append((minutes, Double(percentile) / 100))
            case (.meanWait, .atMost(let minutes)), (.meanWait, .between(_, let minutes)):
                meanWait = min(meanWait ?? .infinity, minutes)
            default:
                continue
            }
        }
    }

    /// Whether `servers` windows meet it for `load` erlangs of work with
    /// `meanService` minutes per customer, by the stationary Erlang C model.
    public func isMet(load: Double, meanService: Double, servers: Int) -> Bool {
        guard load > 0 else { return true }
        let queue = ErlangC(arrivalRate: load / meanService, meanServiceTime: meanService, servers: servers)
        guard queue.isStable else { return false }
        if let meanWait, queue.meanWait > meanWait { return false }
        return shareWithin.allSatisfy { queue.serviceLevel(within: $0.minutes) >= $0.share - 1e-12 }
    }

    /// The fewest windows, from `minimum`, that meet it: the SIPP staffing of one interval.
    /// - Complexity: O(answer) Erlang C evaluations.
    public func servers(load: Double, meanService: Double, minimum: Int, maximum: Int) -> Int {
        var servers = max(minimum, 0)
        while servers < maximum && !isMet(load: load, meanService: meanService, servers: servers) { servers += 1 }
        return servers
    }
}

/// The analytic start of the search: per window group and interval, the
/// fewest windows whose stationary Erlang C estimate meets the targets
/// (SIPP). The load of each interval is measured as the busy windows of a
/// run with every window open, so the work a peak leaves for the next
/// interval is counted where it is done (the lag that plain SIPP misses,
/// as the modified offered load counts it).
public enum AnalyticStaffing {
    /// Measured load (busy windows) per searched group and interval, and each group's mean service time.
    public static func measuredLoads(_ evaluation: PlanEvaluation) -> [Int: (loads: [Double], meanService: Double)] {
        let scenario = evaluation.scenario
        var result: [Int: (loads: [Double], meanService: Double)] = [:]
        for group in scenario.search.windows.keys {
            func mean(_ metric: Metric, _ interval: Int = -1) -> Double {
                evaluation.statistics.estimate(MetricKey(.windowGroup, entity: group, interval: interval, metric))?.mean ?? 0
            }
            let loads = (0..<scenario.intervalCount).map { mean(.utilisation, $0).nanToZero * mean(.openWindows, $0).nanToZero }
            let served = mean(.outcomeCount(.servedAtCounter))
            let busyMinutes = mean(.utilisation).nanToZero * mean(.staffHours) * 60
            result[group] = (loads, served > 0 ? busyMinutes / served : 1)
        }
        return result
    }

    /// The SIPP plan from measured loads, within the search bounds.
    public static func start(from evaluation: PlanEvaluation, layout: OutletPlan.Layout) -> OutletPlan {
        let scenario = evaluation.scenario
        let requirement = QueueRequirement(targets: scenario.targets)
        var windows: [Int: [Int]] = [:]
        for (group, measured) in measuredLoads(evaluation) {
            guard let range = scenario.search.windows[group] else { continue }
            windows[group] = measured.loads.map { load in
                range.atLeast(requirement.servers(load: load, meanService: measured.meanService, minimum: range.min, maximum: range.max))
            }
        }
        return OutletPlan(windows: windows, layout: layout)
    }
}

extension Double {
    var nanToZero: Double { isNaN ? 0 : self }
}
