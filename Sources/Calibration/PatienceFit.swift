import CGSL
import Foundation
import RandomStreams
import Statistics

/// How long customers wait before they give up, from censored waits. No
/// patience is seen exactly unless the log has a leave time:
/// - a served customer waited until the call: patience longer than that
///   wait (right-censored);
/// - a no-show had left when called: patience shorter than the wait to the
///   call (left-censored);
/// - a customer who left without being called (cancelled in the app,
///   purged at closing, no call time) left before their number's turn,
///   read from the first call of a later ticket of the same segment and
///   transaction: patience shorter than the wait to that turn
///   (left-censored); where the log has their leave time, patience is that
///   wait exactly.
///
/// Exponential, lognormal, Weibull and gamma are fitted by censored
/// maximum likelihood and the smallest AIC is chosen. Turnbull's
/// nonparametric curve stays beside it, with a simultaneous band, and the
/// waits where the chosen curve leaves the band are named.
public struct PatienceFit: Sendable {
    /// What one customer's wait says of their patience.
    public enum Evidence: Sendable {
        /// Still waiting after this long (served or transferred).
        case stayed
        /// Gone before this long (a no-show, or a leaver before their turn).
        case goneBefore
        /// Left after exactly this long (a leave time in the log).
        case leftAt
    }

    public struct Observation: Sendable {
        /// Minutes.
        public var wait: Double
        public var evidence: Evidence
        /// For a leave time (``Evidence/leftAt``): minutes to the customer's
        /// turn, when known, at which they are seen gone in the
        /// nonparametric curve (which takes every customer at the moment
        /// the queue reached them); NaN otherwise.
        public var turn: Double
        public init(wait: Double, evidence: Evidence, turn: Double = .nan) {
            self.wait = wait
            self.evidence = evidence
            self.turn = turn
        }
    }

    /// A point of the nonparametric survival curve with its simultaneous 95% band.
    public struct CurvePoint: Sendable {
        public let minutes: Double
        public let survival: Double
        public let low: Double
        public let high: Double
    }

    /// Families this close to the best in AIC are supported by the data too
    /// (Burnham and Anderson), and the mean's interval spans theirs.
    public static let supportedAIC = 4.0

    public let observations: Int
    /// Customers seen gone: left-censored and exact.
    public let leftCount: Int
    /// Every family that could be fitted, smallest AIC first.
    public let candidates: [FittedFamily]
    /// The family of smallest AIC; nil when nobody left.
    public let chosen: FittedFamily?
    /// Mean patience of the chosen family, minutes, with a 95% interval:
    /// Wald on the log of the mean, from the observed information, joined
    /// over every family within ``supportedAIC`` of the best.
    public let mean: IntervalEstimate?
    public let logLikelihood: Double
    /// P(patience > t) at the waits where Turnbull's estimator steps.
    public let survival: [CurvePoint]
    /// Waits (minutes) where the chosen family's survival leaves the band.
    public let outsideBand: [Double]

