import Foundation

/// Confidence intervals for percentiles of durations pooled over days, by
/// inverting the interval of a share (Woodruff, 1952): the p-quantile lies
/// below q exactly when the customer-weighted share of durations ≤ q,
/// F(q) = Σ cᵢ(q) / Σ yᵢ over days i, reaches p. Each F(q) is a ratio of
/// sums over days, so it has the delta-method interval of
/// ``RatioEstimator`` (days are the independent units; customers within a
/// day are not), with the same kurtosis-matched degrees of freedom. The
/// percentile's interval is every q whose share interval holds p.
///
/// Why not sectioning (the spread of the percentiles of groups of days):
/// with few days each group holds one or two days, whose own percentiles
/// are biased and too alike, and 95% intervals covered the truth 80% of the
/// time at 30 days. Inverting the share needs no groups.
///
/// Storage: for each cell of a coarse grid over the sketch's buckets
/// (8 buckets a cell: 64 a doubling, about 1.1% wide), the sums over days
/// of cᵢ, cᵢ², cᵢyᵢ, cᵢ⁴, cᵢ³yᵢ, cᵢ²yᵢ² and cᵢyᵢ³, kept as differences
/// between neighbouring cells (a day's cᵢ(q) is a step function of q), so
/// a day costs O(its customers + the cells they span), with no allocation.
public struct ShareInversionQuantiles: Sendable, Equatable {
    /// Sketch buckets per grid cell.
    static let bucketsPerCell = 8
    /// The per-cell differences of Σc, Σc², Σcy, Σc⁴, Σc³y, Σc²y², Σcy³ (lanes 0–6; lane 7 unused).
    private var differences: [SIMD8<Double>] = []
    /// Σy, Σy², Σy⁴ over days.
    private var sumY = 0.0, sumY2 = 0.0, sumY4 = 0.0
    /// Days with at least one duration.
    public private(set) var observed = 0
    /// The largest bucket seen: no interval reaches past the longest duration.
    private var highestBucket: UInt16 = 0
    /// A reused count of a day's durations per cell, all 0 between days.
    private var scratch: [UInt32] = []
    /// The cells `scratch` counts in, a bit each, all 0 between days.
    private var occupied: [UInt64] = []

