import Foundation
import Measurement
import Scenario

/// How a target fared: its 95% interval wholly on the right side (pass),
/// wholly on the wrong side (fail), or straddling the bound (inconclusive).
public enum Verdict: String, Sendable {
    case pass, fail, inconclusive
}

/// One target's verdict with the estimate that decided it.
public struct TargetResult: Sendable {
    public let target: ServiceTarget
    public let verdict: Verdict
    /// The deciding estimate: the worst interval's for per-interval targets.
    public let estimate: MetricEstimate?
    /// The deciding interval, for per-interval targets.
    public let interval: Int?
    /// For an inconclusive verdict, about how many replications would
    /// settle it: n·(half-width / distance to the bound)².
    public let suggestedReplications: Int?
}

/// Judges a scenario's targets on a run's statistics.
public enum TargetJudge {
    public static func judge(_ scenario: Scenario, _ statistics: RunStatistics) -> [TargetResult] {
        scenario.targets.map { judge($0, scenario, statistics) }
    }

    /// The metric key a target reads, for one interval or the day.
    public static func key(for target: ServiceTarget, interval: Int?) -> MetricKey {
        let metric: String
        switch target.measure {
        case .shareServedWithin(let minutes):
            metric = MetricKey.shareServedWithin(minutes)
        case .meanWait: metric = "wait_mean"
        case .waitPercentile(let p): metric = "wait_p\(p)"
        case .abandonment: metric = "share_abandoned"
        case .maxStanding: metric = "standing_max"
        case .overtime: metric = "overtime_minutes"
        case .windowUtilisation:
            if case .windowGroup(let group) = target.subject {
                return MetricKey(.windowGroup, entity: group, interval: interval ?? -1, "utilisation")
            }
            metric = "window_utilisation"
        }
        switch target.subject {
        case .segment(let index): return MetricKey(.segment, entity: index, metric)
        case .transaction(let index): return MetricKey(.transaction, entity: index, metric)
        case .everyone, .windowGroup:
            return interval.map { MetricKey(.interval, entity: $0, metric) } ?? MetricKey(.day, metric)
        }
    }

    static func judge(_ target: ServiceTarget, _ scenario: Scenario, _ statistics: RunStatistics) -> TargetResult {
        let intervals: [Int?] = target.perInterval ? (0..<scenario.intervalCount).map { $0 } : [nil]
        var judged: [(interval: Int?, estimate: MetricEstimate, verdict: Verdict, distance: Double)] = []
        for interval in intervals {
            guard let estimate = statistics.estimate(key(for: target, interval: interval)) else { continue }
            let (verdict, distance) = verdictOf(estimate, target.bound)
            judged.append((interval, estimate, verdict, distance))
        }
        guard !judged.isEmpty else {
            return TargetResult(target: target, verdict: .inconclusive, estimate: nil, interval: nil, suggestedReplications: nil)
        }
        // The deciding estimate: the worst failure, else the closest inconclusive one, else the tightest pass.
        let failures = judged.filter { $0.verdict == .fail }
        let open = judged.filter { $0.verdict == .inconclusive }
        let deciding = failures.min { $0.distance < $1.distance }
            ?? open.max { needed($0.estimate, $0.distance, statistics.days) < needed($1.estimate, $1.distance, statistics.days) }
            ?? judged.min { $0.distance < $1.distance }
        guard let deciding else {
            return TargetResult(target: target, verdict: .inconclusive, estimate: nil, interval: nil, suggestedReplications: nil)
        }
        let verdict: Verdict = failures.isEmpty ? (open.isEmpty ? .pass : .inconclusive) : .fail
        let suggestion = verdict == .inconclusive ? needed(deciding.estimate, deciding.distance, statistics.days) : nil
        return TargetResult(target: target, verdict: verdict, estimate: deciding.estimate, interval: deciding.interval,
                            suggestedReplications: suggestion.flatMap { $0 < Int.max ? $0 : nil })
    }

    /// The verdict, and how far the mean lies from the bound it must respect
    /// (positive: on the right side).
    static func verdictOf(_ estimate: MetricEstimate, _ bound: ServiceTarget.Bound) -> (Verdict, Double) {
        let (mean, low, high) = (estimate.mean, estimate.low, estimate.high)
        guard low.isFinite, high.isFinite else { return (.inconclusive, 0) }
        switch bound {
        case .atLeast(let limit):
            return (low >= limit ? .pass : high < limit ? .fail : .inconclusive, mean - limit)
        case .atMost(let limit):
            return (high <= limit ? .pass : low > limit ? .fail : .inconclusive, limit - mean)
        case .between(let lower, let upper):
            let verdict: Verdict = low >= lower && high <= upper ? .pass : (high < lower || low > upper) ? .fail : .inconclusive
            return (verdict, min(mean - lower, upper - mean))
        }
    }

    /// Replications for the half-width to shrink to the distance from the bound.
    static func needed(_ estimate: MetricEstimate, _ distance: Double, _ days: Int) -> Int {
        let halfWidth = (estimate.high - estimate.low) / 2
        guard abs(distance) > 1e-12, halfWidth.isFinite else { return Int.max }
        return max(days + 1, Int((Double(days) * pow(halfWidth / abs(distance), 2)).rounded(.up)))
    }
}
