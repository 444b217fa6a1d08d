import Foundation
import Testing
@testable import Statistics

/// The percentile intervals against a brute-force computation written
/// here from the definition: for every grid cell, each day's count of
/// durations at or below it, the customer-weighted share, its delta-method
/// standard error over days, Satterthwaite's degrees of freedom from the
/// residuals' kurtosis, the logit interval; then, outward from the cell
/// where the pooled share reaches p, the cells where the share interval
/// holds p.
@Suite("Percentile intervals by inverting the share")
struct ShareInversionQuantilesTests {
    /// Days of exponential durations, some days busier (a shared day factor) and one empty.
    func days(seed: UInt64, count: Int) -> [[Double]] {
        var state = seed
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        return (0..<count).map { day in
            if day == 3 { return [] }
            let busy = -log(uniform()) * 4  // a heavy day factor, as busy periods make
            return (0..<(5 + Int(uniform() * 40))).map { _ in -busy * log(uniform()) }
        }
    }

    func bruteForce(_ days: [[Double]], _ p: Double, level: Double) -> (low: Double, high: Double) {
        let cells = 8
        let buckets = days.map { $0.map { Int(QuantileSketch.bucket($0)) / cells } }
        let last = buckets.flatMap { $0 }.max() ?? 0
        let n = Double(days.count)
        let y = buckets.map { Double($0.count) }
        let totalY = y.reduce(0, +), meanY = totalY / n
        func interval(_ cell: Int) -> (Double, Double) {
            let c = buckets.map { Double($0.filter { $0 <= cell }.count) }
            let f = c.reduce(0, +) / totalY
            guard f > 0, f < 1 else { return (f, f) }
            let e = zip(c, y).map { $0 - f * $1 }
            let second = e.map { $0 * $0 }.reduce(0, +), fourth = e.map { $0 * $0 * $0 * $0 }.reduce(0, +)
            let m2 = second / n, g2 = fourth / n / (m2 * m2) - 3
            let excess = ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))
            let degrees = min(n - 1, max(1, 2 / (2 / (n - 1) + max(0, excess) / n)))
            let t = StudentT.quantile(probability: 0.5 + level / 2, degreesOfFreedom: degrees)
            let se = (second / (n - 1) / n).squareRoot() / meanY
            let logit = log(f / (1 - f)), spread = t * se / (f * (1 - f))
            return (1 / (1 + exp(-(logit - spread))), 1 / (1 + exp(-(logit + spread))))
        }
        // Outward from the cell where the pooled share first reaches p.
        let share = { (cell: Int) in Double(buckets.flatMap { $0 }.filter { $0 <= cell }.count) / totalY }
        let estimate = (0...last).first { share($0) >= p - 1e-12 } ?? last
        var low = estimate, high = estimate
        while low > 0, interval(low - 1).1 >= p { low -= 1 }
        while high < last, interval(high).0 < p { high += 1 }
        let longest = QuantileSketch.representative(days.flatMap { $0 }.map { Int(QuantileSketch.bucket($0)) }.max() ?? 0)
        return (min(low == 0 ? 0 : QuantileSketch.lowerBound(low * cells), longest),
                min(QuantileSketch.lowerBound((high + 1) * cells), longest))
    }

    @Test("the intervals equal a brute-force computation from the definition, for p50, p90 and p95", arguments: [1, 2, 3] as [UInt64])
    func matchesDefinition(_ seed: UInt64) {
        let data = days(seed: seed, count: 25)
        var quantiles = ShareInversionQuantiles()
        for day in data { quantiles.add(buckets: day.map(QuantileSketch.bucket)) }
        let found = quantiles.intervals([0.5, 0.9, 0.95], level: 0.95, days: data.count)
        for (p, bound) in zip([0.5, 0.9, 0.95], found) {
            let expected = bruteForce(data, p, level: 0.95)
            #expect(bound.low == expected.low && bound.high == expected.high, "p\(p): \(bound) against \(expected)")
            #expect(bound.low < bound.high)
        }
    }

    @Test("durations all 0 give an interval of zero width at 0; fewer than two days give none")
    func degenerate() {
        var zeros = ShareInversionQuantiles()
        for _ in 0..<5 { zeros.add(buckets: [0, 0, 0]) }
        #expect(zeros.intervals([0.9], level: 0.95, days: 5)[0] == (0, 0))
        var one = ShareInversionQuantiles()
        one.add(buckets: [100, 200])
        #expect(one.intervals([0.9], level: 0.95, days: 1)[0].low.isNaN)
    }
}
