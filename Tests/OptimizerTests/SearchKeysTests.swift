import Foundation
@testable import Optimizer
import Scenario
import ScenarioFile
import Testing

/// The search folds only the estimates it reads (``Optimization/keysRead``)
/// and simulates a rostered plan once (``Optimization/searched``). If it
/// read an estimate it does not fold, that estimate would be missing, and
/// if a remembered evaluation differed from a fresh one, the search would
/// go elsewhere; so the same search folding every estimate of every plan
/// it simulates afresh must evaluate the same plans, in the same order, to
/// the same bits.
@Suite("The search reads only what it folds and simulates each plan once")
struct SearchKeysTests {
    static let weekday = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scenarios/bank-branch-weekday.yaml").standardizedFileURL

    /// Runs the search twice, folding its keys and remembering plans, and
    /// folding everything and simulating every plan, and compares every step.
    static func expectSameSearch(_ scenario: Scenario, _ settings: OptimizerSettings) throws {
        var lean = Optimization(scenario: scenario, settings: settings)
        var full = Optimization(scenario: scenario, settings: settings)
        full.foldsEveryMetric = true
        let leanResult = try lean.run()
        let fullResult = try full.run()
        #expect(lean.trace.count == full.trace.count)
        #expect(lean.daysSimulated <= full.daysSimulated)
        #expect(lean.trace.count >= 5, "a search of \(lean.trace.count) plans proves little")
        for (a, b) in zip(lean.trace, full.trace) {
            #expect(a.phase == b.phase && a.plan == b.plan, "evaluation \(a.evaluation): \(a.phase) \(a.plan) against \(b.phase) \(b.plan)")
            #expect(a.cost.bitPattern == b.cost.bitPattern && a.serviceLevel.bitPattern == b.serviceLevel.bitPattern,
                    "evaluation \(a.evaluation): cost \(a.cost) against \(b.cost), level \(a.serviceLevel) against \(b.serviceLevel)")
            #expect(a.targetsMet == b.targetsMet && a.feasible == b.feasible, "evaluation \(a.evaluation)")
        }
        #expect(leanResult.required == fullResult.required)
        #expect(leanResult.planned == fullResult.planned)
        #expect(leanResult.validation?.statistics.estimates == fullResult.validation?.statistics.estimates)
        // Plans that miss targets were searched: the keys that place staff were read.
        #expect(lean.trace.contains { !$0.feasible })
    }

    @Test("the weekday branch (targets by day, by interval, per segment, standing, overtime, utilisation): the same search")
    func weekday() throws {
        let scenario = try ScenarioLoader.load(path: Self.weekday.path)
        try Self.expectSameSearch(scenario, OptimizerSettings(seed: 5, jobs: 2, searchDays: 16, validationDays: 16, maxEvaluations: 14))
    }

    @Test("greeters and guides searched for their own targets: the same search")
    func staffTargets() throws {
        let scenario = try ScenarioLoader.read(StaffTargetsTests.text, file: "lobby.yaml", directory: "/")
        try Self.expectSameSearch(scenario, OptimizerSettings(seed: 11, jobs: 2, searchDays: 40, validationDays: 40))
    }
}
