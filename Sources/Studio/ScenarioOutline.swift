import OutputKit
import Scenario

/// What the page needs to draw the editors of a scenario: its intervals,
/// its window groups with the windows open in each interval, greeters and
/// guides per interval, kiosks by type, seats and standing room, and its
/// targets. Counts are as the scenario is run (a shift menu's covering
/// included), so an unchanged draft is the scenario itself.
public enum ScenarioOutline {
    /// - Complexity: O(groups × intervals).
    public static func json(_ scenario: Scenario, file: String) -> JSONValue {
        let starts = (0..<scenario.intervalCount).map(scenario.intervalStart)
        func perInterval(_ schedule: StepSchedule<Int>) -> JSONValue { .array(starts.map { .integer(schedule.value(at: $0)) }) }
        return .object([
            ("file", .string(file)),
            ("name", .string(scenario.name)),
            ("intervals", .array(starts.map { .string(ClockTime(minutes: $0).description) })),
            ("first_measured_interval", .integer(scenario.firstMeasuredInterval)),
            ("windows", .array(scenario.windowGroups.map { group in
                .object([("name", .string(group.name)), ("open", perInterval(group.open))])
            })),
            ("greeters", scenario.reception.map { perInterval($0.greeters) } ?? .null),
            ("guides", perInterval(scenario.selfService.guides)),
            ("kiosks", .array(scenario.selfService.kioskTypes.map { .object([("name", .string($0.name)), ("count", .integer($0.count))]) })),
            ("seats", .integer(scenario.waitingZone.seats)),
            ("standing", .integer(scenario.waitingZone.standing)),
            ("targets", .array(scenario.targets.map { target in
                let kind = switch target.bound { case .atLeast: "at_least"; case .atMost: "at_most"; case .between: "between" }
                let limits = target.bound.limits
                return .object([("name", .string(target.name)), ("bound", .string(target.boundText)), ("per_interval", .bool(target.perInterval)),
                                ("bound_kind", .string(kind)), ("bounds", .array([limits.low, limits.high].compactMap { $0 }.map { .number($0) }))])
            })),
            ("layout", scenario.floorPlan.map { plan in
                .object([("area", .number(plan.hallArea)),
                         ("zones", .array(plan.zones.map { zone in
                             .object([("name", .string(zone.kind.name)), ("area", .number(zone.area)),
                                      ("at", zone.position.map { .array([.number($0.x), .number($0.y)]) } ?? .null)])
                         })),
                         ("doors", .array(plan.doors.map { .array([.string($0.from.name), .string($0.to.name)]) }))])
            } ?? .null),
            ("has_costs", .bool(scenario.costs != nil)),
            ("has_floor_plan", .bool(scenario.floorPlan != nil)),
        ])
    }
}
