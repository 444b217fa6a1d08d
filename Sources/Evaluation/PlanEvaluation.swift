import Measurement
import OutletEngine
import Replications
import Scenario

/// One plan simulated on a range of days: its statistics, each day's cost,
/// and the targets judged on them. Days are streamed into the statistics,
/// so an evaluation's size does not grow with its days beyond one number
/// a day.
public struct PlanEvaluation: Sendable {
    public let scenario: Scenario
    public let statistics: RunStatistics
    /// Each day's cost (yuan), in day order, for ranking plans on paired
    /// days; 0 a day without `costs`, empty when made from statistics alone.
    public let dailyCosts: [Double]
    public let verdicts: [TargetResult]

    public init(scenario: Scenario, statistics: RunStatistics, dailyCosts: [Double] = []) {
        self.scenario = scenario
        self.statistics = statistics
        self.dailyCosts = dailyCosts
        verdicts = TargetJudge.judge(scenario, statistics)
    }

    /// The mean of a day metric, NaN when not measured.
    public func mean(_ metric: Metric) -> Double { statistics.estimate(MetricKey(.day, metric))?.mean ?? .nan }

    /// The day's expected cost (yuan); NaN without `costs`.
    public var cost: Double { mean(.cost(nil)) }

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
    /// - Parameters:
    ///   - waits: waits, minutes, whose service levels are measured
    ///     (default: the scenario's; plans compared together share one list).
    ///   - keys: the only estimates to make (a percentile's whole duration
    ///     group); nil makes every one. Each target's judged keys must be
    ///     among them, as the verdicts are read from them.
    /// - Complexity: O(days × customers per day), spread over `jobs` threads;
    ///   memory O(metrics + days).
    public func evaluate(_ scenario: Scenario, days: Range<Int>, waits: [Double]? = nil,
                         measuring keys: Set<MetricKey>? = nil) throws -> PlanEvaluation {
        let costKey = MetricKey(.day, .cost(nil))
        var accumulator = RunAccumulator(plannedDays: days.count, measuring: keys)
        var costs: [Double] = []
        try ReplicationRunner.run(scenario, seed: seed, days: days, jobs: jobs, targets: waits ?? scenario.waitTargets,
                                  stop: stop) { day in
            accumulator.add(day.metrics)
            costs.append(day.metrics.term(costKey)?.numerator ?? 0)
        }
        return PlanEvaluation(scenario: scenario, statistics: accumulator.statistics(), dailyCosts: costs)
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
    /// - Throws: ``IncomparablePlans`` for plans of different outlets or grids.
    public func compare(_ scenarios: [Scenario], days: Range<Int>, waits: [Double],
                        into paired: inout PairedAccumulator) throws {
        let differences = Comparability.differences(scenarios)
        guard differences.isEmpty else { throw IncomparablePlans(differences: differences) }
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
