import Foundation
import Testing
import Statistics

@Suite("Wait histogram")
struct WaitHistogramTests {
    /// A deterministic spread of values from 0 to about 200 minutes.
    func values(_ n: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<n).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u = (Double(state >> 11) + 0.5) / Double(1 << 53)
            return -20 * log(u)
        }
    }

    @Test("quantiles are within 0.8% (or one second) of the exact order statistics")
    func quantiles() {
        let data = values(50_000, seed: 3)
        var histogram = WaitHistogram()
        for value in data { histogram.record(value) }
        let sorted = data.sorted()
        for p in [0.1, 0.5, 0.9, 0.95, 0.99] {
            let exact = sorted[Int((p * Double(sorted.count)).rounded(.up)) - 1]
            let estimate = histogram.quantile(p)
            #expect(abs(estimate - exact) <= max(0.008 * exact, 1.0 / 60), "p\(p): \(estimate) vs \(exact)")
        }
        #expect(histogram.maximum == sorted.last)
        #expect(abs(histogram.mean - data.reduce(0, +) / Double(data.count)) < 1e-9)
    }

    @Test("merging two histograms equals recording everything in one")
    func merge() {
        let first = values(10_000, seed: 1), second = values(7_000, seed: 2)
        var a = WaitHistogram(), b = WaitHistogram(), both = WaitHistogram()
        for value in first { a.record(value); both.record(value) }
        for value in second { b.record(value); both.record(value) }
        a.merge(b)
        #expect(a.count == both.count && a.maximum == both.maximum)
        for p in [0.5, 0.9, 0.99] { #expect(a.quantile(p) == both.quantile(p)) }
        #expect(abs(a.sum - both.sum) < 1e-6)
    }

    @Test("the share within a target counts values up to it, to bucket precision")
    func share() {
        var histogram = WaitHistogram()
        for minutes in [0.0, 1, 2, 5, 9.5, 10.5, 30, 60] { histogram.record(minutes) }
        #expect(histogram.share(atMost: 10) == 5.0 / 8)
        #expect(histogram.share(atMost: 100) == 1)
        #expect(WaitHistogram().quantile(0.5).isNaN)
    }
}
