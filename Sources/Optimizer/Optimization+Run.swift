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
    /// Today's plan: the scenario as `run` simulates and prices it (in
    /// shifts when there is a shift menu), on the same fresh days, which
    /// are `run --seed` days.
    public let current: PlanEvaluation?
    /// `planned` against `current` on those days, paired: the cost
    /// difference (planned − current, yuan a day) with its 95% interval.
    public let saving: PlanDifference?
    /// Why the search ended.
    public let stop: SearchStop
    /// The upper-bound evaluation (what is possible at all).
    public let upperBounds: PlanEvaluation
    /// Cheaper finalists that failed a target on validation and were passed over for `planned`.
    public var failedValidation: Int = 0
}

extension Optimization {
    /// Runners-up validated, at most, when the selected plan fails a target on validation.
    static let runnersUpValidated = 2

    /// The seed of the validation days: derived from the search seed, never
    /// one of its days. Today's plan on those days is exactly what
    /// `run --seed` with it prints.
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
                                      upperBounds: atUpper, failedValidation: 0)
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
        let contenders = finalists.filter(\.feasible).isEmpty ? [best] : finalists.filter(\.feasible)
        let (selected, selection) = try select(contenders)
        // 5. Validation of the plan as rostered, on fresh days, paired with
        //    today's plan as `run` has it. A plan that fails a target there
        //    is not handed over while a runner-up (the next cheapest
        //    finalist) passes on the same days.
        let runnersUp = contenders.filter { $0.plan != selected.plan }.sorted { $0.cost < $1.cost }
        var chosen = selected
        var rejected: [OutletPlan] = []
        var (planned, shifts) = try rostered(chosen.plan)
        var (validation, current, saving) = try validate(planned)
        for candidate in runnersUp.prefix(Self.runnersUpValidated) where validation.count(.fail) > 0 {
            let (nextPlanned, nextShifts) = try rostered(candidate.plan)
            let next = try validate(nextPlanned)
            guard next.0.count(.fail) == 0 else { continue }
            rejected.append(chosen.plan)
            chosen = candidate
            (planned, shifts) = (nextPlanned, nextShifts)
            (validation, current, saving) = next
        }
        return OptimizationResult(unreachable: [], analyticStart: start, required: chosen.plan, planned: planned, shifts: shifts,
                                  selection: selection, validation: validation, current: current, saving: saving, stop: stopReason(),
                                  upperBounds: atUpper, failedValidation: rejected.count)
    }

    /// `planned` and today's plan on the validation days (a seed the
    /// search never used), with the paired cost difference between them.
    ///
    /// The plan is handed over only with its targets settled: while one is
    /// inconclusive and none fails, more fresh days are added (at least
    /// doubling, or as many as the interval's advice asks) up to
    /// ``OptimizerSettings/mostValidationDays``; a target still open then is
    /// reported as such, never as met.
    mutating func validate(_ planned: OutletPlan) throws -> (PlanEvaluation, PlanEvaluation, PlanDifference?) {
        // Today's plan is the scenario as `run` simulates and prices it.
        let today: Scenario
        do {
            today = try ShiftPricing.priced(scenario).scenario
        } catch {
            throw OptimizerError.shifts(role: scenario.name(of: error.role), error.error)
        }
        let fresh = PlanEvaluator(seed: validationSeed, jobs: settings.jobs, stop: settings.stop)
        let scenarios = [today, planned.applied(to: scenario)]
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
    /// staff on duty are never fewer than the plan requires. A role the plan
    /// does not decide keeps the scenario's shifts, so it is staffed and paid
    /// as `run` has it. Without a shift menu, the plan as it is.
    ///
    /// - Complexity: one small integer program per role (milliseconds).
    func rostered(_ plan: OutletPlan) throws -> (plan: OutletPlan, covers: [Roster.Role: ShiftCover]) {
        guard scenario.shifts != nil, scenario.costs != nil else { return (plan, [:]) }
        // Every role works shifts, searched or not: one basis for every cost.
        let applied = plan.applied(to: scenario)
        var covered = plan
        var roster = Roster()
        var covers: [Roster.Role: ShiftCover] = [:]
        for (role, staff) in ShiftPricing.staffedRoles(of: applied) {
            if !plan.decides(role), let kept = scenario.roster?.shifts[role] {
                roster.shifts[role] = kept
                covers[role] = ShiftPricing.cover(of: kept, role: role, in: scenario)
                continue
            }
            let cover: ShiftCover
            do {
                guard let found = try ShiftPricing.cover(role, requirement: staff, in: scenario) else { continue }
                cover = found
            } catch {
                throw OptimizerError.shifts(role: scenario.name(of: role), error.error)
            }
            covers[role] = cover
            roster.shifts[role] = ShiftPricing.shifts(of: cover)
            switch role {
            case .windows(let group): covered.windows[group] = cover.onDuty
            case .greeters: covered.layout.greeters = cover.onDuty
            case .guides: covered.layout.guides = cover.onDuty
            }
        }
        covered.roster = roster
        return (covered, covers)
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
