import Testing
@testable import Distributions
import RandomStreams

/// Draws that skip the bound and the shift (``Distribution/drawIsVariate``)
/// are the numbers the full path gives: no result moves with the shortcut.
@Suite("Sampling shortcuts")
struct SamplingTests {
    @Test("only unshifted forms whose draws stay well inside the bound skip it")
    func whichSkip() throws {
        #expect(try Distribution.uniform(min: 0.2, max: 0.6).drawIsVariate)
        #expect(try Distribution.triangular(min: 1, mode: 2, max: 5).drawIsVariate)
        #expect(try Distribution.deterministic(3).drawIsVariate)
        #expect(try Distribution.empirical(values: [1, 2], weights: [0.8, 0.2]).drawIsVariate)
        #expect(try Distribution.empirical(samplePoints: [1, 4, 9]).drawIsVariate)
        #expect(try !Distribution.uniform(min: 0, max: 900_000).drawIsVariate)
        #expect(try !Distribution.signedUniform(min: -1, max: 1).drawIsVariate)
        #expect(try !Distribution.signedDeterministic(-2).drawIsVariate)
        #expect(try !Distribution.exponential(mean: 4).drawIsVariate)
        #expect(try !Distribution.gamma(mean: 3, sd: 1.5).drawIsVariate)
        #expect(try !Distribution.lognormal(mean: 3, sd: 1.2).drawIsVariate)
        #expect(!Distribution.unitExponential.drawIsVariate)
    }

    @Test("a draw is the bounded, shifted draw of the same stream, for every form")
    func sameNumbers() throws {
        let distributions: [Distribution] = [
            try .uniform(min: 0.2, max: 0.6), try .uniform(min: 0, max: 900_000), try .triangular(min: 1, mode: 2, max: 5),
            try .deterministic(3), try .empirical(values: [1, 2], weights: [0.8, 0.2]), try .empirical(samplePoints: [1, 4, 9]),
            try .signedUniform(min: -1, max: 1), try .signedTriangular(min: -3, mode: 0, max: 2), try .signedDeterministic(-2),
            try .exponential(mean: 4), try .gamma(mean: 3, sd: 1.5), try .lognormal(mean: 2, sd: 9), try .weibull(shape: 0.05, scale: 3),
        ]
        let shortcut = try RandomStreamBank(seed: 8, replication: 1, purposes: [.service(of: "a")])
        let full = try RandomStreamBank(seed: 8, replication: 1, purposes: [.service(of: "a")])
        let stream = StreamIndex(0)
        for draw in 0..<5_000 {
            for distribution in distributions {
                let ours = distribution.sample(from: shortcut, stream: stream)
                let value = Distribution.bounded(distribution.draw(full, stream))
                let theirs = distribution.shift == 0 ? value : distribution.shift + value
                guard ours.bitPattern == theirs.bitPattern else {
                    Issue.record("draw \(draw) of \(distribution): \(ours), full path \(theirs)")
                    return
                }
            }
        }
    }
}
