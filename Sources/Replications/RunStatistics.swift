import Measurement
import Statistics

/// One metric across replications: its estimate and confidence interval,
/// by the metric's own estimator (``Metric/estimator``): a ratio of sums
/// over days with a delta-method interval kept within the metric's range,
/// or a percentile of the pooled customers with the interval of the share
/// it stands for, inverted (``ShareInversionQuantiles``).
public struct MetricEstimate: Sendable, Equatable {
    public let key: MetricKey
    public let mean: Double
    public let low: Double
    public let high: Double
    /// Days on which the metric was observed (a day with no served customer has no wait).
    public let days: Int

    public init(key: MetricKey, mean: Double, low: Double, high: Double, days: Int) {
        self.key = key
        self.mean = mean
        self.low = low
        self.high = high
        self.days = days
    }

    /// Half the interval's width; NaN without an interval.
    public var halfWidth: Double { (high - low) / 2 }

    /// Whether `value` lies in the closed interval.
    public func contains(_ value: Double) -> Bool { low <= value && value <= high }
}

/// Folds days, in day order, into every metric's estimator. Memory depends
/// on the metrics measured, not on the number of days.
public struct RunAccumulator: Sendable {
    public private(set) var days = 0
    /// Each ratio metric's estimator, and its key, in the order first seen.
    var ratios: [RatioEstimator] = []
    var ratioKeys: [MetricKey] = []
    var ratioIndex: [MetricKey: Int] = [:]
    /// For each layout days come on (by its token), each slot's estimator
    /// (−1 until seen): a day's terms are folded by slot, not hashed by key.
    var slotEstimators: [ObjectIdentifier: (token: LayoutToken, estimators: [Int])] = [:]
    /// Each group's durations by section of days, kept only for paired
    /// differences (``PairedComparison``).
    var durations: [DurationKey: SectionedQuantiles] = [:]
    /// Each group's durations pooled over all days, when sections are not kept.
    var pooled: [DurationKey: PooledDurations] = [:]
    /// The percentiles' intervals.
    var shares: [DurationKey: ShareInversionQuantiles] = [:]
    let sectionCount: Int
    let keepsSections: Bool
    /// The only ratio keys and duration groups folded, when not all are.
    let measuredKeys: Set<MetricKey>?
    let measuredDurations: Set<DurationKey>?

    /// - Parameters:
    ///   - plannedDays: the days the run will have, which sets the number
    ///     of sections of days.
    ///   - keepingSections: keep each section's durations, as paired
    ///     differences of percentiles need. Without them a run keeps one
    ///     pooled sketch per group, a twentieth of the memory (a sketch is
    ///     up to 45 KB): the same percentiles, since pooling sections adds
    ///     the same counts.
    ///   - keys: fold only these metrics (a percentile's whole duration
    ///     group); nil folds every metric. `check` reads only its targets,
    ///     and folding every metric was a fifth of its work.
    public init(plannedDays: Int, keepingSections: Bool = false, measuring keys: Set<MetricKey>? = nil) {
        sectionCount = SectionedQuantiles.sectionCount(days: plannedDays)
        keepsSections = keepingSections
        measuredKeys = keys
        measuredDurations = keys.map { keys in
            Set(keys.compactMap { key in
                guard case .percentile(let duration, _) = key.metric.estimator else { return nil }
                return DurationKey(key.scope, entity: key.entity, interval: key.interval, duration)
            })
        }
    }

    /// Adds the next day.
    ///
    /// - Complexity: O(terms + customers of the day); with keys to measure,
    ///   O(keys + their customers): the day's terms are looked up, not walked.
    public mutating func add(_ day: DayMetrics) {
        if let measuredKeys {
            for key in measuredKeys {
                if let term = day.term(key) { ratios[estimator(for: key)].add(term.numerator, term.denominator) }
            }
        } else {
            addTerms(day)
        }
        let section = days % sectionCount
        if let measuredDurations {
            for key in measuredDurations {
                if let buckets = day.durations[key] { addDurations(buckets, key, section: section) }
            }
        } else {
            for (key, buckets) in day.durations { addDurations(buckets, key, section: section) }
        }
        days += 1
    }

    /// The estimator of `key`, made when first seen.
    ///
    /// - Complexity: O(1) amortised.
    private mutating func estimator(for key: MetricKey) -> Int {
        if let index = ratioIndex[key] { return index }
        ratios.append(RatioEstimator())
        ratioKeys.append(key)
        ratioIndex[key] = ratios.count - 1
        return ratios.count - 1
    }

    /// Layouts whose slot maps are kept: one per worker is enough.
    static let layoutsKept = 64

