import Foundation
import Scenario
import ScenarioFile
import Testing

@Suite("Targets judged per period")
struct TargetPeriodTests {
    /// The small branch (30-minute intervals) with `targets` in place of its own.
    static func scenario(targets: String) throws -> Scenario {
        let base = try String(contentsOf: fixtures.appendingPathComponent("small-branch.yaml"), encoding: .utf8)
        let body = base.components(separatedBy: "\ntargets:")[0]
        return try ScenarioLoader.read(body + "\ntargets:\n" + targets, file: "periods.yaml", directory: fixtures.path)
    }

    @Test("per hour and per 90 min are periods of 2 and 3 intervals, per interval is 1, per day none")
    func reads() throws {
        let scenario = try Self.scenario(targets: """
              - { metric: share_served_within, minutes: 10, at_least: 0.7, per: hour }
              - { metric: wait_p90, at_most: 20, per: 90 min }
              - { metric: share_abandoned, at_most: 0.1, per: interval }
              - { metric: wait_mean, at_most: 8 }
            """)
        #expect(scenario.targets.map(\.perInterval) == [true, true, true, false])
        #expect(scenario.targets.map(\.intervalsPerPeriod) == [2, 3, 1, 1])
        #expect(scenario.targets.map(\.isPerPeriod) == [true, true, false, false])
        #expect(scenario.targets[0].name == "share served within 10 min >= 0.7 in every hour")
        #expect(scenario.targets[1].name == "wait p90 <= 20 in every 90 min")
        // 09:00-12:00 in six intervals: the hour from 11:00 is intervals 4 and 5; 90 minutes from 10:30, 3 to 5.
        #expect(scenario.targets[0].periodIntervals(from: 4, intervalCount: scenario.intervalCount) == 4...5)
        #expect(scenario.targets[1].periodIntervals(from: 3, intervalCount: scenario.intervalCount) == 3...5)
    }
}
