/// Who works which shift: for each staff role, shifts from the scenario's
/// shift menu (`shifts:`) with a start, a break and a number of staff.
///
/// A roster is what an outlet pays for: a rostered role costs its shifts,
/// whether or not its staff are busy, and its staff on duty per interval
/// are those the shifts cover. The optimizer writes one into plan.yaml, so
/// that `run`, `compare` and `check` price a plan exactly as it did.
public struct Roster: Sendable, Hashable {
    /// A role staff are rostered for.
    public enum Role: Hashable, Sendable, Comparable {
        /// The windows of a group (its index in `Scenario.windowGroups`).
        case windows(group: Int)
        case greeters
        case guides
    }

    /// Staff working one shift pattern.
    public struct Shift: Sendable, Hashable {
        /// Index into `ShiftMenu.kinds`.
        public var kind: Int
        /// Minutes after midnight.
        public var start: Double
        /// Minutes after midnight; nil for a kind without a break.
        public var breakStart: Double?
        /// People working it.
        public var staff: Int

        public init(kind: Int, start: Double, breakStart: Double?, staff: Int) {
            self.kind = kind
            self.start = start
            self.breakStart = breakStart
            self.staff = staff
        }
    }

    /// The shifts of each rostered role; roles not listed are planned per
    /// interval and paid by the hour.
    public var shifts: [Role: [Shift]]

    public init(shifts: [Role: [Shift]] = [:]) {
        self.shifts = shifts
    }

    /// The rostered roles, windows by group first.
    public var roles: [Role] { shifts.keys.sorted() }

    /// Staff on duty per interval that `shifts` give on a day of
    /// `intervalCount` intervals of `intervalMinutes` from `opening`, as a
    /// schedule whose last count holds into overtime.
    ///
    /// - Complexity: O(shifts × intervals).
    public static func onDuty(_ shifts: [Shift], menu: ShiftMenu, opening: Double, intervalMinutes: Double,
                              intervalCount: Int) -> StepSchedule<Int> {
        var counts = Array(repeating: 0, count: intervalCount)
        for shift in shifts {
            let kind = menu.kinds[shift.kind]
            for interval in kind.covers(start: shift.start, breakStart: shift.breakStart, opening: opening,
                                        intervalMinutes: intervalMinutes, intervalCount: intervalCount) {
                counts[interval] += shift.staff
            }
        }
        return StepSchedule(steps: counts.enumerated().map { (opening + Double($0.offset) * intervalMinutes, $0.element) })
    }
}

extension Scenario {
    /// Staff on duty per interval that `shifts` give.
    ///
    /// - Complexity: O(shifts × intervals).
    public func onDuty(_ shifts: [Roster.Shift], menu: ShiftMenu) -> [Int] {
        let schedule = Roster.onDuty(shifts, menu: menu, opening: opening, intervalMinutes: intervalMinutes, intervalCount: intervalCount)
        return (0..<intervalCount).map { schedule.value(at: intervalStart($0)) }
    }

    /// The wage per hour of `role` (yuan), 0 without costs.
    public func wage(of role: Roster.Role) -> Double {
        guard let costs else { return 0 }
        switch role {
        case .windows: return costs.windowWage
        case .greeters: return costs.greeterWage
        case .guides: return costs.guideWage
        }
    }

    /// What `role`'s shifts in the roster cost a day (yuan); nil when the
    /// role is not rostered.
    public func rosterCost(of role: Roster.Role) -> Double? {
        guard let shifts = roster?.shifts[role], let menu = self.shifts else { return nil }
        let wage = wage(of: role)
        return shifts.reduce(0) { $0 + Double($1.staff) * menu.kinds[$1.kind].cost(wagePerHour: wage) }
    }

    /// Sets the roster and the staff on duty it gives: a rostered window
    /// group's `open`, the greeters' and the guides' schedules. The last
    /// interval's count holds into overtime.
    public mutating func apply(_ roster: Roster) {
        self.roster = roster
        guard let menu = shifts else { return }
        for (role, list) in roster.shifts {
            let counts = Roster.onDuty(list, menu: menu, opening: opening, intervalMinutes: intervalMinutes, intervalCount: intervalCount)
            switch role {
            case .windows(let group): windowGroups[group].open = counts
            case .greeters: reception?.greeters = counts
            case .guides: selfService.guides = counts
            }
        }
    }
}
