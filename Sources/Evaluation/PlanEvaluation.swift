import Measurement
import Replications
import Scenario

/// One plan simulated on a range of days: each day's metrics, their
/// statistics, and the targets judged on them.
public struct PlanEvaluation: Sendable {
    public let scenario: Scenario
    /// Each day's metrics, in day order.
    public let days: [DayResult]
    public let statistics: RunStatistics
    public let verdicts: [TargetResult]

    public init(scenario: Scenario, days: [DayResult]) {
        self.scenario = scenario
        self.days = days
        statistics = RunStatistics(days)
        verdicts = TargetJudge.judge(scenario, statistics)
    }

    /// The mean of a day metric, NaN when not measured.
    public func mean(_ metric: Metric) -> Double { statistics.estimate(MetricKey(.day, metric))?.mean ?? .nan }

    /// The day's expected cost (yuan); NaN without `costs`.
    public var cost: Double { mean(.cost(nil)) }

    /// One day's value of a metric, NaN when the day has none.
    public func value(_ key: MetricKey, day: Int) -> Double { days[day].metrics.value(key) }

    /// How many targets pass, fail or are inconclusive.
    public func count(_ verdict: Verdict) -> Int { verdicts.filter { $0.verdict == verdict }.count }
}

/// The one door to the engine for the optimizer and the comparison tools:
/// a plan (a scenario value) simulated on given days with a fixed seed, so
/// that every plan meets the same customers (common random numbers).
public struct PlanEvaluator: Sendable {
    public let seed: UInt64
    public let jobs: Int

    public init(seed: UInt64, jobs: Int) {
        self.seed = seed
        self.jobs = max(1, jobs)
    }

    /// Simulates `scenario` on `days` (replication numbers) and judges its targets.
    /// - Parameter waits: waits, minutes, whose service levels are measured
    ///   (default: the scenario's; plans compared together share one list).
    /// - Complexity: O(days × customers per day), spread over `jobs` threads.
    public func evaluate(_ scenario: Scenario, days: Range<Int>, waits: [Double]? = nil) throws -> PlanEvaluation {
        let results = try ReplicationRunner.run(scenario, seed: seed, days: days, jobs: jobs, targets: waits ?? scenario.waitTargets)
        return PlanEvaluation(scenario: scenario, days: results)
    }
}
