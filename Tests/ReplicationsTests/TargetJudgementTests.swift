import Testing
import Measurement
import Scenario
@testable import Replications

@Suite("Target verdicts")
struct TargetJudgementTests {
    func estimate(_ mean: Double, _ low: Double, _ high: Double) -> MetricEstimate {
        MetricEstimate(key: MetricKey(.day, .waitPercentile(90)), mean: mean, low: low, high: high, days: 30)
    }

    @Test("pass when the whole interval is on the right side, fail when wholly on the wrong side, else inconclusive")
    func verdicts() {
        #expect(TargetJudge.verdictOf(estimate(12, 11, 13), .atMost(15)).0 == .pass)
        #expect(TargetJudge.verdictOf(estimate(17, 16, 18), .atMost(15)).0 == .fail)
        #expect(TargetJudge.verdictOf(estimate(15, 14, 16), .atMost(15)).0 == .inconclusive)
        #expect(TargetJudge.verdictOf(estimate(0.85, 0.82, 0.88), .atLeast(0.8)).0 == .pass)
        #expect(TargetJudge.verdictOf(estimate(0.7, 0.65, 0.75), .atLeast(0.8)).0 == .fail)
        #expect(TargetJudge.verdictOf(estimate(0.8, 0.7, 0.9), .between(0.6, 0.95)).0 == .pass)
        #expect(TargetJudge.verdictOf(estimate(0.97, 0.96, 0.98), .between(0.6, 0.95)).0 == .fail)
        #expect(TargetJudge.verdictOf(estimate(0.95, 0.94, 0.96), .between(0.6, 0.95)).0 == .inconclusive)
        #expect(TargetJudge.verdictOf(estimate(1, .nan, .nan), .atMost(15)).0 == .inconclusive)
    }

    @Test("the suggested replications shrink the half facing the bound to the distance from it, with the critical value of that many days")
    func suggestion() {
        let run = RunStatistics(estimates: [], days: 30, level: 0.95)
        // A percentile's interval keeps 20 sections, so its critical value stays: half-width 2 at a distance of 1 is 30 · 4 = 120 days.
        #expect(TargetJudge.needed(estimate(14, 12, 16), .atMost(15), 1, run) == 120)
        #expect(TargetJudge.needed(estimate(15, 14, 16), .atMost(15), 0, run) == Int.max)
        // Only the half facing the bound counts: 1 above, 3 below, bound above at distance 1: 30 days suffice and one more is asked.
        #expect(TargetJudge.needed(estimate(14, 11, 15), .atMost(15), 1, run) == 31)
        // A ratio's degrees of freedom grow with the days, so it needs fewer than n·(h/d)²: t(29) = 2.045 now, about 1.98 then.
        let mean = MetricEstimate(key: MetricKey(.day, .waitMean), mean: 14, low: 12, high: 16, days: 30)
        let days = TargetJudge.needed(mean, .atMost(15), 1, run)
        #expect(days < 120 && days > 105, "\(days)")
    }
}
