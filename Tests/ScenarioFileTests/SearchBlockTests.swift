import Foundation
import Scenario
import ScenarioFile
import Testing

@Suite("The optimizer's search block and shift menu")
struct SearchBlockTests {
    @Test("search bounds and shifts are read by name, in minutes, with defaults")
    func reads() throws {
        let scenario = try ScenarioLoader.load(path: fixtures.appendingPathComponent("search/small-branch-search.yaml").path)
        let space = scenario.search
        #expect(space.windows[0] == SearchSpace.Range(min: 1, max: 5) && space.windows[1] == SearchSpace.Range(min: 0, max: 2))
        #expect(space.kiosks == [0: SearchSpace.Range(min: 0, max: 3)])
        #expect(space.seats?.values == [4, 8, 12, 16])
        #expect(space.guides == SearchSpace.Range(min: 0, max: 1) && space.greeters == nil && space.flexibleThresholds.isEmpty)
        let shifts = try #require(scenario.shifts)
        #expect(shifts.kinds.map(\.name) == ["full", "part"])
        #expect(shifts.kinds[0].length == 180 && shifts.kinds[0].cost == nil)
        #expect(shifts.kinds[0].breakRule == ShiftMenu.BreakRule(length: 30, earliestStart: 60, latestStart: 120))
        #expect(shifts.kinds[1].starts == [540, 570, 600, 630, 660] && shifts.kinds[1].cost == 90)
    }

    @Test("a range clamps to its stepped values")
    func clamp() {
        let seats = SearchSpace.Range(min: 4, max: 18, step: 4)
        #expect(seats.values == [4, 8, 12, 16])
        #expect([0, 5, 6, 10, 15, 17, 40].map(seats.clamp) == [4, 4, 8, 12, 16, 16, 16])
    }

    @Test("a scenario without a search block has an empty search space")
    func none() throws {
        let scenario = try ScenarioLoader.load(path: fixtures.appendingPathComponent("small-branch.yaml").path)
        #expect(scenario.search.isEmpty && scenario.shifts == nil)
    }
}
