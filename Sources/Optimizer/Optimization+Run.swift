import Evaluation
import Measurement
import Replications
import Scenario
import ShiftCovering

/// Why a search ended.
public enum SearchStop: Sendable, Equatable {
    /// No move improved the plan any more.
    case converged
    /// `--budget` or `--max-evaluations` ran out in `phase` after `evaluations`;
    /// `lastQuarterImprovement` is how much the best feasible cost fell over
    /// the last quarter of them (0.02: 2%; NaN before any feasible plan), a
    /// measure of how far from converged the search was.
    case budgetSpent(phase: SearchPhase, evaluations: Int, lastQuarterImprovement: Double)
}

/// What the optimizer found.
public struct OptimizationResult: Sendable {
    /// Targets (indices into `Scenario.targets`) missed even with every
    /// decision at its upper bound; when not empty, no plan was chosen.
    public let unreachable: [Int]
    /// The SIPP start, from the loads measured at the upper bounds.
    public let analyticStart: OutletPlan?
    /// The staffing per interval the search settled on (before shifts).
    public let required: OutletPlan?
    /// The plan to run: `required` covered by its cheapest shifts, with the
    /// roster that prices it (as every candidate was priced).
    public let planned: OutletPlan?
    /// The cheapest shifts of every role, when the scenario has a shift menu.
    public let shifts: [Roster.Role: ShiftCover]
    public let selection: SelectionReport?
    /// `planned` simulated on fresh days the search never saw.
    public let validation: PlanEvaluation?
    /// The scenario's current plan, staffed and priced as `planned` is (in
    /// shifts when there is a shift menu), on the same fresh days.
    public let current: PlanEvaluation?
    /// `planned` against `current` on those days, paired: the cost
    /// difference (planned − current, yuan a day) with its 95% interval.
    public let saving: PlanDifference?
    /// Why the search ended.
    public let stop: SearchStop
    /// The upper-bound evaluation (what is possible at all).
    public let upperBounds: PlanEvaluation
}

extension Optimization {
    /// The seed of the validation days: derived from the search seed, never one of its days.
    public var validationSeed: UInt64 { settings.seed &+ 0x5EED_0F_F1E5 }

    /// Runs the whole search: upper bounds, analytic start, iterative staffing,
    /// layout neighbourhood search, ranking and selection, shift covering and
    /// validation on fresh days.
    public mutating func run() throws -> OptimizationResult {
        let upper = OutletPlan.upperBounds(of: scenario)
        guard let atUpper = try evaluate(upper, .upperBounds, force: true)?.evaluation else {
            throw OptimizerError.nothingEvaluated
        }
        let unreachable = Set(TargetStanding.misses(atUpper, margin: 0).filter { TargetStanding.wantsMoreService($0, scenario) }.map(\.target))
        guard unreachable.isEmpty else {
            return OptimizationResult(unreachable: unreachable.sorted(), analyticStart: nil, required: nil, planned: nil, shifts: [:],
                                      selection: nil, validation: nil, current: nil, saving: nil, stop: stopReason(),
                                      upperBounds: atUpper)
        }

        // 1. The analytic start, on the scenario's own layout (within bounds).
        let start = AnalyticStaffing.start(from: atUpper, layout: OutletPlan(scenario: scenario).layout)
        _ = try evaluate(start, .analyticStart)
        // 2. Iterative staffing; if the scenario's layout cannot meet the
        //    targets, start again from the most generous layout.
        var incumbent = try refineStaffing(start)
        // The planner's own plan is a start too: the search never returns
        // anything dearer than a feasible input.
        let own = OutletPlan(scenario: scenario)
        if own != start, let refined = try refineStaffing(own), refined.feasible,
           incumbent.map({ !$0.feasible || refined.cost < $0.cost }) ?? true {
            incumbent = refined
        }
        if incumbent.map({ !$0.feasible }) ?? true {
            incumbent = try refineStaffing(OutletPlan(windows: start.windows, layout: upper.layout)) ?? incumbent
        }
        // Without any budget left, the upper bounds are the plan.
        let fallback = Candidate(plan: upper, rostered: try rostered(upper).plan, evaluation: atUpper, misses: [])
        let first = incumbent ?? fallback
        // 3. Layout neighbourhood search.
        let (best, feasible) = try searchLayout(from: first)
        // 4. Ranking and selection among the cheapest feasible plans seen.
        var finalists = [best]
        for candidate in feasible where finalists.count < settings.finalists && !finalists.contains(where: { $0.plan == candidate.plan }) {
            finalists.append(candidate)
        }
        let (chosen, selection) = try select(finalists.filter(\.feasible).isEmpty ? [best] : finalists.filter(\.feasible))
        // 5. Validation of the plan as rostered, on fresh seeds, paired with
        //    the scenario's current plan priced the same way.
        let (planned, shifts) = try rostered(chosen.plan)
        let (validation, current, saving) = try validate(planned)
        return OptimizationResult(unreachable: [], analyticStart: start, required: chosen.plan, planned: planned, shifts: shifts,
                                  selection: selection, validation: validation, current: current, saving: saving, stop: stopReason(),
                                  upperBounds: atUpper)
    }

    /// The scenario's current plan: its own windows, greeters, guides and
    /// layout, covered by the cheapest shifts when there is a shift menu.
    public var currentPlan: OutletPlan {
        let starts = (0..<scenario.intervalCount).map(scenario.intervalStart)
        var windows: [Int: [Int]] = [:]
        for (group, windowGroup) in scenario.windowGroups.enumerated() { windows[group] = starts.map { windowGroup.open.value(at: $0) } }
        return OutletPlan(windows: windows, layout: OutletPlan.Layout())
    }