    public init() {}

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.differences == rhs.differences && lhs.sumY == rhs.sumY && lhs.sumY2 == rhs.sumY2 && lhs.sumY4 == rhs.sumY4
            && lhs.observed == rhs.observed && lhs.highestBucket == rhs.highestBucket
    }

    /// Adds one day's durations, as sketch buckets.
    ///
    /// - Complexity: O(k + c + r/64) for the day's k durations in c cells
    ///   below the r-th, no allocation once the storage has grown.
    public mutating func add(buckets: [UInt16]) {
        guard !buckets.isEmpty else { return }
        observed += 1
        let y = Double(buckets.count)
        sumY += y
        sumY2 += y * y
        sumY4 += y * y * y * y
        var top: UInt16 = 0
        for bucket in buckets { top = max(top, bucket) }
        highestBucket = max(highestBucket, top)
        let highest = Int(top) / Self.bucketsPerCell
        if highest >= differences.count {
            differences.append(contentsOf: repeatElement(SIMD8(), count: highest + 1 - differences.count))
            scratch.append(contentsOf: repeatElement(0, count: highest + 1 - scratch.count))
            occupied.append(contentsOf: repeatElement(0, count: highest / 64 + 1 - occupied.count))
        }
        scratch.withUnsafeMutableBufferPointer { counts in
            occupied.withUnsafeMutableBufferPointer { words in
                for bucket in buckets {
                    let cell = Int(bucket) / Self.bucketsPerCell
                    counts[cell] &+= 1
                    words[cell &>> 6] |= 1 &<< UInt64(cell & 63)
                }
                differences.withUnsafeMutableBufferPointer { sums in
                    // The day's cᵢ(q) steps up at each cell holding durations,
                    // visited in order, the empty ones skipped 64 at a time.
                    var before = 0.0, was = Self.terms(0, y)
                    for word in 0...(highest / 64) {
                        var cells = words[word]
                        words[word] = 0
                        while cells != 0 {
                            let cell = word &<< 6 | cells.trailingZeroBitCount
                            cells &= cells &- 1
                            let after = before + Double(counts[cell])
                            let now = Self.terms(after, y)
                            sums[cell] += now - was
                            counts[cell] = 0
                            before = after
                            was = now
                        }
                    }
                }
            }
        }
    }

    /// c, c², cy, c⁴, c³y, c²y², cy³.
    @inline(__always)
    static func terms(_ c: Double, _ y: Double) -> SIMD8<Double> {
        let c2 = c * c
        return SIMD8(c, c2, c * y, c2 * c2, c2 * c * y, c2 * y * y, c * y * y * y, 0)
    }

    /// The `level` intervals of the quantiles `ps` over `days` days (days
    /// without durations count as days with none), in minutes. Outward from
    /// the cell where the pooled share first reaches p: down over the cells
    /// whose share interval still reaches p at its top, up to the first cell
    /// whose share interval's bottom reaches p; cut at the longest duration
    /// seen. NaN with fewer than two days.
    ///
    /// - Complexity: O(cells) for the cumulative sums, plus a t quantile for
    ///   each cell inside each interval.
    public func intervals(_ ps: [Double], level: Double, days: Int) -> [(low: Double, high: Double)] {
        let n = max(days, observed)
        guard n >= 2, sumY > 0, !differences.isEmpty else { return ps.map { _ in (.nan, .nan) } }
        let count = Double(n), meanY = sumY / count
        var cumulative: [SIMD8<Double>] = []
        cumulative.reserveCapacity(differences.count)
        var running = SIMD8<Double>()
        for difference in differences {
            running += difference
            cumulative.append(running)
        }
        let last = cumulative.count - 1
        // Each cell's interval once: the percentiles' walks cross the same
        // cells, and each interval is a Student t quantile, GSL's costliest
        // call in a run of a few days.
        var known = [(Double, Double)?](repeating: nil, count: cumulative.count)
        func bounds(_ cell: Int) -> (Double, Double) {
            if let found = known[cell] { return found }
            let found = shareInterval(cumulative[cell], count: count, meanY: meanY, level: level)
            known[cell] = found
            return found
        }
        return ps.map { p in
            // The cell of the estimate: the first whose pooled share reaches p.
            let estimate = cumulative.firstIndex { $0[0] / sumY >= p - 1e-12 } ?? last
            var low = estimate
            while low > 0, bounds(low - 1).1 >= p { low -= 1 }
            var high = estimate
            while high < last, bounds(high).0 < p { high += 1 }
            let lowBound = low == 0 ? 0 : QuantileSketch.lowerBound(low * Self.bucketsPerCell)
            let longest = QuantileSketch.representative(Int(highestBucket))
            return (min(lowBound, longest), min(QuantileSketch.lowerBound((high + 1) * Self.bucketsPerCell), longest))
        }
    }

    /// The share's interval at one cell, on the logit scale, from the
    /// running sums: the residuals' second and fourth moments about it.
    func shareInterval(_ sums: SIMD8<Double>, count: Double, meanY: Double, level: Double) -> (Double, Double) {
        let f = sums[0] / sumY
        guard f > 0, f < 1 else { return (f, f) }
        let second = max(0, sums[1] - 2 * f * sums[2] + f * f * sumY2)
        guard second > 0 else { return (f, f) }
        let fourth = max(0, sums[3] - 4 * f * sums[4] + 6 * f * f * sums[5] - 4 * f * f * f * sums[6] + f * f * f * f * sumY4)
        let standardError = (second / (count - 1) / count).squareRoot() / meanY
        let degrees = RatioEstimator.degreesOfFreedom(second: second, fourth: fourth, count: count)
        let t = StudentT.quantile(probability: 0.5 + level / 2, degreesOfFreedom: degrees)
        let estimate = RatioEstimator.interval(f, standardError: standardError, t: t, range: .share)
        return (estimate.low, estimate.high)
    }
}
