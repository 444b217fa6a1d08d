/// The service counters (柜台 / 窗口): windows open and close with the
/// staffing plan; a window that closes finishes its current customer first.
extension OutletEngine {
    /// An idle window of `group`, if any.
    mutating func idleWindow(in group: Int) -> Int? {
        for window in groupWindows[group] where windows[window].state == .idle { return window }
        for window in groupFlexibleWindows[group] where windows[window].state == .idle { return window }
        return nil
    }

    /// Calls `slot` to `window`: the customer leaves the waiting zone and
    /// walks up, and the window is busy from now.
    mutating func call(_ slot: Int32, to window: Int) {
        let index = Int(slot)
        let line = Int(customers[index].line)
        waiting.lines[line].popFirst()
        leaveWaitingZone(slot)
        customers[index].call = calendar.now
        customers[index].window = Int32(window)
        customers[index].windowGroup = windows[window].group
        windows[window].state = .busy
        windows[window].customer = slot
        windowsBusyGauge[Int(windows[window].group)].add(1, at: calendar.now, clock)
        setStage(index, .walkingToWindow)
        walk(slot, to: .window, minutes: customers[index].walkToWindow)
    }

    mutating func startService(_ slot: Int32) {
        let index = Int(slot)
        setStage(index, .inService)
        customers[index].serviceStart = calendar.now
        calendar.schedule(.serviceEnd, for: customers[index].window, after: customers[index].counterService)
    }

    mutating func finishService(window: Int) {
        let slot = windows[window].customer
        customers[Int(slot)].serviceEnd = calendar.now
        depart(slot, .servedAtCounter)
        let group = Int(windows[window].group)
        windows[window].customer = -1
        windowsBusyGauge[group].add(-1, at: calendar.now, clock)
        if windows[window].closeAfterService {
            closeWindow(window)
        } else {
            windows[window].state = .idle
            callNext(window: window)
        }
        reviewFlexibleWindows(group: group)
    }

    mutating func openWindow(_ window: Int) {
        windows[window].state = .idle
        windows[window].openedAt = calendar.now
        windows[window].closeAfterService = false
        windowsOpenGauge[Int(windows[window].group)].add(1, at: calendar.now, clock)
        callNext(window: window)
    }

    mutating func closeWindow(_ window: Int) {
        let group = Int(windows[window].group)
        windows[window].state = .closed
        windows[window].closeAfterService = false
        windowsOpenGauge[group].add(-1, at: calendar.now, clock)
        if windows[window].isFlexible {
            flexibleOpen[group] -= 1
            flexibleStaffMinutes[group] += calendar.now - windows[window].openedAt
        }
    }

    /// Brings the regular windows of `group` to `target` open: reopening
    /// windows about to close first, then opening closed ones; closing idle
    /// ones first, then letting busy ones close after their customer.
    mutating func staffWindows(group: Int, target: Int) {
        let range = groupWindows[group]
        var active = range.filter { windows[$0].state != .closed && !windows[$0].closeAfterService }.count
        for window in range where active < target && windows[window].closeAfterService {
            windows[window].closeAfterService = false
            active += 1
        }
        for window in range where active < target && windows[window].state == .closed {
            active += 1
            openWindow(window)
        }
        for window in range.reversed() where active > target && windows[window].state == .idle {
            closeWindow(window)
            active -= 1
        }
        for window in range.reversed() where active > target && windows[window].state == .busy
            && !windows[window].closeAfterService {
            windows[window].closeAfterService = true
            active -= 1
        }
    }

    /// The staffing plan at this moment: windows per group, greeters, guides.
    mutating func applyStaffing() {
        let now = calendar.now
        for (group, windowGroup) in scenario.windowGroups.enumerated() {
            staffWindows(group: group, target: windowGroup.open.value(at: now))
        }
        setGreeters(scenario.reception?.greeters.value(at: now) ?? 0)
        setGuides(scenario.selfService.guides.value(at: now))
    }
}
