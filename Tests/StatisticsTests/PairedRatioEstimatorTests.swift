import Foundation
import Testing
import Statistics

@Suite("Paired ratio estimator")
struct PairedRatioEstimatorTests {
    /// Deterministic uniform draws in [0, 1).
    struct Draws {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    /// The delta-method standard errors computed the long way: every day's
    /// influence kept, then its sample standard deviation.
    func twoPass(_ a: [(Double, Double)], _ b: [(Double, Double)]) -> (paired: Double, unpaired: Double) {
        let n = Double(a.count)
        let meanYA = a.map(\.1).reduce(0, +) / n, meanYB = b.map(\.1).reduce(0, +) / n
        let ratioA = a.map(\.0).reduce(0, +) / a.map(\.1).reduce(0, +), ratioB = b.map(\.0).reduce(0, +) / b.map(\.1).reduce(0, +)
        let influenceA = a.map { ($0.0 - ratioA * $0.1) / meanYA }, influenceB = b.map { ($0.0 - ratioB * $0.1) / meanYB }
        func variance(_ values: [Double]) -> Double {
            let mean = values.reduce(0, +) / n
            return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        }
        let paired = variance(zip(influenceA, influenceB).map { $1 - $0 })
        return ((paired / n).squareRoot(), ((variance(influenceA) + variance(influenceB)) / n).squareRoot())
    }

    @Test("streamed co-moments give the two-pass standard errors, days without the metric counted as zeros")
    func matchesTwoPass() throws {
        var draws = Draws(state: 11)
        var a: [(Double, Double)] = [], b: [(Double, Double)] = []
        var estimator = PairedRatioEstimator()
        for day in 0..<500 {
            // Every seventh day neither plan has the metric (a group closed that day).
            guard day % 7 != 0 else { a.append((0, 0)); b.append((0, 0)); continue }
            let customers = 50 + 100 * draws.next(), common = 8 * draws.next()
            let first = (customers * (3 + common), customers)
            let second = (customers * (2.5 + common + draws.next()), customers + 3 * draws.next())
            a.append(first); b.append(second)
            estimator.add(first: first, other: second)
        }
        let expected = twoPass(a, b)
        let found = try #require(estimator.standardErrors(days: 500))
        #expect(abs(found.paired - expected.paired) <= 1e-9 * expected.paired)
        #expect(abs(found.unpaired - expected.unpaired) <= 1e-9 * expected.unpaired)
        // Common random numbers make the paired error much the smaller here.
        #expect(found.paired < 0.5 * found.unpaired)
    }

    @Test("a plan paired with itself has a standard error of exactly zero")
    func identicalPlans() throws {
        var draws = Draws(state: 5)
        var estimator = PairedRatioEstimator()
        for _ in 0..<300 {
            let term = (1e4 * draws.next(), 600 * draws.next() + 1)
            estimator.add(first: term, other: term)
        }
        let found = try #require(estimator.standardErrors(days: 320))
        #expect(found.paired == 0)
        #expect(found.unpaired > 0)
    }

    @Test("fewer than two days or no denominator give no interval")
    func degenerate() {
        var estimator = PairedRatioEstimator()
        #expect(estimator.standardErrors(days: 1) == nil)
        estimator.add(first: (1, 0), other: (2, 0))
        estimator.add(first: (1, 0), other: (2, 0))
        #expect(estimator.standardErrors(days: 2) == nil)
    }
}
