/// What one simulated day produced besides its customer records: counts and
/// time integrals per statistics interval (index 0 starts at opening; time
/// after closing belongs to the last interval).
public struct DayTotals: Sendable, Equatable {
    /// The simulated day (replication).
    public var day: Int
    /// Customers admitted, by arrival interval.
    public var arrivals: [Int]
    /// Customers by outcome, indexed by `Outcome.rawValue`.
    public var outcomes: [Int]
    /// Customers in the waiting zone × minutes, per interval.
    public var waitingOccupancyArea: [Double]
    /// Most customers in the waiting zone, per interval.
    public var waitingOccupancyMaximum: [Double]
    /// Customers waiting for a window at the end of each interval (the last: at closing).
    public var waitingAtEnd: [Double]
    /// Customers inside the outlet × minutes, per interval.
    public var insideArea: [Double]
    /// Customers inside the outlet at the end of each interval (the last: at closing).
    public var insideAtEnd: [Double]
    /// Customers standing × minutes, per interval.
    public var standingArea: [Double]
    /// Minutes with at least one customer standing, per interval.
    public var standingMinutes: [Double]
    /// Window-minutes open, per window group and interval (flexible windows included).
    public var windowOpenMinutes: [[Double]]
    /// Window-minutes busy (customer walking up or in service), per group and interval.
    public var windowBusyMinutes: [[Double]]
    /// Customers waiting for a group's windows × minutes, per window group
    /// and interval; a customer several groups can call counts for each.
    public var queueArea: [[Double]]
    /// Staff-minutes of flexible windows, per group.
    public var flexibleStaffMinutes: [Double]
    /// Kiosk-minutes in use, per kiosk type and interval.
    public var kioskBusyMinutes: [[Double]]
    /// Kiosk-minutes broken, per kiosk type and interval.
    public var kioskDownMinutes: [[Double]]
    /// Breakdowns, per kiosk type.
    public var kioskFailures: [Int]
    /// Greeter-minutes on duty and busy triaging, per interval.
    public var greeterOnDutyMinutes: [Double]
    public var greeterBusyMinutes: [Double]
    /// Guide-minutes on the floor, per interval.
    public var guideMinutes: [Double]
    /// Guide-minutes spent helping a customer, per interval (empty unless guides help one customer at a time).
    public var guideBusyMinutes: [Double] = []
    /// Customer-minutes in each zone of ``OutletEngine/floorZones`` per interval, and the most there at once
    /// (empty without a floor plan).
    public var zonePresenceArea: [[Double]] = []
    public var zonePresenceMaximum: [[Double]] = []
    /// When the last customer left, minutes after midnight (closing time if nobody stayed).
    public var lastExit: Double
    /// Minutes from closing until the last customer left.
    public var overtime: Double

    /// Count of customers with `outcome`.
    public func count(of outcome: Outcome) -> Int { outcomes[outcome.rawValue] }
    /// All admitted customers.
    public var totalArrivals: Int { arrivals.reduce(0, +) }
}
