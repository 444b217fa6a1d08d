import Calibration
import CGSL
import Distributions
import Foundation
import RandomStreams
import Testing

/// Service-time fits on samples drawn by GSL from known distributions: the
/// truth's family wins on AIC, and its mean and sd lie inside the bootstrap
/// intervals, which are narrow enough to catch a bias of a few per cent.
@Suite("Service-time fits")
struct MaximumLikelihoodTests {
    static func sample(_ distribution: Distribution, count: Int, seed: UInt64) throws -> [Double] {
        let bank = try RandomStreamBank(seed: seed, replication: 0, purposes: [.service(of: "fit")])
        return (0..<count).map { _ in distribution.sample(from: bank, stream: StreamIndex(0)) }
    }

    struct Truth: Sendable, CustomStringConvertible {
        let family: ServiceFamily
        let mean: Double
        let sd: Double
        var description: String { "\(family.rawValue)(mean \(mean), sd \(sd))" }

        func distribution() throws -> Distribution {
            switch family {
            case .exponential: return try Distribution.exponential(mean: mean)
            case .lognormal: return try Distribution.lognormal(mean: mean, sd: sd)
            case .gamma: return try Distribution.gamma(mean: mean, sd: sd)
            case .weibull:
                // The shape k with sd/mean as given: solve Γ(1+2/k)/Γ(1+1/k)² = 1 + cv² by bisection.
                let target = 1 + (sd / mean) * (sd / mean)
                var low = 0.2, high = 20.0
                for _ in 0..<200 {
                    let k = (low + high) / 2
                    let ratio = gsl_sf_gamma(1 + 2 / k) / pow(gsl_sf_gamma(1 + 1 / k), 2)
                    if ratio > target { low = k } else { high = k }
                }
                let k = (low + high) / 2
                return try Distribution.weibull(shape: k, scale: mean / gsl_sf_gamma(1 + 1 / k))
            }
        }
    }

    @Test("the true family wins and its moments lie in the intervals", arguments: [
        Truth(family: .exponential, mean: 5, sd: 5), Truth(family: .lognormal, mean: 4, sd: 2),
        Truth(family: .gamma, mean: 12, sd: 5), Truth(family: .weibull, mean: 8, sd: 3),
    ])
    func recovers(_ truth: Truth) throws {
        let sample = try Self.sample(truth.distribution(), count: 4_000, seed: 7)
        let fit = try #require(try ServiceTimeFit(sample: sample, seed: 3))
        let chosen = try #require(fit.chosen)
        #expect(chosen.family == truth.family, "AIC: \(fit.candidates.map { "\($0.family) \($0.aic)" })")
        #expect(fit.mean.contains(truth.mean), "mean \(fit.mean)")
        #expect(fit.sd.contains(truth.sd), "sd \(fit.sd)")
        #expect(fit.mean.high - fit.mean.low < 0.08 * truth.mean)
        #expect(fit.ksPValue > 0.01)
    }

    @Test("a sample no family fits gets its empirical distribution")
    func bimodal() throws {
        let quick = try Self.sample(Distribution.gamma(mean: 2, sd: 0.4), count: 2_000, seed: 1)
        let slow = try Self.sample(Distribution.gamma(mean: 20, sd: 2), count: 2_000, seed: 2)
        let fit = try #require(try ServiceTimeFit(sample: quick + slow, seed: 1))
        #expect(fit.chosen == nil)
        #expect(fit.ksPValue < ServiceTimeFit.rejectBelow)
        #expect(fit.scenarioText.hasPrefix("empirical(points=["))
        #expect(abs(fit.distribution.mean - 11) < 0.5)
    }

    @Test("the Kolmogorov p-value is uniform-ish under the truth and tiny under a wrong family")
    func kolmogorov() throws {
        let sample = try Self.sample(Distribution.lognormal(mean: 4, sd: 2), count: 2_000, seed: 11)
        let wrong = try #require(MaximumLikelihood.fit(.exponential, sample))
        let distance = MaximumLikelihood.kolmogorovSmirnov(sample, wrong)
        #expect(MaximumLikelihood.kolmogorovPValue(distance: distance, n: sample.count) < 1e-6)
        #expect(MaximumLikelihood.kolmogorovPValue(distance: 0, n: 100) == 1)
    }
}
