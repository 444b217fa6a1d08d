import Statistics

/// The deterministic generator of the fit's bootstrap resamples: a fit of
/// the same log gives the same intervals, byte for byte.
struct Resampling {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound.
    mutating func index(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A resample of `values` with replacement.
    mutating func resample<T>(_ values: [T]) -> [T] {
        (0..<values.count).map { _ in values[index(below: values.count)] }
    }

    /// The 2.5% and 97.5% points of the finite `values`, interpolated.
    static func percentileInterval(_ values: [Double]) -> (low: Double, high: Double) {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return (.nan, .nan) }
        func at(_ p: Double) -> Double {
            let position = p * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
        }
        return (at(0.025), at(0.975))
    }
}

/// An estimate with its 95% interval, as fit.json and the report show it:
/// the statistics module's own, so fits and runs speak of intervals alike.
public typealias IntervalEstimate = Estimate
