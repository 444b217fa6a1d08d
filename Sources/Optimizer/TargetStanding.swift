import Evaluation
import Measurement
import Replications
import Scenario

/// How a plan stands against its scenario's targets during the search: the
/// margin policy of ``TargetJudge``.
public enum TargetStanding {
    public static func misses(_ evaluation: PlanEvaluation, margin: Double) -> [TargetMiss] {
        TargetJudge.misses(evaluation.scenario, evaluation.statistics, margin: margin)
    }

    /// The staff one more of whom would cure a miss: greeters or guides
    /// for their own targets and greeters for a crowd at their desk,
    /// windows for everything else (customers' waits and shares, a
    /// crowded waiting zone, overtime); nil when more staff would not, for
    /// a utilisation below its minimum or a crowd at kiosks or counters.
    static func remedy(for miss: TargetMiss, _ scenario: Scenario) -> StaffKind? {
        let measure = scenario.targets[miss.target].measure
        let utilisation = [.windowUtilisation, .greeterUtilisation, .guideUtilisation].contains(measure)
        if utilisation && miss.isBelowMinimum { return nil }
        // More kiosks, guides or windows bring more people to their zones, not fewer.
        if measure == .crowding(.selfService) || measure == .crowding(.counters) { return nil }
        switch measure.staff {
        case 0: return .greeters
        case 1: return .guides
        default: return .windows
        }
    }

    /// Whether more staff would cure the miss.
    static func wantsMoreService(_ miss: TargetMiss, _ scenario: Scenario) -> Bool {
        remedy(for: miss, scenario) != nil
    }
}

/// Who a plan can add to cure a miss.
enum StaffKind {
    case windows, greeters, guides
}
