import Foundation
import Measurement
import Scenario
import Statistics

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

/// A target a plan misses, where, and by how much.
public struct TargetMiss: Sendable, Equatable {
    /// Index into `Scenario.targets`.
    public let target: Int
    /// The interval, for per-interval targets.
    public let interval: Int?
    /// How far the estimate is on the wrong side, relative to the bound (0.1: 10%).
    public let shortfall: Double
    /// The estimate is below an `at_least` or `between` lower bound (too little
    /// of a good thing, or windows too idle), rather than above a maximum.
    public let isBelowMinimum: Bool
}

/// The one place targets are judged. A target is read at each of its places
/// (the day, or every interval) from the run's statistics; two policies
/// then decide:
/// - ``judge(_:_:)`` (for `check` and reports): the 95% interval must lie
///   wholly on the right side to pass, wholly on the wrong side to fail;
/// - ``misses(_:_:margin:)`` (for the optimizer's search): the mean, moved
///   against the plan by `margin` half-widths, must be on the right side.
public enum TargetJudge {
    /// A target's estimate at one of its places.
    public struct Reading: Sendable {
        public let interval: Int?
        public let estimate: MetricEstimate
    }

    /// Every key the targets are read from, at each of their places: all
    /// that ``judge(_:_:)`` and ``misses(_:_:margin:)`` look up.
    public static func judgedKeys(_ scenario: Scenario) -> Set<MetricKey> {
        var keys = Set<MetricKey>()
        for (index, target) in scenario.targets.enumerated() {
            for interval in target.places(in: scenario) { keys.insert(target.judgedKey(interval: interval, index: index)) }
        }
        return keys
    }

    /// The target's estimates at each of its places that was measured.
    /// For a target judged on days, the estimate is the share of days on
    /// which it held there.
    public static func readings(_ target: ServiceTarget, _ scenario: Scenario, _ statistics: RunStatistics) -> [Reading] {
        let index = scenario.targets.firstIndex(of: target) ?? 0
        return target.places(in: scenario).compactMap { interval in
            guard let estimate = statistics.estimate(target.judgedKey(interval: interval, index: index)), estimate.mean.isFinite
            else { return nil }
            return Reading(interval: interval, estimate: estimate)
        }
    }

    // MARK: The confidence policy

    public static func judge(_ scenario: Scenario, _ statistics: RunStatistics) -> [TargetResult] {
        scenario.targets.map { judge($0, scenario, statistics) }
    }

    /// A target's verdict at one of its places (the day, or an interval).
    public struct PlaceVerdict: Sendable {
        public let interval: Int?
        public let estimate: MetricEstimate
        public let verdict: Verdict
        /// How far the mean lies from the bound, on the right side when positive.
        public let distance: Double
    }

    /// The target judged at each of its measured places, in interval order:
    /// the grid reports show, and what ``judge(_:_:)`` summarises.
    public static func placeVerdicts(_ target: ServiceTarget, _ scenario: Scenario, _ statistics: RunStatistics) -> [PlaceVerdict] {
        readings(target, scenario, statistics).map { reading in
            let (verdict, distance) = verdictOf(reading.estimate, target.judgedBound)
            return PlaceVerdict(interval: reading.interval, estimate: reading.estimate, verdict: verdict, distance: distance)
        }
    }

