import Foundation
import Testing
import Statistics

@Suite("Ratio estimator")
struct RatioEstimatorTests {
    struct Generator {
        var state: UInt64
        mutating func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        mutating func poisson(_ mean: Double) -> Int {  // Knuth's method, small means
            let limit = exp(-mean)
            var product = uniform(), count = 0
            while product > limit { product *= uniform(); count += 1 }
            return count
        }
    }

    @Test("the ratio is Σx/Σy, and days not observed count as (0, 0) in n but not in the sums")
    func ratio() {
        var estimator = RatioEstimator()
        estimator.add(10, 2)
        estimator.add(3, 1)
        #expect(abs(estimator.ratio(days: 2) - 13.0 / 3) < 1e-12)
        #expect(abs(estimator.ratio(days: 5) - 13.0 / 3) < 1e-12)
        // Two-pass delta-method variance over 5 days with three (0, 0) days.
        let xs: [Double] = [10, 3, 0, 0, 0], ys: [Double] = [2, 1, 0, 0, 0]
        let r = 13.0 / 3, meanY = 3.0 / 5
        let residual = zip(xs, ys).reduce(0) { $0 + pow($1.0 - r * $1.1, 2) }
        let expected = (residual / 4 / 5).squareRoot() / meanY
        #expect(abs(estimator.standardError(days: 5) - expected) < 1e-12)
        #expect(RatioEstimator().ratio(days: 3).isNaN)
    }

    @Test("a quantity the same every day has a zero-width interval")
    func constant() {
        var estimator = RatioEstimator()
        for _ in 0..<50 { estimator.add(77.75, 1) }
        let estimate = estimator.estimate(days: 50, level: 0.95, range: .nonNegative)
        #expect(estimate.value == 77.75 && estimate.low == 77.75 && estimate.high == 77.75)
    }

    @Test("intervals keep to the metric's range: shares in [0, 1], non-negative quantities ≥ 0")
    func ranges() {
        var share = RatioEstimator()
        share.add(1, 100)
        for _ in 0..<9 { share.add(0, 100) }
        let s = share.estimate(days: 10, level: 0.95, range: .share)
        #expect(s.low > 0 && s.high < 1 && s.contains(0.001))
        let plain = share.estimate(days: 10, level: 0.95, range: .unbounded)
        #expect(plain.low < 0)
        var rare = RatioEstimator()
        rare.add(5, 1)
        for _ in 0..<29 { rare.add(0, 1) }
        let r = rare.estimate(days: 30, level: 0.95, range: .nonNegative)
        #expect(r.low > 0 && r.contains(5.0 / 30))
    }

    @Test("customer-weighted: with few customers an interval a day, the ratio is unbiased where the mean of daily means is not, and 95% intervals cover")
    func customerWeighted() {
        // Each day has Poisson(2) customers in the interval; a customer's wait is
        // 10 when the day is busy (≥ 3 customers) and 1 otherwise. The
        // customer-weighted mean E[Σw]/E[N] is computed exactly from the Poisson law.
        var pmf: [Double] = [exp(-2.0)]
        for k in 1..<40 { pmf.append(pmf[k - 1] * 2 / Double(k)) }
        let sumW = pmf.enumerated().reduce(0.0) { $0 + $1.element * Double($1.offset) * ($1.offset >= 3 ? 10 : 1) }
        let truth = sumW / 2
        var generator = Generator(state: 42)
        var covered = 0, dailyMeanMisses = 0
        let trials = 300
        for _ in 0..<trials {
            var estimator = RatioEstimator()
            var dailyMeans: [Double] = []
            for _ in 0..<400 {
                let n = generator.poisson(2)
                let wait = n >= 3 ? 10.0 : 1.0
                estimator.add(Double(n) * wait, Double(n))
                if n > 0 { dailyMeans.append(wait) }
            }
            if estimator.estimate(days: 400, level: 0.95, range: .nonNegative).contains(truth) { covered += 1 }
            let naive = dailyMeans.reduce(0, +) / Double(dailyMeans.count)
            if abs(naive - truth) > 0.5 { dailyMeanMisses += 1 }
        }
        #expect(abs(Double(covered) / Double(trials) - 0.95) < 0.04, "coverage \(covered) of \(trials)")
        // The mean of daily means estimates another quantity altogether (about 4.5 against 6.4).
        #expect(dailyMeanMisses > trials * 9 / 10)
    }
}

@Suite("Share of days (Wilson interval)")
struct ShareOfDaysTests {
    @Test("Wilson score intervals match their closed form, and do not collapse at 0 or 1")
    func wilson() {
        // 10 of 10 days: the 95% lower bound is n/(n + z²) = 10/13.8415 = 0.7225.
        let all = Estimate.wilson(successes: 10, trials: 10, level: 0.95)
        #expect(all.value == 1 && all.high == 1 && abs(all.low - 10 / (10 + 1.959964 * 1.959964)) < 1e-5)
        // 5 of 10: symmetric about 0.5, [0.2366, 0.7634].
        let half = Estimate.wilson(successes: 5, trials: 10, level: 0.95)
        #expect(abs(half.low - 0.236_593) < 1e-5 && abs(half.high - 0.763_407) < 1e-5)
        let none = Estimate.wilson(successes: 0, trials: 40, level: 0.95)
        #expect(none.low == 0 && none.high > 0.08 && none.high < 0.09)
        #expect(Estimate.wilson(successes: 0, trials: 0, level: 0.95).value.isNaN)
    }
}
