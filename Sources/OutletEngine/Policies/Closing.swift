/// The doors as the engine keeps them: open until closing, then shut to
/// newcomers; past the overtime limit, those still waiting are sent away.
/// Who came in today (ticket numbers follow it), who is inside, over the
/// day, and when the last customer left.
struct Doors {
    var open = true
    var pastOvertimeLimit = false
    /// Customers admitted today, and inside now.
    var admitted = 0
    var inside = 0
    /// When the last customer left, minutes after midnight (closing at the least).
    var lastExit = 0.0
    /// Customers inside the outlet, from admission to leaving, over the day.
    var insideGauge: Gauge

    init(intervals: Int) {
        insideGauge = Gauge(intervals: intervals)
    }

    /// Opens for a new day starting at `opening`, closing at `closing` (minutes).
    /// - Complexity: O(intervals), no allocation.
    mutating func reset(at opening: Double, closing: Double, _ clock: IntervalClock) {
        open = true
        pastOvertimeLimit = false
        admitted = 0
        inside = 0
        lastExit = closing
        insideGauge.reset(at: opening, clock)
    }

    /// Closes the day's gauge at `end` (minutes).
    /// - Complexity: O(intervals crossed).
    mutating func advance(to end: Double, _ clock: IntervalClock) {
        insideGauge.advance(to: end, clock)
    }
}

/// Closing time: the doors close and nobody else is admitted, but customers
/// inside are still served (the overtime is recorded). At the overtime
/// limit, those still waiting anywhere are sent away unserved; customers
/// already in triage, at a kiosk or at a window finish. The day then ends
/// when the last customer leaves, so an overloaded outlet always ends.
extension OutletEngine {
    /// Also takes the last interval's end-of-interval counts.
    ///
    /// - Complexity: O(intervals crossed since the gauges' last change).
    mutating func closeDoors() {
        doors.open = false
        waiting.occupancy.markEnd(at: calendar.now, clock)
        doors.insideGauge.markEnd(at: calendar.now, clock)
    }

    /// The overtime limit: everyone still waiting for a window, a greeter, a guide or a kiosk leaves unserved.
    ///
    /// - Complexity: O(waiting customers + stale tickets).
    mutating func reachOvertimeLimit() {
        doors.pastOvertimeLimit = true
        for line in waiting.lines.indices {
            while let slot = liveHead(of: line) {
                waiting.lines.popFirst(from: line)
                leaveWaitingZone(slot)
                depart(slot, .unserved)
            }
        }
        while let ticket = reception.queue.popFirst() { depart(ticket.slot, .unserved) }
        while let ticket = guides.queue.popFirst() {
            if isWaitingForGuide(ticket) { depart(ticket.slot, .unserved) }
        }
        for kioskType in selfService.queues.indices {
            while let ticket = selfService.queues.popFirst(from: kioskType) {
                selfService.queued[kioskType] -= 1
                depart(ticket.slot, .unserved)
            }
        }
    }
}
