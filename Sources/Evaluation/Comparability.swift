import Measurement
import Scenario

/// Plans compared day by day must be plans of one outlet: the same interval
/// grid (so interval rows line up) and the same customers (segments and
/// transaction types), or the paired differences compare unlike things.
public enum Comparability {
    /// What sets each plan after the first apart from the first, in the
    /// planner's words; empty when every plan can be compared with it.
    ///
    /// - Complexity: O(plans × (segments + transaction types)).
    public static func differences(_ plans: [Scenario]) -> [String] {
        guard let first = plans.first else { return [] }
        var found: [String] = []
        for plan in plans.dropFirst() {
            func differ(_ what: String, _ mine: String, _ theirs: String) {
                if mine != theirs { found.append("'\(plan.name)' has \(what) \(mine), '\(first.name)' has \(theirs)") }
            }
            func hours(_ scenario: Scenario) -> String {
                "\(ClockTime(minutes: scenario.opening))–\(ClockTime(minutes: scenario.closing))"
            }
            differ("opening hours", hours(plan), hours(first))
            differ("intervals of", "\(Metric.minutes(plan.intervalMinutes)) minutes", "\(Metric.minutes(first.intervalMinutes)) minutes")
            differ("a warm-up of", "\(Metric.minutes(plan.warmUp)) minutes", "\(Metric.minutes(first.warmUp)) minutes")
            differ("segments", plan.segments.map(\.name).joined(separator: ", "), first.segments.map(\.name).joined(separator: ", "))
            differ("transaction types", plan.transactionTypes.map(\.name).joined(separator: ", "),
                   first.transactionTypes.map(\.name).joined(separator: ", "))
        }
        return found
    }
}

/// Thrown when plans of different outlets or interval grids are compared.
public struct IncomparablePlans: Error, CustomStringConvertible {
    public let differences: [String]

    public init(differences: [String]) {
        self.differences = differences
    }

    public var description: String {
        "plans of different outlets or interval grids cannot be compared day by day: " + differences.joined(separator: "; ")
    }
}
