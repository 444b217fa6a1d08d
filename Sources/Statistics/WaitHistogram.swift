/// A mergeable histogram of durations in minutes, for waits and times in the
/// outlet: log-linear buckets (128 per doubling) from one second to about
/// a week, so any quantile is known to within 0.8% of its value, and memory
/// is fixed whatever the number of customers (no per-customer storage).
/// Like HdrHistogram, two histograms merge exactly by adding counts.
public struct WaitHistogram: Sendable, Equatable {
    /// Buckets per doubling of the value.
    static let subBuckets = 128
    /// Doublings covered above the smallest resolved value.
    static let doublings = 14
    /// The smallest resolved duration, minutes (one second); shorter ones share bucket 0.
    static let resolution = 1.0 / 60

    private var counts: [UInt32]
    public private(set) var count = 0
    public private(set) var sum = 0.0
    public private(set) var maximum = 0.0

    public init() {
        counts = Array(repeating: 0, count: Self.subBuckets * (Self.doublings + 1))
    }

    /// The bucket of `minutes`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    static func bucket(_ minutes: Double) -> Int {
        let units = minutes / resolution
        guard units >= Double(subBuckets) else { return max(0, Int(units)) }
        // Values in [2^(7+s), 2^(8+s)) units fall in block s + 1, 128 buckets wide.
        let shift = Int(units.exponent) - 7
        guard shift < doublings else { return subBuckets * (doublings + 1) - 1 }
        let scaled = Int(units / Double(1 << shift))  // in [128, 256)
        return shift * subBuckets + scaled
    }

    /// The smallest value of bucket `index`, minutes.
    static func lowerBound(_ index: Int) -> Double {
        let exponent = index / subBuckets, offset = index % subBuckets
        if exponent == 0 { return Double(offset) * resolution }
        return Double(offset + subBuckets) * Double(1 << (exponent - 1)) * resolution
    }

    /// Records one duration in minutes (negative values count as 0).
    ///
    /// - Complexity: O(1), no allocation.
    @inline(__always)
    public mutating func record(_ minutes: Double) {
        let value = max(0, minutes)
        counts[Self.bucket(value)] &+= 1
        count += 1
        sum += value
        if value > maximum { maximum = value }
    }

    /// Adds another histogram's counts.
    public mutating func merge(_ other: WaitHistogram) {
        for index in counts.indices { counts[index] &+= other.counts[index] }
        count += other.count
        sum += other.sum
        maximum = max(maximum, other.maximum)
    }

    /// Empties the histogram, keeping its storage.
    public mutating func reset() {
        for index in counts.indices { counts[index] = 0 }
        count = 0
        sum = 0
        maximum = 0
    }

    public var mean: Double { count > 0 ? sum / Double(count) : .nan }

    /// The `p` quantile (0...1): the midpoint of the bucket holding the
    /// ⌈p·n⌉-th smallest value, capped at the maximum; NaN when empty.
    ///
    /// - Complexity: O(buckets).
    public func quantile(_ p: Double) -> Double {
        guard count > 0 else { return .nan }
        let rank = max(1, Int((p * Double(count)).rounded(.up)))
        var seen = 0
        for (index, bucketCount) in counts.enumerated() where bucketCount > 0 {
            seen += Int(bucketCount)
            if seen >= rank {
                let low = Self.lowerBound(index), high = Self.lowerBound(index + 1)
                return min((low + high) / 2, maximum)
            }
        }
        return maximum
    }

    /// Share of recorded values at or below `minutes` (to bucket precision).
    public func share(atMost minutes: Double) -> Double {
        guard count > 0 else { return .nan }
        let last = Self.bucket(minutes)
        var within = 0
        for index in 0...last { within += Int(counts[index]) }
        return Double(within) / Double(count)
    }
}
