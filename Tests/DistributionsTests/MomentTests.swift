import Foundation
import Testing
import Distributions
import RandomStreams
import Statistics

/// Each case states its theoretical mean and variance, computed here from
/// the textbook formulas rather than from `Distribution.mean`.
struct MomentCase: CustomTestStringConvertible, Sendable {
    let label: String
    let make: @Sendable () throws -> Distribution
    let mean: Double
    let variance: Double
    var testDescription: String { label }
}

/// Mean and variance of Normal(m, s) conditioned on X >= 0.
func truncatedNormalMoments(mean m: Double, sd s: Double) -> (Double, Double) {
    let alpha = -m / s
    let pdf = exp(-alpha * alpha / 2) / (2 * Double.pi).squareRoot()
    let survival = 0.5 * erfc(alpha / 2.0.squareRoot())
    let lambda = pdf / survival
    return (m + s * lambda, s * s * (1 + alpha * lambda - lambda * lambda))
}

/// Moments of the interpolated empirical distribution: each gap between
/// sorted points is uniform and carries probability 1/(n-1).
func interpolatedMoments(_ points: [Double]) -> (Double, Double) {
    let sorted = points.sorted()
    let gaps = Double(sorted.count - 1)
    var first = 0.0, second = 0.0
    for index in 0..<(sorted.count - 1) {
        let a = sorted[index], b = sorted[index + 1]
        first += (a + b) / 2 / gaps
        second += (a * a + a * b + b * b) / 3 / gaps
    }
    return (first, second - first * first)
}

let truncatedHigh = truncatedNormalMoments(mean: 5, sd: 2)
let truncatedLow = truncatedNormalMoments(mean: 1, sd: 2)
let interpolated = interpolatedMoments([3, 1, 4, 1, 5, 9, 2, 6])
let weibullMean = 6 * tgamma(1 + 1 / 1.5)
let weibullVariance = 36 * (tgamma(1 + 2 / 1.5) - tgamma(1 + 1 / 1.5) * tgamma(1 + 1 / 1.5))
// Discrete table: values 1, 2, 5, 10 with weights 4, 3, 2, 1.
let discreteValues: [Double] = [1, 2, 5, 10]
let discreteProbabilities: [Double] = [0.4, 0.3, 0.2, 0.1]
let discreteMean: Double = zip(discreteValues, discreteProbabilities).map { $0 * $1 }.reduce(0, +)
let discreteSecond: Double = zip(discreteValues, discreteProbabilities).map { $0 * $0 * $1 }.reduce(0, +)
let discreteVariance: Double = discreteSecond - discreteMean * discreteMean

let momentCases: [MomentCase] = [
    MomentCase(label: "exponential(mean 5)", make: { try .exponential(mean: 5) }, mean: 5, variance: 25),
    MomentCase(label: "erlang(k 3, mean 6)", make: { try .erlang(phases: 3, mean: 6) }, mean: 6, variance: 12),
    MomentCase(label: "gamma(mean 8, sd 3)", make: { try .gamma(mean: 8, sd: 3) }, mean: 8, variance: 9),
    MomentCase(label: "lognormal(mean 7, sd 4)", make: { try .lognormal(mean: 7, sd: 4) }, mean: 7, variance: 16),
    MomentCase(label: "weibull(shape 1.5, scale 6)", make: { try .weibull(shape: 1.5, scale: 6) },
               mean: weibullMean, variance: weibullVariance),
    MomentCase(label: "normal(mean 5, sd 2) truncated at 0", make: { try .normal(mean: 5, sd: 2) },
               mean: truncatedHigh.0, variance: truncatedHigh.1),
    MomentCase(label: "normal(mean 1, sd 2) truncated at 0", make: { try .normal(mean: 1, sd: 2) },
               mean: truncatedLow.0, variance: truncatedLow.1),
    MomentCase(label: "uniform(2, 8)", make: { try .uniform(min: 2, max: 8) }, mean: 5, variance: 3),
    MomentCase(label: "triangular(1, 3, 8)", make: { try .triangular(min: 1, mode: 3, max: 8) },
               mean: 4, variance: (1 + 9 + 64 - 3 - 8 - 24) / 18.0),
    MomentCase(label: "empirical table", make: { try .empirical(values: [1, 2, 5, 10], weights: [4, 3, 2, 1]) },
               mean: discreteMean, variance: discreteVariance),
    MomentCase(label: "empirical sample points", make: { try .empirical(samplePoints: [3, 1, 4, 1, 5, 9, 2, 6]) },
               mean: interpolated.0, variance: interpolated.1),
]

