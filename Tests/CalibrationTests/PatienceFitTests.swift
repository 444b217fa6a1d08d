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
            return PatienceFit.Observation(wait: wait, evidence: patience < wait ? .goneBefore : .stayed)
        }
    }

    @Test("the exponential mean is covered by its interval in about 95% of samples, and the interval is narrow")
    func coverage() {
        var covered = 0
        for seed in 1...100 {
            let fit = PatienceFit(Self.observations(mean: 20, count: 2_000, seed: UInt64(seed)), families: [.exponential])
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
        let fit = PatienceFit([.init(wait: 3, evidence: .stayed), .init(wait: 10, evidence: .stayed)])
        #expect(fit.mean == nil && fit.chosen == nil)
        #expect(fit.leftCount == 0)
    }

    /// Patience drawn from `draw`, seen as a branch's log shows it: a third
    /// of those who left have a leave time (exact), the others are seen
    /// at the call or at their turn (gone before); stayers at their call.
    static func mixedEvidence(count: Int, seed: UInt64, draw: (inout Uniforms) -> Double) -> [PatienceFit.Observation] {
        var uniforms = Uniforms(state: seed)
        return (0..<count).map { _ in
            let patience = draw(&uniforms)
            let wait = -10 * log(1 - uniforms.next())
            if patience >= wait { return .init(wait: wait, evidence: .stayed) }
            return uniforms.next() < 1.0 / 3 ? .init(wait: patience, evidence: .leftAt, turn: wait) : .init(wait: wait, evidence: .goneBefore)
        }
    }

    @Test("lognormal and Weibull patience: the family is chosen by AIC and its mean covered, from censored and exact waits")
    func otherFamilies() throws {
        // Lognormal, mean 12 and sd 10: μ and σ of the log.
        let sigma2 = log(1 + pow(10.0 / 12, 2)), mu = log(12.0) - sigma2 / 2
        var chosen: [String] = []
        for seed in 1...3 {
            let lognormal = PatienceFit(Self.mixedEvidence(count: 6_000, seed: UInt64(seed)) { u in
                // Box-Muller from two uniforms.
                let z = sqrt(-2 * log(1 - u.next())) * cos(2 * Double.pi * u.next())
                return exp(mu + sqrt(sigma2) * z)
            })
            chosen.append(lognormal.chosen?.family.rawValue ?? "none")
            let mean = try #require(lognormal.mean)
            #expect(mean.contains(12) && mean.high - mean.low < 0.3 * 12, "lognormal: \(mean)")
            // Weibull, shape 2 and scale 20: mean 20 Γ(1.5) = 17.72.
            let weibull = PatienceFit(Self.mixedEvidence(count: 6_000, seed: UInt64(seed) + 100) { u in 20 * pow(-log(1 - u.next()), 0.5) })
            chosen.append(weibull.chosen?.family.rawValue ?? "none")
            let weibullMean = try #require(weibull.mean)
            #expect(weibullMean.contains(17.7245) && weibullMean.high - weibullMean.low < 0.3 * 17.7, "weibull: \(weibullMean)")
            // A simultaneous band: the true family's curve leaves it rarely.
            #expect(weibull.outsideBand.count <= 2, "\(weibull.outsideBand)")
        }
        #expect(chosen == ["lognormal", "weibull", "lognormal", "weibull", "lognormal", "weibull"], "\(chosen)")
    }

    @Test("the censored Weibull mean's interval covers the truth in about 95% of samples")
    func weibullCoverage() {
        var covered = 0, fitted = 0
        for seed in 1...40 {
            let fit = PatienceFit(Self.mixedEvidence(count: 1_500, seed: UInt64(seed) + 1_000) { u in 20 * pow(-log(1 - u.next()), 0.5) },
                                  families: [.weibull])
            guard let mean = fit.mean else { continue }
            fitted += 1
            if mean.contains(17.7245) { covered += 1 }
        }
        // Binomial(40, 0.95): fewer than 34 covered has probability below 1%.
        #expect(fitted == 40 && covered >= 34, "\(covered) of \(fitted)")
    }
}
