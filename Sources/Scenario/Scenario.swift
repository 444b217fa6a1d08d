/// One day of one outlet (网点), validated: every index is in range, every
/// share sums to 1, every distribution is valid, and every transaction type
/// with demand can be served somewhere. Built by the scenario reader or in
/// code; the engine trusts it.
public struct Scenario: Sendable {
    public var name: String
    /// Doors open, minutes after midnight.
    public var opening: Double
    /// Doors close, minutes after midnight; customers inside are still served.
    public var closing: Double
    /// Length of the intervals for rates, staffing and statistics, minutes.
    public var intervalMinutes: Double
    /// Minutes from opening during which the outlet runs but is not
    /// measured: customers arriving before `opening + warmUp`, and the
    /// intervals before it, are left out of every statistic (for
    /// steady-state questions). A whole number of intervals; 0 by default.
    public var warmUp: Double = 0
    /// Minutes after closing after which those still waiting are sent away unserved.
    public var maxOvertime: Double
    public var transactionTypes: [TransactionType]
    public var segments: [Segment]
    public var arrivals: ArrivalPlan
    public var reception: Reception?
    public var selfService: SelfServiceZone
    public var waitingZone: WaitingZone
    public var windowGroups: [WindowGroup]
    public var calling: CallingPolicy
    public var appointments: Appointments?
    public var walking: WalkingTimes
    /// The hall drawn to scale (`layout:`); with it, walking comes from distances and standing room from area.
    public var floorPlan: FloorPlan?
    /// Waits, minutes, whose service levels (share called within them) are
    /// reported, e.g. [5, 10, 15].
    public var waitTargets: [Double]
    /// Service targets checked by `outletsim check`.
    public var targets: [ServiceTarget]
    /// Located notes from reading the file ("FILE:LINE:COL: note: …"): names
    /// read under an old spelling, and the like. Not part of the plan.
    public var readingNotes: [String] = []
    /// What the day costs; `nil` when not declared.
    public var costs: Costs?
    /// What `outletsim optimize` may change; empty when not declared.
    public var search: SearchSpace
    /// The shifts window staff work, for the optimizer's covering; `nil` to plan per interval only.
    public var shifts: ShiftMenu?
    /// The shifts a plan's staff work, by role (see ``apply(_:)``); nil
    /// when every role is planned per interval and paid by the hour.
    public internal(set) var roster: Roster?

    public init(name: String, opening: Double, closing: Double, intervalMinutes: Double, maxOvertime: Double,
                transactionTypes: [TransactionType], segments: [Segment], arrivals: ArrivalPlan,
                reception: Reception?, selfService: SelfServiceZone, waitingZone: WaitingZone,
                windowGroups: [WindowGroup], calling: CallingPolicy, appointments: Appointments?,
                walking: WalkingTimes, waitTargets: [Double] = [5, 10, 15], targets: [ServiceTarget] = [],
                costs: Costs? = nil, search: SearchSpace = SearchSpace(), shifts: ShiftMenu? = nil) {
        self.name = name
        self.opening = opening
        self.closing = closing
        self.intervalMinutes = intervalMinutes
        self.maxOvertime = maxOvertime
        self.transactionTypes = transactionTypes
        self.segments = segments
        self.arrivals = arrivals
        self.reception = reception
        self.selfService = selfService
        self.waitingZone = waitingZone
        self.windowGroups = windowGroups
        self.calling = calling
        self.appointments = appointments
        self.walking = walking
        self.waitTargets = waitTargets
        self.targets = targets
        self.costs = costs
        self.search = search
        self.shifts = shifts
    }

    /// Number of intervals between opening and closing (the last may be short).
    public var intervalCount: Int {
        Int(((closing - opening) / intervalMinutes).rounded(.up))
    }

    /// The interval containing `time`, clamped to the day's intervals (overtime
    /// belongs to the last).
    public func interval(at time: Double) -> Int {
        min(max(Int(((time - opening) / intervalMinutes).rounded(.down)), 0), intervalCount - 1)
    }

    /// The first interval measured: the one starting when the warm-up ends.
    public var firstMeasuredInterval: Int {
        min(intervalCount, Int((warmUp / intervalMinutes).rounded(.down)))
    }

    /// When measurement starts, minutes after midnight.
    public var measuredFrom: Double { opening + warmUp }

    /// Start of interval `index`, minutes after midnight.
    public func intervalStart(_ index: Int) -> Double {
        opening + Double(index) * intervalMinutes
    }
}
