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

    /// A miss that more windows would cure: anything but windows too idle.
    static func wantsMoreService(_ miss: TargetMiss, _ scenario: Scenario) -> Bool {
        switch scenario.targets[miss.target].measure {
        case .windowUtilisation: return !miss.isBelowMinimum
        // Windows do not change how busy greeters and guides are; their own counts do.
        case .greeterUtilisation, .guideUtilisation: return false
        default: return true
        }
    }
}
