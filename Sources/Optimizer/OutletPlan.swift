import Scenario

/// The values of the decisions a search space names: open windows per
/// searched window group and interval, and the layout (kiosks, seats,
/// greeters, guides, flexible thresholds). Decisions the search does not
/// name stay as the scenario has them.
public struct OutletPlan: Hashable, Sendable {
    /// Open windows per interval, by window group index: the searched groups (every group for a current plan).
    public var windows: [Int: [Int]]
    public var layout: Layout
    /// The shifts that staff the plan, when the scenario has a shift menu:
    /// the windows, greeters and guides above are then those on duty.
    public var roster: Roster?

    /// The layout decisions; `nil` where the search leaves the scenario's value.
    public struct Layout: Hashable, Sendable {
        /// Kiosks, by kiosk type index; only searched types.
        public var kiosks: [Int: Int]
        public var seats: Int?
        /// Greeters on duty per interval.
        public var greeters: [Int]?
        /// Guides on duty per interval.
        public var guides: [Int]?
        /// The waiting count that opens a flexible window, by window group index.
        public var flexibleThresholds: [Int: Int]
        /// Counters turned into kiosks (``SearchSpace/CounterSwap``); nil when not searched.
        public var swappedCounters: Int?

        public init(kiosks: [Int: Int] = [:], seats: Int? = nil, greeters: [Int]? = nil, guides: [Int]? = nil,
                    flexibleThresholds: [Int: Int] = [:]) {
            self.kiosks = kiosks
            self.seats = seats
            self.greeters = greeters
            self.guides = guides
            self.flexibleThresholds = flexibleThresholds
        }
    }

    public init(windows: [Int: [Int]], layout: Layout) {
        self.windows = windows
        self.layout = layout
    }

    /// The scenario's own values, moved into the search bounds.
    public init(scenario: Scenario) {
        let space = scenario.search
        var windows: [Int: [Int]] = [:]
        for (group, range) in space.windows {
            windows[group] = (0..<scenario.intervalCount).map {
                range.clamp(scenario.windowGroups[group].open.value(at: scenario.intervalStart($0)))
            }
        }
        var layout = Layout()
        for (type, range) in space.kiosks { layout.kiosks[type] = range.clamp(scenario.selfService.kioskTypes[type].count) }
        layout.seats = space.seats?.clamp(scenario.waitingZone.seats)
        let starts = (0..<scenario.intervalCount).map(scenario.intervalStart)
        layout.greeters = space.greeters.map { range in starts.map { range.clamp(scenario.reception?.greeters.value(at: $0) ?? 0) } }
        layout.guides = space.guides.map { range in starts.map { range.clamp(scenario.selfService.guides.value(at: $0)) } }
        for (group, range) in space.flexibleThresholds {
            layout.flexibleThresholds[group] = range.clamp(scenario.windowGroups[group].flexible?.openWhenWaiting ?? range.min)
        }
        layout.swappedCounters = space.counterSwap?.counters.clamp(0)
        self.init(windows: windows, layout: layout)
        self = fitted(to: scenario)
    }

    /// Every decision at its upper bound: the most service the search allows.
    public static func upperBounds(of scenario: Scenario) -> OutletPlan {
        let space = scenario.search
        var plan = OutletPlan(scenario: scenario)
        for (group, range) in space.windows { plan.windows[group] = Array(repeating: range.top, count: scenario.intervalCount) }
        for (type, range) in space.kiosks { plan.layout.kiosks[type] = range.top }
        plan.layout.seats = space.seats?.top
        plan.layout.greeters = space.greeters.map { Array(repeating: $0.top, count: scenario.intervalCount) }
        plan.layout.guides = space.guides.map { Array(repeating: $0.top, count: scenario.intervalCount) }
        // A flexible window helps most when it opens at the smallest queue.
        for (group, range) in space.flexibleThresholds { plan.layout.flexibleThresholds[group] = range.min }
        plan.layout.swappedCounters = space.counterSwap?.counters.min
        return plan.fitted(to: scenario)
    }

    /// The most windows `group` may open in an interval: its search bound, less the counters turned into kiosks.
    public func windowTop(_ group: Int, in scenario: Scenario) -> Int {
        let top = scenario.search.windows[group]?.top ?? 0
        guard let swap = scenario.search.counterSwap, swap.windowGroup == group else { return top }
        return Swift.max(0, top - (layout.swappedCounters ?? 0))
    }

    /// The plan with the swapped group's windows within what its remaining counters allow.
    public func fitted(to scenario: Scenario) -> OutletPlan {
        guard let swap = scenario.search.counterSwap, let counts = windows[swap.windowGroup] else { return self }
        var plan = self
        let top = windowTop(swap.windowGroup, in: scenario)
        plan.windows[swap.windowGroup] = counts.map { Swift.min($0, top) }
        return plan
    }

    /// The scenario with this plan's decisions in it, its roster included.
    /// Window counts change at interval starts; the last interval's count
    /// holds into overtime.
    public func applied(to scenario: Scenario) -> Scenario {
        var planned = scenario
        func perInterval(_ counts: [Int]) -> StepSchedule<Int> {
            StepSchedule(steps: counts.enumerated().map { (scenario.intervalStart($0.offset), $0.element) })
        }
        for (group, counts) in windows { planned.windowGroups[group].open = perInterval(counts) }
        for (type, count) in layout.kiosks { planned.selfService.kioskTypes[type].count = count }
        if let swap = scenario.search.counterSwap, let swapped = layout.swappedCounters {
            planned.selfService.kioskTypes[swap.kioskType].count += swapped * swap.kiosksPerCounter
        }
        if let seats = layout.seats {
            planned.waitingZone.seats = seats
            // On a floor plan, seats and standing share the waiting zone's floor: fewer seats, more standing room.
            if let floorPlan = planned.floorPlan { planned.waitingZone.standing = floorPlan.standingPlaces(besides: seats) }
        }
        if let greeters = layout.greeters, planned.reception != nil { planned.reception?.greeters = perInterval(greeters) }
        if let guides = layout.guides { planned.selfService.guides = perInterval(guides) }
        if let roster { planned.apply(roster) }
        for (group, threshold) in layout.flexibleThresholds {
            planned.windowGroups[group].flexible?.openWhenWaiting = threshold
            if let close = planned.windowGroups[group].flexible?.closeWhenWaitingBelow, close > threshold {
                planned.windowGroups[group].flexible?.closeWhenWaitingBelow = threshold
            }
        }
        return planned
    }

    /// Whether the plan sets `role`'s staff (else the scenario's stay).
    public func decides(_ role: Roster.Role) -> Bool {
        switch role {
        case .windows(let group): windows[group] != nil
        case .greeters: layout.greeters != nil
        case .guides: layout.guides != nil
        }
    }

    /// Window-hours planned in the searched groups.
    public func windowHours(intervalMinutes: Double) -> Double {
        Double(windows.values.reduce(0) { $0 + $1.reduce(0, +) }) * intervalMinutes / 60
    }
}
