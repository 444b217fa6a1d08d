/// One day's contribution to a ratio metric: the numerator's and the
/// denominator's sums (the day's waits and its customers; busy and open
/// minutes; a count and 1).
public struct RatioTerm: Sendable, Equatable {
    public var numerator: Double
    public var denominator: Double

    public init(_ numerator: Double, _ denominator: Double) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The day's own value; NaN when the denominator is 0.
    public var value: Double { denominator > 0 ? numerator / denominator : .nan }
}

/// Everything one day contributes to a run's statistics: a term per ratio
/// metric, and the durations (as sketch buckets) whose percentiles are
/// estimated over pooled customers. These per-day rows are all a run's
/// estimates are built from, so runs split into parts merge exactly.
public struct DayMetrics: Sendable {
    public var terms: [MetricKey: RatioTerm] = [:]
    /// Durations of the day's customers per group, as ``QuantileSketch`` buckets.
    public var durations: [DurationKey: [UInt16]] = [:]

    /// - Parameter capacity: the terms expected (a day's count is a good guess for the next).
    public init(capacity: Int = 0) {
        terms.reserveCapacity(capacity)
    }

    /// Sets a term; non-finite values are not recorded.
    ///
    /// - Complexity: O(1) amortised.
    public mutating func put(_ key: MetricKey, _ numerator: Double, over denominator: Double = 1) {
        guard numerator.isFinite, denominator.isFinite, denominator >= 0 else { return }
        terms[key] = RatioTerm(numerator, denominator)
    }

    /// The day's own value of `key` (numerator / denominator); NaN when not measured.
    public func value(_ key: MetricKey) -> Double { terms[key]?.value ?? .nan }
}