    /// Fits `families` (all four by default) to `observations`.
    public init(_ observations: [Observation], families: [ServiceFamily] = ServiceFamily.allCases) {
        GSLRuntime.prepare()
        let data = observations.filter { $0.wait.isFinite && $0.wait >= 0 }
        self.observations = data.count
        leftCount = data.filter { $0.evidence != .stayed }.count
        // Waits binned, weighted: to 0.3 s below half a minute and to 1%
        // above (far finer than patience is known), so the likelihood costs
        // O(distinct bins), a few thousand at most, not O(customers).
        var bins: [Evidence: [Double: Double]] = [:]
        for observation in data {
            let wait = observation.wait
            let binned = wait < 0.5 ? (wait * 200).rounded() / 200 : exp((log(wait) * 100).rounded() / 100)
            bins[observation.evidence, default: [:]][binned, default: 0] += 1
        }
        let weighted = [Evidence.stayed, .goneBefore, .leftAt].map { evidence in
            (evidence, (bins[evidence] ?? [:]).sorted { $0.key < $1.key }.map { (wait: $0.key, weight: $0.value) })
        }
        let anyLeft = data.contains { $0.evidence != .stayed && $0.wait > 0 }
        let anyStayed = data.contains { $0.evidence == .stayed && $0.wait > 0 } || data.contains { $0.evidence == .leftAt }
        if anyLeft && anyStayed {
            var fits: [(FittedFamily, [Double], Double)] = []
            for family in families {
                if let fit = Self.fit(family, weighted) { fits.append(fit) }
            }
            fits.sort { $0.0.aic < $1.0.aic }
            candidates = fits.map(\.0)
            if let (best, _, _) = fits.first {
                chosen = best
                logLikelihood = best.logLikelihood
                // A mean lies partly beyond the longest waits seen, where only
                // the shape speaks: its interval spans every family the data
                // support (within 4 AIC points of the best), not the best alone.
                let intervals = fits.filter { $0.0.aic - best.aic <= Self.supportedAIC }
                    .map { Self.meanInterval($0.0.family, $0.1, weighted) }
                mean = intervals.first.flatMap { $0 }.map { own in
                    let known = intervals.compactMap { $0 }
                    return IntervalEstimate(value: own.value, low: known.map(\.low).filter(\.isFinite).min() ?? own.low,
                                            high: known.map(\.high).filter(\.isFinite).max() ?? own.high)
                }
            } else {
                chosen = nil
                logLikelihood = .nan
                mean = nil
            }
        } else {
            candidates = []
            chosen = nil
            mean = nil
            logLikelihood = .nan
        }
        // The curve sees everyone when the queue reached them: a leave
        // time counts as gone at the turn, and is left out without one.
        let curve = Self.turnbull(data.compactMap { observation in
            guard observation.evidence == .leftAt else { return observation }
            return observation.turn.isFinite ? Observation(wait: observation.turn, evidence: .goneBefore) : nil
        })
        survival = curve
        if let chosen {
            outsideBand = curve.dropFirst().filter { point in
                let fitted = chosen.survivalFunction(point.minutes)
                return fitted < point.low - 1e-9 || fitted > point.high + 1e-9
            }.map(\.minutes)
        } else {
            outsideBand = []
        }
    }

    /// The chosen family's survival at `minutes` (1 when nobody left).
    public func fittedSurvival(_ minutes: Double) -> Double {
        chosen?.survivalFunction(minutes) ?? 1
    }

    /// The family's parameters from unconstrained coordinates (logs of positive parameters).
    static func family(_ family: ServiceFamily, _ x: [Double]) -> FittedFamily {
        switch family {
        case .exponential: FittedFamily(family: .exponential, first: exp(x[0]), second: .nan, logLikelihood: .nan)
        case .lognormal: FittedFamily(family: .lognormal, first: x[0], second: exp(x[1]), logLikelihood: .nan)
        case .gamma, .weibull: FittedFamily(family: family, first: exp(x[0]), second: exp(x[1]), logLikelihood: .nan)
        }
    }

    /// The censored log-likelihood of `x` for `family`.
    ///
    /// - Complexity: O(distinct waits).
    static func logLikelihood(_ family: ServiceFamily, _ x: [Double], _ data: [(Evidence, [(wait: Double, weight: Double)])]) -> Double {
        guard x.allSatisfy({ abs($0) < 30 }) else { return -.infinity }
        let fitted = Self.family(family, x)
        var total = 0.0
        for (evidence, points) in data {
            for (wait, weight) in points {
                let term: Double
                switch evidence {
                case .stayed: term = wait > 0 ? fitted.logSurvival(wait) : 0
                case .goneBefore: term = wait > 0 ? log(fitted.cdf(wait)) : 0
                case .leftAt: term = log(fitted.density(max(wait, 1.0 / 120)))
                }
                total += weight * term
            }
        }
        return total
    }

    /// The family's censored maximum-likelihood fit: the fitted family,
    /// its unconstrained coordinates and the log-likelihood; nil when
    /// the likelihood has no finite maximum in range.
    static func fit(_ family: ServiceFamily, _ data: [(Evidence, [(wait: Double, weight: Double)])]) -> (FittedFamily, [Double], Double)? {
        // Start from the mean of all waits, a scale every family shares.
        var sum = 0.0, count = 0.0
        for (_, points) in data { for point in points { sum += point.wait * point.weight; count += point.weight } }
        let scale = log(max(sum / max(count, 1), 0.1))
        let start: [Double] = switch family {
        case .exponential: [scale]
        case .lognormal: [scale, 0]
        case .gamma: [0, scale]
        case .weibull: [0, scale]
        }
        let negative = { (x: [Double]) in -logLikelihood(family, x, data) }
        var (point, value) = NelderMead.minimize(negative, start: start)
        // A restart from the optimum polishes a simplex that collapsed early.
        (point, value) = NelderMead.minimize(negative, start: point, step: 0.1)
        guard value.isFinite else { return nil }
        let base = Self.family(family, point)
        let fitted = FittedFamily(family: family, first: base.first, second: base.second, logLikelihood: -value)
        guard fitted.mean.isFinite, fitted.mean > 0, fitted.mean < 1e6 else { return nil }
        return (fitted, point, -value)
    }

