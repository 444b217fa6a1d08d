import Measurement
import OutletEngine
import OutputKit
import Replications
import Scenario

/// The run's statistics laid out as the results files: `summary.json` and
/// the tidy CSV tables, one row per entity and metric with its value and
/// 95% interval. Names are the scenario's own, unchanged.
public struct ResultsDocument: Sendable {
    /// Version of the results format; see docs/results-format.md.
    public static let formatVersion = 2

    public let scenario: Scenario
    public let statistics: RunStatistics
    public let erlang: [IntervalErlangEstimate]
    public let seed: UInt64
    public let targets: [Double]
    public let scenarioSHA256: String

    public init(scenario: Scenario, statistics: RunStatistics, erlang: [IntervalErlangEstimate], seed: UInt64,
                targets: [Double], scenarioSHA256: String) {
        self.scenario = scenario
        self.statistics = statistics
        self.erlang = erlang
        self.seed = seed
        self.targets = targets
        self.scenarioSHA256 = scenarioSHA256
    }

    func clock(_ minutes: Double) -> String { ClockTime(minutes: minutes).description }
    func intervalStart(_ index: Int) -> String { clock(scenario.intervalStart(index)) }
    func intervalEnd(_ index: Int) -> String { clock(min(scenario.intervalStart(index + 1), scenario.closing)) }

    /// Estimates of one scope, entity and interval.
    func estimates(_ scope: Scope, entity: Int = 0, interval: Int = -1) -> [MetricEstimate] {
        statistics.estimates.filter { $0.key.scope == scope && $0.key.entity == entity && $0.key.interval == interval }
    }

    func metricsJSON(_ estimates: [MetricEstimate]) -> JSONValue {
        .object(estimates.map { estimate in
            (estimate.key.metric.name, .object([("mean", .finite(estimate.mean)), ("ci_low", .finite(estimate.low)),
                                           ("ci_high", .finite(estimate.high))]))
        })
    }

    func erlangJSON(_ estimate: IntervalErlangEstimate) -> JSONValue {
        var members: [(String, JSONValue)] = [("model", .string(estimate.model)), ("offered_load", .finite(estimate.offeredLoad)),
                                              ("servers", .integer(estimate.servers)),
                                              ("p_wait", .finite(estimate.probabilityOfWaiting)),
                                              ("wait_mean", .finite(estimate.meanWait)), ("abandonment", .finite(estimate.abandonment))]
        for (target, share) in zip(targets, estimate.shareWithin) {
            members.append((Metric.shareServedWithin(target).name, .finite(share)))
        }
        return .object(members)
    }

    /// The layout and staffing as run: counts per interval (at its start),
    /// so that a results folder says which plan produced it.
    func planJSON() -> JSONValue { Self.plan(scenario) }

    /// A scenario's staff per interval (at each interval's start), kiosks,
    /// seats and standing room: summary.json's `plan`, and the studio's draft of a plan.
    public static func plan(_ scenario: Scenario) -> JSONValue {
        func perInterval(_ schedule: StepSchedule<Int>) -> JSONValue {
            .array((0..<scenario.intervalCount).map { .integer(schedule.value(at: scenario.intervalStart($0))) })
        }
        return .object([
            ("windows", .object(scenario.windowGroups.map { ($0.name, perInterval($0.open)) })),
            ("greeters", perInterval(scenario.reception?.greeters ?? .constant(0))),
            ("guides", perInterval(scenario.selfService.guides)),
            ("kiosks", .object(scenario.selfService.kioskTypes.map { ($0.name, .integer($0.count)) })),
            ("seats", .integer(scenario.waitingZone.seats)),
            ("standing", .integer(scenario.waitingZone.standing)),
        ])
    }

    /// The staff roles of the `.staff` scope, by entity.
    public static let staffRoles = ["greeters", "guides"]

