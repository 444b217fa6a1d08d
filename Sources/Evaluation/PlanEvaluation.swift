import Measurement
import OutletEngine
import Replications
import Scenario

/// One plan simulated on a range of days: each day's metrics, their
/// statistics, and the targets judged on them.
public struct PlanEvaluation: Sendable {
    public let scenario: Scenario
    /// Each day's metrics, in day order; empty when the days were streamed
    /// into the statistics without being kept.
    public let days: [DayResult]
    public let statistics: RunStatistics
    public let verdicts: [TargetResult]

    /// An evaluation that keeps its days (for paired comparisons and ranking).
    public init(scenario: Scenario, days: [DayResult]) {
        self.scenario = scenario
        self.days = days
        statistics = RunStatistics(days)
        verdicts = TargetJudge.judge(scenario, statistics)
    }

    /// An evaluation from statistics alone, whose days were not kept.
    public init(scenario: Scenario, statistics: RunStatistics) {
        self.scenario = scenario
        days = []
        self.statistics = statistics
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
    /// Stops an evaluation part-way (on SIGINT or SIGTERM): it then throws ``SimulationStopped``.
    public let stop: StopRequest?

    public init(seed: UInt64, jobs: Int, stop: StopRequest? = nil) {
        self.seed = seed
        self.jobs = max(1, jobs)
        self.stop = stop
    }

    /// Simulates `scenario` on `days` (replication numbers) and judges its targets.
    /// - Parameter waits: waits, minutes, whose service levels are measured
    ///   (default: the scenario's; plans compared together share one list).
    /// - Complexity: O(days × customers per day), spread over `jobs` threads.
    /// - Parameter keepingDays: keep each day's metrics (for pairing and
    ///   ranking); without them memory does not grow with the days.
    public func evaluate(_ scenario: Scenario, days: Range<Int>, waits: [Double]? = nil,
                         keepingDays: Bool = true) throws -> PlanEvaluation {
        guard keepingDays else {
            var accumulator = RunAccumulator(plannedDays: days.count)
            try accumulate(scenario, days: days, waits: waits, into: &accumulator)
            return PlanEvaluation(scenario: scenario, statistics: accumulator.statistics())
        }
        let results = try ReplicationRunner.results(scenario, seed: seed, days: days, jobs: jobs,
                                                    targets: waits ?? scenario.waitTargets, stop: stop)
        return PlanEvaluation(scenario: scenario, days: results)
    }

    /// Simulates `scenario` on `days` and folds each day into `accumulator`
    /// without keeping it, so memory does not grow with the days.
    /// - Complexity: O(days × customers per day); memory O(metrics).
    public func accumulate(_ scenario: Scenario, days: Range<Int>, waits: [Double]? = nil,
                           into accumulator: inout RunAccumulator) throws {
        try ReplicationRunner.run(scenario, seed: seed, days: days, jobs: jobs, targets: waits ?? scenario.waitTargets,
                                  stop: stop) { accumulator.add($0.metrics) }
    }

    /// Simulates every plan on the same `days` and folds day *d* of all
    /// plans together into `paired`, a block of days at a time, so that
    /// memory does not grow with the days.
    /// - Parameter waits: the waits, minutes, measured for every plan alike.
    /// - Complexity: O(plans × days × customers per day); memory
    ///   O(plans × block × metrics per day).
    public func compare(_ scenarios: [Scenario], days: Range<Int>, waits: [Double],
                        into paired: inout PairedAccumulator) throws {
        let block = Self.pairingBlock(jobs: jobs)
        var start = days.lowerBound
        while start < days.upperBound {
            let range = start..<min(start + block, days.upperBound)
            let plans = try scenarios.map {
                try ReplicationRunner.results($0, seed: seed, days: range, jobs: jobs, targets: waits, stop: stop)
            }
            for offset in range.indices.map({ $0 - range.lowerBound }) {
                paired.add(plans.map { $0[offset].metrics })
            }
            start = range.upperBound
        }
    }

    /// Days simulated per plan before pairing: enough to keep every thread
    /// busy, few enough that their metrics stay small.
    static func pairingBlock(jobs: Int) -> Int { max(64, 32 * jobs) }
}
