import Foundation
import Testing
import Measurement
@testable import OutletEngine
import Replications
import Scenario

/// A rostered role is paid its shifts, plus the hours after closing of those
/// still on duty and any flexible windows, at its wage; others by the hour.
@Suite("Cost of a roster")
struct RosterCostTests {
    static let menu = ShiftMenu(kinds: [
        ShiftMenu.Kind(name: "morning", starts: [540], length: 120, breakRule: ShiftMenu.BreakRule(length: 30, earliestStart: 30, latestStart: 60)),
        ShiftMenu.Kind(name: "short", starts: [540, 570, 600], length: 60, cost: 70),
    ])

    static func scenario(rostered: Bool) throws -> Scenario {
        var scenario = try DayObserverTests.scenario()
        scenario.costs = Costs(windowWage: 100, overtimePremium: 0.5)
        scenario.shifts = menu
        if rostered {
            // Two on the morning shift with the break at 09:30, one short shift from 10:00: 2, 0, 3, 3 on duty.
            scenario.apply(Roster(shifts: [.windows(group: 0): [
                Roster.Shift(kind: 0, start: 540, breakStart: 570, staff: 2),
                Roster.Shift(kind: 1, start: 600, breakStart: nil, staff: 1),
            ]]))
        }
        return scenario
    }

    static func cost(_ scenario: Scenario, overtime: Double, flexible: Double, open: [Double]) -> (windows: Double, premium: Double) {
        var totals = DayObserverTests.totals(scenario)
        totals.overtime = overtime
        totals.lastExit = scenario.closing + overtime
        totals.flexibleStaffMinutes = [flexible]
        totals.windowOpenMinutes = [open]
        var observer = DayObserver(scenario: scenario, targets: scenario.waitTargets)
        let metrics = observer.metrics(totals: totals, scenario: scenario)
        return (metrics.value(MetricKey(.day, .cost(.windows))), metrics.value(MetricKey(.day, .cost(.overtimePremium))))
    }

    @Test("the roster gives the staff on duty, breaks included, and its price")
    func onDutyAndPrice() throws {
        let scenario = try Self.scenario(rostered: true)
        #expect((0..<4).map { scenario.windowGroups[0].open.value(at: scenario.intervalStart($0)) } == [2, 0, 3, 3])
        // Morning: 1.5 paid hours at 100 a head, twice; short: its own price of 70.
        #expect(abs((scenario.rosterCost(of: .windows(group: 0)) ?? .nan) - (2 * 150 + 70)) < 1e-9)
        #expect(scenario.rosterCost(of: .greeters) == nil)
    }

    @Test("a rostered group costs its shifts plus overtime and flexible hours; the same group unrostered costs its open hours")
    func rosteredAgainstHourly() throws {
        let rostered = try Self.scenario(rostered: true)
        // 12 minutes of overtime with 3 on duty at closing, and 6 flexible minutes.
        let paid = Self.cost(rostered, overtime: 12, flexible: 6, open: [60, 0, 90, 126])
        #expect(abs(paid.windows - (370 + (12 * 3 + 6) / 60 * 100)) < 1e-9)
        #expect(abs(paid.premium - 0.5 * 0.2 * 3 * 100) < 1e-9)
        // Hours nobody works are not paid by the hour: open minutes alone set the hourly cost.
        let hourly = Self.cost(try Self.scenario(rostered: false), overtime: 12, flexible: 6, open: [30, 30, 30, 42])
        #expect(abs(hourly.windows - 132.0 / 60 * 100) < 1e-9)
    }
}
