import CGSL
import Foundation
import Testing
@testable import Forecasting

/// The regression against counts drawn from its own model with known
/// coefficients: the truth must lie within 3 standard errors of each
/// estimate, and the errors must be small enough to catch a bias.
@Suite("Negative-binomial regression")
struct NegativeBinomialRegressionTests {
    /// `n` rows of an intercept, a 0/1 effect on every third row and a trend
    /// from 0 to 2; counts Poisson with a gamma(shape θ, mean 1) factor, or
    /// Poisson alone when θ is nil.
    static func sample(n: Int, beta: [Double], theta: Double?, seed: UInt) -> (rows: [[Double]], counts: [Double]) {
        guard let rng = gsl_rng_alloc(outletsim_gsl_rng_taus2()) else { return ([], []) }
        defer { gsl_rng_free(rng) }
        gsl_rng_set(rng, seed)
        var rows: [[Double]] = [], counts: [Double] = []
        for i in 0..<n {
            let row = [1, i % 3 == 0 ? 1 : 0, 2 * Double(i) / Double(n)]
            let mean = exp(zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 })
            let factor = theta.map { gsl_ran_gamma(rng, $0, 1 / $0) } ?? 1
            rows.append(row)
            counts.append(Double(gsl_ran_poisson(rng, mean * factor)))
        }
        return (rows, counts)
    }

    @Test("mixed-Poisson days: coefficients and the day factor's cv recovered")
    func recovers() throws {
        let beta = [log(300.0), log(1.3), 0.08]
        let (rows, counts) = Self.sample(n: 1_500, beta: beta, theta: 100, seed: 11)
        let fit = try NegativeBinomialRegression(rows: rows, counts: counts)
        for index in beta.indices {
            let error = fit.standardError(index)
            #expect(abs(fit.coefficients[index] - beta[index]) < 3 * error, "β\(index): \(fit.coefficients[index]) vs \(beta[index]) ± \(error)")
            #expect(error < 0.01, "β\(index)'s standard error \(error) cannot catch a 3% bias")
        }
        // cv 0.1: θ's own sampling error over 1,500 days is about 8%.
        #expect(abs(fit.dayFactorCV - 0.1) < 0.012, "cv \(fit.dayFactorCV)")
        // The standard error of the intercept: Var(log ȳ) ≈ (1/μ + 1/θ)/n on the reference rows.
        let reference = Double(rows.filter { $0[1] == 0 }.count)
        #expect(abs(fit.standardError(1) / sqrt((1 / 300.0 + 0.01) * (1 / reference + 1 / (1_500 - reference))) - 1) < 0.25)
    }

    @Test("Poisson days: the day factor vanishes")
    func poisson() throws {
        let (rows, counts) = Self.sample(n: 800, beta: [log(200.0), log(0.8), 0.1], theta: nil, seed: 5)
        let fit = try NegativeBinomialRegression(rows: rows, counts: counts)
        #expect(fit.dayFactorCV < 0.03, "cv \(fit.dayFactorCV)")
        #expect(abs(exp(fit.coefficients[1]) - 0.8) < 3 * fit.standardError(1) * 0.8)
    }

    @Test("a column no row separates from the intercept is refused as singular")
    func singular() {
        let rows = (0..<30).map { _ in [1.0, 1.0] }
        #expect(throws: NegativeBinomialRegression.Failure.singular) {
            try NegativeBinomialRegression(rows: rows, counts: Array(repeating: 10, count: 30))
        }
    }
}

@Suite("Count distributions")
struct CountDistributionTests {
    /// The smallest k with P(≤ k) ≥ p, by summing the probability function.
    static func bruteQuantile(_ distribution: CountDistribution, _ p: Double) -> Int {
        var total = 0.0
        for k in 0..<100_000 {
            if distribution.shape.isFinite {
                total += gsl_ran_negative_binomial_pdf(UInt32(k), distribution.shape / (distribution.shape + distribution.mean), distribution.shape)
            } else {
                total += gsl_ran_poisson_pdf(UInt32(k), distribution.mean)
            }
            if total >= p { return k }
        }
        return -1
    }

    @Test("quantiles agree with the summed probability function", arguments: [(0.7, Double.infinity), (12.5, 40), (430, 100), (3.2, 2)])
    func quantiles(mean: Double, shape: Double) {
        let distribution = CountDistribution(mean: mean, shape: shape)
        for p in [0.025, 0.1, 0.5, 0.9, 0.975] {
            #expect(distribution.quantile(p) == Self.bruteQuantile(distribution, p), "mean \(mean), shape \(shape), p \(p)")
        }
        let none = CountDistribution(mean: 0, shape: 5).interval(0.95)
        #expect(none.low == 0 && none.high == 0)
    }
}
