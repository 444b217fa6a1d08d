import Scenario

/// One price for a scenario: with a shift menu and costs, every staffed role
/// is paid in shifts, in `run`, `check`, `compare` and `optimize` alike.
/// A role the file does not roster is covered by the cheapest shifts that
/// put at least its staff on duty in every interval, and those shifts'
/// staff are the ones on duty (as for a roster written in the file).
public enum ShiftPricing {
    /// A role the shift menu cannot cover.
    public struct Uncoverable: Error, Sendable {
        public let role: Roster.Role
        public let error: ShiftCoveringError
    }

    /// A role covered here rather than by the file's roster.
    public struct CoveredRole: Sendable {
        public let role: Roster.Role
        /// Staff the scenario puts on duty per interval.
        public let stated: [Int]
        public let cover: ShiftCover
        /// Intervals (indices) where the shifts put more staff on duty than stated.
        public var extraIntervals: [Int] { stated.indices.filter { cover.onDuty[$0] > stated[$0] } }
    }

    /// Every role that has staff, with its staff on duty per interval:
    /// the window groups by index, then the greeters and the guides.
    ///
    /// - Complexity: O(roles × intervals).
    public static func staffedRoles(of scenario: Scenario) -> [(role: Roster.Role, staff: [Int])] {
        let starts = (0..<scenario.intervalCount).map(scenario.intervalStart)
        var roles: [(Roster.Role, [Int])] = scenario.windowGroups.enumerated().map { group, windows in
            (.windows(group: group), starts.map { windows.open.value(at: $0) })
        }
        if let reception = scenario.reception { roles.append((.greeters, starts.map { reception.greeters.value(at: $0) })) }
        roles.append((.guides, starts.map { scenario.selfService.guides.value(at: $0) }))
        return roles.filter { $0.1.contains { $0 > 0 } }
    }

    /// The cheapest shifts of `scenario`'s menu that cover `requirement` staff
    /// per interval in `role`; nil when nothing needs pricing (no menu, or
    /// shifts that cost nothing, where any cover would be arbitrary).
    ///
    /// - Complexity: one small integer program (milliseconds for a day).
    public static func cover(_ role: Roster.Role, requirement: [Int], in scenario: Scenario) throws(Uncoverable) -> ShiftCover? {
        guard let menu = scenario.shifts else { return nil }
        let patterns = ShiftPattern.all(of: menu, opening: scenario.opening, intervalMinutes: scenario.intervalMinutes,
                                        intervalCount: scenario.intervalCount, wagePerHour: scenario.wage(of: role))
        guard patterns.contains(where: { $0.cost > 0 }) else { return nil }
        do {
            return try ShiftCovering.cheapest(requirement: requirement, patterns: patterns)
        } catch let error as ShiftCoveringError {
            throw Uncoverable(role: role, error: error)
        } catch {
            throw Uncoverable(role: role, error: .solverFailed("\(error)"))
        }
    }

    /// What a roster's `shifts` for `role` make: their patterns, staff on
    /// duty per interval and cost; nil without a shift menu.
    ///
    /// - Complexity: O(shifts × intervals).
    public static func cover(of shifts: [Roster.Shift], role: Roster.Role, in scenario: Scenario) -> ShiftCover? {
        guard let menu = scenario.shifts else { return nil }
        let wage = scenario.wage(of: role)
        let assignments = shifts.map { shift in
            let kind = menu.kinds[shift.kind]
            let covers = kind.covers(start: shift.start, breakStart: shift.breakStart, opening: scenario.opening,
                                     intervalMinutes: scenario.intervalMinutes, intervalCount: scenario.intervalCount)
            return (pattern: ShiftPattern(kind: shift.kind, start: shift.start, breakStart: shift.breakStart, covers: covers,
                                          cost: kind.cost(wagePerHour: wage)), staff: shift.staff)
        }
        return ShiftCover(assignments: assignments, onDuty: scenario.onDuty(shifts, menu: menu),
                          cost: assignments.reduce(0) { $0 + Double($1.staff) * $1.pattern.cost })
    }

    /// The roster entries of `cover`.
    public static func shifts(of cover: ShiftCover) -> [Roster.Shift] {
        cover.assignments.map { Roster.Shift(kind: $0.pattern.kind, start: $0.pattern.start, breakStart: $0.pattern.breakStart, staff: $0.staff) }
    }

    /// `scenario` with every staffed role it does not roster covered by the
    /// cheapest shifts, and the roles so covered; `scenario` itself without
    /// a shift menu or costs. Roles the roster names keep their shifts, so
    /// pricing a priced scenario changes nothing.
    ///
    /// - Complexity: one small integer program per role not rostered.
    public static func priced(_ scenario: Scenario) throws(Uncoverable) -> (scenario: Scenario, covered: [CoveredRole]) {
        guard scenario.shifts != nil, scenario.costs != nil else { return (scenario, []) }
        var roster = scenario.roster ?? Roster()
        var covered: [CoveredRole] = []
        for (role, staff) in staffedRoles(of: scenario) where roster.shifts[role] == nil {
            guard let cover = try cover(role, requirement: staff, in: scenario) else { continue }
            roster.shifts[role] = shifts(of: cover)
            covered.append(CoveredRole(role: role, stated: staff, cover: cover))
        }
        guard !covered.isEmpty else { return (scenario, []) }
        var priced = scenario
        priced.apply(roster)
        return (priced, covered)
    }
}

extension Scenario {
    /// A role as planners name it: "window group 'counters'", "greeters", "guides".
    public func name(of role: Roster.Role) -> String {
        switch role {
        case .windows(let group): "window group '\(windowGroups[group].name)'"
        case .greeters: "greeters"
        case .guides: "guides"
        }
    }
}
