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
        let customer = customers[index]
        let line = LineLayout.index(type: Int(customer.transaction), segment: Int(customer.segment),
                                    appointment: customer.appointmentPriority, segments: segmentCount)
        if balks(customer, line: line) {
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
        customers[index].stage = .waiting
        lines[line].append(Ticket(slot: slot, number: customer.number))
        waitingPerLine[line] += 1
        setWaitingCount(waitingCount + 1)
        if customer.patience.isFinite {
            customers[index].pendingPatience = calendar.schedule(.patienceExpiry, for: slot, after: customer.patience)
        }
        for group in lineGroups[line] {
            if let window = idleWindow(in: group) {
                callNext(window: window)
                break
            }
        }
        for group in lineGroups[line] { reviewFlexibleWindows(group: group) }
    }

    /// The customer stops waiting (called, gave up or sent away); the
    /// ticket stays in its line and is skipped as stale.
    mutating func leaveWaitingZone(_ slot: Int32) {
        let index = Int(slot)
        customers[index].pendingPatience = UInt64.max
        waitingPerLine[Int(customers[index].line)] -= 1
        setWaitingCount(waitingCount - 1)
    }

    mutating func setWaitingCount(_ count: Int) {
        waitingCount = count
        let now = calendar.now
        occupancy.set(Double(count), at: now, clock)
        standing.set(Double(max(0, count - scenario.waitingZone.seats)), at: now, clock)
    }

    /// The first live ticket of `line`, dropping stale ones at its head.
    mutating func liveHead(of line: Int) -> Int32? {
        while let ticket = lines[line].first {
            let customer = customers[Int(ticket.slot)]
            if customer.stage == .waiting && customer.number == ticket.number { return ticket.slot }
            lines[line].popFirst()
        }
        return nil
    }
}
