import Evaluation
import Scenario
import ShiftCovering

/// What the optimizer found.
public struct OptimizationResult: Sendable {
    /// Targets (indices into `Scenario.targets`) missed even with every
    /// decision at its upper bound; when not empty, no plan was chosen.
    public let unreachable: [Int]
    /// The SIPP start, from the loads measured at the upper bounds.
    public let analyticStart: OutletPlan?
    /// The staffing per interval the search settled on (before shifts).
    public let required: OutletPlan?
    /// The plan to run: `required` with shift covering applied.
    public let planned: OutletPlan?
    /// The cheapest shifts per searched window group, when the scenario has a shift menu.
    public let shifts: [Int: ShiftCover]
    public let selection: SelectionReport?
    /// `planned` simulated on fresh days the search never saw.
    public let validation: PlanEvaluation?
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
                                      selection: nil, validation: nil, upperBounds: atUpper)
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
        let first = incumbent ?? Candidate(plan: upper, evaluation: atUpper, misses: [])
        // 3. Layout neighbourhood search.
        let (best, feasible) = try searchLayout(from: first)
        // 4. Ranking and selection among the cheapest feasible plans seen.
        var finalists = [best]
        for candidate in feasible where finalists.count < settings.finalists && !finalists.contains(where: { $0.plan == candidate.plan }) {
            finalists.append(candidate)
        }
        let (chosen, selection) = try select(finalists.filter(\.feasible).isEmpty ? [best] : finalists.filter(\.feasible))
        // 5. Shifts, then the covered plan re-simulated.
        let (planned, shifts) = try cover(chosen.plan)
        if planned != chosen.plan { _ = try evaluate(planned, .shifts, force: true) }
        // 6. Validation on fresh seeds.
        let fresh = PlanEvaluator(seed: validationSeed, jobs: settings.jobs, stop: settings.stop)
        let validation = try evaluate(planned, .validation, days: 0..<settings.validationDays, evaluator: fresh, force: true)?.evaluation
        return OptimizationResult(unreachable: [], analyticStart: start, required: chosen.plan, planned: planned, shifts: shifts,
                                  selection: selection, validation: validation, upperBounds: atUpper)
    }

    /// The cheapest shifts covering each searched group's windows, and the
    /// plan with the staff on duty they give (never fewer than required).
    func cover(_ plan: OutletPlan) throws -> (OutletPlan, [Int: ShiftCover]) {
        guard let menu = scenario.shifts else { return (plan, [:]) }
        let patterns = ShiftPattern.all(of: menu, opening: scenario.opening, intervalMinutes: scenario.intervalMinutes,
                                        intervalCount: scenario.intervalCount, wagePerHour: scenario.costs?.windowWage ?? 0)
        var covered = plan
        var covers: [Int: ShiftCover] = [:]
        for (group, requirement) in plan.windows.sorted(by: { $0.key < $1.key }) {
            do {
                let cover = try ShiftCovering.cheapest(requirement: requirement, patterns: patterns)
                covers[group] = cover
                covered.windows[group] = cover.onDuty
            } catch let error as ShiftCoveringError {
                throw OptimizerError.shifts(group: scenario.windowGroups[group].name, error)
            }
        }
        return (covered, covers)
    }
}

public enum OptimizerError: Error, CustomStringConvertible {
    case nothingEvaluated
    case shifts(group: String, ShiftCoveringError)

    public var description: String {
        switch self {
        case .nothingEvaluated: "the optimizer could not evaluate any plan"
        case .shifts(let group, let error): "window group '\(group)': \(error) (add shifts that cover those intervals)"
        }
    }
}
