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

        /// How its values are shown: minutes, or a share as a percentage.
        public var unit: ValueUnit { self == .abandonment ? .share : .minutes }
    }

    /// Whom a comparison is about: all customers of the day, those whose
    /// ticket fell in one interval, or one segment's over the day.
    public enum Scope: Sendable, Hashable {
        case day
        case interval(Int)
        case segment(Int)
    }

    /// One comparison: the log's value and the model's, with intervals.
    public struct Comparison: Sendable {
        public let scope: Scope
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

    /// A scope as the terminal and the report name it: "day", "09:30", "segment VIP".
    public static func name(_ scope: Scope, fit: OutletFit) -> String {
        switch scope {
        case .day: "whole day"
        case let .interval(k): ClockTime(minutes: fit.opening + Double(k) * fit.settings.intervalMinutes).description
        case let .segment(s): "segment \(fit.log.segments[s])"
        }
    }

    /// The comparisons that differ: where the model does not reproduce the branch.
    public var misfits: [Comparison] { comparisons.filter(\.differs) }
    /// The comparisons with an interval on both sides.
    public var judged: [Comparison] { comparisons.filter(\.isJudged) }

    public init(fit: OutletFit, scenario: Scenario) throws {
        let evaluation = try PlanEvaluator(seed: fit.settings.seed, jobs: fit.settings.jobs, stop: fit.settings.stop)
            .evaluate(scenario, days: 0..<fit.settings.validationDays)
        days = fit.settings.validationDays
        let intervals = fit.intervalCount, minutes = fit.settings.intervalMinutes
        // The day, each segment over the day, each interval of the ticket.
        let scopes: [(kind: Scope, cells: Int, cell: (TicketRecord) -> Int)] = [
            (.day, 1, { _ in 0 }),
            (.segment(0), fit.log.segments.count, { $0.segment }),
            (.interval(0), intervals, { min(max(Int(($0.issued - fit.opening) / minutes), 0), intervals - 1) }),
        ]
        var comparisons: [Comparison] = []
        for (kind, cells, cell) in scopes {
            let observed = Self.fromLog(fit, cells: cells, cell: cell)
            for entity in 0..<cells {
                for quantity in Quantity.allCases {
                    let metric: Metric = switch quantity {
                    case .waitMean: .waitMean
                    case .waitP90: .waitPercentile(90)
                    case .abandonment: .shareAbandoned
                    }
                    let (scope, key): (Scope, MetricKey) = switch kind {
                    case .day: (.day, MetricKey(.day, metric))
                    case .segment: (.segment(entity), MetricKey(.segment, entity: entity, metric))
                    case .interval: (.interval(entity), MetricKey(.interval, entity: entity, metric))
                    }
                    guard let model = evaluation.statistics.estimate(key), let log = observed[quantity]?[entity], log.value.isFinite else { continue }
                    comparisons.append(Comparison(scope: scope, quantity: quantity, log: log,
                                                  model: IntervalEstimate(value: model.mean, low: model.low, high: model.high)))
                }
            }
        }
        self.comparisons = comparisons
    }

    /// The log's values per cell (`cell` of each ticket, 0..<cells) on
    /// the validation days: customer-weighted ratios across days (the
    /// delta method, as for simulated days), and the pooled 90th
    /// percentile with an interval from resampled days.
    static func fromLog(_ fit: OutletFit, cells: Int, cell: (TicketRecord) -> Int) -> [Quantity: [IntervalEstimate]] {
        let validationDays = fit.validationDays
        var waits = Array(repeating: RatioEstimator(), count: cells)
        var abandoned = Array(repeating: RatioEstimator(), count: cells)
        // waitsByDay[cell][day]: waits of tickets called and served.
        var waitsByDay = Array(repeating: Array(repeating: [Double](), count: validationDays.count), count: cells)
        let position = Dictionary(uniqueKeysWithValues: validationDays.enumerated().map { ($1, $0) })
        var sums = Array(repeating: Array(repeating: (wait: 0.0, served: 0.0, left: 0.0, tickets: 0.0), count: validationDays.count), count: cells)
        for ticket in fit.validationTickets {
            guard let day = position[ticket.day], !ticket.absentBooking else { continue }
            let k = cell(ticket)
            sums[k][day].tickets += 1
            if ticket.outcome == .noShow || ticket.outcome == .cancelled { sums[k][day].left += 1 }
            if (ticket.outcome == .served || ticket.outcome == .transferred), !ticket.called.isNaN {
                sums[k][day].wait += ticket.waitToCall
                sums[k][day].served += 1
                waitsByDay[k][day].append(ticket.waitToCall)
            }
        }
        for k in 0..<cells {
            for day in sums[k].indices {
                waits[k].add(sums[k][day].wait, sums[k][day].served)
                abandoned[k].add(sums[k][day].left, sums[k][day].tickets)
            }
        }
        // One day has no day-to-day spread to make an interval of.
        let oneDay = validationDays.count < 2
        func estimate(_ ratio: RatioEstimator, _ range: ValueRange) -> IntervalEstimate {
            let e = ratio.estimate(days: validationDays.count, level: 0.95, range: range)
            return IntervalEstimate(value: e.value, low: oneDay ? .nan : e.low, high: oneDay ? .nan : e.high)
        }
        var generator = Resampling(seed: fit.settings.seed ^ 0x9090 ^ UInt64(cells))
        let p90s: [IntervalEstimate] = (0..<cells).map { k in
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
        // A share of 0 or 1 on every day has no spread across days: Wilson's
        // interval on the pooled counts says how far it could be from there.
        let shares: [IntervalEstimate] = (0..<cells).map { k in
            let e = estimate(abandoned[k], .share)
            guard e.low == e.high, !oneDay else { return e }
            let left = sums[k].reduce(0) { $0 + $1.left }, tickets = sums[k].reduce(0) { $0 + $1.tickets }
            guard tickets > 0 else { return e }
            let wilson = Estimate.wilson(successes: left, trials: Int(tickets), level: 0.95)
            return IntervalEstimate(value: e.value, low: wilson.low, high: wilson.high)
        }
        return [.waitMean: waits.map { estimate($0, .nonNegative) }, .abandonment: shares, .waitP90: p90s]
    }

    /// The `p` quantile of `values`, the smallest value with at least p of
    /// them at or below it, found by selection (Hoare's quickselect with a
    /// median-of-three pivot) rather than sorting: the bootstrap asks it
    /// 200 times per interval of pooled waits.
    ///
    /// - Complexity: O(n) expected.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        var values = values
        let rank = min(max(Int((p * Double(values.count)).rounded(.up)) - 1, 0), values.count - 1)
        var low = 0, high = values.count - 1
        while low < high {
            let middle = low + (high - low) / 2
            // Median of three as the pivot, so sorted input stays linear.
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j {
                high = j
            } else if rank >= i {
                low = i
            } else {
                return values[rank]
            }
        }
        return values[rank]
    }
}
