import Calibration
import Foundation
import Testing

/// Patience from current-status data: each customer is seen once, at the
/// call, as gone or still there. Waits drawn independently of patience (as
/// a queue's waits are, given the queue).
@Suite("Censored patience")
struct PatienceFitTests {
    /// SplitMix64 uniforms, so the test shares nothing with the fit.
    struct Uniforms {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }

    static func observations(mean: Double, count: Int, seed: UInt64) -> [PatienceFit.Observation] {
        var uniforms = Uniforms(state: seed)
        return (0..<count).map { _ in
            let patience = -mean * log(1 - uniforms.next())
            let wait = -8 * log(1 - uniforms.next())  // waits with a mean of 8 minutes
            return PatienceFit.Observation(wait: wait, left: patience < wait)
        }
    }

    @Test("the exponential mean is covered by its interval in about 95% of samples, and the interval is narrow")
    func coverage() {
        var covered = 0
        for seed in 1...100 {
            let fit = PatienceFit(Self.observations(mean: 20, count: 2_000, seed: UInt64(seed)))
            guard let mean = fit.mean else { continue }
            if mean.contains(20) { covered += 1 }
            #expect(mean.high - mean.low < 0.5 * 20)
        }
        // Binomial(100, 0.95): fewer than 89 covered has probability below 0.5%.
        #expect(covered >= 89 && covered <= 100, "\(covered) of 100")
    }

    @Test("the Turnbull curve is a non-increasing survival curve that follows the truth")
    func turnbull() {
        let fit = PatienceFit(Self.observations(mean: 20, count: 20_000, seed: 5))
        let values = fit.survival.map(\.survival)
        #expect(values.first == 1)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 >= $1 })
        // Near the waits' median the curve is well determined.
        if let near = fit.survival.last(where: { $0.minutes <= 6 }) {
            #expect(abs(near.survival - exp(-near.minutes / 20)) < 0.05, "S(\(near.minutes)) = \(near.survival)")
        }
    }

    @Test("nobody left: no patience is claimed")
    func nobodyLeft() {
        let fit = PatienceFit([.init(wait: 3, left: false), .init(wait: 10, left: false)])
        #expect(fit.mean == nil)
        #expect(fit.leftCount == 0)
    }
}
