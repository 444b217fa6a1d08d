import CGSL
import Testing
@testable import RandomStreams

/// The inline taus2 draws against GSL's own, bit for bit: a bank's numbers
/// must not depend on which of the two made them.
@Suite("Inline taus2 draws")
struct Taus2Tests {
    @Test("this GSL's taus2 layout is the one the inline draws read, so banks use them")
    func inUse() throws {
        #expect(Taus2.matchesGSL)
        let bank = try RandomStreamBank(seed: 1, replication: 0, purposes: [.arrivals])
        let inline = bank.drawsInline
        #expect(inline)
        let twister = try RandomStreamBank(seed: 1, replication: 0, purposes: [.arrivals], generator: .mt19937)
        let twisterInline = twister.drawsInline
        #expect(!twisterInline)
    }

    @Test("a bank's draws on (0, 1) and on [0, 1) are GSL's, across seeds, replications and purposes",
          arguments: [(UInt64(1), 0), (7, 3), (123_456_789, 999), (UInt64.max, 1)])
    func sameNumbers(seed: UInt64, replication: Int) throws {
        let purposes: [StreamPurpose] = [.arrivals, .service(of: "开户"), .routing]
        let bank = try RandomStreamBank(seed: seed, replication: replication, purposes: purposes)
        for (position, purpose) in purposes.enumerated() {
            let rng = try twinGenerator(seed: seed, replication: replication, purpose: purpose)
            defer { gsl_rng_free(rng) }
            let stream = StreamIndex(position)
            for draw in 0..<20_000 {
                // Alternate the two kinds, as the engine does on one stream.
                let ours = draw % 3 == 0 ? bank.uniformFromZero(stream) : bank.uniform(stream)
                let theirs = draw % 3 == 0 ? gsl_rng_uniform(rng) : gsl_rng_uniform_pos(rng)
                guard ours.bitPattern == theirs.bitPattern else {
                    Issue.record("draw \(draw) of \(purpose.name): \(ours) inline, \(theirs) by GSL")
                    return
                }
            }
        }
    }

    @Test("GSL's samplers continue the stream the inline draws advanced")
    func sharedState() throws {
        let bank = try RandomStreamBank(seed: 5, replication: 2, purposes: [.patience])
        let rng = try twinGenerator(seed: 5, replication: 2, purpose: .patience)
        defer { gsl_rng_free(rng) }
        let bankRNG = UnsafeMutablePointer<gsl_rng>(bank.generator(StreamIndex(0)))
        for _ in 0..<5_000 {
            #expect(bank.uniform(StreamIndex(0)) == gsl_rng_uniform_pos(rng))
            // A gamma draw through GSL on the bank's own generator.
            #expect(gsl_ran_gamma(bankRNG, 2.5, 1.5).bitPattern == gsl_ran_gamma(rng, 2.5, 1.5).bitPattern)
        }
    }
}
