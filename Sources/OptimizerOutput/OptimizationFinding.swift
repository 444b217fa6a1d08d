import Foundation
import Optimizer
import OutputKit
import Results
import Replications

/// What `outletsim optimize` found, as values: the terminal and the page
/// choose the findings they show by case and word them with ``sentence``.
public enum OptimizationFinding: Sendable {
    /// The plan's cost a day (yuan) on validation; `inShifts` when every role is paid by its shifts.
    case planCost(MetricEstimate, inShifts: Bool)
    /// Today's plan (the scenario as `run` simulates and prices it) on the
    /// validation days, and the `run` command that prints the same figures.
    case today(MetricEstimate, passing: Int, targets: Int, runCommand: String)
    /// The plan's cost less today's, paired on the validation days (yuan a day).
    case saving(PlanDifference, todayMissesTargets: Bool)
    /// Cheaper finalists passed over because they failed a target on validation.
    case passedOver(Int)
    /// Validation: days simulated (more than `asked` when a target needed them) and verdicts.
    case validation(days: Int, asked: Int, passing: Int, inconclusive: Int, failing: Int)
    /// Why the search ended.
    case stop(SearchStop, evaluations: Int)

    /// The finding in words, money in whole yuan.
    public var sentence: String {
        func money(_ value: Double) -> String { String(format: "%.0f", value) }
        switch self {
        case .planCost(let cost, let inShifts):
            return "The plan costs \(money(cost.mean)) yuan a day [\(money(cost.low)), \(money(cost.high))]"
                + (inShifts ? ", every role paid by its shifts." : ", staff paid by the hour.")
        case .today(let cost, let passing, let targets, let command):
            return "Today's plan costs \(money(cost.mean)) yuan a day [\(money(cost.low)), \(money(cost.high))] on the same days, "
                + "\(passing) of \(targets) targets pass: the scenario as `\(command)` simulates and prices it."
        case .saving(let saving, let todayMisses):
            let undecided = saving.isSignificant ? "" : ", not distinguishable from no difference"
            if saving.difference <= 0 {
                return "The plan saves \(money(-saving.difference)) yuan a day against it "
                    + "(paired 95% interval [\(money(-saving.high)), \(money(-saving.low))]\(undecided))."
            }
            let why = todayMisses ? "; today's plan misses targets the plan meets" : ""
            return "The plan costs \(money(saving.difference)) yuan a day more than it "
                + "(paired 95% interval [\(money(saving.low)), \(money(saving.high))]\(undecided))\(why)."
        case .passedOver(let count):
            return "\(count == 1 ? "The cheapest finalist" : "The \(count) cheapest finalists") failed a target on validation; "
                + "the plan is the next cheapest, which passed on the same days."
        case .validation(let days, let asked, let passing, let inconclusive, let failing):
            let settled = days > asked ? " on \(days) fresh days (more than --validation-days \(asked), to settle every target)" : " on \(days) fresh days"
            return "Validation\(settled): \(passing) targets pass, \(inconclusive) inconclusive, \(failing) fail."
        case .stop(.converged, let evaluations):
            return "The search converged: no move it knows made a feasible plan cheaper (\(evaluations) plans evaluated)."
        case .stop(.budgetSpent(let phase, let evaluations, let improvement), _):
            let trend = improvement.isFinite
                ? String(format: "the best cost fell by %.1f%% over the last quarter of the evaluations", improvement * 100)
                : "no feasible plan had been found"
            return "The search stopped when its budget was spent, in the \(phase.rawValue) phase after \(evaluations) evaluations; "
                + "\(trend), so a larger --budget may find a cheaper plan."
        }
    }
}
