import Testing
import Scenario
@testable import OutletEngine

@Suite("Service counters")
struct CountersTests {
    @Test("each group's count of windows taking customers agrees with its windows after every day, through staffing changes, closings after service and flexible windows")
    func takingCountsAgree() throws {
        var scenario = try Fixtures.branch()
        scenario.arrivals.peaks = [Peak(name: "lunch", from: 690, until: 810, factor: 1.8)]
        // Staffing goes down while windows are busy (they close after their customer) and back up (some are kept).
        scenario.windowGroups[0].open = StepSchedule(steps: [(540, 3), (600, 1), (640, 4), (700, 2), (760, 4), (900, 1)])
        scenario.windowGroups[0].flexible = FlexibleWindowRule(maxWindows: 2, openWhenWaiting: 6, openWhenOldestWait: nil,
                                                               activationDelay: 4, closeWhenWaitingBelow: 2)
        scenario.windowGroups[1].open = StepSchedule(steps: [(540, 1), (800, 0), (850, 1)])
        var engine = try OutletEngine(scenario: scenario, seed: 5)
        var flexibleMinutes = 0.0
        for day in 0..<40 {
            let totals = engine.run(day: day)
            flexibleMinutes += totals.flexibleStaffMinutes[0]
            var recounted = Array(repeating: 0, count: scenario.windowGroups.count)
            for window in engine.counters.windows.indices where engine.counters.windows[window].takesCustomers {
                recounted[Int(engine.counters.windows[window].group)] += 1
            }
            #expect(engine.counters.taking.values == recounted, "day \(day)")
        }
        // The days did open flexible windows, so their updates were exercised.
        #expect(flexibleMinutes > 0)
    }
}
