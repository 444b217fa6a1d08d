import CGSL
import Foundation
import RandomStreams

/// The predictive distribution of a count: Poisson with a gamma-distributed
/// mean, i.e. negative binomial with mean `mean` and variance
/// `mean + mean²/shape`; Poisson when `shape` is infinite.
public struct CountDistribution: Sendable, Equatable {
    public let mean: Double
    /// The gamma mixing shape; `.infinity` for Poisson.
    public let shape: Double

    public init(mean: Double, shape: Double) {
        self.mean = max(mean, 0)
        self.shape = shape
    }

    public var variance: Double { shape.isFinite ? mean + mean * mean / shape : mean }

    /// P(count ≤ k).
    /// - Complexity: O(1) (an incomplete beta or gamma function).
    public func cumulative(_ k: Int) -> Double {
        guard k >= 0 else { return 0 }
        guard mean > 0 else { return 1 }
        let count = UInt32(min(k, Int(UInt32.max - 1)))
        if !shape.isFinite || shape > 1e7 { return gsl_cdf_poisson_P(count, mean) }
        return gsl_cdf_negative_binomial_P(count, shape / (shape + mean), shape)
    }

    /// The smallest k with P(count ≤ k) ≥ `probability`.
    /// - Complexity: O(log(mean)) evaluations of ``cumulative(_:)``.
    public func quantile(_ probability: Double) -> Int {
        GSLRuntime.prepare()
        guard mean > 0, probability > 0 else { return 0 }
        let sd = variance.squareRoot()
        var low = max(Int(mean - 6 * sd) - 1, -1)
        if low >= 0 && cumulative(low) >= probability { low = -1 }
        var high = Int(mean + 6 * sd) + 10
        while cumulative(high) < probability && high < Int(UInt32.max / 2) { high *= 2 }
        // Invariant: cumulative(low) < probability ≤ cumulative(high).
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if cumulative(middle) >= probability { high = middle } else { low = middle }
        }
        return high
    }

    /// The central interval holding `level` of the probability.
    public func interval(_ level: Double) -> (low: Int, high: Int) {
        (quantile((1 - level) / 2), quantile((1 + level) / 2))
    }
}

/// The two prediction intervals every forecast gives.
public enum PredictionLevel: Double, CaseIterable, Sendable {
    case eighty = 0.8
    case ninetyFive = 0.95

    /// "80%" or "95%".
    public var label: String { self == .eighty ? "80%" : "95%" }
}
