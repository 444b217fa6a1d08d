import Foundation

extension Estimate {
    /// The share of `trials` days on which something held, with its Wilson
    /// score interval at `level`. Unlike a normal interval it does not
    /// collapse to a point when every day (or none) meets: 10 days out of
    /// 10 give [0.72, 1], not [1, 1], so a target judged on days cannot
    /// pass on a handful of lucky days.
    ///
    /// - Complexity: O(1).
    public static func wilson(successes: Double, trials: Int, level: Double) -> Estimate {
        guard trials > 0 else { return Estimate(value: .nan, low: .nan, high: .nan) }
        let n = Double(trials), share = min(max(successes / n, 0), 1)
        // The normal quantile as Student's t with very many degrees of freedom.
        let z = StudentT.quantile(probability: 0.5 + level / 2, degreesOfFreedom: 1e9)
        let centre = (share + z * z / (2 * n)) / (1 + z * z / n)
        let spread = z / (1 + z * z / n) * (share * (1 - share) / n + z * z / (4 * n * n)).squareRoot()
        // At 0 or 1 the bound on that side is the share itself, exactly.
        return Estimate(value: share, low: share == 0 ? 0 : max(0, centre - spread), high: share == 1 ? 1 : min(1, centre + spread))
    }
}