@Suite("Distribution moments")
struct MomentTests {
    /// 40 batches of 5,000 draws. The batch means and the batch variances
    /// (each unbiased) give Student t intervals whose width follows from the
    /// sample size; the theory must lie inside the 99.9% intervals, and the
    /// intervals must be narrow enough to catch a 3% error in the mean or a
    /// 10% error in the variance.
    @Test("sample mean and variance match theory", arguments: momentCases)
    func moments(_ momentCase: MomentCase) throws {
        let distribution = try momentCase.make()
        let bank = try RandomStreamBank(seed: 2026, replication: 0, purposes: [.service(of: momentCase.label)])
        let stream = StreamIndex(0)
        var batchMeans = SampleSummary(), batchVariances = SampleSummary()
        for _ in 0..<40 {
            var batch = SampleSummary()
            for _ in 0..<5_000 {
                let value = distribution.sample(from: bank, stream: stream)
                #expect(value >= 0 && value.isFinite)
                batch.add(value)
            }
            batchMeans.add(batch.mean)
            batchVariances.add(batch.variance)
        }
        let meanInterval = batchMeans.confidenceInterval(level: 0.999)
        let varianceInterval = batchVariances.confidenceInterval(level: 0.999)
        #expect(meanInterval.contains(momentCase.mean), "mean \(meanInterval) vs \(momentCase.mean)")
        #expect(varianceInterval.contains(momentCase.variance), "variance \(varianceInterval) vs \(momentCase.variance)")
        #expect(meanInterval.halfWidth < 0.015 * momentCase.mean)
        #expect(varianceInterval.halfWidth < 0.05 * momentCase.variance)
    }

    @Test("the analytic moments a distribution reports agree with theory", arguments: momentCases)
    func reportedMoments(_ momentCase: MomentCase) throws {
        let distribution = try momentCase.make()
        #expect(abs(distribution.mean - momentCase.mean) <= 1e-9 * momentCase.mean)
        #expect(abs(distribution.variance - momentCase.variance) <= 1e-9 * momentCase.variance)
    }

    @Test("deterministic times never vary")
    func deterministic() throws {
        let distribution = try Distribution.deterministic(4)
        let bank = try RandomStreamBank(seed: 1, replication: 0, purposes: [.routing])
        for _ in 0..<1_000 { #expect(distribution.sample(from: bank, stream: StreamIndex(0)) == 4) }
        #expect(distribution.mean == 4 && distribution.variance == 0)
    }

    @Test("an empirical table only ever returns its own values, in proportion to their weights")
    func discreteFrequencies() throws {
        let distribution = try Distribution.empirical(values: [1, 2, 5, 10], weights: [4, 3, 2, 1])
        let bank = try RandomStreamBank(seed: 3, replication: 0, purposes: [.routing])
        var counts: [Double: Int] = [:]
        let n = 100_000
        for _ in 0..<n { counts[distribution.sample(from: bank, stream: StreamIndex(0)), default: 0] += 1 }
        #expect(Set(counts.keys) == [1, 2, 5, 10])
        // Chi-square with 3 degrees of freedom; 16.27 is its 99.9% quantile.
        let expected: [Double: Double] = [1: 0.4, 2: 0.3, 5: 0.2, 10: 0.1]
        let chiSquare = expected.reduce(0.0) { sum, entry in
            let observed = Double(counts[entry.key] ?? 0), wanted = entry.value * Double(n)
            return sum + (observed - wanted) * (observed - wanted) / wanted
        }
        #expect(chiSquare < 16.27)
    }

    @Test("interpolated sample points stay within the observed range")
    func continuousRange() throws {
        let distribution = try Distribution.empirical(samplePoints: [3, 1, 4, 1, 5, 9, 2, 6])
        let bank = try RandomStreamBank(seed: 4, replication: 0, purposes: [.routing])
        for _ in 0..<10_000 {
            let value = distribution.sample(from: bank, stream: StreamIndex(0))
            #expect(value >= 1 && value <= 9)
        }
    }
}
