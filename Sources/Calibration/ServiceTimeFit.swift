import Distributions
import Foundation
import OutletEngine

/// The service time of one transaction type: every family fitted by
/// maximum likelihood, the one with the smallest AIC chosen, and the
/// empirical distribution instead when even that one fails the
/// Kolmogorov-Smirnov test.
public struct ServiceTimeFit: Sendable {
    /// Every family that could be fitted, smallest AIC first.
    public let candidates: [FittedFamily]
    /// The chosen family, or nil when the empirical distribution is used.
    public let chosen: FittedFamily?
    /// Kolmogorov-Smirnov distance of the best family, and its p-value
    /// (conservative: the parameters come from the same sample).
    public let ksDistance: Double
    public let ksPValue: Double
    /// Mean and standard deviation of the chosen distribution, minutes,
    /// with 95% bootstrap intervals (the family refitted on resamples).
    public let mean: IntervalEstimate
    public let sd: IntervalEstimate
    /// The served tickets' service times, minutes (for the report).
    public let sample: [Double]
    /// The distribution the scenario gets.
    public let distribution: Distribution
    public let scenarioText: String

    /// The significance level below which no family is said to fit.
    public static let rejectBelow = 0.01
    /// The fewest services fitted; below it the empirical distribution is used.
    public static let fewestForFamilies = 10
    static let resamples = 200

    /// Fits `sample` (minutes; values ≤ 0 are set to one second: the log's
    /// resolution); nil when there is no positive time at all.
    /// A `stop` request cuts the bootstrap short; the caller then throws.
    public init?(sample raw: [Double], seed: UInt64, stop: StopRequest? = nil) throws(DistributionError) {
        let sample = raw.filter(\.isFinite).map { max($0, 1.0 / 60) }
        guard !sample.isEmpty else { return nil }
        self.sample = sample
        let fits = sample.count >= Self.fewestForFamilies ? ServiceFamily.allCases.compactMap { MaximumLikelihood.fit($0, sample) } : []
        candidates = fits.sorted { $0.aic < $1.aic }
        var generator = Resampling(seed: seed)
        if let best = candidates.first {
            ksDistance = MaximumLikelihood.kolmogorovSmirnov(sample, best)
            ksPValue = MaximumLikelihood.kolmogorovPValue(distance: ksDistance, n: sample.count)
        } else {
            ksDistance = .nan
            ksPValue = .nan
        }
        if let best = candidates.first, ksPValue >= Self.rejectBelow, let distribution = try? best.distribution() {
            chosen = best
            self.distribution = distribution
            scenarioText = best.scenarioText
            var means: [Double] = [], sds: [Double] = []
            for _ in 0..<Self.resamples {
                if stop?.isRequested == true { break }
                guard let refit = MaximumLikelihood.fit(best.family, generator.resample(sample)) else { continue }
                means.append(refit.mean)
                sds.append(refit.sd)
            }
            let (meanLow, meanHigh) = Resampling.percentileInterval(means), (sdLow, sdHigh) = Resampling.percentileInterval(sds)
            mean = IntervalEstimate(value: best.mean, low: meanLow, high: meanHigh)
            sd = IntervalEstimate(value: best.sd, low: sdLow, high: sdHigh)
        } else {
            chosen = nil
            // The empirical distribution of the sample, at most 200 points
            // (its quantiles, so the shape survives).
            let sorted = sample.sorted()
            let points = sorted.count <= 200 ? sorted : (0..<200).map { sorted[Int(Double($0) / 199 * Double(sorted.count - 1))] }
            let distinct = Array(Set(points)).count >= 2 ? points : [points[0], points[0] + 1.0 / 60]
            distribution = try Distribution.empirical(samplePoints: distinct)
            scenarioText = "empirical(points=[" + distinct.map { String(format: "%.4g", $0) }.joined(separator: ", ") + "])"
            func moments(_ values: [Double]) -> (Double, Double) {
                let m = values.reduce(0, +) / Double(values.count)
                let v = values.count > 1 ? values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1) : 0
                return (m, sqrt(v))
            }
            let (m, s) = moments(sample)
            var means: [Double] = [], sds: [Double] = []
            for _ in 0..<Self.resamples {
                if stop?.isRequested == true { break }
                let (rm, rs) = moments(generator.resample(sample))
                means.append(rm)
                sds.append(rs)
            }
            let (meanLow, meanHigh) = Resampling.percentileInterval(means), (sdLow, sdHigh) = Resampling.percentileInterval(sds)
            mean = IntervalEstimate(value: m, low: meanLow, high: meanHigh)
            sd = IntervalEstimate(value: s, low: sdLow, high: sdHigh)
        }
    }
}
