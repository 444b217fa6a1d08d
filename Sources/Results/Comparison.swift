import Foundation
import Measurement
import Replications
import Scenario

/// What `outletsim compare` found, as comparison.json and comparison.csv
/// hold it: every day and interval metric of each plan with its paired
/// difference from the first, and each plan's target verdicts; the interval
/// where the first plan's p90 wait is worst is named for reports.
public struct Comparison: Sendable {
    public let scenarios: [Scenario]
    /// Each plan's estimates.
    public let statistics: [RunStatistics]
    /// The days every plan was simulated on.
    public let days: Int
    public let seed: UInt64
    public let worstInterval: Int?
    public let keys: [MetricKey]
    /// For each plan after the first, its differences against the first.
    public let differencesByPlan: [[PlanDifference]]

    public init(scenarios: [Scenario], paired: PairedAccumulator, seed: UInt64) {
        self.scenarios = scenarios
        self.seed = seed
        days = paired.days
        let statistics = scenarios.indices.map { paired.statistics(plan: $0) }
        self.statistics = statistics
        let first = statistics[0]
        worstInterval = first.estimates.filter { $0.key.scope == .interval && $0.key.metric == .waitPercentile(90) }
            .max { $0.mean < $1.mean }?.key.entity
        let day = first.estimates.map(\.key).filter { $0.scope == .day }
        // Estimates are in key order: by interval, then metric name.
        let intervals = first.estimates.map(\.key).filter { $0.scope == .interval }
        let keys = day + intervals
        self.keys = keys
        differencesByPlan = scenarios.indices.dropFirst().map { paired.differences(plan: $0, keys: keys, statistics: statistics) }
    }

    public var names: [String] { scenarios.map(\.name) }

    /// The day metrics shown in the terminal and the page.
    public static let shown: [Metric] = [.arrivals, .shareAbandoned, .waitMean, .waitPercentile(90), .shareServedWithin(10),
                                  .windowUtilisation, .occupancyMax, .overtimeMinutes, .staffHours, .cost(nil)]

    public func differences(_ plan: Int) -> [PlanDifference] { differencesByPlan[plan - 1] }

    /// "HH:MM" start of an interval metric's interval; empty for day metrics.
    public func intervalStart(_ key: MetricKey) -> String {
        key.scope == .day ? "" : ClockTime(minutes: scenarios[0].intervalStart(key.entity)).description
    }

    public func json() -> JSONValue {
        var metrics: [JSONValue] = []
        let all = differencesByPlan
        for key in keys {
            guard let first = all.first?.first(where: { $0.key == key }) else { continue }
            var values: [JSONValue] = [.object([("plan", .string(names[0])), ("mean", .finite(first.first.mean)),
                                               ("ci_low", .finite(first.first.low)), ("ci_high", .finite(first.first.high))])]
            var differences: [JSONValue] = []
            for (offset, rows) in all.enumerated() {
                guard let row = rows.first(where: { $0.key == key }) else { continue }
                values.append(.object([("plan", .string(names[offset + 1])), ("mean", .finite(row.plan.mean)),
                                       ("ci_low", .finite(row.plan.low)), ("ci_high", .finite(row.plan.high))]))
                differences.append(.object([("plan", .string(names[offset + 1])), ("mean", .finite(row.difference)),
                                            ("ci_low", .finite(row.low)), ("ci_high", .finite(row.high)),
                                            ("significant", .bool(row.isSignificant)),
                                            ("unpaired_half_width", .finite(row.unpairedHalfWidth))]))
            }
            metrics.append(.object([("scope", .string(key.scope == .day ? "day" : "interval")),
                                    ("interval", key.scope == .day ? .null : .string(intervalStart(key))), ("metric", .string(key.metric.name)),
                                    ("values", .array(values)), ("differences", .array(differences))]))
        }
        return .object([
            ("format", .string("outletsim-comparison")), ("version", .integer(1)),
            ("plans", .array(names.map { .string($0) })), ("replications", .integer(days)), ("seed", .string(String(seed))),
            ("worst_interval", worstInterval.map { .string(ClockTime(minutes: scenarios[0].intervalStart($0)).description) } ?? .null),
            ("metrics", .array(metrics)),
            ("targets", .array(verdicts.enumerated().map { plan, results in
                .object([("plan", .string(names[plan])), ("verdicts", .array(results.map { result in
                    .object([("target", .string(result.target.name)), ("verdict", .string(result.verdict.rawValue)),
                             ("value", result.estimate.map { .finite($0.mean) } ?? .null),
                             ("ci_low", result.estimate.map { .finite($0.low) } ?? .null),
                             ("ci_high", result.estimate.map { .finite($0.high) } ?? .null),
                             ("interval", result.interval.map { .string(ClockTime(minutes: scenarios[plan].intervalStart($0)).description) } ?? .null),
                             ("bound", .string(result.target.boundText))])
                }))])
            })),
        ])
    }

    public func table() -> CSVTable {
        var table = CSVTable(header: ["scope", "interval", "metric", "plan", "value", "ci_low", "ci_high", "difference", "difference_ci_low",
                                      "difference_ci_high", "significant"])
        for plan in scenarios.indices.dropFirst() {
            for row in differences(plan) {
                if plan == 1 {
                    table.append([row.key.scope == .day ? "day" : "interval", intervalStart(row.key), row.key.metric.name, names[0], CSVTable.cell(row.first.mean), CSVTable.cell(row.first.low),
                                  CSVTable.cell(row.first.high), "", "", "", ""])
                }
                table.append([row.key.scope == .day ? "day" : "interval", intervalStart(row.key), row.key.metric.name, names[plan], CSVTable.cell(row.plan.mean), CSVTable.cell(row.plan.low),
                              CSVTable.cell(row.plan.high), CSVTable.cell(row.difference), CSVTable.cell(row.low), CSVTable.cell(row.high),
                              row.isSignificant ? "true" : "false"])
            }
        }
        return table
    }

    /// Each plan's targets judged on its own estimates.
    public var verdicts: [[TargetResult]] { scenarios.indices.map { TargetJudge.judge(scenarios[$0], statistics[$0]) } }
}
