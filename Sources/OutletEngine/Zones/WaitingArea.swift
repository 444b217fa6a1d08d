import EventKernel

/// The waiting zone as the engine keeps it: one ticket line per
/// (transaction type, segment, appointment priority), who waits in each
/// line and for each window group, and the zone's occupancy, standing and
/// per-group queues over the day. Its rules are in the extension below.
struct WaitingRoom: ~Copyable {
    /// Tickets in issue order, per line (``LineLayout``); stale tickets are skipped.
    var lines: TicketLines
    /// Customers waiting in each line.
    var perLine: FixedArray<Int>
    /// The lines with someone waiting (`perLine` above 0), as one set.
    var occupiedLines: LineSets
    /// Customers waiting in the lines each window group calls from.
    var perGroup: FixedArray<Int>
    /// Customers in the zone, seated or standing.
    var count = 0
    /// Customers in the zone, and those standing, over the day.
    var occupancy: Gauge
    var standing: Gauge
    /// Customers waiting whom each window group can call, over the day.
    var groupQueue: FixedArray<Gauge>

    init(lines: Int, groups: Int, intervals: Int) {
        self.lines = TicketLines(lineCount: lines, capacity: 16)
        perLine = FixedArray(repeating: 0, count: lines)
        occupiedLines = LineSets(rows: 1, lines: lines)
        perGroup = FixedArray(repeating: 0, count: groups)
        occupancy = Gauge(intervals: intervals)
        standing = Gauge(intervals: intervals)
        groupQueue = FixedArray(repeating: Gauge(intervals: intervals), count: groups)
    }

    /// Empties the zone for a new day starting at `opening` (minutes).
    /// - Complexity: O(lines + groups × intervals), no allocation.
    mutating func reset(at opening: Double, _ clock: IntervalClock) {
        lines.removeAll()
        perLine.setAll(to: 0)
        occupiedLines.removeAll()
        perGroup.setAll(to: 0)
        count = 0
        occupancy.reset(at: opening, clock)
        standing.reset(at: opening, clock)
        for index in groupQueue.indices { groupQueue[index].reset(at: opening, clock) }
    }

    /// Closes the day's gauges at `end` (minutes).
    /// - Complexity: O(groups × intervals crossed).
    mutating func advance(to end: Double, _ clock: IntervalClock) {
        occupancy.advance(to: end, clock)
        standing.advance(to: end, clock)
        for index in groupQueue.indices { groupQueue[index].advance(to: end, clock) }
    }
}

/// The waiting zone (等候区): the ticket machine issues a ticket into the
/// line for the customer's transaction type, segment and appointment
/// priority; customers sit while seats last, then stand; when both are full
/// an arrival is blocked.
extension OutletEngine {
    /// The customer takes a ticket: balks, is blocked when the zone is full, or waits in their line, and a free window is asked
    /// to call.
    ///
    /// - Complexity: O(g × w + log p), plus the call and the flexible-window reviews.
    mutating func takeTicket(_ slot: Int32) {
        let index = Int(slot)
        if doors.pastOvertimeLimit {
            depart(slot, .unserved)
            return
        }
        // Fields, not the whole customer: a copy of the struct is a memmove on the hot path.
        let line = LineLayout.index(type: Int(customers[index].transaction), segment: Int(customers[index].segment),
                                    appointment: customers[index].appointmentPriority, segments: segments.count)
        if balks(index, line: line) {
            depart(slot, .balked)
            return
        }
        guard waiting.count < scenario.waitingZone.capacity else {
            depart(slot, .blocked)
            return
        }
        let now = calendar.now
        customers[index].ticket = now
        customers[index].line = Int32(line)
        customers[index].seated = waiting.count < scenario.waitingZone.seats
        setStage(index, .waiting)
        waiting.lines.append(Ticket(slot: slot, number: customers[index].number), to: line)
        changeWaiting(line: line, by: 1)
        let patience = customers[index].patience
        if patience.isFinite {
            customers[index].pendingPatience = calendar.scheduleDeadline(.patienceExpiry, for: slot, after: patience)
        }
        for position in routing.groups.range(line) {
            if let window = idleWindow(in: routing.groups.items[position]) {
                callNext(window: window)
                break
            }
        }
        for position in routing.groups.range(line) { reviewFlexibleWindows(group: routing.groups.items[position]) }
    }

    /// The customer stops waiting (called, gave up or sent away); the
    /// ticket stays in its line and is skipped as stale, and the patience
    /// expiry is withdrawn.
    ///
    /// - Complexity: O(g + log d) for the g groups that call from the line
    ///   and d pending deadlines.
    mutating func leaveWaitingZone(_ slot: Int32) {
        let index = Int(slot)
        if customers[index].pendingPatience != UInt64.max { calendar.withdrawDeadline(of: slot) }
        customers[index].pendingPatience = UInt64.max
        changeWaiting(line: Int(customers[index].line), by: -1)
    }

    /// Counts a customer joining (+1) or leaving (−1) `line`, per line, per
    /// window group that calls from it (with its queue's time integral), and
    /// in the zone's occupancy.
    ///
    /// - Complexity: O(g), plus the intervals crossed since the gauges' last change.
    mutating func changeWaiting(line: Int, by delta: Int) {
        waiting.perLine[line] += delta
        if waiting.perLine[line] > 0 { waiting.occupiedLines.insert(line) } else { waiting.occupiedLines.remove(line) }
        let now = calendar.now
        for position in routing.groups.range(line) {
            let group = routing.groups.items[position]
            waiting.perGroup[group] += delta
            waiting.groupQueue[group].set(Double(waiting.perGroup[group]), at: now, clock)
        }
        waiting.count += delta
        waiting.occupancy.set(Double(waiting.count), at: now, clock)
        waiting.standing.set(Double(max(0, waiting.count - scenario.waitingZone.seats)), at: now, clock)
    }

    /// The first live ticket of `line`, dropping stale ones at its head.
    ///
    /// - Complexity: O(1) amortised: each stale ticket is dropped once.
    mutating func liveHead(of line: Int) -> Int32? {
        while let ticket = waiting.lines.first(of: line) {
            if isLive(ticket) { return ticket.slot }
            waiting.lines.popFirst(from: line)
        }
        return nil
    }

    /// Whether the ticket's customer still holds it and is waiting.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    mutating func isLive(_ ticket: Ticket) -> Bool {
        let index = Int(ticket.slot)
        return customers[index].stage == .waiting && customers[index].number == ticket.number
    }
}
