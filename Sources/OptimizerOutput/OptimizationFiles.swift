import Evaluation
import Foundation
import Measurement
import Optimizer
import OutputKit
import Results
import Replications
import Scenario
import ScenarioFile
import ShiftCovering

/// The files of `outletsim optimize` beside the validation run's: plan.yaml,
/// cost.csv, staffing.csv, shifts.csv, pareto.csv and optimization.json,
/// and the findings: what the plan and today's plan cost, what the plan
/// saves, and why the search ended.
public struct OptimizationFiles {
    public let scenario: Scenario
    public let file: String
    public let result: OptimizationResult
    public let planned: OutletPlan
    public let validation: PlanEvaluation
    public let optimization: Optimization
    public let pareto: Bool

    public var plannedScenario: Scenario { validation.scenario }
    public var searchedGroups: [Int] { scenario.search.windows.keys.sorted() }

    public func start(_ interval: Int) -> String { ClockTime(minutes: scenario.intervalStart(interval)).description }


    public init(scenario: Scenario, file: String, result: OptimizationResult, planned: OutletPlan, validation: PlanEvaluation,
                optimization: Optimization, pareto: Bool) {
        self.scenario = scenario
        self.file = file
        self.result = result
        self.planned = planned
        self.validation = validation
        self.optimization = optimization
        self.pareto = pareto
    }

    // MARK: plan.yaml

    /// A per-interval count as a schedule map naming only its changes: { "09:00": 3, "11:30": 4 }.
    public func schedule(_ counts: [Int]) -> String { PlanVariant.schedule(counts, in: scenario) }

    /// The plan as a scenario that extends the input, so `outletsim run` and `check` take it as it is.
    public func planYAML(folder: URL) -> String {
        var variant = PlanVariant(name: scenario.name + "-optimized", extends: PlanVariant.relativePath(of: file, from: folder))
        variant.comments = ["The cheapest plan `outletsim optimize` found that meets the targets of",
                            "\(file) (seed \(optimization.settings.seed); validated on \(validation.statistics.days) fresh days)."]
        let rostered = planned.roster?.shifts ?? [:]
        for group in searchedGroups {
            if rostered[.windows(group: group)] == nil, let counts = planned.windows[group] { variant.open[group] = counts }
            if let threshold = planned.layout.flexibleThresholds[group], let rule = plannedScenario.windowGroups[group].flexible {
                variant.flexible[group] = (threshold, rule.closeWhenWaitingBelow)
            }
        }
        variant.kiosks = planned.layout.kiosks
        // Counters turned into kiosks: the kiosk type's count as planned.
        if let swap = scenario.search.counterSwap, (planned.layout.swappedCounters ?? 0) > 0 {
            variant.kiosks[swap.kioskType] = plannedScenario.selfService.kioskTypes[swap.kioskType].count
        }
        variant.seats = planned.layout.seats
        variant.greeters = rostered[.greeters] == nil ? planned.layout.greeters : nil
        variant.guides = rostered[.guides] == nil ? planned.layout.guides : nil
        variant.roster = planned.roster
        return variant.yaml(base: scenario)
    }

    // MARK: Tables

    public func estimate(_ metric: Metric) -> MetricEstimate? { validation.statistics.estimate(MetricKey(.day, metric)) }

    /// What changes from the scenario's current plan to this one, on the validation days.
    public var changes: PlanChanges? {
        result.current.map { PlanChanges(before: $0.scenario, after: validation.scenario, beforeStatistics: $0.statistics,
                                         afterStatistics: validation.statistics) }
    }

    /// The day's cost by what it pays for, validated: the same figures, on
    /// the same basis (rostered roles by their shifts), as `outletsim run`
    /// gives for plan.yaml.
    public func costTable() -> CSVTable {
        var table = CSVTable(header: ["component", "value", "ci_low", "ci_high"])
        func row(_ name: String, _ estimate: MetricEstimate?) {
            guard let estimate else { return }
            table.append([name, CSVTable.cell(estimate.mean), CSVTable.cell(estimate.low), CSVTable.cell(estimate.high)])
        }
        for part in [Metric.CostComponent.windows, .greeters, .guides, .overtimePremium, .kiosks, .seats, .lostCustomers] {
            row(part.rawValue, estimate(.cost(part)))
        }
        row("total", estimate(.cost(nil)))
        return table
    }

    /// The roles staffed per interval: every window group, then greeters and guides.
    public var roles: [(role: Roster.Role, name: String)] {
        var roles: [(Roster.Role, String)] = scenario.windowGroups.indices.map { (.windows(group: $0), scenario.windowGroups[$0].name) }
        if scenario.reception != nil { roles.append((.greeters, "greeters")) }
        roles.append((.guides, "guides"))
        return roles
    }

