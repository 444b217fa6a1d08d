import Evaluation
import Foundation
import Optimizer
import Scenario
import ScenarioFile
import Testing

/// Kiosks 0-4 × VIP windows 0-2 × general windows 2-7 over one interval
/// (so windows are all-day counts): 90 plans, each simulated on the same
/// days as the optimizer's search (common random numbers) and judged by
/// the same standard. The optimizer must find the brute-force optimum, or
/// a plan that ties with it: as cheap on those days within the selection's
/// indifference zone (plans with the same window-hours and kiosks differ
/// only by overtime noise).
@Suite("Optimizer against brute force")
struct LayoutBruteForceTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/layout-brute-force.yaml")

    @Test("the optimizer finds the brute-force optimum, or a tie within the indifference zone, for at least 19 of 20 seeds")
    func bruteForce() throws {
        let scenario = try ScenarioLoader.load(path: Self.fixture.path)
        var found = 0
        var report: [String] = []
        for seed in UInt64(1)...20 {
            let settings = OptimizerSettings(seed: seed, jobs: 2, searchDays: 30, validationDays: 30)
            let evaluator = PlanEvaluator(seed: seed, jobs: 2)
            var best: (plan: OutletPlan, cost: Double)?
            for kiosks in 0...4 {
                for vip in 0...2 {
                    for general in 2...7 {
                        let plan = OutletPlan(windows: [0: [general], 1: [vip]], layout: OutletPlan.Layout(kiosks: [0: kiosks]))
                        let evaluation = try evaluator.evaluate(plan.applied(to: scenario), days: 0..<settings.searchDays)
                        guard TargetStanding.misses(evaluation, margin: settings.margin).isEmpty else { continue }
                        if evaluation.cost < best?.cost ?? .infinity { best = (plan, evaluation.cost) }
                    }
                }
            }
            let optimum = try #require(best, "seed \(seed): no feasible plan in the grid")
            var optimization = Optimization(scenario: scenario, settings: settings)
            let result = try optimization.run()
            let chosen = try #require(result.required)
            let again = try evaluator.evaluate(chosen.applied(to: scenario), days: 0..<settings.searchDays)
            let tie = TargetStanding.misses(again, margin: settings.margin).isEmpty
                && again.cost <= optimum.cost * (1 + settings.indifference)
            if chosen == optimum.plan || tie { found += 1 }
            report.append("seed \(seed): optimum \(describe(optimum.plan)) \(Int(optimum.cost)), optimizer \(describe(chosen)) "
                          + "\(Int(again.cost)) after \(optimization.trace.count) evaluations")
        }
        print(report.joined(separator: "\n"))
        #expect(found >= 19, "found the optimum for \(found) of 20 seeds")
    }

    func describe(_ plan: OutletPlan) -> String {
        "general \(plan.windows[0]?[0] ?? -1), VIP \(plan.windows[1]?[0] ?? -1), kiosks \(plan.layout.kiosks[0] ?? -1)"
    }
}