    /// `summary.json`.
    public func summary() -> JSONValue {
        let intervals: [JSONValue] = (0..<scenario.intervalCount).map { index in
            var members: [(String, JSONValue)] = [("index", .integer(index)), ("start", .string(intervalStart(index))),
                                                  ("end", .string(intervalEnd(index))),
                                                  ("metrics", metricsJSON(estimates(.interval, entity: index)))]
            if let estimate = erlang.first(where: { $0.interval == index }) { members.append(("erlang", erlangJSON(estimate))) }
            let staff = Self.staffRoles.enumerated().compactMap { role, name -> (String, JSONValue)? in
                let found = estimates(.staff, entity: role, interval: index)
                return found.isEmpty ? nil : (name, metricsJSON(found))
            }
            if !staff.isEmpty { members.append(("staff", .object(staff))) }
            return .object(members)
        }
        func named(_ names: [String], _ scope: Scope) -> JSONValue {
            .array(names.enumerated().map { index, name in
                .object([("name", .string(name)), ("metrics", metricsJSON(estimates(scope, entity: index)))])
            })
        }
        let groups: [JSONValue] = scenario.windowGroups.enumerated().map { index, group in
            .object([("name", .string(group.name)), ("metrics", metricsJSON(estimates(.windowGroup, entity: index))),
                     ("intervals", .array((0..<scenario.intervalCount).map { interval in
                         .object([("start", .string(intervalStart(interval))),
                                  ("metrics", metricsJSON(estimates(.windowGroup, entity: index, interval: interval)))])
                     }))])
        }
        return .object([
            ("format", .string("outletsim-results")),
            ("version", .integer(Self.formatVersion)),
            ("scenario", .object([("name", .string(scenario.name)), ("sha256", .string(scenarioSHA256)),
                                  ("opens", .string(clock(scenario.opening))), ("closes", .string(clock(scenario.closing))),
                                  ("interval_minutes", .finite(scenario.intervalMinutes)), ("plan", planJSON())])),
            ("run", .object([("seed", .string(String(seed))), ("replications", .integer(statistics.days)),
                             ("confidence", .number(statistics.level)), ("wait_targets", .array(targets.map { .number($0) }))])),
            ("day", metricsJSON(estimates(.day))),
            ("intervals", .array(intervals)),
            ("segments", named(scenario.segments.map(\.name), .segment)),
            ("transactions", named(scenario.transactionTypes.map(\.name), .transaction)),
            ("window_groups", .array(groups)),
            ("kiosk_types", named(scenario.selfService.kioskTypes.map(\.name), .kioskType)),
            ("staff", named(Self.staffRoles, .staff)),
        ])
    }

    func rows(_ estimates: [MetricEstimate], prefix: [String]) -> [[String]] {
        estimates.map { prefix + [$0.key.metric.name, CSVTable.cell($0.mean), CSVTable.cell($0.low), CSVTable.cell($0.high)] }
    }

    /// `intervals.csv`: every interval metric, then the Erlang estimates (no interval).
    public func intervalsTable() -> CSVTable {
        var table = CSVTable(header: ["interval", "start", "end", "metric", "value", "ci_low", "ci_high"])
        for index in 0..<scenario.intervalCount {
            let prefix = [String(index), intervalStart(index), intervalEnd(index)]
            for row in rows(estimates(.interval, entity: index), prefix: prefix) { table.append(row) }
            // Greeters' and guides' own figures in the interval, named by role: greeters_utilisation.
            for (role, name) in Self.staffRoles.enumerated() {
                for estimate in estimates(.staff, entity: role, interval: index) {
                    table.append(prefix + ["\(name)_\(estimate.key.metric.name)", CSVTable.cell(estimate.mean), CSVTable.cell(estimate.low),
                                           CSVTable.cell(estimate.high)])
                }
            }
            if let estimate = erlang.first(where: { $0.interval == index }) {
                var values: [(String, Double)] = [("erlang_offered_load", estimate.offeredLoad), ("erlang_servers", Double(estimate.servers)),
                                                  ("erlang_p_wait", estimate.probabilityOfWaiting), ("erlang_wait_mean", estimate.meanWait),
                                                  ("erlang_abandonment", estimate.abandonment)]
                for (target, share) in zip(targets, estimate.shareWithin) {
                    values.append(("erlang_" + Metric.shareServedWithin(target).name, share))
                }
                for (metric, value) in values where value.isFinite {
                    table.append(prefix + [metric, CSVTable.cell(value), "", ""])
                }
            }
        }
        return table
    }

