import Evaluation
import Foundation
import Measurement
import OutputKit
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
    /// Every target any plan declares, and where each plan holds it.
    public let targets: TargetUnion

    /// - Parameter targets: the union of the plans' targets; the plans were
    ///   simulated as ``TargetUnion/scenarios`` holds them.
    public init(targets: TargetUnion, paired: PairedAccumulator, seed: UInt64) {
        let scenarios = targets.scenarios
        self.targets = targets
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

    /// What each plan after the first changes from the first: staff per
    /// interval and role, kiosks, seats, and the day's cost by component.
    public func changes(_ plan: Int) -> PlanChanges {
        PlanChanges(before: scenarios[0], after: scenarios[plan], beforeStatistics: statistics[0], afterStatistics: statistics[plan])
    }

    /// changes.csv: every plan's changes from the first, one row each.
    public func changesTable() -> CSVTable {
        var table = CSVTable(header: ["plan", "kind", "what", "interval", names[0], "plan_value", "difference"])
        for plan in scenarios.indices.dropFirst() {
            for row in changes(plan).rows() { table.append([names[plan]] + row) }
        }
        return table
    }

    /// A plan after the first that changed nothing a customer meets.
    public struct NoEffect: Sendable {
        public let plan: Int
        /// The paired difference in the day's cost (0 when nothing at all moved).
        public let cost: PlanDifference?
        /// What the planner said: a sentence for the terminal and the reports.
        public let why: String
    }

    /// Inputs of each plan that change nothing a customer meets whatever the
    /// days (``Scenario/inputsWithoutEffect``), such as guides without
    /// guide_assist: flagged even when the plan's other changes move things.
    public var inputsWithoutEffect: [(plan: Int, why: String)] {
        scenarios.enumerated().flatMap { plan, scenario in scenario.inputsWithoutEffect.map { (plan, $0) } }
    }

    /// What a plan's cost and staffing are, as against what its customers meet.
    static func isCostSide(_ metric: Metric) -> Bool {
        if case .cost = metric { return true }
        return metric == .staffHours
    }

    /// The plans after the first whose every metric customers meet (waits,
    /// shares, queues, utilisation), on the day and in every interval, is
    /// the first plan's on every day: a change that does nothing, whether
    /// or not it costs something.
    public var noEffect: [NoEffect] {
        scenarios.indices.dropFirst().compactMap { plan in
            let rows = differences(plan)
            let still = { (row: PlanDifference) in row.difference == 0 && row.low == 0 && row.high == 0 }
            guard rows.filter({ !Self.isCostSide($0.key.metric) }).allSatisfy(still) else { return nil }
            let cost = rows.first { $0.key == MetricKey(.day, .cost(nil)) }
            let costs = cost.map { !still($0) } ?? false
            var text = "\(names[plan]) changes nothing a customer meets on all \(days) days: no wait, share, queue or "
                + "utilisation moved, on the day or in any interval"
            if let cost, costs {
                text += String(format: ", yet it costs %+.0f yuan a day [%.0f, %.0f]", cost.difference, cost.low, cost.high)
            }
            text += "."
            let first = scenarios[0].selfService, other = scenarios[plan].selfService
            if first.guides != other.guides, first.guideAssist == nil, other.guideAssist == nil {
                text += " Its guides differ, but without self_service.guide_assist guides are an on/off switch for the kiosks' "
                    + "adoption: the first guide on duty raises it, more add only wages. Give guide_assist to make guides help one customer at a time."
            } else if !costs {
                text += " The plans differ only in what no customer meets (a name, targets) or in an input with no effect here."
            }
            return NoEffect(plan: plan, cost: costs ? cost : nil, why: text)
        }
    }

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
            ("inputs_without_effect", .array(inputsWithoutEffect.map { finding in
                .object([("plan", .string(names[finding.plan])), ("why", .string(finding.why))])
            })),
            ("no_effect", .array(noEffect.map { finding in
                .object([("plan", .string(names[finding.plan])), ("cost_difference", finding.cost.map { .finite($0.difference) } ?? .number(0)),
                         ("why", .string(finding.why))])
            })),
            // Every plan on every target any of them declares.
            ("targets", .array(scenarios.indices.map { plan in
                .object([("plan", .string(names[plan])), ("verdicts", .array(grid.map { row in
                    var members: [(String, JSONValue)] = [("target", .string(row.target.name)), ("bound", .string(row.target.boundText)),
                                                          ("declared_by", .array(row.declaredBy.map { .string(names[$0]) })),
                                                          ("declared", .bool(row.declaredBy.contains(plan)))]
                    switch row.cells[plan] {
                    case .judged(let result):
                        members += [("verdict", .string(result.verdict.rawValue)),
                                    ("value", result.estimate.map { .finite($0.mean) } ?? .null),
                                    ("ci_low", result.estimate.map { .finite($0.low) } ?? .null),
                                    ("ci_high", result.estimate.map { .finite($0.high) } ?? .null),
                                    ("interval", result.interval.map { .string(ClockTime(minutes: scenarios[plan].intervalStart($0)).description) } ?? .null)]
                    case .notMeasurable(let reason):
                        members += [("verdict", .string("not_measurable")), ("reason", .string(reason))]
                    }
                    return .object(members)
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

    /// Each plan's targets (the union's that it can measure) judged on its own estimates.
    public var verdicts: [[TargetResult]] { scenarios.indices.map { TargetJudge.judge(scenarios[$0], statistics[$0]) } }

    /// One target of the union with every plan's verdict on it.
    public struct TargetRow: Sendable {
        public enum Cell: Sendable {
            case judged(TargetResult)
            /// The plan lacks what the target measures (a segment, a type, a window group).
            case notMeasurable(String)
        }
        public let target: ServiceTarget
        /// The plans that declare it.
        public let declaredBy: [Int]
        /// One cell per plan.
        public let cells: [Cell]
    }

    /// Every plan judged on every target any plan declares, in the order
    /// the plans declare them.
    public var grid: [TargetRow] {
        let judged = verdicts
        return targets.entries.indices.map { entry in
            let item = targets.entries[entry]
            let cells: [TargetRow.Cell] = scenarios.indices.map { plan in
                guard let place = targets.placement[plan][entry] else {
                    return .notMeasurable(targets.unmeasurable(entry, plan: plan, plans: scenarios))
                }
                return .judged(judged[plan][place])
            }
            return TargetRow(target: item.target, declaredBy: item.declaredBy, cells: cells)
        }
    }
}
