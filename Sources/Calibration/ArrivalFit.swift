import CGSL
import RandomStreams
import Foundation
import Statistics

/// Walk-in tickets per interval and segment across the log's days: the
/// arrival rate per hour with a 95% interval, and whether the days vary
/// more than Poisson arrivals allow.
public struct ArrivalFit: Sendable {
    /// Rate per hour by segment, then interval.
    public let rates: [[IntervalEstimate]]
    /// Tickets per day by interval (all segments), for the dispersion test.
    public let countsPerDay: [[Int]]
    /// Σ over intervals of Σ_days (c − c̄)²/c̄: chi-squared with
    /// `degreesOfFreedom` under Poisson arrivals with the same rates every day.
    public let dispersion: Double
    public let degreesOfFreedom: Int
    /// P(a statistic at least this large | Poisson): small means the days
    /// differ more than chance (day-to-day demand varies).
    public let dispersionPValue: Double
    /// Whether the days vary more than Poisson arrivals allow (p < 0.01).
    public var overdispersed: Bool { dispersionPValue < 0.01 }

    /// `counts[day][segment][interval]`: walk-in tickets; `intervalHours` the interval's length.
    public init(counts: [[[Int]]], intervalHours: Double) {
        let days = counts.count
        let segments = counts.first?.count ?? 0
        let intervals = counts.first?.first?.count ?? 0
        var rates: [[IntervalEstimate]] = []
        for segment in 0..<segments {
            rates.append((0..<intervals).map { interval in
                Self.rate(counts.map { Double($0[segment][interval]) }, hours: intervalHours)
            })
        }
        self.rates = rates
        let perDay = counts.map { day in (0..<intervals).map { interval in day.reduce(0) { $0 + $1[interval] } } }
        countsPerDay = perDay
        var statistic = 0.0, freedom = 0
        for interval in 0..<intervals {
            let values = perDay.map { Double($0[interval]) }
            let mean = values.reduce(0, +) / Double(max(days, 1))
            guard mean > 0, days >= 2 else { continue }
            statistic += values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / mean
            freedom += days - 1
        }
        dispersion = statistic
        degreesOfFreedom = freedom
        dispersionPValue = freedom > 0 ? gsl_cdf_chisq_Q(statistic, Double(freedom)) : .nan
    }

    /// The mean count per day over `hours`, per hour: with at least 10 days
    /// and more spread than Poisson, a t interval across days; otherwise
    /// Garwood's exact Poisson interval on the total.
    static func rate(_ counts: [Double], hours: Double) -> IntervalEstimate {
        let n = Double(counts.count)
        let total = counts.reduce(0, +), mean = total / n
        let variance = counts.count > 1 ? counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
        if counts.count >= 10 && variance > mean {
            let half = StudentT.quantile(probability: 0.975, degreesOfFreedom: n - 1) * sqrt(variance / n)
            return IntervalEstimate(value: mean / hours, low: max(mean - half, 0) / hours, high: (mean + half) / hours)
        }
        let (low, high) = garwood(total)
        return IntervalEstimate(value: mean / hours, low: low / n / hours, high: high / n / hours)
    }

    /// Garwood's exact 95% interval for a Poisson mean, given `total` events:
    /// χ²(0.025; 2x)/2 to χ²(0.975; 2x + 2)/2. Beyond 100,000 events the
    /// Wilson-Hilferty cube-root form (relative error below 1e-7 there)
    /// takes over, since GSL's inverse gamma does not converge for every
    /// large argument.
    ///
    /// - Complexity: O(1).
    static func garwood(_ total: Double) -> (low: Double, high: Double) {
        GSLRuntime.prepare()
        func chiSquaredQuantile(_ p: Double, _ freedom: Double, z: Double) -> Double {
            if freedom <= 200_000 {
                let exact = gsl_cdf_chisq_Pinv(p, freedom)
                if exact.isFinite { return exact }
            }
            let a = 2 / (9 * freedom)
            return freedom * pow(1 - a + z * sqrt(a), 3)
        }
        let z = 1.959963984540054
        let low = total > 0 ? chiSquaredQuantile(0.025, 2 * total, z: -z) / 2 : 0
        let high = chiSquaredQuantile(0.975, 2 * total + 2, z: z) / 2
        return (low, high)
    }
}
