import CGSL
import Foundation
import Testing
import Distributions
import RandomStreams

/// The draws made in Swift (uniform draws inline, the exponential by
/// inversion) give GSL's numbers bit for bit, on taus2 and on MT19937
/// streams, and GSL's own samplers (lognormal, gamma) continue the same
/// streams: no result moves with them.
@Suite("Samplers agree with GSL")
struct GSLAgreementTests {
    static let generators: [GeneratorKind] = [.taus2, .mt19937]

    /// A raw GSL generator seeded as a bank's stream for `purpose`.
    func gslGenerator(_ kind: GeneratorKind, seed: UInt64, purpose: StreamPurpose) throws -> UnsafeMutablePointer<gsl_rng> {
        let type = kind == .taus2 ? outletsim_gsl_rng_taus2() : outletsim_gsl_rng_mt19937()
        let rng = try #require(gsl_rng_alloc(type))
        let derived = SeedDerivation.streamSeed(seed: seed, replication: 0, purpose: purpose)
        gsl_rng_set(rng, UInt(RandomStreamBank.generatorSeed(from: derived)))
        return rng
    }

    @Test("exponential, lognormal, uniform, triangular and gamma draws are GSL's", arguments: generators)
    func sameDraws(kind: GeneratorKind) throws {
        let bank = try RandomStreamBank(seed: 17, replication: 0, purposes: [.arrivals], generator: kind)
        let rng = try gslGenerator(kind, seed: 17, purpose: .arrivals)
        defer { gsl_rng_free(rng) }
        let stream = StreamIndex(0)
        let exponential = try Distribution.exponential(mean: 4)
        let lognormal = try Distribution.lognormal(mean: 3, sd: 1.2)
        let wide = try Distribution.lognormal(mean: 2, sd: 9)
        let uniform = try Distribution.uniform(min: 0.2, max: 0.6)
        let gamma = try Distribution.gamma(mean: 3, sd: 1.5)
        for draw in 0..<20_000 {
            let pairs: [(Double, Double, String)] = [
                (exponential.sample(from: bank, stream: stream), gsl_ran_exponential(rng, 4), "exponential"),
                (lognormal.sample(from: bank, stream: stream), gsl_ran_lognormal(rng, lognormalParameters(3, 1.2).zeta, lognormalParameters(3, 1.2).sigma), "lognormal"),
                (wide.sample(from: bank, stream: stream), gsl_ran_lognormal(rng, lognormalParameters(2, 9).zeta, lognormalParameters(2, 9).sigma), "wide lognormal"),
                (uniform.sample(from: bank, stream: stream), 0.2 + (0.6 - 0.2) * gsl_rng_uniform(rng), "uniform"),
                (gamma.sample(from: bank, stream: stream), gsl_ran_gamma(rng, 4, 0.75), "gamma"),
            ]
            for (ours, theirs, name) in pairs where ours.bitPattern != theirs.bitPattern {
                Issue.record("\(kind) draw \(draw), \(name): \(ours) here, \(theirs) by GSL")
                return
            }
        }
    }

    /// ζ and σ of a lognormal of this mean and sd, as the constructor derives them.
    func lognormalParameters(_ mean: Double, _ sd: Double) -> (zeta: Double, sigma: Double) {
        let sigmaSquared = log1p((sd / mean) * (sd / mean))
        return (log(mean) - sigmaSquared / 2, sigmaSquared.squareRoot())
    }
}
