/// A mergeable sketch of durations in minutes, for percentiles of waits and
/// times in the outlet over all customers of all days.
///
/// Buckets are log-linear, as in HdrHistogram: below 1,024 units of 2⁻¹²
/// minute (a quarter of a minute) one bucket per unit, above it 512 buckets
/// per doubling. A bucket's midpoint is therefore within 0.098% of any value
/// in it, or within half a unit (7.3 ms) for values under 15 seconds; the
/// first bucket, [0, 14.6 ms), reads as 0. Values from 2¹⁸ minutes (182 days)
/// up share the last bucket. Counts merge exactly by addition, so sketches of
/// days, sections or shards add up to the sketch of their union whatever the
/// order. Storage grows only up to the largest bucket seen (20 KB for waits
/// up to an hour).
public struct QuantileSketch: Sendable, Equatable {
    /// Buckets of one unit each, and the first index of the logarithmic part.
    static let linearBuckets = 1024
    /// Buckets per doubling above the linear part.
    static let bucketsPerDoubling = 512
    /// Doublings covered above the linear part.
    static let doublings = 20
    /// One unit, minutes.
    public static let unit = 1.0 / 4096
    /// The number of buckets, all below `UInt16.max`.
    public static let bucketCount = linearBuckets + doublings * bucketsPerDoubling

    private var counts: [UInt32] = []
    public private(set) var count = 0

    public init() {}

    /// The bucket of a duration in minutes (negative and NaN read as 0).
    ///
    /// - Complexity: O(1), no allocation.
    @inline(__always)
    public static func bucket(_ minutes: Double) -> UInt16 {
        let units = minutes / unit
        guard units >= Double(linearBuckets) else { return units > 0 ? UInt16(units) : 0 }
        // Values in [1024·2^s, 2048·2^s) units: 512 buckets 2^(s+1) units wide.
        let shift = Int(units.exponent) - 10
        guard shift < doublings else { return UInt16(bucketCount - 1) }
        let sub = Int(units / Double(1 << (shift + 1))) - bucketsPerDoubling
        return UInt16(linearBuckets + shift * bucketsPerDoubling + sub)
    }

    /// The smallest duration of bucket `index`, minutes.
    static func lowerBound(_ index: Int) -> Double {
        guard index >= linearBuckets else { return Double(index) * unit }
        let shift = (index - linearBuckets) / bucketsPerDoubling, sub = (index - linearBuckets) % bucketsPerDoubling
        return Double(bucketsPerDoubling + sub) * Double(1 << (shift + 1)) * unit
    }

    /// The value a bucket stands for: its midpoint, and 0 for the first.
    public static func representative(_ index: Int) -> Double {
        index == 0 ? 0 : (lowerBound(index) + lowerBound(index + 1)) / 2
    }

    /// Counts one duration by its bucket.
    ///
    /// - Complexity: O(1) amortised; grows the storage up to `bucket` once.
    public mutating func add(bucket: UInt16) {
        let index = Int(bucket)
        if index >= counts.count { counts.append(contentsOf: repeatElement(0, count: index + 1 - counts.count)) }
        counts[index] &+= 1
        count += 1
    }

    /// Counts one duration in minutes.
    public mutating func add(_ minutes: Double) { add(bucket: Self.bucket(minutes)) }

    /// Counts many durations by their buckets.
    ///
    /// - Complexity: O(buckets given), growing the storage at most once.
    public mutating func add(buckets: [UInt16]) {
        guard let highest = buckets.max() else { return }
        if Int(highest) >= counts.count { counts.append(contentsOf: repeatElement(0, count: Int(highest) + 1 - counts.count)) }
        counts.withUnsafeMutableBufferPointer { storage in
            for bucket in buckets { storage[Int(bucket)] &+= 1 }
        }
        count += buckets.count
    }

