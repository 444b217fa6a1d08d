import CGSL
import Testing
@testable import RandomStreams

/// A raw GSL generator of `kind` seeded as a bank's stream for `purpose`
/// is: the twin every inline draw is compared with. The caller frees it.
func twinGenerator(_ kind: GeneratorKind = .taus2, seed: UInt64, replication: Int,
                   purpose: StreamPurpose) throws -> UnsafeMutablePointer<gsl_rng> {
    let type = kind == .taus2 ? outletsim_gsl_rng_taus2() : outletsim_gsl_rng_mt19937()
    let rng = try #require(gsl_rng_alloc(type))
    let derived = SeedDerivation.streamSeed(seed: seed, replication: replication, purpose: purpose)
    gsl_rng_set(rng, UInt(RandomStreamBank.generatorSeed(from: derived)))
    return rng
}