    /// Staff on duty in `role` in `interval`, in the validated plan.
    public func onDuty(_ role: Roster.Role, _ interval: Int) -> Int {
        let time = scenario.intervalStart(interval)
        switch role {
        case .windows(let group): return plannedScenario.windowGroups[group].open.value(at: time)
        case .greeters: return plannedScenario.reception?.greeters.value(at: time) ?? 0
        case .guides: return plannedScenario.selfService.guides.value(at: time)
        }
    }

    /// What the search required of `role` in `interval` (before shifts), when it decided it.
    public func required(_ role: Roster.Role, _ interval: Int) -> Int? {
        switch role {
        case .windows(let group): return result.required?.windows[group]?[interval]
        case .greeters: return result.required?.layout.greeters?[interval]
        case .guides: return result.required?.layout.guides?[interval]
        }
    }

    /// One row per interval and role: what the search required, the staff
    /// on duty, and, for window groups, the validated utilisation. The
    /// outlet-wide figures of each interval are in intervals.csv.
    public func staffingTable() -> CSVTable {
        var table = CSVTable(header: ["start", "role", "required", "on_duty", Metric.utilisation.name, "utilisation_ci_low", "utilisation_ci_high"])
        for interval in 0..<scenario.intervalCount {
            for (role, name) in roles {
                var utilisation: MetricEstimate?
                if case .windows(let group) = role {
                    utilisation = validation.statistics.estimate(MetricKey(.windowGroup, entity: group, interval: interval, .utilisation))
                }
                table.append([start(interval), name, required(role, interval).map(String.init) ?? "", String(onDuty(role, interval))]
                             + [utilisation?.mean, utilisation?.low, utilisation?.high].map { $0.map(CSVTable.cell) ?? "" })
            }
        }
        return table
    }

    /// The staffing for the page: one row per interval, a column per role.
    public func findings() -> [OptimizationFinding] {
        var findings: [OptimizationFinding] = []
        if let cost = estimate(.cost(nil)) { findings.append(.planCost(cost, inShifts: !result.shifts.isEmpty)) }
        if let current = result.current, let cost = current.statistics.estimate(MetricKey(.day, .cost(nil))) {
            findings.append(.today(cost, passing: current.count(.pass), targets: current.verdicts.count,
                                   runCommand: "outletsim run \(file) --seed \(optimization.validationSeed) --replications \(current.statistics.days)"))
            if let saving = result.saving { findings.append(.saving(saving, todayMissesTargets: current.count(.fail) > 0)) }
        }
        if result.failedValidation > 0 { findings.append(.passedOver(result.failedValidation)) }
        findings.append(.validation(days: validation.statistics.days, asked: optimization.settings.validationDays,
                                    passing: validation.count(.pass), inconclusive: validation.count(.inconclusive), failing: validation.count(.fail)))
        findings.append(.stop(result.stop, evaluations: optimization.trace.count))
        return findings
    }

    /// Why the search ended, in words.
    public func stopText() -> String { OptimizationFinding.stop(result.stop, evaluations: optimization.trace.count).sentence }

    public func shiftsTable() -> CSVTable {
        var table = CSVTable(header: ["role", "shift", "start", "end", "break_start", "break_end", "staff", "cost_each", "cost"])
        let kinds = scenario.shifts?.kinds ?? []
        for (role, cover) in result.shifts.sorted(by: { $0.key < $1.key }) {
            for (pattern, staff) in cover.assignments {
                let kind = kinds[pattern.kind]
                let breakTimes = pattern.breakStart.map { [ClockTime(minutes: $0).description, ClockTime(minutes: $0 + (kind.breakRule?.length ?? 0)).description] } ?? ["", ""]
                table.append([roleName(role), kind.name, ClockTime(minutes: pattern.start).description,
                              ClockTime(minutes: pattern.start + kind.length).description] + breakTimes
                             + [String(staff), CSVTable.cell(pattern.cost), CSVTable.cell(pattern.cost * Double(staff))])
            }
        }
        return table
    }

    /// A role as the shifts table and plan.yaml name it: a window group's name, greeters or guides.
    public func roleName(_ role: Roster.Role) -> String {
        switch role {
        case .windows(let group): scenario.windowGroups[group].name
        case .greeters: "greeters"
        case .guides: "guides"
        }
    }

    public func paretoTable(_ frontier: [TraceEntry]) -> CSVTable {
        var table = CSVTable(header: ["evaluation", "phase", "cost", "service_level", "targets_met", "feasible", "window_hours"])
        for entry in frontier {
            table.append([String(entry.evaluation), entry.phase.rawValue, CSVTable.cell(entry.cost), CSVTable.cell(entry.serviceLevel),
                          String(entry.targetsMet), entry.feasible ? "true" : "false",
                          CSVTable.cell(entry.plan.windowHours(intervalMinutes: scenario.intervalMinutes))])
        }
        return table
    }

    // MARK: optimization.json