    /// Adds another sketch's counts.
    ///
    /// - Complexity: O(buckets of `other`).
    public mutating func merge(_ other: QuantileSketch) {
        if other.counts.count > counts.count { counts.append(contentsOf: repeatElement(0, count: other.counts.count - counts.count)) }
        // Through buffers: element by element, each write checked the
        // array's uniqueness, and pooling a run's sections was 6% of a check.
        counts.withUnsafeMutableBufferPointer { mine in
            other.counts.withUnsafeBufferPointer { theirs in
                for index in theirs.indices { mine[index] &+= theirs[index] }
            }
        }
        count += other.count
    }

    /// The `p` quantile (0 < p ≤ 1): the bucket value of the ⌈p·n⌉-th
    /// smallest duration; NaN when empty.
    ///
    /// - Complexity: O(buckets).
    public func quantile(_ p: Double) -> Double {
        guard count > 0 else { return .nan }
        let rank = min(count, max(1, Int((p * Double(count)).rounded(.up))))
        var seen = 0
        for (index, bucketCount) in counts.enumerated() where bucketCount > 0 {
            seen += Int(bucketCount)
            if seen >= rank { return Self.representative(index) }
        }
        return Self.representative(counts.count - 1)
    }
}

/// Percentiles over the pooled customers of all days, with intervals by
/// sectioning: days are dealt into `sections` groups (day i of the run to
/// group i mod sections); the estimate is the pooled sketch's quantile, and
/// its interval is Student's t on the spread of the groups' own quantiles,
/// sd/√k with k − 1 degrees of freedom (Asmussen and Glynn, *Stochastic
/// Simulation*, III.5). The lower end is truncated at 0.
public struct SectionedQuantiles: Sendable {
    public private(set) var sections: [QuantileSketch]

    public init(sections: Int) {
        self.sections = Array(repeating: QuantileSketch(), count: max(1, sections))
    }

    /// The number of sections for a run of `days` days: 20, or one a day for shorter runs.
    public static func sectionCount(days: Int) -> Int { max(1, min(20, days)) }

    /// Adds one day's durations (as buckets) to section `section`.
    public mutating func add(_ buckets: [UInt16], section: Int) {
        sections[section].add(buckets: buckets)
    }

    /// The pooled quantiles `ps`, without intervals (a run's percentile
    /// intervals come from ``ShareInversionQuantiles``; sections serve paired differences).
    ///
    /// - Complexity: O(sections × buckets + buckets × ps).
    public func pooledQuantiles(_ ps: [Double]) -> [Double] {
        var pooled = QuantileSketch()
        for section in sections where section.count > 0 { pooled.merge(section) }
        return ps.map(pooled.quantile)
    }

    /// The pooled `p` quantile and its `level` interval; no interval with
    /// fewer than two sections holding customers.
    public func estimate(_ p: Double, level: Double) -> Estimate {
        estimates([p], level: level)[0]
    }

    /// The pooled quantiles `ps` and their `level` intervals, merging the sections once.
    ///
    /// - Complexity: O(sections × buckets × ps).
    public func estimates(_ ps: [Double], level: Double) -> [Estimate] {
        var pooled = QuantileSketch()
        var parts = Array(repeating: SampleSummary(), count: ps.count)
        for section in sections where section.count > 0 {
            pooled.merge(section)
            for (index, p) in ps.enumerated() { parts[index].add(section.quantile(p)) }
        }
        return zip(ps, parts).map { p, parts in
            let value = pooled.quantile(p)
            guard value.isFinite else { return Estimate(value: .nan, low: .nan, high: .nan) }
            guard parts.count > 1 else { return Estimate(value: value, low: .nan, high: .nan) }
            let t = StudentT.quantile(probability: 0.5 + level / 2, degreesOfFreedom: Double(parts.count - 1))
            let halfWidth = t * parts.standardError
            return Estimate(value: value, low: max(0, value - halfWidth), high: value + halfWidth)
        }
    }
}
