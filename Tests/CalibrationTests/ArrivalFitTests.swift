@testable import Calibration
import Foundation
import Testing

@Suite("Arrival rates")
struct ArrivalFitTests {
    @Test("Garwood's Poisson interval holds from 0 to 10^9 events: finite, ordered, and as wide as √x where that is exact")
    func poissonIntervalAtEveryScale() {
        var total = 1.0
        var previous = ArrivalFit.garwood(0)
        #expect(previous.low == 0 && abs(previous.high - 3.689) < 0.001)  // -ln(0.025)
        while total <= 1e9 {
            for x in [total, 2 * total, 5 * total] where x <= 1e9 {
                let (low, high) = ArrivalFit.garwood(x)
                #expect(low.isFinite && high.isFinite && low < x && x < high, "\(x): [\(low), \(high)]")
                #expect(low >= previous.low && high >= previous.high, "monotone at \(x)")
                if x >= 1e4 {
                    // Beyond a few thousand events the interval is x ± 1.96 √x to within a few per cent of its width.
                    let half = 1.959963984540054 * sqrt(x)
                    #expect(abs((high - low) / (2 * half) - 1) < 0.02, "\(x)")
                }
                previous = (low, high)
            }
            total *= 10
        }
        // Where GSL's inverse gives way to the cube-root form, the two agree.
        let exact = ArrivalFit.garwood(99_999), approximate = ArrivalFit.garwood(100_001)
        #expect(abs((approximate.high - exact.high) - 2) < 0.01 && abs((approximate.low - exact.low) - 2) < 0.01)
    }
}