    /// Every term of `day`, slot by slot.
    ///
    /// - Complexity: O(slots), a key looked up only for a slot first seen on its layout.
    private mutating func addTerms(_ day: DayMetrics) {
        let layout = day.layout
        let id = ObjectIdentifier(layout.token)
        var estimators = slotEstimators.removeValue(forKey: id)?.estimators ?? []
        // Days on layouts of their own (made apart, not by one observer)
        // must not keep a map each: memory stays bounded by the metrics.
        if estimators.isEmpty, slotEstimators.count >= Self.layoutsKept { slotEstimators.removeAll(keepingCapacity: true) }
        if estimators.count < day.slotTerms.count {
            estimators.append(contentsOf: repeatElement(-1, count: day.slotTerms.count - estimators.count))
        }
        for slot in day.slotTerms.indices where day.slotMeasured[slot] {
            var index = estimators[slot]
            if index < 0 {
                index = estimator(for: layout.keys[slot])
                estimators[slot] = index
            }
            let term = day.slotTerms[slot]
            ratios[index].add(term.numerator, term.denominator)
        }
        slotEstimators[id] = (layout.token, estimators)
    }

    /// - Complexity: O(durations).
    private mutating func addDurations(_ buckets: [UInt16], _ key: DurationKey, section: Int) {
        if keepsSections {
            durations[key, default: SectionedQuantiles(sections: sectionCount)].add(buckets, section: section)
        } else {
            pooled[key, default: PooledDurations()].add(buckets, section: section)
        }
        shares[key, default: ShareInversionQuantiles()].add(buckets: buckets)
    }

    /// Every metric's estimate at `level`, in key order.
    public func statistics(level: Double = 0.95) -> RunStatistics {
        var estimates: [MetricEstimate] = []
        estimates.reserveCapacity(ratios.count + durations.count * Metric.percentiles.count)
        for (key, ratio) in zip(ratioKeys, ratios) {
            guard case .ratio(let range) = key.metric.estimator else { continue }
            var found = ratio.estimate(days: days, level: level, range: range)
            // A share of days is a binomial proportion over the days with a value.
            if case .daysMeeting = key.metric {
                found = Estimate.wilson(successes: ratio.ratio(days: ratio.observed) * Double(ratio.observed), trials: ratio.observed,
                                        level: level)
            }
            guard found.value.isFinite else { continue }
            estimates.append(MetricEstimate(key: key, mean: found.value, low: found.low, high: found.high, days: ratio.observed))
        }
        let ps = Metric.percentiles.map { Double($0) / 100 }
        // Each group's pooled percentiles, and the sections of days that had any customer.
        let groups: [(key: DurationKey, observed: Int, values: [Double])] = keepsSections
            ? durations.map { key, sections in
                (key, sections.sections.reduce(0) { $0 + ($1.count > 0 ? 1 : 0) }, sections.pooledQuantiles(ps))
            }
            : pooled.map { key, pooled in (key, pooled.sectionsSeen.nonzeroBitCount, ps.map(pooled.sketch.quantile)) }
        for (key, observed, values) in groups {
            let bounds = shares[key]?.intervals(ps, level: level, days: days) ?? ps.map { _ in (.nan, .nan) }
            for ((p, value), bound) in zip(zip(Metric.percentiles, values), bounds) {
                // The interval holds the pooled estimate (a cell is coarser than a bucket).
                let low = bound.low.isFinite ? min(bound.low, value) : .nan
                let high = bound.high.isFinite ? max(bound.high, value) : .nan
                estimates.append(MetricEstimate(key: key.percentile(p), mean: value, low: low, high: high, days: observed))
            }
        }
        return RunStatistics(estimates: estimates.sorted { $0.key < $1.key }, days: days, level: level)
    }
}

/// One group's durations over all days, and which sections of days had any.
struct PooledDurations: Sendable {
    var sketch = QuantileSketch()
    /// Bit *s* is set once section *s* has had a customer (at most 20 sections).
    var sectionsSeen: UInt64 = 0

    /// - Complexity: O(durations).
    mutating func add(_ buckets: [UInt16], section: Int) {
        guard !buckets.isEmpty else { return }
        sketch.add(buckets: buckets)
        sectionsSeen |= 1 << UInt64(section)
    }
}

/// Every metric of a run, in key order.
public struct RunStatistics: Sendable {
    public let estimates: [MetricEstimate]
    public let days: Int
    /// The intervals' confidence level, e.g. 0.95.
    public let level: Double

    public init(estimates: [MetricEstimate], days: Int, level: Double) {
        self.estimates = estimates
        self.days = days
        self.level = level
    }

    /// Aggregates `results` in the order given (day order), so the figures
    /// do not depend on how the days were spread over threads.
    public init(_ results: [DayResult], level: Double = 0.95) {
        var accumulator = RunAccumulator(plannedDays: results.count)
        for result in results { accumulator.add(result.metrics) }
        self = accumulator.statistics(level: level)
    }

    /// The estimate of `key`, if measured.
    public func estimate(_ key: MetricKey) -> MetricEstimate? {
        var low = 0, high = estimates.count
        while low < high {
            let middle = (low + high) / 2
            if estimates[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < estimates.count && estimates[low].key == key ? estimates[low] : nil
    }
}
