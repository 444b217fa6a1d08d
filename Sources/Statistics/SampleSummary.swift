/// Running count, mean and variance of a series of observations (Welford's
/// method), e.g. one value per replication.
public struct SampleSummary: Sendable, Equatable {
    public private(set) var count: Int = 0
    public private(set) var mean: Double = 0
    /// Sum of squared deviations from the running mean.
    private var squaredDeviations: Double = 0
    public private(set) var minimum: Double = .infinity
    public private(set) var maximum: Double = -.infinity

    public init() {}

    /// A summary of `values`.
    public init<S: Sequence>(_ values: S) where S.Element == Double {
        for value in values { add(value) }
    }

    /// Adds one observation.
    ///
    /// - Complexity: O(1).
    public mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        squaredDeviations += delta * (value - mean)
        minimum = min(minimum, value)
        maximum = max(maximum, value)
    }

    /// The unbiased sample variance; 0 with fewer than two observations.
    public var variance: Double {
        count > 1 ? squaredDeviations / Double(count - 1) : 0
    }

    /// The sample standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// The standard error of the mean.
    public var standardError: Double {
        count > 0 ? (variance / Double(count)).squareRoot() : .nan
    }

    /// The Student t confidence interval of the mean at `level` (e.g. 0.95).
    /// With fewer than two observations the interval is unbounded.
    public func confidenceInterval(level: Double = 0.95) -> ConfidenceInterval {
        guard count > 1 else {
            return ConfidenceInterval(estimate: count == 1 ? mean : .nan, halfWidth: .infinity, level: level)
        }
        let t = StudentT.quantile(probability: 0.5 + level / 2, degreesOfFreedom: Double(count - 1))
        return ConfidenceInterval(estimate: mean, halfWidth: t * standardError, level: level)
    }
}
