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

    @Test("days folded by slot, from two observers' layouts in turn, give the estimates of days folded key by key")
    func slotsMatchKeys() {
        let keys = (0..<40).map { MetricKey(.interval, entity: $0 / 4, [Metric.arrivals, .waitMean, .waitMax, .kioskShare][$0 % 4]) }
        var generator = SystemRandomNumberGenerator()
        var layouts = [MetricLayout(), MetricLayout()]
        var bySlot = RunAccumulator(plannedDays: 100), byKey = RunAccumulator(plannedDays: 100)
        // More days than layouts kept: the fresh ones are forgotten on the way.
        for day in 0..<100 {
            // Each day puts a different subset, in an order of its own.
            let chosen = keys.filter { _ in Double.random(in: 0..<1, using: &generator) < 0.8 }.shuffled(using: &generator)
            var kept = DayMetrics(layout: layouts[day % 2]), fresh = DayMetrics()
            for key in chosen {
                let (numerator, denominator) = (Double.random(in: 0..<50, using: &generator), Double.random(in: 1..<9, using: &generator))
                kept.put(key, numerator, over: denominator)
                fresh.put(key, numerator, over: denominator)
            }
            layouts[day % 2] = kept.layout
            bySlot.add(kept)
            byKey.add(fresh)
        }
        func bits(_ estimates: [MetricEstimate]) -> [String] {
            estimates.map { "\($0.key) \($0.mean.bitPattern) \($0.low.bitPattern) \($0.high.bitPattern) \($0.days)" }
        }
        let estimates = bySlot.statistics().estimates
        #expect(estimates.count == keys.count)
        #expect(bits(estimates) == bits(byKey.statistics().estimates))
    }
}
