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
        let windows: [JSONValue] = scenario.windowGroups.map { group in
            .object([("name", .string(group.name)), ("open", perInterval(group.open))])
        }
        let kiosks: [JSONValue] = scenario.selfService.kioskTypes.map { .object([("name", .string($0.name)), ("count", .integer($0.count))]) }
        return .object([
            ("file", .string(file)),
            ("name", .string(scenario.name)),
            ("intervals", .array(starts.map { .string(ClockTime(minutes: $0).description) })),
            ("first_measured_interval", .integer(scenario.firstMeasuredInterval)),
            ("windows", .array(windows)),
            ("greeters", scenario.reception.map { perInterval($0.greeters) } ?? .null),
            ("guides", perInterval(scenario.selfService.guides)),
            ("kiosks", .array(kiosks)),
            ("seats", .integer(scenario.waitingZone.seats)),
            ("standing", .integer(scenario.waitingZone.standing)),
            ("targets", .array(scenario.targets.map(targetJSON))),
            ("layout", scenario.floorPlan.map(layoutJSON) ?? .null),
            ("shift_menu", scenario.shifts.map(menuJSON) ?? .null),
            // The shifts each role works as run: with a menu and no roster, the cheapest that cover it.
            ("roster", rosterJSON(scenario) ?? .null),
            ("has_costs", .bool(scenario.costs != nil)),
            ("has_floor_plan", .bool(scenario.floorPlan != nil)),
        ])
    }

    /// A target's name, bound as text, and bound values in the file's units.
    static func targetJSON(_ target: ServiceTarget) -> JSONValue {
        let kind = switch target.bound { case .atLeast: "at_least"; case .atMost: "at_most"; case .between: "between" }
        let limits = target.bound.limits
        let bounds: [JSONValue] = [limits.low, limits.high].compactMap { $0 }.map { .number($0) }
        return .object([("name", .string(target.name)), ("bound", .string(target.boundText)), ("per_interval", .bool(target.perInterval)),
                        ("bound_kind", .string(kind)), ("bounds", .array(bounds))])
    }

    /// The hall's area, each zone's area (m²) and centre (metres), and the doors.
    static func layoutJSON(_ plan: FloorPlan) -> JSONValue {
        let zones: [JSONValue] = plan.zones.map { zone in
            let at: JSONValue = zone.position.map { .array([.number($0.x), .number($0.y)]) } ?? .null
            return .object([("name", .string(zone.kind.name)), ("area", .number(zone.area)), ("at", at)])
        }
        let doors: [JSONValue] = plan.doors.map { .array([.string($0.from.name), .string($0.to.name)]) }
        return .object([("area", .number(plan.hallArea)), ("zones", .array(zones)), ("doors", .array(doors))])
    }

    /// Each shift of the menu: its name, starts ("HH:MM"), hours, and its break's minutes and window.
    static func menuJSON(_ menu: ShiftMenu) -> JSONValue {
        .array(menu.kinds.map { kind in
            let breakRule: JSONValue = kind.breakRule.map { rule in
                .object([("minutes", .number(rule.length)), ("earliest_after_minutes", .number(rule.earliestStart)),
                         ("latest_after_minutes", .number(rule.latestStart))])
            } ?? .null
            return .object([("name", .string(kind.name)), ("starts", .array(kind.starts.map { .string(ClockTime(minutes: $0).description) })),
                            ("hours", .number(kind.length / 60)), ("break", breakRule)])
        })
    }

    /// The roster as a draft's `roster` reads it, nil without one.
    /// - Complexity: O(shifts).
    public static func rosterJSON(_ scenario: Scenario) -> JSONValue? {
        guard let roster = scenario.roster else { return nil }
        let kinds = scenario.shifts?.kinds ?? []
        func lines(_ role: Roster.Role) -> JSONValue {
            .array((roster.shifts[role] ?? []).map { shift in
                .object([("shift", .string(kinds.indices.contains(shift.kind) ? kinds[shift.kind].name : "")),
                         ("start", .string(ClockTime(minutes: shift.start).description)),
                         ("break", shift.breakStart.map { .string(ClockTime(minutes: $0).description) } ?? .null),
                         ("staff", .integer(shift.staff))])
            })
        }
        var members: [(String, JSONValue)] = [("windows", .object(scenario.windowGroups.indices.compactMap { group in
            roster.shifts[.windows(group: group)] == nil ? nil : (scenario.windowGroups[group].name, lines(.windows(group: group)))
        }))]
        if roster.shifts[.greeters] != nil { members.append(("greeters", lines(.greeters))) }
        if roster.shifts[.guides] != nil { members.append(("guides", lines(.guides))) }
        return .object(members)
    }
}
