import Evaluation
import Foundation
import OutletEngine
import OutputKit
import Replications
import Results
import Scenario

/// Simulates a plan for the studio through the evaluation API, on the
/// same days and seed as `run --replications DAYS --seed SEED`, so its
/// answer is the one `run` gives.
public struct StudioEvaluator: Sendable {
    public let seed: UInt64
    public let days: Int
    public let jobs: Int

    /// Days simulated for an edit: enough for narrow intervals, few enough
    /// to answer the weekday branch well within a second and a half on 2 cores.
    public static let defaultDays = 200

    public init(seed: UInt64 = 1, days: Int = defaultDays, jobs: Int) {
        self.seed = seed
        self.days = days
        self.jobs = max(1, jobs)
    }

    /// The plan's answer; `scenarioText` is hashed into it as `run` hashes its file.
    /// - Throws: ``SimulationStopped`` when `stop` is requested first (a newer edit superseded it).
    /// - Complexity: O(days × customers per day) over `jobs` threads.
    public func answer(_ scenario: Scenario, scenarioText: String, stop: StopRequest) throws -> PlanAnswer {
        let started = Date()
        var accumulator = RunAccumulator(plannedDays: days)
        try PlanEvaluator(seed: seed, jobs: jobs, stop: stop).accumulate(scenario, days: 0..<days, into: &accumulator)
        if stop.isRequested { throw SimulationStopped(signal: stop.signal) }
        let statistics = accumulator.statistics()
        let targets = scenario.waitTargets
        let document = ResultsDocument(scenario: scenario, statistics: statistics,
                                       erlang: ErlangEstimates.compute(scenario, statistics, targets: targets),
                                       seed: seed, targets: targets, scenarioSHA256: SHA256.hex(Array(scenarioText.utf8)))
        return PlanAnswer(document: document, seconds: Date().timeIntervalSince(started))
    }

    /// Plans compared on the same days and streams, every plan judged on
    /// every target any of them declares, as `outletsim compare
    /// --replications DAYS --seed SEED` compares them.
    /// - Throws: ``SimulationStopped`` when `stop` is requested first;
    ///   ``IncomparablePlans`` for plans of different outlets.
    /// - Complexity: O(plans × days × customers per day).
    public func compare(_ scenarios: [Scenario], stop: StopRequest) throws -> Comparison {
        let waits = Array(Set(scenarios.flatMap(\.waitTargets))).sorted()
        let targets = TargetUnion(scenarios)
        var paired = PairedAccumulator(plans: scenarios.count, plannedDays: days)
        try PlanEvaluator(seed: seed, jobs: jobs, stop: stop).compare(targets.scenarios, days: 0..<days, waits: waits, into: &paired)
        if stop.isRequested { throw SimulationStopped(signal: stop.signal) }
        return Comparison(targets: targets, paired: paired, seed: seed)
    }
}
