import Foundation
import Measurement

/// When a run stops adding days, decided from the days so far: the rule
/// names the next block of days, or none. Rounds depend only on the
/// statistics (never on the clock, except for a time budget, which says
/// so), so the same inputs take the same rounds.
public enum StoppingRule: Sendable, Equatable {
    /// Exactly these days.
    case days(Int)
    /// Days until a day metric's 95% half-width is at most the goal, from
    /// `first` days up to `most`.
    case precision(PrecisionGoal, first: Int, most: Int)
    /// Up to `days` days, in rounds of ten (at least two days), while
    /// `seconds` last; fewer days are judged when they run out.
    case timeBudget(days: Int, seconds: Double)

    /// The days of the first round.
    public var firstDays: Range<Int> {
        switch self {
        case .days(let days): 0..<days
        case .precision(_, let first, _): 0..<first
        case .timeBudget(let days, _): 0..<min(days, 10)
        }
    }

    /// The most days the rule may ask for (to size the statistics).
    public var mostDays: Int {
        switch self {
        case .days(let days), .timeBudget(let days, _): days
        case .precision(_, _, let most): most
        }
    }

    /// The next block of days after `days` days with `statistics`, `elapsed`
    /// seconds in; nil when the run is done.
    ///
    /// For a precision goal each round asks for the days the current
    /// half-width says are needed (n·(h/goal)²), at least 10% more, within
    /// the cap.
    /// - Throws: ``StoppingRuleError/notMeasured`` when the goal's metric is not measured.
    /// - Complexity: O(1).
    public func nextDays(after days: Int, statistics: RunStatistics, elapsed: Double) throws(StoppingRuleError) -> Range<Int>? {
        switch self {
        case .days(let total):
            return days < total ? days..<total : nil
        case .timeBudget(let total, let seconds):
            guard days < total, elapsed <= seconds else { return nil }
            return days..<min(total, max(days + 10, 2))
        case .precision(let goal, _, let most):
            let halfWidth = try goal.halfWidth(in: statistics)
            guard halfWidth > goal.halfWidth, days < most else { return nil }
            let ratio = halfWidth.isFinite ? min(pow(halfWidth / goal.halfWidth, 2), Double(most)) : Double(most)
            let wanted = Int(min((Double(days) * ratio).rounded(.up), Double(most)))
            return days..<min(most, max(wanted, days + max(1, days / 10)))
        }
    }
}

/// A day metric and the 95% half-width it should reach: `wait_p90=0.5`.
public struct PrecisionGoal: Sendable, Equatable {
    public let metric: Metric
    /// In the metric's own unit (minutes, a fraction, yuan).
    public let halfWidth: Double

    public init(metric: Metric, halfWidth: Double) {
        self.metric = metric
        self.halfWidth = halfWidth
    }

    /// Reads METRIC=HALFWIDTH with a day metric's name and a half-width over
    /// 0 and at most 10¹²; nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let metric = Metric.named(parts[0]), let width = Double(parts[1]), width > 0, width <= 1e12
        else { return nil }
        self.init(metric: metric, halfWidth: width)
    }

    /// The goal's metric's half-width now.
    public func halfWidth(in statistics: RunStatistics) throws(StoppingRuleError) -> Double {
        guard let estimate = statistics.estimate(MetricKey(.day, metric)) else { throw .notMeasured(metric) }
        return estimate.halfWidth
    }

    /// Whether the goal is reached, in words, with the half-width in the metric's unit.
    public func outcome(_ statistics: RunStatistics) throws(StoppingRuleError) -> String {
        let width = try halfWidth(in: statistics)
        let shown = "\(metric) ± \(metric.unit.text(width))"
        return width <= halfWidth
            ? "precision reached: \(shown) after \(statistics.days) days"
            : "precision NOT reached: \(shown) after \(statistics.days) days (the --max-replications cap)"
    }
}

public enum StoppingRuleError: Error, CustomStringConvertible, Equatable {
    /// The precision goal's day metric is not measured in this scenario.
    case notMeasured(Metric)

    public var description: String {
        switch self {
        case .notMeasured(let metric): "the day metric '\(metric)' is not measured in this scenario"
        }
    }
}

extension PrecisionGoal: CustomStringConvertible {
    /// METRIC=HALFWIDTH, as `--precision` takes it.
    public var description: String { "\(metric)=\(String(format: "%g", halfWidth))" }
}