    /// A 95% interval for the mean, Wald on log(mean) by the delta method
    /// with the observed information of the unconstrained coordinates.
    static func meanInterval(_ family: ServiceFamily, _ point: [Double], _ data: [(Evidence, [(wait: Double, weight: Double)])]) -> IntervalEstimate? {
        let negative = { (x: [Double]) in -logLikelihood(family, x, data) }
        let logMean = { (x: [Double]) in log(Self.family(family, x).mean) }
        let value = exp(logMean(point))
        guard let covariance = NelderMead.inverse(NelderMead.hessian(negative, at: point)) else {
            return IntervalEstimate(value: value, low: .nan, high: .nan)
        }
        let h = 1e-5
        let gradient = point.indices.map { i -> Double in
            var up = point, down = point
            up[i] += h
            down[i] -= h
            return (logMean(up) - logMean(down)) / (2 * h)
        }
        var variance = 0.0
        for i in point.indices { for j in point.indices { variance += gradient[i] * covariance[i][j] * gradient[j] } }
        guard variance > 0, variance.isFinite else { return IntervalEstimate(value: value, low: .nan, high: .nan) }
        let half = 1.959963984540054 * sqrt(variance)
        return IntervalEstimate(value: value, low: value * exp(-half), high: value * exp(half))
    }

    /// Turnbull's estimator for current-status data: F̂ at each distinct
    /// wait is the isotonic (non-decreasing) regression of the gone
    /// indicators in order of wait (a pool of adjacent violators); S = 1 − F.
    ///
    /// The band rests on what current-status data bound without a shape:
    /// F is non-decreasing, so the share gone among those seen at waits
    /// up to t is at most F(t), and among those seen at t or later at least
    /// F(t). Wilson intervals on those two shares, at 95% shared among the
    /// steps (Bonferroni), make a simultaneous band for S that a fitted
    /// curve leaves by chance at most one time in twenty.
    ///
    /// - Complexity: O(n log n).
    static func turnbull(_ data: [Observation]) -> [CurvePoint] {
        let sorted = data.sorted { $0.wait < $1.wait }
        // Blocks of (weight, gone, last wait), merged while they decrease.
        var blocks: [(weight: Double, sum: Double, wait: Double)] = []
        for observation in sorted {
            blocks.append((1, observation.evidence == .stayed ? 0 : 1, observation.wait))
            while blocks.count >= 2 {
                let last = blocks[blocks.count - 1], before = blocks[blocks.count - 2]
                guard before.sum / before.weight >= last.sum / last.weight || before.wait == last.wait else { break }
                blocks.removeLast(2)
                blocks.append((before.weight + last.weight, before.sum + last.sum, last.wait))
            }
        }
        // Gone among the observations up to each one, in wait order.
        var goneUpTo: [Double] = []
        var gone = 0.0
        for observation in sorted {
            gone += observation.evidence == .stayed ? 0 : 1
            goneUpTo.append(gone)
        }
        let steps = blocks.count
        let level = 1 - 0.05 / Double(max(steps, 1))
        var curve = [CurvePoint(minutes: 0, survival: 1, low: 1, high: 1)]
        for block in blocks {
            let survival = 1 - block.sum / block.weight
            guard survival != curve.last?.survival else { continue }
            // Observations at waits ≤ t, and at waits ≥ t.
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle].wait <= block.wait { low = middle + 1 } else { high = middle }
            }
            let upTo = low
            var first = 0
            high = sorted.count
            while first < high {
                let middle = (first + high) / 2
                if sorted[middle].wait < block.wait { first = middle + 1 } else { high = middle }
            }
            let before = upTo > 0 ? Estimate.wilson(successes: goneUpTo[upTo - 1], trials: upTo, level: level) : nil
            let fromCount = sorted.count - first
            let goneFrom = gone - (first > 0 ? goneUpTo[first - 1] : 0)
            let after = fromCount > 0 ? Estimate.wilson(successes: goneFrom, trials: fromCount, level: level) : nil
            curve.append(CurvePoint(minutes: block.wait, survival: survival,
                                    low: min(1 - (after?.high ?? 1), survival), high: max(1 - (before?.low ?? 0), survival)))
        }
        return curve
    }
}
