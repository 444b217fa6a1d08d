import Foundation

/// The range a metric's values live in, which its confidence interval must
/// respect.
public enum ValueRange: Sendable, Hashable {
    /// A share in [0, 1]: the interval is built on the logit scale.
    case share
    /// A quantity ≥ 0 (minutes, customers, yuan): the interval is built on the log scale.
    case nonNegative
    /// Any real number (a difference between plans): the plain symmetric interval.
    case unbounded
}

/// An estimate with an interval that need not be symmetric around it.
public struct Estimate: Sendable, Equatable {
    public let value: Double
    public let low: Double
    public let high: Double

    public init(value: Double, low: Double, high: Double) {
        self.value = value
        self.low = low
        self.high = high
    }

    /// Whether `x` lies inside the closed interval.
    public func contains(_ x: Double) -> Bool { low <= x && x <= high }

    /// Half the interval's width.
    public var halfWidth: Double { (high - low) / 2 }
}

/// The ratio of two sums across replications, Σxᵢ / Σyᵢ: a customer-weighted
/// mean (x: the day's sum of waits, y: its customers), a time average
/// (x: customer-minutes, y: minutes) or a plain mean of days (y = 1).
///
/// Why a ratio and not the mean of per-day ratios: a queue's mean wait, and
/// every service-level agreement, weigh each customer equally; averaging
/// days' means weighs each *day* equally, which is biased whenever days
/// (or intervals) with few customers differ from busy ones, and the bias
/// does not shrink with more days.
///
/// The interval is the delta method's: the variance of R̂ is estimated by
/// Σ(xᵢ − R̂·yᵢ)² / (n(n − 1)·ȳ²), with Student's t, built on the scale that
/// keeps the interval inside the metric's range (``ValueRange``) and
/// mapped back.
///
/// Why not n − 1 degrees of freedom: a day's sum of waits in a busy half
/// hour is heavy-tailed (one long busy period makes a day), so on few days
/// the variance estimate is itself far more uncertain than a normal
/// sample's, and a t on n − 1 degrees covered the truth 91% of the time at
/// 30 days instead of 95%. The degrees of freedom are matched to the
/// residuals' kurtosis instead (Satterthwaite's moment matching: Var(s²) =
/// σ⁴(2/(n − 1) + G₂/n) set equal to 2σ⁴/ν, with G₂ the small-sample
/// excess kurtosis), which leaves normal data at n − 1 and widens the
/// interval only where the days are heavy-tailed. A plain mean of days
/// (denominator 1) keeps n − 1 (see ``degreesOfFreedom(days:)``).
///
/// Days are added with ``add(_:_:)`` in day order; co-moments are updated
/// as in Welford's method, so the result is exactly reproducible and exact
/// (zero width) for a quantity that is the same every day. A day on which
/// the key was not observed counts as (0, 0): it adds nothing to either sum,
/// but it is one of the n days.
public struct RatioEstimator: Sendable, Equatable {
    /// Days with an observation.
    public private(set) var observed = 0
    private var meanX = 0.0, meanY = 0.0
    private var m2x = 0.0, m2y = 0.0, cxy = 0.0
    /// The residuals' fourth moment, kept as power sums of uᵢ = xᵢ − R₀·yᵢ
    /// about an anchor ratio R₀ (the first day's), so that Σ(xᵢ − R̂·yᵢ)⁴
    /// for the final R̂ comes out without storing the days.
    private var anchor: Double?
    private var sumU4 = 0.0, sumU3Y = 0.0, sumU2Y2 = 0.0, sumUY3 = 0.0, sumY4 = 0.0

    public init() {}

    /// Adds one day's numerator and denominator.
    ///
    /// - Complexity: O(1).
    public mutating func add(_ x: Double, _ y: Double) {
        observed += 1
        let n = Double(observed)
        let dx = x - meanX, dy = y - meanY
        meanX += dx / n
        meanY += dy / n
        m2x += dx * (x - meanX)
        m2y += dy * (y - meanY)
        cxy += dx * (y - meanY)
        if anchor == nil, y > 0 { anchor = x / y }
        let u = x - (anchor ?? 0) * y
        let u2 = u * u, y2 = y * y
        sumU4 += u2 * u2
        sumU3Y += u2 * u * y
        sumU2Y2 += u2 * y2
        sumUY3 += u * y2 * y
        sumY4 += y2 * y2
    }

