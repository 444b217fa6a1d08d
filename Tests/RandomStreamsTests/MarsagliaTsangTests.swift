import CGSL
import Testing
@testable import RandomStreams

/// The inline gamma and its ziggurat normal against GSL's, bit for bit: a
/// bank's gamma service and patience times must not depend on which of the
/// two drew them.
@Suite("Inline gamma draws")
struct MarsagliaTsangTests {
    @Test("GSL's strips are read, most draws take the fast path, and taus2 banks draw gammas inline")
    func inUse() throws {
        let strips = try #require(Ziggurat.strips)
        var fastShare = 0.0
        for strip in 0..<128 {
            #expect(strips[strip].bound <= 1 << 24)
            #expect(strips[strip].width.isFinite && strips[strip].width >= 0)
            fastShare += Double(strips[strip].bound) / Double(1 << 24) / 128
        }
        // Marsaglia and Tsang's 128 strips put about 98% of the area in
        // the strips' inner rectangles; a misread bound would show here.
        #expect(fastShare > 0.97 && fastShare < 0.995, "fast path share \(fastShare)")
        let bank = try RandomStreamBank(seed: 1, replication: 0, purposes: [.patience])
        let inline = bank.gammaStrips != nil
        #expect(inline)
        let twister = try RandomStreamBank(seed: 1, replication: 0, purposes: [.patience], generator: .mt19937)
        let twisterInline = twister.gammaStrips != nil
        #expect(!twisterInline)
    }

    @Test("a bank's gammas are GSL's for shapes below, at and above 1, interleaved with uniform draws",
          arguments: [GeneratorKind.taus2, .mt19937])
    func sameNumbers(kind: GeneratorKind) throws {
        let shapes: [(Double, Double)] = [(0.05, 2), (0.5, 1), (1, 3), (1.7, 0.25), (4, 0.75), (9, 1), (36, 0.1), (1e4, 1e-3)]
        for (seed, replication) in [(UInt64(3), 0), (99, 17), (UInt64.max, 4)] {
            let bank = try RandomStreamBank(seed: seed, replication: replication, purposes: [.patience], generator: kind)
            let rng = try twinGenerator(kind, seed: seed, replication: replication, purpose: .patience)
            defer { gsl_rng_free(rng) }
            let stream = StreamIndex(0)
            for draw in 0..<40_000 {
                let (shape, scale) = shapes[draw % shapes.count]
                let ours = bank.gamma(stream, shape: shape, scale: scale)
                let theirs = gsl_ran_gamma(rng, shape, scale)
                guard ours.bitPattern == theirs.bitPattern else {
                    Issue.record("draw \(draw), shape \(shape): \(ours) inline, \(theirs) by GSL")
                    return
                }
                if draw % 7 == 0 { #expect(bank.uniform(stream) == gsl_rng_uniform_pos(rng)) }
            }
        }
    }

    @Test("the inline normal is GSL's ziggurat normal, off the fast path too")
    func normals() throws {
        let strips = try #require(Ziggurat.strips)
        let bank = try RandomStreamBank(seed: 11, replication: 2, purposes: [.routing])
        let rng = try twinGenerator(.taus2, seed: 11, replication: 2, purpose: .routing)
        defer { gsl_rng_free(rng) }
        let bankRNG = UnsafeMutablePointer<gsl_rng>(bank.generator(StreamIndex(0)))
        var tails = 0
        for draw in 0..<200_000 {
            let ours = Ziggurat.standardNormal(bank.states[0], bankRNG, strips)
            let theirs = gsl_ran_gaussian_ziggurat(rng, 1.0)
            guard ours.bitPattern == theirs.bitPattern else {
                Issue.record("normal \(draw): \(ours) inline, \(theirs) by GSL")
                return
            }
            if abs(ours) > 3.44 { tails += 1 }
        }
        // Beyond the base strip's edge (r ≈ 3.44) only GSL's slow path
        // reaches: P(|Z| > 3.44) ≈ 5.8e-4, about 116 of 200,000.
        #expect(tails > 60 && tails < 180, "\(tails) draws in the tails")
    }
}
