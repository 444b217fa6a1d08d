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
/// A ratio metric's difference R_b − R_a is estimated with the delta method
/// on paired days: day d contributes (x_b − R_b·y_b)/ȳ_b − (x_a − R_a·y_a)/ȳ_a,
/// whose spread gives the interval. A percentile's difference is that of the
/// pooled sketches, with an interval from the paired sections' differences.
public enum PairedComparison {
    /// The differences of plan `index` against plan 0 for `keys`, at 95%.
    public static func differences(_ plans: [[DayResult]], plan index: Int, keys: [MetricKey]) -> [PlanDifference] {
        let first = plans[0], other = plans[index]
        let days = min(first.count, other.count)
        guard days >= 2 else { return [] }
        let a = RunStatistics(Array(first.prefix(days))), b = RunStatistics(Array(other.prefix(days)))
        let t = StudentT.quantile(probability: 0.975, degreesOfFreedom: Double(days - 1))
        return keys.compactMap { key in
            guard let estimateA = a.estimate(key), let estimateB = b.estimate(key) else { return nil }
            switch key.metric.estimator {
            case .ratio:
                return ratioDifference(key, first.prefix(days), other.prefix(days), estimateA, estimateB, t: t)
            case .percentile(let duration, let p):
                return percentileDifference(key, duration, p, first.prefix(days), other.prefix(days), estimateA, estimateB)
            }
        }
    }

    static func ratioDifference(_ key: MetricKey, _ first: ArraySlice<DayResult>, _ other: ArraySlice<DayResult>,
                                _ a: MetricEstimate, _ b: MetricEstimate, t: Double) -> PlanDifference? {
        let n = Double(first.count)
        func terms(_ days: ArraySlice<DayResult>) -> [RatioTerm] { days.map { $0.metrics.terms[key] ?? RatioTerm(0, 0) } }
        let termsA = terms(first), termsB = terms(other)
        let meanYA = termsA.reduce(0) { $0 + $1.denominator } / n, meanYB = termsB.reduce(0) { $0 + $1.denominator } / n
        guard meanYA > 0, meanYB > 0 else { return nil }
        var paired = SampleSummary(), alone = (SampleSummary(), SampleSummary())
        for (x, y) in zip(termsA, termsB) {
            let influenceA = (x.numerator - a.mean * x.denominator) / meanYA
            let influenceB = (y.numerator - b.mean * y.denominator) / meanYB
            paired.add(influenceB - influenceA)
            alone.0.add(influenceA)
            alone.1.add(influenceB)
        }
        let difference = b.mean - a.mean
        let halfWidth = t * paired.standardError
        let unpaired = t * (alone.0.variance / n + alone.1.variance / n).squareRoot()
        return PlanDifference(key: key, first: a, plan: b, difference: difference, low: difference - halfWidth,
                              high: difference + halfWidth, unpairedHalfWidth: unpaired)
    }

    static func percentileDifference(_ key: MetricKey, _ duration: Metric.Duration, _ p: Double,
                                     _ first: ArraySlice<DayResult>, _ other: ArraySlice<DayResult>,
                                     _ a: MetricEstimate, _ b: MetricEstimate) -> PlanDifference? {
        let durationKey = DurationKey(key.scope, entity: key.entity, interval: key.interval, duration)
        let count = SectionedQuantiles.sectionCount(days: first.count)
        var sectionsA = SectionedQuantiles(sections: count), sectionsB = SectionedQuantiles(sections: count)
        for (offset, (x, y)) in zip(first, other).enumerated() {
            sectionsA.add(x.metrics.durations[durationKey] ?? [], section: offset % count)
            sectionsB.add(y.metrics.durations[durationKey] ?? [], section: offset % count)
        }
        var paired = SampleSummary(), alone = (SampleSummary(), SampleSummary())
        for (x, y) in zip(sectionsA.sections, sectionsB.sections) where x.count > 0 && y.count > 0 {
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
