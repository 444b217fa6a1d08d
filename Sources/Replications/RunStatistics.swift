import Measurement
import Statistics

/// One metric across replications: the mean of the per-day values and its
/// 95% Student t interval. Percentiles are treated the same way: the
/// interval of a p90 is that of the days' p90s, not of pooled customers.
public struct MetricEstimate: Sendable, Equatable {
    public let key: MetricKey
    public let mean: Double
    public let low: Double
    public let high: Double
    /// Days that had a value (a day with no served customer has no wait).
    public let days: Int

    public init(key: MetricKey, mean: Double, low: Double, high: Double, days: Int) {
        self.key = key
        self.mean = mean
        self.low = low
        self.high = high
        self.days = days
    }
}

/// Every metric of a run, in key order.
public struct RunStatistics: Sendable {
    public let estimates: [MetricEstimate]
    public let days: Int

    /// Aggregates `results` in the order given (day order), so the figures
    /// do not depend on how the days were spread over threads.
    public init(_ results: [DayResult], level: Double = 0.95) {
        // Each metric's values are added in day order; the order of metrics
        // within a day does not matter.
        var summaries: [MetricKey: SampleSummary] = [:]
        for result in results {
            for (key, value) in result.metrics {
                summaries[key, default: SampleSummary()].add(value)
            }
        }
        estimates = summaries.keys.sorted().map { key in
            let summary = summaries[key] ?? SampleSummary()
            let interval = summary.confidenceInterval(level: level)
            return MetricEstimate(key: key, mean: summary.mean, low: interval.halfWidth.isFinite ? interval.low : .nan,
                                  high: interval.halfWidth.isFinite ? interval.high : .nan, days: summary.count)
        }
        days = results.count
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
