import Evaluation
import Foundation
import Measurement
import QueueLog
import Scenario
import Statistics

/// Does the fitted model reproduce the branch? The fitted scenario, with
/// the staffing as observed, simulated on fresh days and compared with the
/// log interval by interval: mean wait to the call, its 90th percentile and
/// the share who gave up, each with its 95% interval on both sides.
public struct BackValidation: Sendable {
    public enum Quantity: String, CaseIterable, Sendable {
        case waitMean = "wait_mean"
        case waitP90 = "wait_p90"
        case abandonment = "share_abandoned"

        public var label: String {
            switch self {
            case .waitMean: "mean wait (min)"
            case .waitP90: "90th percentile of the wait (min)"
            case .abandonment: "share who gave up"
            }
        }
    }

    /// One comparison: the log's value and the model's, with intervals.
    public struct Comparison: Sendable {
        public let interval: Int
        public let quantity: Quantity
        public let log: IntervalEstimate
        public let model: IntervalEstimate
        /// Whether the difference is larger than both intervals together allow
        /// (|model − log| > √(h_log² + h_model²), h the half-widths) and
        /// shows at the two decimals printed. Not judged (false) where the
        /// log has no interval (a one-day log).
        public var differs: Bool {
            guard isJudged else { return false }
            let half = sqrt(pow((log.high - log.low) / 2, 2) + pow((model.high - model.low) / 2, 2))
            return abs(model.value - log.value) > max(half, 0.005)
        }

        /// Whether both sides have a value and an interval to judge by.
        public var isJudged: Bool {
            log.value.isFinite && model.value.isFinite && log.low.isFinite && log.high.isFinite && model.low.isFinite && model.high.isFinite
        }
    }

    public let comparisons: [Comparison]
    public let days: Int

    /// The comparisons that differ: where the model does not reproduce the branch.
    public var misfits: [Comparison] { comparisons.filter(\.differs) }
    /// The comparisons with an interval on both sides.
    public var judged: [Comparison] { comparisons.filter(\.isJudged) }

    public init(fit: OutletFit, scenario: Scenario) throws {
        let evaluation = try PlanEvaluator(seed: fit.settings.seed, jobs: fit.settings.jobs, stop: fit.settings.stop)
            .evaluate(scenario, days: 0..<fit.settings.validationDays)
        days = fit.settings.validationDays
        let observed = Self.fromLog(fit)
        var comparisons: [Comparison] = []
        for interval in 0..<fit.intervalCount {
            for quantity in Quantity.allCases {
                let metric: Metric = switch quantity {
                case .waitMean: .waitMean
                case .waitP90: .waitPercentile(90)
                case .abandonment: .shareAbandoned
                }
                guard let model = evaluation.statistics.estimate(MetricKey(.interval, entity: interval, metric)),
                      let log = observed[quantity]?[interval], log.value.isFinite else { continue }
                comparisons.append(Comparison(interval: interval, quantity: quantity, log: log,
                                              model: IntervalEstimate(value: model.mean, low: model.low, high: model.high)))
            }
        }
        self.comparisons = comparisons
    }

    /// The log's values per interval of the ticket: customer-weighted ratios
    /// across days (the delta method, as for simulated days), and the pooled
    /// 90th percentile with an interval from resampled days.
    static func fromLog(_ fit: OutletFit) -> [Quantity: [IntervalEstimate]] {
        let intervals = fit.intervalCount, minutes = fit.settings.intervalMinutes
        func interval(_ time: Double) -> Int { min(max(Int((time - fit.opening) / minutes), 0), intervals - 1) }
        var waits = Array(repeating: RatioEstimator(), count: intervals)
        var abandoned = Array(repeating: RatioEstimator(), count: intervals)
        // waitsByDay[interval][day]: waits of tickets called and served.
        var waitsByDay = Array(repeating: Array(repeating: [Double](), count: fit.days.count), count: intervals)
        let position = Dictionary(uniqueKeysWithValues: fit.days.enumerated().map { ($1, $0) })
        var sums = Array(repeating: Array(repeating: (wait: 0.0, served: 0.0, left: 0.0, tickets: 0.0), count: fit.days.count), count: intervals)
        for ticket in fit.tickets {
            guard let day = position[ticket.day], !ticket.absentBooking else { continue }
            let k = interval(ticket.issued)
            sums[k][day].tickets += 1
            if ticket.outcome == .noShow || ticket.outcome == .cancelled { sums[k][day].left += 1 }
            if (ticket.outcome == .served || ticket.outcome == .transferred), !ticket.called.isNaN {
                sums[k][day].wait += ticket.waitToCall
                sums[k][day].served += 1
                waitsByDay[k][day].append(ticket.waitToCall)
            }
        }
        for k in 0..<intervals {
            for day in sums[k].indices {
                waits[k].add(sums[k][day].wait, sums[k][day].served)
                abandoned[k].add(sums[k][day].left, sums[k][day].tickets)
            }
        }
        // One day has no day-to-day spread to make an interval of.
        let oneDay = fit.days.count < 2
        func estimate(_ ratio: RatioEstimator, _ range: ValueRange) -> IntervalEstimate {
            let e = ratio.estimate(days: fit.days.count, level: 0.95, range: range)
            return IntervalEstimate(value: e.value, low: oneDay ? .nan : e.low, high: oneDay ? .nan : e.high)
        }
        var generator = Resampling(seed: fit.settings.seed ^ 0x9090)
        let p90s: [IntervalEstimate] = (0..<intervals).map { k in
            let pooled = waitsByDay[k].flatMap { $0 }
            guard !pooled.isEmpty else { return IntervalEstimate(value: .nan, low: .nan, high: .nan) }
            let value = percentile(pooled, 0.9)
            var resampled: [Double] = []
            for _ in 0..<200 {
                let days = generator.resample(waitsByDay[k]).flatMap { $0 }
                if !days.isEmpty { resampled.append(percentile(days, 0.9)) }
            }
            let (low, high) = Resampling.percentileInterval(resampled)
            return IntervalEstimate(value: value, low: oneDay ? .nan : low, high: oneDay ? .nan : high)
        }
        return [.waitMean: waits.map { estimate($0, .nonNegative) }, .abandonment: abandoned.map { estimate($0, .share) },
                .waitP90: p90s]
    }

    /// The `p` quantile of `values`, the smallest value with at least p of them at or below it.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(max(Int((p * Double(sorted.count)).rounded(.up)) - 1, 0), sorted.count - 1)]
    }
}
