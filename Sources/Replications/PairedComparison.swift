import Foundation
import Measurement
import Statistics

/// One metric of one plan against the first plan: both estimates, the
/// paired difference (plan − first) with its 95% interval from the per-day
/// differences, and the half-width the interval would have without pairing.
public struct PlanDifference: Sendable {
    public let key: MetricKey
    public let first: MetricEstimate
    public let plan: MetricEstimate
    public let difference: Double
    public let low: Double
    public let high: Double
    /// The Welch half-width of the unpaired difference, for comparison.
    public let unpairedHalfWidth: Double

    /// Whether the interval excludes zero.
    public var isSignificant: Bool { low > 0 || high < 0 }
    public var halfWidth: Double { (high - low) / 2 }
}

/// Plans run with the same seed on the same days: because every purpose
/// has its own stream, day *d* of each plan sees the same customers, so the
/// per-day differences are paired (common random numbers).
public enum PairedComparison {
    /// The differences of plan `index` against plan 0 for `keys`.
    public static func differences(_ plans: [[DayResult]], plan index: Int, keys: [MetricKey]) -> [PlanDifference] {
        let first = plans[0], other = plans[index]
        return keys.compactMap { key in
            var differences = SampleSummary(), a = SampleSummary(), b = SampleSummary()
            for (day, result) in first.enumerated() where day < other.count {
                guard let x = result.metrics[key], let y = other[day].metrics[key] else { continue }
                differences.add(y - x)
                a.add(x)
                b.add(y)
            }
            guard differences.count >= 2 else { return nil }
            let interval = differences.confidenceInterval(level: 0.95)
            let unpaired = StudentT.quantile(probability: 0.975, degreesOfFreedom: Double(min(a.count, b.count) - 1))
                * (a.variance / Double(a.count) + b.variance / Double(b.count)).squareRoot()
            func estimate(_ summary: SampleSummary) -> MetricEstimate {
                let ci = summary.confidenceInterval(level: 0.95)
                return MetricEstimate(key: key, mean: summary.mean, low: ci.low, high: ci.high, days: summary.count)
            }
            return PlanDifference(key: key, first: estimate(a), plan: estimate(b), difference: interval.estimate,
                                  low: interval.low, high: interval.high, unpairedHalfWidth: unpaired)
        }
    }
}
