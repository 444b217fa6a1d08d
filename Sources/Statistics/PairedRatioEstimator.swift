/// Two ratio estimators observed on the same days: plan *a*'s day terms
/// (x_a, y_a) and plan *b*'s (x_b, y_b), paired because both plans met the
/// same customers (common random numbers).
///
/// The difference R_b − R_a is estimated with the delta method on paired
/// days: day *d* contributes (x_b − R_b·y_b)/ȳ_b − (x_a − R_a·y_a)/ȳ_a.
/// Those contributions are a fixed linear combination of the terms, so
/// their spread follows from the terms' co-moments, which are folded in one
/// day at a time: memory is constant, whatever the number of days. The
/// terms are kept as (x_a, y_a, x_b − x_a, y_b − y_a), so that a plan
/// compared with itself differs by exactly zero.
public struct PairedRatioEstimator: Sendable, Equatable {
    /// Days with an observation in either plan.
    public private(set) var observed = 0
    /// Running means of (x_a, y_a, x_b − x_a, y_b − y_a).
    private var mean = SIMD4<Double>(repeating: 0)
    /// Rows of the co-moment matrix Σ (z − z̄)(z − z̄)ᵀ.
    private var rows = [SIMD4<Double>](repeating: SIMD4(repeating: 0), count: 4)

    public init() {}

    /// Adds one day's terms of both plans; a plan without the metric that
    /// day adds (0, 0).
    ///
    /// - Complexity: O(1).
    public mutating func add(first: (numerator: Double, denominator: Double), other: (numerator: Double, denominator: Double)) {
        observed += 1
        let z = SIMD4(first.numerator, first.denominator, other.numerator - first.numerator, other.denominator - first.denominator)
        let delta = z - mean
        mean += delta / Double(observed)
        let after = z - mean
        for row in 0..<4 { rows[row] += delta[row] * after }
    }

    /// Means and co-moments over `days` days, the days not observed adding
    /// zeros (Chan's merge with a block of zero vectors).
    private func moments(days: Int) -> (mean: SIMD4<Double>, rows: [SIMD4<Double>]) {
        let n = Double(max(days, observed)), m = Double(observed)
        guard m > 0 else { return (SIMD4(repeating: 0), rows) }
        let weight = m * (n - m) / n
        return (mean * (m / n), (0..<4).map { rows[$0] + mean[$0] * weight * mean })
    }

    /// The sample variance of Σ cᵢ zᵢ over the days.
    private static func variance(_ c: SIMD4<Double>, _ rows: [SIMD4<Double>], days: Int) -> Double {
        var quadratic = 0.0
        for row in 0..<4 { quadratic += c[row] * (rows[row] * c).sum() }
        return max(0, quadratic) / Double(days - 1)
    }

    /// The paired standard error of R_b − R_a over `days` days, and the
    /// standard error the difference of two independent runs would have;
    /// nil with fewer than two days or a zero denominator.
    public func standardErrors(days: Int) -> (paired: Double, unpaired: Double)? {
        let n = max(days, observed)
        let (mean, rows) = moments(days: n)
        let meanYA = mean[1], meanYB = mean[1] + mean[3]
        guard n > 1, meanYA > 0, meanYB > 0 else { return nil }
        let ratioA = mean[0] / meanYA, ratioB = (mean[0] + mean[2]) / meanYB
        // Each plan's influence (x − R·y)/ȳ, in the stored terms.
        let a = SIMD4(1 / meanYA, -ratioA / meanYA, 0, 0)
        let b = SIMD4(1 / meanYB, -ratioB / meanYB, 1 / meanYB, -ratioB / meanYB)
        let difference = SIMD4(1 / meanYB - 1 / meanYA, ratioA / meanYA - ratioB / meanYB, 1 / meanYB, -ratioB / meanYB)
        let paired = Self.variance(difference, rows, days: n)
        let alone = Self.variance(a, rows, days: n) + Self.variance(b, rows, days: n)
        return ((paired / Double(n)).squareRoot(), (alone / Double(n)).squareRoot())
    }
}
