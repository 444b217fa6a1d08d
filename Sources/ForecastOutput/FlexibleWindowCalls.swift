import Evaluation
import Forecasting
import Measurement
import Replications
import Scenario

/// Which of today's remaining intervals call for a flexible window: those
/// where a per-interval target of the scenario fails, or cannot be shown
/// to hold, on the day as updated from this morning, simulated with the
/// windows the scenario plans and its flexible windows kept shut.
public struct FlexibleWindowCalls: Sendable {
    public struct Call: Sendable {
        public let interval: Int
        public let target: String
        public let verdict: Verdict
        public let estimate: Double
        public let low: Double
        public let high: Double
        public let unit: ValueUnit
    }

    public let calls: [Call]
    /// Whether the scenario has any per-interval target to judge by.
    public let hasIntervalTargets: Bool

    /// - Parameter from: the first interval not yet wholly past.
    public init(evaluation: PlanEvaluation, from firstInterval: Int) {
        let scenario = evaluation.scenario
        let targets = scenario.targets.filter(\.perInterval)
        hasIntervalTargets = !targets.isEmpty
        var calls: [Call] = []
        for target in targets {
            for place in TargetJudge.placeVerdicts(target, scenario, evaluation.statistics) {
                guard let interval = place.interval, interval >= firstInterval, place.verdict != .pass else { continue }
                calls.append(Call(interval: interval, target: target.name, verdict: place.verdict, estimate: place.estimate.mean,
                                  low: place.estimate.low, high: place.estimate.high, unit: target.onDays != nil ? .share : target.measure.unit))
            }
        }
        self.calls = calls.sorted { ($0.interval, $0.target) < ($1.interval, $1.target) }
    }

    /// The intervals named, in order, once each.
    public var intervals: [Int] { Array(Set(calls.map(\.interval))).sorted() }
}