    /// The degrees of freedom of the interval over `days` days: n − 1 for
    /// residuals no heavier-tailed than normal, fewer for heavier ones (see
    /// the type's note), at least 1.
    public func degreesOfFreedom(days: Int) -> Double {
        let n = max(days, observed)
        guard n >= Self.fewestDaysForKurtosis else { return Double(max(1, n - 1)) }
        let m = moments(days: n)
        // A plain mean of days (the same denominator every day: counts,
        // maxima, costs) keeps n − 1: the correction is for sums over a
        // day's customers, which busy periods make heavy-tailed, and on a
        // rare day-level event (one day in 30 with someone standing) it
        // would make the interval absurdly wide on the log scale.
        guard m.meanY > 0, m.m2y > 0 else { return Double(n - 1) }
        let r = m.meanX / m.meanY
        let count = Double(n)
        // Σe² and Σe⁴ of the residuals eᵢ = xᵢ − R̂·yᵢ (days not observed have e = 0).
        let secondSum = max(0, m.m2x - 2 * r * m.cxy + r * r * m.m2y)
        let delta = r - (anchor ?? 0)
        let fourthSum = sumU4 - 4 * delta * sumU3Y + 6 * delta * delta * sumU2Y2 - 4 * delta * delta * delta * sumUY3
            + delta * delta * delta * delta * sumY4
        guard secondSum > 0, fourthSum.isFinite else { return count - 1 }
        return Self.degreesOfFreedom(second: secondSum, fourth: max(0, fourthSum), count: count)
    }

    /// The fewest days on which the residuals' kurtosis sets the degrees of freedom.
    public static let fewestDaysForKurtosis = 10

    /// Satterthwaite's degrees of freedom for residuals whose squares sum to
    /// `second` and fourth powers to `fourth` over `count` days: Var(s²) =
    /// σ⁴(2/(n − 1) + G₂/n) matched to 2σ⁴/ν, with G₂ the small-sample excess
    /// kurtosis; n − 1 for residuals no heavier-tailed than normal, at least
    /// 1. Under ``fewestDaysForKurtosis`` days the kurtosis is mostly noise
    /// (it can change ν tenfold from one run to the next), and n − 1 is kept.
    public static func degreesOfFreedom(second: Double, fourth: Double, count: Double) -> Double {
        guard count >= Double(fewestDaysForKurtosis), second > 0 else { return max(1, count - 1) }
        let m2 = second / count, m4 = fourth / count
        let g2 = m4 / (m2 * m2) - 3
        let excess = ((count + 1) * g2 + 6) * (count - 1) / ((count - 2) * (count - 3))
        return min(count - 1, max(1, 2 / (2 / (count - 1) + max(0, excess) / count)))
    }

    /// Sums over the `days` days of the run (days not observed add (0, 0)).
    func moments(days: Int) -> (meanX: Double, meanY: Double, m2x: Double, m2y: Double, cxy: Double) {
        let n = Double(max(days, observed)), m = Double(observed)
        guard m > 0 else { return (0, 0, 0, 0, 0) }
        // Chan's merge of the observed days with n − m days of (0, 0).
        let weight = m * (n - m) / n
        return (meanX * m / n, meanY * m / n, m2x + meanX * meanX * weight, m2y + meanY * meanY * weight,
                cxy + meanX * meanY * weight)
    }

    /// The ratio over `days` days (at least the days observed); NaN when
    /// the denominator's sum is 0.
    public func ratio(days: Int) -> Double {
        let m = moments(days: days)
        return m.meanY > 0 ? m.meanX / m.meanY : .nan
    }

    /// The standard error of the ratio by the delta method; NaN with fewer than two days.
    public func standardError(days: Int) -> Double {
        let n = max(days, observed)
        let m = moments(days: n)
        guard n > 1, m.meanY > 0 else { return .nan }
        let r = m.meanX / m.meanY
        let residual = max(0, m.m2x - 2 * r * m.cxy + r * r * m.m2y)
        return (residual / Double(n - 1) / Double(n)).squareRoot() / m.meanY
    }

    /// The ratio and its `level` interval over `days` days, kept within `range`.
    public func estimate(days: Int, level: Double, range: ValueRange) -> Estimate {
        let n = max(days, observed)
        let r = ratio(days: n)
        guard r.isFinite else { return Estimate(value: .nan, low: .nan, high: .nan) }
        let se = standardError(days: n)
        guard se.isFinite else { return Estimate(value: r, low: .nan, high: .nan) }
        let t = StudentT.quantile(probability: 0.5 + level / 2, degreesOfFreedom: degreesOfFreedom(days: n))
        return Self.interval(r, standardError: se, t: t, range: range)
    }

    /// An interval around `value` with standard error `se` and critical value
    /// `t`, on the scale `range` asks for.
    public static func interval(_ value: Double, standardError se: Double, t: Double, range: ValueRange) -> Estimate {
        switch range {
        case .unbounded:
            return Estimate(value: value, low: value - t * se, high: value + t * se)
        case .nonNegative:
            // A value of 0 from non-negative terms means every term was 0.
            guard value > 0 else { return Estimate(value: value, low: max(0, value), high: max(0, value)) }
            let spread = t * se / value
            return Estimate(value: value, low: value * exp(-spread), high: value * exp(spread))
        case .share:
            guard value > 0, value < 1 else { return Estimate(value: value, low: value, high: value) }
            let logit = log(value / (1 - value))
            let spread = t * se / (value * (1 - value))
            func expit(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
            return Estimate(value: value, low: expit(logit - spread), high: expit(logit + spread))
        }
    }
}
