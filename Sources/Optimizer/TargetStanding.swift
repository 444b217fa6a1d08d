import Evaluation
import Measurement
import Replications
import Scenario

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

/// How a plan stands against its scenario's targets during the search:
/// each target's mean over the search days, moved against the plan by
/// `margin` half-widths of its 95% interval, must be on the right side of
/// its bound (a margin of 0 judges the mean; 1 asks for the whole interval).
public enum TargetStanding {
    public static func misses(_ evaluation: PlanEvaluation, margin: Double) -> [TargetMiss] {
        let scenario = evaluation.scenario
        var misses: [TargetMiss] = []
        for (index, target) in scenario.targets.enumerated() {
            let intervals: [Int?] = target.perInterval ? (0..<scenario.intervalCount).map { $0 } : [nil]
            for interval in intervals {
                guard let estimate = evaluation.statistics.estimate(TargetJudge.key(for: target, interval: interval)),
                      estimate.mean.isFinite else { continue }
                let halfWidth = ((estimate.high - estimate.low) / 2).isFinite ? (estimate.high - estimate.low) / 2 : 0
                let pessimistic = (low: estimate.mean - margin * halfWidth, high: estimate.mean + margin * halfWidth)
                func relative(_ gap: Double, _ bound: Double) -> Double { gap / max(abs(bound), 1e-9) }
                switch target.bound {
                case .atLeast(let low) where pessimistic.low < low:
                    misses.append(TargetMiss(target: index, interval: interval, shortfall: relative(low - pessimistic.low, low), isBelowMinimum: true))
                case .atMost(let high) where pessimistic.high > high:
                    misses.append(TargetMiss(target: index, interval: interval, shortfall: relative(pessimistic.high - high, high), isBelowMinimum: false))
                case .between(let low, _) where pessimistic.low < low:
                    misses.append(TargetMiss(target: index, interval: interval, shortfall: relative(low - pessimistic.low, low), isBelowMinimum: true))
                case .between(_, let high) where pessimistic.high > high:
                    misses.append(TargetMiss(target: index, interval: interval, shortfall: relative(pessimistic.high - high, high), isBelowMinimum: false))
                default:
                    continue
                }
            }
        }
        return misses
    }

    /// A miss that more windows would cure: anything but windows too idle.
    static func wantsMoreService(_ miss: TargetMiss, _ scenario: Scenario) -> Bool {
        if case .windowUtilisation = scenario.targets[miss.target].measure { return !miss.isBelowMinimum }
        return true
    }
}
