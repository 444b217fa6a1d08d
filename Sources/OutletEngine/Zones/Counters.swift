import EventKernel

/// The service counters as the engine keeps them: every window, grouped
/// by window group with the flexible ones after the regular ones, the
/// flexible windows opening or open, and each group's open and busy
/// windows over the day. Its rules are in the extension below.
struct Counters: ~Copyable {
    var windows: FixedArray<Window>
    /// Each group's regular and flexible windows, as ranges of `windows`.
    let regular: [Range<Int>]
    let flexible: [Range<Int>]
    /// Per group: a flexible window on its way (1) or not (0), and those open.
    var flexiblePending: FixedArray<Int>
    var flexibleOpen: FixedArray<Int>
    /// Per group: minutes flexible windows were open today (staff-minutes).
    var flexibleStaffMinutes: FixedArray<Double>
    /// Per group: windows taking customers (open, and not closing after
    /// their customer), kept as windows change (``set(_:state:closing:)``),
    /// so the ticket machine's announced wait need not count them.
    var taking: FixedArray<Int>
    /// Per group: windows open, and busy, over the day.
    var openGauge: FixedArray<Gauge>
    var busyGauge: FixedArray<Gauge>

    /// - Parameter groups: per window group, the most regular windows it opens and its flexible ones.
    init(groups: [(regular: Int, flexible: Int)], intervals: Int) {
        var windows: [Window] = [], regular: [Range<Int>] = [], flexible: [Range<Int>] = []
        for (group, counts) in groups.enumerated() {
            let start = windows.count
            windows += Array(repeating: Window(group: Int16(group), isFlexible: false), count: counts.regular)
            regular.append(start..<windows.count)
            let flexibleStart = windows.count
            windows += Array(repeating: Window(group: Int16(group), isFlexible: true), count: counts.flexible)
            flexible.append(flexibleStart..<windows.count)
        }
        self.windows = FixedArray(windows)
        self.regular = regular
        self.flexible = flexible
        flexiblePending = FixedArray(repeating: 0, count: groups.count)
        flexibleOpen = FixedArray(repeating: 0, count: groups.count)
        flexibleStaffMinutes = FixedArray(repeating: 0, count: groups.count)
        taking = FixedArray(repeating: 0, count: groups.count)
        openGauge = FixedArray(repeating: Gauge(intervals: intervals), count: groups.count)
        busyGauge = FixedArray(repeating: Gauge(intervals: intervals), count: groups.count)
    }

    /// Every window closed, for a new day starting at `opening` (minutes).
    /// - Complexity: O(windows + groups × intervals), no allocation.
    mutating func reset(at opening: Double, _ clock: IntervalClock) {
        for index in windows.indices { windows[index] = Window(group: windows[index].group, isFlexible: windows[index].isFlexible) }
        flexiblePending.setAll(to: 0)
        flexibleOpen.setAll(to: 0)
        flexibleStaffMinutes.setAll(to: 0)
        taking.setAll(to: 0)
        for index in openGauge.indices { openGauge[index].reset(at: opening, clock); busyGauge[index].reset(at: opening, clock) }
    }

    /// Closes the day at `end` (minutes): flexible windows still open count their minutes, and the gauges close.
    /// - Complexity: O(windows + groups × intervals crossed).
    mutating func advance(to end: Double, _ clock: IntervalClock) {
        for window in windows.indices where windows[window].state != .closed && windows[window].isFlexible {
            flexibleStaffMinutes[Int(windows[window].group)] += end - windows[window].openedAt
        }
        for index in openGauge.indices { openGauge[index].advance(to: end, clock); busyGauge[index].advance(to: end, clock) }
    }

    /// Changes `window`'s state, or whether it closes after its customer,
    /// or both, keeping its group's count of windows ``taking`` customers.
    /// Every change of either goes through here.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    mutating func set(_ window: Int, state: Window.State? = nil, closing: Bool? = nil) {
        let wasTaking = windows[window].takesCustomers
        if let state { windows[window].state = state }
        if let closing { windows[window].closeAfterService = closing }
        let nowTaking = windows[window].takesCustomers
        if wasTaking != nowTaking { taking[Int(windows[window].group)] += nowTaking ? 1 : -1 }
    }
}

/// The service counters (柜台 / 窗口): windows open and close with the
/// staffing plan; a window that closes finishes its current customer first.
extension OutletEngine {
    /// An idle window of `group`, if any.
    ///
    /// - Complexity: O(w) for the group's w windows.
    mutating func idleWindow(in group: Int) -> Int? {
        for window in counters.regular[group] where counters.windows[window].state == .idle { return window }
        for window in counters.flexible[group] where counters.windows[window].state == .idle { return window }
        return nil
    }

