import Foundation
import Testing
import Statistics

@Suite("Statistics")
struct StatisticsTests {
    @Test("Welford's running mean and variance equal the two-pass values")
    func summary() {
        let values: [Double] = [4.5, 7.25, 1, 9, 3.5, 3.5, 12, 0.25]
        let summary = SampleSummary(values)
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        #expect(summary.count == 8)
        #expect(abs(summary.mean - mean) < 1e-12)
        #expect(abs(summary.variance - variance) < 1e-12)
        #expect(summary.minimum == 0.25 && summary.maximum == 12)
    }

    @Test("Student t quantiles match the printed tables")
    func studentT() {
        // t(0.975; 10) = 2.228139, t(0.995; 19) = 2.860935, t(0.95; 1) = 6.313752.
        #expect(abs(StudentT.quantile(probability: 0.975, degreesOfFreedom: 10) - 2.228139) < 1e-6)
        #expect(abs(StudentT.quantile(probability: 0.995, degreesOfFreedom: 19) - 2.860935) < 1e-6)
        #expect(abs(StudentT.quantile(probability: 0.95, degreesOfFreedom: 1) - 6.313752) < 1e-6)
        #expect(StudentT.quantile(probability: 1.5, degreesOfFreedom: 3).isNaN)
    }

    @Test("a confidence interval is the mean ± t·s/√n")
    func interval() {
        let summary = SampleSummary([10, 12, 9, 11, 13])
        let interval = summary.confidenceInterval(level: 0.95)
        // mean 11, s² = 2.5, t(0.975; 4) = 2.776445.
        #expect(abs(interval.estimate - 11) < 1e-12)
        #expect(abs(interval.halfWidth - 2.776445 * (2.5 / 5).squareRoot()) < 1e-5)
        #expect(interval.contains(11) && !interval.contains(14))
        #expect(SampleSummary([3]).confidenceInterval().halfWidth == .infinity)
    }

    @Test("95% intervals of normal samples of 5 cover the true mean 95% of the time (t is exact there)")
    func coverage() {
        var state: UInt64 = 12345
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        func normal() -> Double {  // Box-Muller, mean 7, sd 2
            7 + 2 * (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
        }
        let trials = 4_000
        var covered = 0
        for _ in 0..<trials {
            let interval = SampleSummary((0..<5).map { _ in normal() }).confidenceInterval(level: 0.95)
            if interval.contains(7) { covered += 1 }
        }
        // Binomial standard error at 95% over 4,000 trials is 0.0034; allow 4 of them.
        let share = Double(covered) / Double(trials)
        #expect(abs(share - 0.95) < 0.014)
    }
}
