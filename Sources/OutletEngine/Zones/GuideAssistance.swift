import EventKernel

/// How guides help (`self_service.guide_assist`): one customer at a time,
/// asked by a share of those with a kiosk-capable need, or, without it,
/// only by being on duty.
struct GuideHelp {
    /// Guides help one customer at a time.
    let assist: Bool
    /// Probability that a customer with a kiosk-capable need asks a guide.
    let asks: Double
}

/// Guides (引导员) on the self-service floor. With `guide_assist`, a guide
/// is a person who helps one customer at a time: a customer who asks takes
/// a free guide at once, or waits for one up to their patience and then
/// chooses alone. Only those helped get the guide effect. Without it, any
/// guide on duty raises adoption and success for everyone (the older rule).
///
/// A queue entry is never removed when its customer gives up: the stale
/// ticket is skipped when it reaches the front (no cancellation, as for
/// the ticket lines).
extension OutletEngine {
    /// Whether the guide effect raises this customer's adoption and kiosk success.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    mutating func guideEffectApplies(to index: Int) -> Bool {
        guideHelp.assist ? customers[index].helped : guides.onDuty > 0
    }

    /// The customer asks a guide: helped at once by a free guide, or queued.
    ///
    /// - Complexity: O(log *p*) for *p* pending events.
    mutating func askGuide(_ slot: Int32) {
        let index = Int(slot)
        customers[index].guideAsked = calendar.now
        if guides.busy < guides.onDuty {
            startAssist(slot)
            return
        }
        setStage(index, .waitingForGuide)
        guides.queue.append(Ticket(slot: slot, number: customers[index].number))
        if customers[index].guidePatience.isFinite {
            customers[index].pendingPatience = calendar.scheduleDeadline(.guidePatienceExpiry, for: slot, after: customers[index].guidePatience)
        }
    }

    /// A guide starts helping the customer.
    ///
    /// - Complexity: O(log *p*).
    mutating func startAssist(_ slot: Int32) {
        let index = Int(slot), now = calendar.now
        guides.busy += 1
        guides.busyGauge.set(Double(guides.busy), at: now, clock)
        setStage(index, .withGuide)
        customers[index].guideWaitEnd = now
        if customers[index].pendingPatience != UInt64.max { calendar.withdrawDeadline(of: slot) }
        customers[index].pendingPatience = UInt64.max
        calendar.schedule(.assistEnd, for: slot, after: customers[index].assistTime)
    }

    /// The guide is done: the customer, now helped, chooses; the guide takes the next in line.
    ///
    /// - Complexity: O(log *p*) amortised over stale tickets.
    mutating func finishAssist(customer index: Int) {
        guides.busy -= 1
        guides.busyGauge.set(Double(guides.busy), at: calendar.now, clock)
        customers[index].assistEnd = calendar.now
        customers[index].helped = true
        choose(Int32(index))
        assistNextInLine()
    }

    /// A customer waiting for a guide gives up waiting and chooses alone.
    ///
    /// - Complexity: O(1) plus the walk's event.
    mutating func guidePatienceRunsOut(customer index: Int, sequence: UInt64) {
        guard customers[index].stage == .waitingForGuide, customers[index].pendingPatience == sequence else { return }
        stopWaitingForGuide(Int32(index))
    }

    /// The customer stops waiting for a guide and chooses alone.
    ///
    /// - Complexity: O(log p) for the walk's event.
    mutating func stopWaitingForGuide(_ slot: Int32) {
        if customers[Int(slot)].pendingPatience != UInt64.max { calendar.withdrawDeadline(of: slot) }
        customers[Int(slot)].pendingPatience = UInt64.max
        customers[Int(slot)].guideWaitEnd = calendar.now
        setStage(Int(slot), .walking)
        choose(slot)
    }

    /// Whether the ticket's customer is still waiting for a guide.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    mutating func isWaitingForGuide(_ ticket: Ticket) -> Bool {
        let index = Int(ticket.slot)
        return customers[index].stage == .waitingForGuide && customers[index].number == ticket.number
    }

    /// Free guides take the longest-waiting customers.
    ///
    /// - Complexity: O(log *p*) per customer helped, plus the stale tickets passed.
    mutating func assistNextInLine() {
        while guides.busy < guides.onDuty, let ticket = guides.queue.popFirst() {
            if isWaitingForGuide(ticket) { startAssist(ticket.slot) }
        }
    }

    /// Guides coming on or off duty. A guide going off duty finishes the
    /// customer at hand; with none left, those waiting choose alone.
    ///
    /// - Complexity: O(queued × log p) when the last guide goes off duty; otherwise O(log p) per assist that starts.
    mutating func setGuides(_ count: Int) {
        guides.onDuty = count
        guides.onDutyGauge.set(Double(count), at: calendar.now, clock)
        guard guideHelp.assist else { return }
        if count == 0 {
            while let ticket = guides.queue.popFirst() {
                if isWaitingForGuide(ticket) { stopWaitingForGuide(ticket.slot) }
            }
        } else {
            assistNextInLine()
        }
    }
}
