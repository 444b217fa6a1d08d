import EventKernel

/// The waiting zone (等候区): the ticket machine issues a ticket into the
/// line for the customer's transaction type, segment and appointment
/// priority; customers sit while seats last, then stand; when both are full
/// an arrival is blocked.
extension OutletEngine {
    mutating func takeTicket(_ slot: Int32) {
        let index = Int(slot)
        if pastOvertimeLimit {
            depart(slot, .unserved)
            return
        }
        // Fields, not the whole customer: a copy of the struct is a memmove on the hot path.
        let line = LineLayout.index(type: Int(customers[index].transaction), segment: Int(customers[index].segment),
                                    appointment: customers[index].appointmentPriority, segments: segmentCount)
        if balks(index, line: line) {
            depart(slot, .balked)
            return
        }
        guard waitingCount < scenario.waitingZone.capacity else {
            depart(slot, .blocked)
            return
        }
        let now = calendar.now
        customers[index].ticket = now
        customers[index].line = Int32(line)
        customers[index].seated = waitingCount < scenario.waitingZone.seats
        setStage(index, .waiting)
        lines[line].append(Ticket(slot: slot, number: customers[index].number))
        changeWaiting(line: line, by: 1)
        let patience = customers[index].patience
        if patience.isFinite {
            customers[index].pendingPatience = calendar.schedule(.patienceExpiry, for: slot, after: patience)
        }
        for position in lineGroups.range(line) {
            if let window = idleWindow(in: lineGroups.items[position]) {
                callNext(window: window)
                break
            }
        }
        for position in lineGroups.range(line) { reviewFlexibleWindows(group: lineGroups.items[position]) }
    }

    /// The customer stops waiting (called, gave up or sent away); the
    /// ticket stays in its line and is skipped as stale.
    mutating func leaveWaitingZone(_ slot: Int32) {
        let index = Int(slot)
        customers[index].pendingPatience = UInt64.max
        changeWaiting(line: Int(customers[index].line), by: -1)
    }

    /// Counts a customer joining (+1) or leaving (−1) `line`, per line, per
    /// window group that calls from it (with its queue's time integral), and
    /// in the zone's occupancy.
    mutating func changeWaiting(line: Int, by delta: Int) {
        waitingPerLine[line] += delta
        let now = calendar.now
        for position in lineGroups.range(line) {
            let group = lineGroups.items[position]
            waitingPerGroup[group] += delta
            queueGauge[group].set(Double(waitingPerGroup[group]), at: now, clock)
        }
        waitingCount += delta
        occupancy.set(Double(waitingCount), at: now, clock)
        standing.set(Double(max(0, waitingCount - scenario.waitingZone.seats)), at: now, clock)
    }

    /// The first live ticket of `line`, dropping stale ones at its head.
    mutating func liveHead(of line: Int) -> Int32? {
        while let ticket = lines[line].first {
            if isLive(ticket) { return ticket.slot }
            lines[line].popFirst()
        }
        return nil
    }

    /// Whether the ticket's customer still holds it and is waiting.
    @inline(__always)
    mutating func isLive(_ ticket: Ticket) -> Bool {
        let index = Int(ticket.slot)
        return customers[index].stage == .waiting && customers[index].number == ticket.number
    }
}