    public func planJSON(_ plan: OutletPlan?) -> JSONValue {
        guard let plan else { return .null }
        var members: [(String, JSONValue)] = [("windows", .object(searchedGroups.compactMap { group in
            plan.windows[group].map { (scenario.windowGroups[group].name, .array($0.map(JSONValue.integer))) }
        }))]
        members.append(("kiosks", .object(plan.layout.kiosks.sorted { $0.key < $1.key }.map { (scenario.selfService.kioskTypes[$0.key].name, .integer($0.value)) })))
        members.append(("seats", plan.layout.seats.map(JSONValue.integer) ?? .null))
        members.append(("greeters", plan.layout.greeters.map { .array($0.map(JSONValue.integer)) } ?? .null))
        members.append(("guides", plan.layout.guides.map { .array($0.map(JSONValue.integer)) } ?? .null))
        members.append(("flexible_open_when_waiting", .object(plan.layout.flexibleThresholds.sorted { $0.key < $1.key }.map {
            (scenario.windowGroups[$0.key].name, .integer($0.value))
        })))
        if let swapped = plan.layout.swappedCounters { members.append(("counters_to_kiosks", .integer(swapped))) }
        members.append(("window_hours", .finite(plan.windowHours(intervalMinutes: scenario.intervalMinutes))))
        return .object(members)
    }

    public func json(frontier: [TraceEntry]?) -> JSONValue {
        let settings = optimization.settings
        var members: [(String, JSONValue)] = [
            ("format", .string("outletsim-optimization")), ("version", .integer(1)),
            ("scenario", .string(scenario.name)), ("scenario_file", .string(file)),
            ("settings", .object([("seed", .string(String(settings.seed))), ("validation_seed", .string(String(optimization.validationSeed))),
                                  ("search_days", .integer(settings.searchDays)), ("validation_days", .integer(settings.validationDays)),
                                  ("validation_days_used", .integer(validation.statistics.days)),
                                  ("finalists_failed_validation", .integer(result.failedValidation)),
                                  ("margin_half_widths", .number(settings.margin)),
                                  ("budget_seconds", settings.budgetSeconds.map(JSONValue.number) ?? .null),
                                  ("max_evaluations", settings.maxEvaluations.map(JSONValue.integer) ?? .null)])),
            ("intervals", .array((0..<scenario.intervalCount).map { .string(start($0)) })),
            ("evaluations", .integer(optimization.trace.count)), ("customer_days_simulated", .integer(optimization.daysSimulated)),
            ("analytic_start", planJSON(result.analyticStart)), ("required", planJSON(result.required)), ("planned", planJSON(planned)),
        ]
        if let selection = result.selection {
            members.append(("selection", .object([
                ("procedure", .string("Kim-Nelson")), ("confidence", .number(selection.confidence)),
                ("indifference_yuan", .finite(selection.indifference)), ("days", .integer(selection.days)), ("chosen", .integer(selection.chosen)),
                ("finalists", .array(selection.finalists.map { .object([("plan", planJSON($0.plan)), ("cost", .finite($0.cost)), ("days", .integer($0.days))]) })),
            ])))
        }
        if let current = result.current, let saving = result.saving {
            members.append(("current_plan", .object([
                ("cost", .finite(current.cost)), ("targets_passed", .integer(current.count(.pass))),
                ("saving", .object([("yuan_per_day", .finite(-saving.difference)), ("ci_low", .finite(-saving.high)),
                                    ("ci_high", .finite(-saving.low)), ("significant", .bool(saving.isSignificant))])),
            ])))
        }
        switch result.stop {
        case .converged:
            members.append(("stop", .object([("reason", .string("converged"))])))
        case .budgetSpent(let phase, let evaluations, let improvement):
            members.append(("stop", .object([("reason", .string("budget_spent")), ("phase", .string(phase.rawValue)),
                                             ("evaluations", .integer(evaluations)),
                                             ("last_quarter_improvement", .finite(improvement))])))
        }
        members.append(("validation", .object(validation.verdicts.map { verdict in
            (verdict.target.name, .object([("verdict", .string(verdict.verdict.rawValue)),
                                           ("value", verdict.estimate.map { .finite($0.mean) } ?? .null),
                                           ("ci_low", verdict.estimate.map { .finite($0.low) } ?? .null),
                                           ("ci_high", verdict.estimate.map { .finite($0.high) } ?? .null),
                                           ("interval", verdict.interval.map { .string(start($0)) } ?? .null)]))
        })))
        if let frontier { members.append(("pareto", .array(frontier.map { .integer($0.evaluation) }))) }
        members.append(("trace", .array(optimization.trace.map { entry in
            .object([("evaluation", .integer(entry.evaluation)), ("phase", .string(entry.phase.rawValue)), ("cost", .finite(entry.cost)),
                     ("service_level", .finite(entry.serviceLevel)), ("targets_met", .integer(entry.targetsMet)),
                     ("feasible", .bool(entry.feasible)), ("seconds", .finite((entry.seconds * 1000).rounded() / 1000)),
                     ("plan", planJSON(entry.plan))])
        })))
        return .object(members)
    }

}
