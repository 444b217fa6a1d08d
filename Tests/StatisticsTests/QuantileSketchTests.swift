import Foundation
import Testing
import Statistics

@Suite("Quantile sketch and sectioned percentiles")
struct QuantileSketchTests {
    /// Deterministic exponential values with mean `mean` minutes.
    func values(_ n: Int, seed: UInt64, mean: Double = 20) -> [Double] {
        var state = seed
        return (0..<n).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u = (Double(state >> 11) + 0.5) / Double(1 << 53)
            return -mean * log(u)
        }
    }

    @Test("every quantile is within 0.1% (or 7.3 ms) of the exact order statistic")
    func accuracy() {
        for mean in [0.05, 3.0, 20, 600] {
            let data = values(50_000, seed: 3, mean: mean)
            var sketch = QuantileSketch()
            for value in data { sketch.add(value) }
            let sorted = data.sorted()
            for p in [0.001, 0.1, 0.5, 0.9, 0.95, 0.99, 1] {
                let exact = sorted[min(sorted.count, Int((p * Double(sorted.count)).rounded(.up))) - 1]
                let estimate = sketch.quantile(p)
                #expect(abs(estimate - exact) <= max(0.001 * exact, QuantileSketch.unit / 2),
                        "mean \(mean), p\(p): \(estimate) vs \(exact)")
            }
        }
    }

    @Test("bucket edges: every bucket's representative maps back to it, and 0 reads as 0")
    func buckets() {
        for index in 1..<(QuantileSketch.bucketCount - 1) {
            #expect(Int(QuantileSketch.bucket(QuantileSketch.representative(index))) == index)
        }
        #expect(QuantileSketch.bucket(0) == 0 && QuantileSketch.representative(0) == 0)
        #expect(QuantileSketch.bucket(-3) == 0 && QuantileSketch.bucket(.nan) == 0)
        #expect(Int(QuantileSketch.bucket(1e300)) == QuantileSketch.bucketCount - 1)
        var sketch = QuantileSketch()
        for _ in 0..<9 { sketch.add(0) }
        sketch.add(10)
        #expect(sketch.quantile(0.9) == 0 && abs(sketch.quantile(1) - 10) < 0.01)
        #expect(QuantileSketch().quantile(0.5).isNaN)
    }

    @Test("merging sketches equals adding everything to one, in any order")
    func merge() {
        let first = values(10_000, seed: 1), second = values(7_000, seed: 2)
        var a = QuantileSketch(), b = QuantileSketch(), both = QuantileSketch()
        for value in first { a.add(value) }
        for value in second { b.add(value) }
        for value in (second + first) { both.add(value) }
        a.merge(b)
        #expect(a == both)
    }

    @Test("sectioning: the 95% interval of an exponential median covers the truth about 95% of the time, and narrows as 1/√n")
    func sectioningCoverage() {
        // Median of an exponential with mean 20: 20·ln 2.
        let truth = 20 * log(2.0)
        var covered = 0, widths: [Double] = []
        let trials = 400
        for trial in 0..<trials {
            var sections = SectionedQuantiles(sections: 20)
            for day in 0..<40 {
                sections.add(values(50, seed: UInt64(trial * 1000 + day + 1)).map(QuantileSketch.bucket), section: day % 20)
            }
            let estimate = sections.estimate(0.5, level: 0.95)
            if estimate.contains(truth) { covered += 1 }
            widths.append(estimate.halfWidth)
        }
        // Binomial sd at 95% over 400 trials is 0.011; allow 3 of them.
        #expect(abs(Double(covered) / Double(trials) - 0.95) < 0.033, "coverage \(covered) of \(trials)")
        // 2,000 values: the median's sd is about 20/√2000 (f(m) = 1/40) ≈ 0.45; the half-width ≈ 2.09·0.45.
        let meanWidth = widths.reduce(0, +) / Double(widths.count)
        #expect(meanWidth > 0.7 && meanWidth < 1.2, "mean half-width \(meanWidth)")
    }
}
