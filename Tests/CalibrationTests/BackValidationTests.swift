@testable import Calibration
import Testing

@Suite("Back-validation")
struct BackValidationTests {
    @Test("the percentile by selection is the sorted one's, with ties, sorted and reversed input")
    func percentileBySelection() {
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 40) / Double(1 << 24)
        }
        for size in [1, 2, 3, 10, 101, 1_000] {
            let random = (0..<size).map { _ in next() }
            let ties = (0..<size).map { _ in (next() * 5).rounded() }
            for values in [random, ties, random.sorted(), random.sorted().reversed()] {
                let sorted = values.sorted()
                for p in [0.0, 0.1, 0.5, 0.9, 0.99, 1.0] {
                    let rank = min(max(Int((p * Double(sorted.count)).rounded(.up)) - 1, 0), sorted.count - 1)
                    #expect(BackValidation.percentile(values, p) == sorted[rank], "n \(size), p \(p)")
                }
            }
        }
    }
}