    /// `planned` and the current plan on the validation days (a seed the
    /// search never used), with the paired cost difference between them.
    ///
    /// The plan is handed over only with its targets settled: while one is
    /// inconclusive and none fails, more fresh days are added (at least
    /// doubling, or as many as the interval's advice asks) up to
    /// ``OptimizerSettings/mostValidationDays``; a target still open then is
    /// reported as such, never as met.
    mutating func validate(_ planned: OutletPlan) throws -> (PlanEvaluation, PlanEvaluation, PlanDifference?) {
        let current = try rostered(currentPlan).plan
        let fresh = PlanEvaluator(seed: validationSeed, jobs: settings.jobs, stop: settings.stop)
        let scenarios = [current.applied(to: scenario), planned.applied(to: scenario)]
        var paired = PairedAccumulator(plans: 2, plannedDays: settings.validationDays)
        var days = 0
        var next = settings.validationDays
        while next > days {
            try fresh.compare(scenarios, days: days..<next, waits: scenario.waitTargets, into: &paired)
            daysSimulated += 2 * (next - days)
            days = next
            let verdicts = TargetJudge.judge(scenarios[1], paired.statistics(plan: 1))
            guard !verdicts.contains(where: { $0.verdict == .fail }), verdicts.contains(where: { $0.verdict == .inconclusive })
            else { break }
            let advised = verdicts.compactMap(\.suggestedReplications).max() ?? Int.max
            next = min(settings.mostValidationDays, max(2 * days, advised.multipliedReportingOverflow(by: 5).overflow ? Int.max : advised * 5 / 4))
        }
        let statistics = [paired.statistics(plan: 0), paired.statistics(plan: 1)]
        let validation = PlanEvaluation(scenario: scenarios[1], statistics: statistics[1])
        let saving = paired.differences(plan: 1, keys: [MetricKey(.day, .cost(nil))], statistics: statistics).first
        record(planned, validation, .validation)
        return (validation, PlanEvaluation(scenario: scenarios[0], statistics: statistics[0]), saving)
    }

    /// Why the search ended: every move tried, or the budget spent, and then
    /// where, and whether the best cost was still falling.
    func stopReason() -> SearchStop {
        guard let phase = budgetSpentIn else { return .converged }
        let searched = trace.filter { $0.phase != .validation }
        func best(_ entries: ArraySlice<TraceEntry>) -> Double? { entries.filter(\.feasible).map(\.cost).min() }
        var falling = Double.nan
        if let earlier = best(searched.prefix(searched.count * 3 / 4)), let final = best(searched[...]) {
            falling = (earlier - final) / final
        }
        return .budgetSpent(phase: phase, evaluations: searched.count, lastQuarterImprovement: falling)
    }

    /// `plan` covered by the cheapest shifts, role by role (every window
    /// group, the greeters and the guides), with the roster that prices it;
    /// staff on duty are never fewer than the plan requires. Without a
    /// shift menu, the plan as it is.
    ///
    /// - Complexity: one small integer program per role (milliseconds).
    func rostered(_ plan: OutletPlan) throws -> (plan: OutletPlan, covers: [Roster.Role: ShiftCover]) {
        guard let menu = scenario.shifts else { return (plan, [:]) }
        // Every role works shifts, searched or not: one basis for every cost.
        let starts = (0..<scenario.intervalCount).map(scenario.intervalStart)
        var requirements: [(Roster.Role, [Int])] = scenario.windowGroups.indices.map { group in
            (.windows(group: group), plan.windows[group] ?? starts.map { scenario.windowGroups[group].open.value(at: $0) })
        }
        if let reception = scenario.reception {
            requirements.append((.greeters, plan.layout.greeters ?? starts.map { reception.greeters.value(at: $0) }))
        }
        requirements.append((.guides, plan.layout.guides ?? starts.map { scenario.selfService.guides.value(at: $0) }))
        requirements.removeAll { $0.1.allSatisfy { $0 == 0 } }
        var covered = plan
        var roster = Roster()
        var covers: [Roster.Role: ShiftCover] = [:]
        for (role, requirement) in requirements {
            let patterns = ShiftPattern.all(of: menu, opening: scenario.opening, intervalMinutes: scenario.intervalMinutes,
                                            intervalCount: scenario.intervalCount, wagePerHour: scenario.wage(of: role))
            let cover: ShiftCover
            do {
                cover = try ShiftCovering.cheapest(requirement: requirement, patterns: patterns)
            } catch let error as ShiftCoveringError {
                throw OptimizerError.shifts(role: name(of: role), error)
            }
            covers[role] = cover
            roster.shifts[role] = cover.assignments.map {
                Roster.Shift(kind: $0.pattern.kind, start: $0.pattern.start, breakStart: $0.pattern.breakStart, staff: $0.staff)
            }
            switch role {
            case .windows(let group): covered.windows[group] = cover.onDuty
            case .greeters: covered.layout.greeters = cover.onDuty
            case .guides: covered.layout.guides = cover.onDuty
            }
        }
        covered.roster = roster
        return (covered, covers)
    }

    /// A role as planners name it.
    func name(of role: Roster.Role) -> String {
        switch role {
        case .windows(let group): "window group '\(scenario.windowGroups[group].name)'"
        case .greeters: "greeters"
        case .guides: "guides"
        }
    }
}

public enum OptimizerError: Error, CustomStringConvertible {
    case nothingEvaluated
    case shifts(role: String, ShiftCoveringError)

    public var description: String {
        switch self {
        case .nothingEvaluated: "the optimizer could not evaluate any plan"
        case .shifts(let role, let error): "\(role): \(error) (add shifts that cover those intervals)"
        }
    }
}
