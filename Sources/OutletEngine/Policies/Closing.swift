/// Closing time: the doors close and nobody else is admitted, but customers
/// inside are still served (the overtime is recorded). At the overtime
/// limit, those still waiting anywhere are sent away unserved; customers
/// already in triage, at a kiosk or at a window finish. The day then ends
/// when the last customer leaves, so an overloaded outlet always ends.
extension OutletEngine {
    /// Also takes the last interval's end-of-interval counts.
    mutating func closeDoors() {
        doorsOpen = false
        waiting.occupancy.markEnd(at: calendar.now, clock)
        insideGauge.markEnd(at: calendar.now, clock)
    }

    mutating func reachOvertimeLimit() {
        pastOvertimeLimit = true
        for line in waiting.lines.indices {
            while let slot = liveHead(of: line) {
                waiting.lines[line].popFirst()
                leaveWaitingZone(slot)
                depart(slot, .unserved)
            }
        }
        while let ticket = reception.queue.popFirst() { depart(ticket.slot, .unserved) }
        while let ticket = guides.queue.popFirst() {
            if isWaitingForGuide(ticket) { depart(ticket.slot, .unserved) }
        }
        for kioskType in selfService.queues.indices {
            while let ticket = selfService.queues[kioskType].popFirst() {
                selfService.queued[kioskType] -= 1
                depart(ticket.slot, .unserved)
            }
        }
    }
}
