import Foundation
import Measurement
import Statistics

/// One metric of one plan against the first plan: both estimates, the
/// paired difference (plan − first) with its 95% interval, and the
/// half-width the interval would have without pairing.
public struct PlanDifference: Sendable {
    public let key: MetricKey
    public let first: MetricEstimate
    public let plan: MetricEstimate
    public let difference: Double
    public let low: Double
    public let high: Double
    /// The half-width of the difference of two independent runs, for comparison.
    public let unpairedHalfWidth: Double

    /// Whether the interval excludes zero.
    public var isSignificant: Bool { low > 0 || high < 0 }
    public var halfWidth: Double { (high - low) / 2 }
}

/// Plans run with the same seed on the same days: because every purpose
/// has its own stream, day *d* of each plan sees the same customers, so the
/// per-day contributions are paired (common random numbers).
///
/// Days are folded in day order, all plans' day *d* together, and then
/// dropped: memory depends on the metrics and plans, not on the days.
/// A ratio metric's difference comes from ``PairedRatioEstimator``; a
/// percentile's difference is that of the pooled sketches, with an interval
/// from the paired sections' differences.
public struct PairedAccumulator: Sendable {
    /// Each plan's own estimators.
    public private(set) var plans: [RunAccumulator]
    /// For each plan after the first, its ratio terms paired with the first plan's.
    var pairs: [[MetricKey: PairedRatioEstimator]]

    /// - Parameters:
    ///   - plans: the number of plans compared (the first is the reference).
    ///   - plannedDays: the days the comparison will have.
    public init(plans: Int, plannedDays: Int) {
        self.plans = Array(repeating: RunAccumulator(plannedDays: plannedDays, keepingSections: true), count: plans)
        pairs = Array(repeating: [:], count: max(0, plans - 1))
    }

    /// The days folded so far.
    public var days: Int { plans.first?.days ?? 0 }

    /// Adds the same day of every plan, in plan order.
    ///
    /// - Complexity: O(plans × (terms + customers of the day)).
    public mutating func add(_ day: [DayMetrics]) {
        for (index, metrics) in day.enumerated() { plans[index].add(metrics) }
        guard let first = day.first else { return }
        let firstTerms = first.terms
        for (offset, other) in day.dropFirst().enumerated() {
            let otherTerms = other.terms
            for (key, a) in firstTerms {
                let b = otherTerms[key] ?? RatioTerm(0, 0)
                pairs[offset][key, default: PairedRatioEstimator()].add(first: (a.numerator, a.denominator),
                                                                        other: (b.numerator, b.denominator))
            }
            for (key, b) in otherTerms where firstTerms[key] == nil {
                pairs[offset][key, default: PairedRatioEstimator()].add(first: (0, 0), other: (b.numerator, b.denominator))
            }
        }
    }

    /// Plan `index`'s estimates at 95%.
    public func statistics(plan index: Int) -> RunStatistics { plans[index].statistics() }

    /// The differences of plan `index` against plan 0 for `keys`, at 95%,
    /// from the plans' `statistics` (as ``statistics(plan:)`` gives them).
    public func differences(plan index: Int, keys: [MetricKey], statistics: [RunStatistics]) -> [PlanDifference] {
        let days = self.days
        guard days >= 2, index > 0 else { return [] }
        let t = StudentT.quantile(probability: 0.975, degreesOfFreedom: Double(days - 1))
        return keys.compactMap { key in
            guard let a = statistics[0].estimate(key), let b = statistics[index].estimate(key) else { return nil }
            switch key.metric.estimator {
            case .ratio:
                guard let errors = pairs[index - 1][key]?.standardErrors(days: days) else { return nil }
                return PlanDifference(key: key, first: a, plan: b, difference: b.mean - a.mean,
                                      low: b.mean - a.mean - t * errors.paired, high: b.mean - a.mean + t * errors.paired,
                                      unpairedHalfWidth: t * errors.unpaired)
            case .percentile(let duration, let p):
                let durationKey = DurationKey(key.scope, entity: key.entity, interval: key.interval, duration)
                guard let first = plans[0].durations[durationKey], let other = plans[index].durations[durationKey] else { return nil }
                return Self.percentileDifference(key, p, first, other, a, b)
            }
        }
    }

    static func percentileDifference(_ key: MetricKey, _ p: Double, _ first: SectionedQuantiles, _ other: SectionedQuantiles,
                                     _ a: MetricEstimate, _ b: MetricEstimate) -> PlanDifference? {
        var paired = SampleSummary(), alone = (SampleSummary(), SampleSummary())
        for (x, y) in zip(first.sections, other.sections) where x.count > 0 && y.count > 0 {
            paired.add(y.quantile(p) - x.quantile(p))
            alone.0.add(x.quantile(p))
            alone.1.add(y.quantile(p))
        }
        guard paired.count >= 2 else { return nil }
        let t = StudentT.quantile(probability: 0.975, degreesOfFreedom: Double(paired.count - 1))
        let difference = b.mean - a.mean
        let halfWidth = t * paired.standardError
        let unpaired = t * (alone.0.variance / Double(alone.0.count) + alone.1.variance / Double(alone.1.count)).squareRoot()
        return PlanDifference(key: key, first: a, plan: b, difference: difference, low: difference - halfWidth,
                              high: difference + halfWidth, unpairedHalfWidth: unpaired)
    }
}
