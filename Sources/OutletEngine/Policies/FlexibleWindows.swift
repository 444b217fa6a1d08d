/// Flexible windows (弹性窗口): when the queue for a group passes a threshold
/// (number waiting or longest wait), a temporary window opens after an
/// activation delay, one at a time up to a maximum; when the queue drains
/// below a lower threshold, temporary windows close after their customer.
extension OutletEngine {
    /// Customers waiting in the lines `group` serves or helps with.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    mutating func waiting(for group: Int) -> Int {
        waiting.perGroup[group]
    }

    /// The longest current wait among those `group` serves, minutes.
    ///
    /// - Complexity: O(l) for the l lines the group serves or helps with, plus stale tickets dropped.
    mutating func oldestWait(for group: Int) -> Double {
        // The two lists one after the other: an array of them was an allocation for every review.
        var oldest = 0.0
        for position in routing.primary.range(group) {
            oldest = max(oldest, waitOfHead(line: routing.primary.items[position]))
        }
        for position in routing.help.range(group) {
            oldest = max(oldest, waitOfHead(line: routing.help.items[position]))
        }
        return oldest
    }

    /// How long the first live customer of `line` has waited, minutes; 0 for an empty line.
    ///
    /// - Complexity: O(1) amortised (stale tickets dropped).
    @inline(__always)
    mutating func waitOfHead(line: Int) -> Double {
        guard waiting.perLine[line] > 0, let slot = liveHead(of: line) else { return 0 }
        return calendar.now - customers[Int(slot)].ticket
    }

    /// Opens a flexible window after its delay when the group's queue passes a threshold; closes them when it drains.
    ///
    /// - Complexity: O(flexible windows + log p), plus ``oldestWait(for:)`` with a longest-wait threshold.
    mutating func reviewFlexibleWindows(group: Int) {
        guard let rule = scenario.windowGroups[group].flexible else { return }
        let waitingNow = waiting(for: group)
        if waitingNow < rule.closeWhenWaitingBelow {
            for window in counters.flexible[group] {
                if counters.windows[window].state == .idle { closeWindow(window) }
                else if counters.windows[window].state == .busy { counters.set(window, closing: true) }
            }
            return
        }
        guard !doors.pastOvertimeLimit, counters.flexiblePending[group] == 0, counters.flexibleOpen[group] < rule.maxWindows else { return }
        var triggered = false
        if let threshold = rule.openWhenWaiting, waitingNow >= threshold { triggered = true }
        if !triggered, let threshold = rule.openWhenOldestWait, oldestWait(for: group) >= threshold { triggered = true }
        if triggered {
            counters.flexiblePending[group] = 1
            calendar.schedule(.flexibleWindowOpens, for: Int32(group), after: rule.activationDelay)
        }
    }

    /// The activation delay is over: a closing flexible window is kept, or a closed one opens.
    ///
    /// - Complexity: O(flexible windows), plus the call and the review.
    mutating func openFlexibleWindow(group: Int) {
        counters.flexiblePending[group] = 0
        // A temporary window still finishing a customer is simply kept open.
        if let closing = counters.flexible[group].first(where: { counters.windows[$0].state == .busy && counters.windows[$0].closeAfterService }) {
            counters.set(closing, closing: false)
        } else if let window = counters.flexible[group].first(where: { counters.windows[$0].state == .closed }) {
            counters.flexibleOpen[group] += 1
            openWindow(window)
        }
        reviewFlexibleWindows(group: group)
    }

    /// The queue system's one-minute look at the longest waits.
    ///
    /// - Complexity: O(groups × review) + O(log p).
    mutating func checkOldestWaits() {
        for group in scenario.windowGroups.indices where scenario.windowGroups[group].flexible?.openWhenOldestWait != nil {
            reviewFlexibleWindows(group: group)
        }
        if doors.open || doors.inside > 0 { calendar.schedule(.oldestWaitCheck, for: -1, after: 1) }
    }
}