    static func judge(_ target: ServiceTarget, _ scenario: Scenario, _ statistics: RunStatistics) -> TargetResult {
        let judged = placeVerdicts(target, scenario, statistics)
        // The deciding estimate: the worst failure, else the closest inconclusive one, else the tightest pass.
        let failures = judged.filter { $0.verdict == .fail }
        let open = judged.filter { $0.verdict == .inconclusive }
        let deciding = failures.min { $0.distance < $1.distance }
            ?? open.max { needed($0.estimate, target.judgedBound, $0.distance, statistics) < needed($1.estimate, target.judgedBound, $1.distance, statistics) }
            ?? judged.min { $0.distance < $1.distance }
        guard let deciding else {
            return TargetResult(target: target, verdict: .inconclusive, estimate: nil, interval: nil, suggestedReplications: nil)
        }
        let verdict: Verdict = failures.isEmpty ? (open.isEmpty ? .pass : .inconclusive) : .fail
        let suggestion = verdict == .inconclusive ? needed(deciding.estimate, target.judgedBound, deciding.distance, statistics) : nil
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

    /// Replications for the half of the interval that faces the bound to
    /// shrink to the distance between the estimate and the bound, if the
    /// estimate and the days' spread stay as observed: the spread is the
    /// observed one (that half-width over its Student t), and the critical
    /// value is the one the interval will have at that many days (the
    /// degrees of freedom of a ratio grow with the days; a percentile's are
    /// its sections').
    static func needed(_ estimate: MetricEstimate, _ bound: ServiceTarget.Bound, _ distance: Double, _ statistics: RunStatistics) -> Int {
        let (mean, low, high) = (estimate.mean, estimate.low, estimate.high)
        let facing: Double = switch bound {
        case .atLeast: mean - low
        case .atMost: high - mean
        case .between(let lower, let upper): mean - lower <= upper - mean ? mean - low : high - mean
        }
        let days = max(2, statistics.days)
        guard abs(distance) > 1e-12, facing.isFinite, facing > 0 else { return Int.max }
        let isPercentile = if case .percentile = estimate.key.metric.estimator { true } else { false }
        func critical(_ n: Double) -> Double {
            let degrees = isPercentile ? Double(SectionedQuantiles.sectionCount(days: Int(min(n, 1e9)))) - 1 : n - 1
            return StudentT.quantile(probability: 0.5 + statistics.level / 2, degreesOfFreedom: max(1, degrees))
        }
        // The spread of one day's worth, in the units of the interval.
        let spread = facing / critical(Double(days)) * Double(days).squareRoot()
        var wanted = Double(days) * pow(facing / abs(distance), 2)
        for _ in 0..<4 where wanted.isFinite && wanted < 1e15 {
            wanted = pow(critical(max(2, wanted)) * spread / abs(distance), 2)
        }
        guard wanted.isFinite, wanted < Double(Int.max / 2) else { return Int.max }
        return max(days + 1, Int(wanted.rounded(.up)))
    }

    // MARK: The margin policy

    /// The targets a plan misses when each reading's mean, moved against the
    /// plan by `margin` half-widths of its interval, must meet the bound (a
    /// margin of 0 judges the mean; 1 asks for the whole interval).
    public static func misses(_ scenario: Scenario, _ statistics: RunStatistics, margin: Double) -> [TargetMiss] {
        var misses: [TargetMiss] = []
        for (index, target) in scenario.targets.enumerated() {
            for reading in readings(target, scenario, statistics) {
                let estimate = reading.estimate
                let halfWidth = estimate.halfWidth.isFinite ? estimate.halfWidth : 0
                let pessimistic = (low: estimate.mean - margin * halfWidth, high: estimate.mean + margin * halfWidth)
                func miss(_ gap: Double, _ bound: Double, below: Bool) {
                    misses.append(TargetMiss(target: index, interval: reading.interval, shortfall: gap / max(abs(bound), 1e-9),
                                             isBelowMinimum: below))
                }
                switch target.judgedBound {
                case .atLeast(let low) where pessimistic.low < low: miss(low - pessimistic.low, low, below: true)
                case .atMost(let high) where pessimistic.high > high: miss(pessimistic.high - high, high, below: false)
                case .between(let low, _) where pessimistic.low < low: miss(low - pessimistic.low, low, below: true)
                case .between(_, let high) where pessimistic.high > high: miss(pessimistic.high - high, high, below: false)
                default: continue
                }
            }
        }
        return misses
    }
}
