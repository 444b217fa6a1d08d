import Foundation
import Testing
import Measurement
import Replications
import ScenarioFile

@Suite("Run accumulator")
struct RunAccumulatorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("pooled durations give exactly the estimates the sections give, percentiles and their days included",
          arguments: [7, 45])
    func pooledMatchesSections(days: Int) throws {
        let scenario = try ScenarioLoader.load(path: Self.root.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path)
        let results = try ReplicationRunner.results(scenario, seed: 11, days: 0..<days, jobs: 2, targets: scenario.waitTargets)
        var pooled = RunAccumulator(plannedDays: days)
        var sectioned = RunAccumulator(plannedDays: days, keepingSections: true)
        for result in results {
            pooled.add(result.metrics)
            sectioned.add(result.metrics)
        }
        let (a, b) = (pooled.statistics(), sectioned.statistics())
        let percentiles = a.estimates.filter { if case .percentile = $0.key.metric.estimator { true } else { false } }
        #expect(percentiles.count > 100)
        // Bit for bit, so that NaN bounds (no interval) compare equal.
        func bits(_ estimates: [MetricEstimate]) -> [String] {
            estimates.map { "\($0.key) \($0.mean.bitPattern) \($0.low.bitPattern) \($0.high.bitPattern) \($0.days)" }
        }
        #expect(bits(a.estimates) == bits(b.estimates))
    }

    @Test("folding only the judged keys gives every target the same verdict from bit-identical estimates")
    func judgedKeysSuffice() throws {
        let scenario = try ScenarioLoader.load(path: Self.root.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path)
        let results = try ReplicationRunner.results(scenario, seed: 5, days: 0..<30, jobs: 2, targets: scenario.waitTargets)
        var all = RunAccumulator(plannedDays: 30)
        var judged = RunAccumulator(plannedDays: 30, measuring: TargetJudge.judgedKeys(scenario))
        for result in results {
            all.add(result.metrics)
            judged.add(result.metrics)
        }
        let (full, some) = (all.statistics(), judged.statistics())
        #expect(some.estimates.count < full.estimates.count / 10)
        func summary(_ statistics: RunStatistics) -> [String] {
            TargetJudge.judge(scenario, statistics).map { result in
                let estimate = result.estimate.map { "\($0.key) \($0.mean.bitPattern) \($0.low.bitPattern) \($0.high.bitPattern) \($0.days)" }
                return "\(result.target.name) \(result.verdict) \(result.interval ?? -1) \(estimate ?? "none")"
            }
        }
        #expect(summary(some) == summary(full))
        #expect(summary(full).count == scenario.targets.count)
    }
}