    /// Calls `slot` to `window`: the customer leaves the waiting zone and
    /// walks up, and the window is busy from now.
    ///
    /// - Complexity: O(g + log p): the walk's or the service's event, and the queues of the g groups that call from the line.
    mutating func call(_ slot: Int32, to window: Int) {
        let index = Int(slot)
        let line = Int(customers[index].line)
        waiting.lines.popFirst(from: line)
        leaveWaitingZone(slot)
        customers[index].call = calendar.now
        customers[index].window = Int32(window)
        customers[index].windowGroup = counters.windows[window].group
        counters.set(window, state: .busy)
        counters.windows[window].customer = slot
        counters.busyGauge[Int(counters.windows[window].group)].add(1, at: calendar.now, clock)
        let minutes = customers[index].walkToWindow
        guard floor.counts, minutes > 0 else {
            // Reaching the window changes only the customer's own stage
            // unless the floor counts who is where, so the service is booked
            // now, from when they will reach it: the same times, and one
            // event fewer per served customer.
            startService(slot, at: calendar.now + max(minutes, 0))
            return
        }
        setStage(index, .walkingToWindow)
        walk(slot, to: .window, minutes: minutes)
    }

    /// The called customer reaches (or will reach) the window at `start`,
    /// minutes: service starts then.
    ///
    /// - Complexity: O(log p) for p pending events.
    mutating func startService(_ slot: Int32, at start: Double) {
        let index = Int(slot)
        setStage(index, .inService)
        customers[index].serviceStart = start
        calendar.schedule(.serviceEnd, for: customers[index].window, at: start + customers[index].counterService)
    }

    /// Service ends: the customer leaves, and the window closes or calls the next.
    ///
    /// - Complexity: O(log p), plus the next call (``callNext(window:)``) and the group's flexible-window review.
    mutating func finishService(window: Int) {
        let slot = counters.windows[window].customer
        customers[Int(slot)].serviceEnd = calendar.now
        depart(slot, .servedAtCounter)
        let group = Int(counters.windows[window].group)
        counters.windows[window].customer = -1
        counters.busyGauge[group].add(-1, at: calendar.now, clock)
        if counters.windows[window].closeAfterService {
            closeWindow(window)
        } else {
            counters.set(window, state: .idle)
            callNext(window: window)
        }
        reviewFlexibleWindows(group: group)
    }

    /// A window opens and calls the next customer.
    ///
    /// - Complexity: O(1), plus the call.
    mutating func openWindow(_ window: Int) {
        counters.set(window, state: .idle, closing: false)
        counters.windows[window].openedAt = calendar.now
        counters.openGauge[Int(counters.windows[window].group)].add(1, at: calendar.now, clock)
        callNext(window: window)
    }

    /// A window closes; a flexible one adds its minutes to the staff-minutes.
    ///
    /// - Complexity: O(1).
    mutating func closeWindow(_ window: Int) {
        let group = Int(counters.windows[window].group)
        counters.set(window, state: .closed, closing: false)
        counters.openGauge[group].add(-1, at: calendar.now, clock)
        if counters.windows[window].isFlexible {
            counters.flexibleOpen[group] -= 1
            counters.flexibleStaffMinutes[group] += calendar.now - counters.windows[window].openedAt
        }
    }

    /// Brings the regular windows of `group` to `target` open: reopening
    /// windows about to close first, then opening closed ones; closing idle
    /// ones first, then letting busy ones close after their customer.
    ///
    /// - Complexity: O(w), plus the calls of the windows opened.
    mutating func staffWindows(group: Int, target: Int) {
        let range = counters.regular[group]
        var active = range.filter { counters.windows[$0].takesCustomers }.count
        for window in range where active < target && counters.windows[window].closeAfterService {
            counters.set(window, closing: false)
            active += 1
        }
        for window in range where active < target && counters.windows[window].state == .closed {
            active += 1
            openWindow(window)
        }
        for window in range.reversed() where active > target && counters.windows[window].state == .idle {
            closeWindow(window)
            active -= 1
        }
        for window in range.reversed() where active > target && counters.windows[window].state == .busy
            && !counters.windows[window].closeAfterService {
            counters.set(window, closing: true)
            active -= 1
        }
    }

    /// The staffing plan at this moment: windows per group, greeters, guides.
    ///
    /// - Complexity: O(windows), plus the calls, triage and assists that start.
    mutating func applyStaffing() {
        let now = calendar.now
        for (group, windowGroup) in scenario.windowGroups.enumerated() {
            staffWindows(group: group, target: windowGroup.open.value(at: now))
        }
        setGreeters(scenario.reception?.greeters.value(at: now) ?? 0)
        setGuides(scenario.selfService.guides.value(at: now))
    }
}

/// One service window.
struct Window {
    enum State: UInt8 { case closed, idle, busy }
    var group: Int16
    var isFlexible: Bool
    /// Changed only through ``Counters/set(_:state:closing:)``, which keeps the group's counts.
    fileprivate(set) var state = State.closed
    var customer: Int32 = -1
    /// Close once the current customer is served (staffing went down); changed as `state` is.
    fileprivate(set) var closeAfterService = false
    /// Minutes after midnight; for flexible staff-minutes.
    var openedAt = 0.0

    /// Open, and not closing after its customer.
    var takesCustomers: Bool { state != .closed && !closeAfterService }

    init(group: Int16, isFlexible: Bool) {
        self.group = group
        self.isFlexible = isFlexible
    }
}