    /// `segments.csv`, `transactions.csv`: one table per named scope.
    public func namedTable(_ scope: Scope, column: String, names: [String]) -> CSVTable {
        var table = CSVTable(header: [column, "metric", "value", "ci_low", "ci_high"])
        for (index, name) in names.enumerated() {
            for row in rows(estimates(scope, entity: index), prefix: [name]) { table.append(row) }
        }
        return table
    }

    /// `window_groups.csv`: whole-day rows (interval "day"), then per interval.
    public func windowGroupsTable() -> CSVTable {
        var table = CSVTable(header: ["window_group", "interval", "metric", "value", "ci_low", "ci_high"])
        for (index, group) in scenario.windowGroups.enumerated() {
            for row in rows(estimates(.windowGroup, entity: index), prefix: [group.name, "day"]) { table.append(row) }
            for interval in 0..<scenario.intervalCount {
                for row in rows(estimates(.windowGroup, entity: index, interval: interval), prefix: [group.name, intervalStart(interval)]) {
                    table.append(row)
                }
            }
        }
        return table
    }

    /// `resources.csv`: kiosk types, greeters and guides.
    public func resourcesTable() -> CSVTable {
        var table = CSVTable(header: ["resource", "kind", "metric", "value", "ci_low", "ci_high"])
        for (index, kiosk) in scenario.selfService.kioskTypes.enumerated() {
            for row in rows(estimates(.kioskType, entity: index), prefix: [kiosk.name, "kiosk_type"]) { table.append(row) }
        }
        for (index, role) in Self.staffRoles.enumerated() {
            for row in rows(estimates(.staff, entity: index), prefix: [role, "staff"]) { table.append(row) }
        }
        return table
    }

    /// Every results file but the run metadata and traces, by file name.
    public func files() -> [(name: String, text: String)] {
        [("summary.json", summary().rendered()),
         ("intervals.csv", intervalsTable().rendered()),
         ("segments.csv", namedTable(.segment, column: "segment", names: scenario.segments.map(\.name)).rendered()),
         ("transactions.csv", namedTable(.transaction, column: "transaction", names: scenario.transactionTypes.map(\.name)).rendered()),
         ("window_groups.csv", windowGroupsTable().rendered()),
         ("resources.csv", resourcesTable().rendered()),
         ("targets.csv", targetsTable().rendered())]
    }

    /// Every declared target's verdict, as `check` judges it: the deciding
    /// value (the worst interval's for a per-interval target), its 95%
    /// interval and the bound, with the unit they are shown in and the bound
    /// as the terminal shows it. A scenario without targets has the header only.
    func targetsTable() -> CSVTable {
        var table = CSVTable(header: ["target", "metric", "per_interval", "interval", "verdict", "value", "ci_low", "ci_high",
                                      "at_least", "at_most", "unit", "bound_text"])
        for result in TargetJudge.judge(scenario, statistics) {
            let bound = result.target.judgedBound.limits
            table.append([result.target.name, (result.estimate?.key.metric ?? result.target.key(interval: nil).metric).name,
                          result.target.perInterval ? "true" : "false", result.interval.map(intervalStart) ?? "",
                          result.verdict.rawValue, CSVTable.cell(result.estimate?.mean ?? .nan), CSVTable.cell(result.estimate?.low ?? .nan),
                          CSVTable.cell(result.estimate?.high ?? .nan), CSVTable.cell(bound.low ?? .nan), CSVTable.cell(bound.high ?? .nan),
                          result.target.valueUnit.rawValue, result.target.boundText])
        }
        return table
    }
}
