/// A discrete distribution over a table of values, sampled in O(1) by
/// Walker's alias method.
@usableFromInline
struct DiscreteTable: Sendable, Equatable {
    /// The table's values, minutes.
    @usableFromInline let values: [Double]
    /// The weights normalised to probabilities.
    @usableFromInline let probabilities: [Double]
    /// Alias-method acceptance thresholds, one per column.
    @usableFromInline let acceptance: [Double]
    /// Alias-method alternatives, one per column.
    @usableFromInline let alias: [Int]

    init(values: [Double], weights: [Double]) throws(DistributionError) {
        let name = "empirical"
        guard !values.isEmpty else {
            throw .invalidTable(distribution: name, problem: "values must list at least one value, found none")
        }
        guard values.count == weights.count else {
            throw .invalidTable(distribution: name, problem: "values and weights must have the same length, found \(values.count) values and \(weights.count) weights")
        }
        for (position, value) in values.enumerated() {
            try ParameterCheck.nonNegative(value, "values[\(position)]", in: name)
        }
        for (position, weight) in weights.enumerated() {
            try ParameterCheck.weight(weight, "weights[\(position)]", in: name)
        }
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite else {
            throw .invalidTable(distribution: name, problem: "weights must sum to a finite number > 0, found \(DistributionError.format(total))")
        }
        self.values = values
        self.probabilities = weights.map { $0 / total }
        (self.acceptance, self.alias) = Self.aliasTable(probabilities)
    }

    /// Vose's construction of the alias table.
    ///
    /// - Complexity: O(*n*).
    static func aliasTable(_ probabilities: [Double]) -> (acceptance: [Double], alias: [Int]) {
        let n = probabilities.count
        var scaled = probabilities.map { $0 * Double(n) }
        var acceptance = [Double](repeating: 1, count: n)
        var alias = Array(0..<n)
        var small = [Int](), large = [Int]()
        for (column, value) in scaled.enumerated() {
            if value < 1 { small.append(column) } else { large.append(column) }
        }
        while let low = small.popLast(), let high = large.last {
            acceptance[low] = scaled[low]
            alias[low] = high
            scaled[high] -= 1 - scaled[low]
            if scaled[high] < 1 {
                large.removeLast()
                small.append(high)
            }
        }
        // Columns left over hold probability 1 up to rounding.
        return (acceptance, alias)
    }

    /// The value for one uniform draw `u` in (0, 1).
    @inlinable @inline(__always)
    func value(for u: Double) -> Double {
        let scaled = u * Double(values.count)
        let column = Swift.min(Int(scaled), values.count - 1)
        let coin = scaled - Double(column)
        return coin < acceptance[column] ? values[column] : values[alias[column]]
    }
}

/// A continuous distribution from sample points: the empirical distribution
/// function with linear interpolation, so that each gap between consecutive
/// sorted points holds probability 1/(n-1).
@usableFromInline
struct ContinuousTable: Sendable, Equatable {
    /// The sorted sample points, minutes.
    @usableFromInline let points: [Double]

    init(points: [Double]) throws(DistributionError) {
        let name = "empirical"
        guard points.count >= 2 else {
            throw .invalidTable(distribution: name, problem: "points must list at least 2 observed times, found \(points.count)")
        }
        for (position, point) in points.enumerated() {
            try ParameterCheck.nonNegative(point, "points[\(position)]", in: name)
        }
        self.points = points.sorted()
    }

    /// The value for one uniform draw `u` in (0, 1).
    @inlinable @inline(__always)
    func value(for u: Double) -> Double {
        let scaled = u * Double(points.count - 1)
        let gap = Swift.min(Int(scaled), points.count - 2)
        let fraction = scaled - Double(gap)
        return points[gap] + fraction * (points[gap + 1] - points[gap])
    }
}
