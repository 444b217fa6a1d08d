import EventKernel

/// The greeters' desk as the engine keeps it: who waits for a greeter,
/// how many greeters are on duty and busy, and both counts over the day.
/// Its rule is in the extension below: a free greeter takes the next
/// customer; with none free, up to `reception.max_queue` wait.
struct ReceptionDesk {
    /// Customers waiting for a greeter, in arrival order.
    var queue = TicketLine(capacity: 32)
    var onDuty = 0
    var busy = 0
    /// Greeters on duty, and busy, over the day (people).
    var onDutyGauge: Gauge
    var busyGauge: Gauge

    init(intervals: Int) {
        onDutyGauge = Gauge(intervals: intervals)
        busyGauge = Gauge(intervals: intervals)
    }

    /// Empties the desk for a new day starting at `opening` (minutes).
    /// - Complexity: O(intervals), no allocation.
    mutating func reset(at opening: Double, _ clock: IntervalClock) {
        queue.removeAll()
        onDuty = 0
        busy = 0
        onDutyGauge.reset(at: opening, clock)
        busyGauge.reset(at: opening, clock)
    }

    /// Closes the day's gauges at `end` (minutes).
    /// - Complexity: O(intervals crossed).
    mutating func advance(to end: Double, _ clock: IntervalClock) {
        onDutyGauge.advance(to: end, clock)
        busyGauge.advance(to: end, clock)
    }
}

/// The entrance and reception zone (接待区): a greeter triages each walk-in,
/// resolving some needs on the spot and sending the rest to self-service or
/// to the ticket machine. With no greeter on duty, or too many already
/// waiting for one, customers choose alone.
extension OutletEngine {
    mutating func enterReception(_ slot: Int32) {
        customers[Int(slot)].atReception = calendar.now
        if doors.pastOvertimeLimit {
            depart(slot, .unserved)
        } else if reception.onDuty > 0 {
            if reception.busy < reception.onDuty {
                startTriage(slot)
            } else if reception.queue.count < scenario.reception?.maxQueue ?? 0 {
                setStage(Int(slot), .atReception)
                reception.queue.append(Ticket(slot: slot, number: customers[Int(slot)].number))
            } else {
                route(slot)
            }
        } else {
            route(slot)
        }
    }

    mutating func startTriage(_ slot: Int32) {
        reception.busy += 1
        reception.busyGauge.set(Double(reception.busy), at: calendar.now, clock)
        setStage(Int(slot), .inTriage)
        customers[Int(slot)].triageStart = calendar.now
        calendar.schedule(.triageEnd, for: slot, after: customers[Int(slot)].triageTime)
    }

    mutating func finishTriage(customer index: Int) {
        let slot = Int32(index)
        reception.busy -= 1
        reception.busyGauge.set(Double(reception.busy), at: calendar.now, clock)
        customers[index].triageEnd = calendar.now
        if customers[index].choiceGreeterResolves < transactions.greeterResolves[Int(customers[index].transaction)] {
            depart(slot, .resolvedAtReception)
        } else {
            route(slot)
        }
        triageNextInLine()
    }

    /// Starts triage for queued customers while greeters are free.
    mutating func triageNextInLine() {
        while reception.busy < reception.onDuty, let ticket = reception.queue.popFirst() {
            startTriage(ticket.slot)
        }
    }

    /// After triage, or when a customer decides alone without a greeter: a
    /// customer with a kiosk-capable need may first ask a guide (when guides
    /// help one at a time), then chooses.
    mutating func route(_ slot: Int32) {
        let index = Int(slot)
        if guides.assist && guides.onDuty > 0 && customers[index].choiceAsksGuide < guides.asks
            && !transactions.kioskTypes[Int(customers[index].transaction)].isEmpty {
            askGuide(slot)
        } else {
            choose(slot)
        }
    }

    /// Self-service for a kiosk-capable need with the segment's propensity
    /// (raised by the guide effect), otherwise a ticket.
    mutating func choose(_ slot: Int32) {
        let index = Int(slot)
        let type = Int(customers[index].transaction)
        var propensity = segments.propensity[Int(customers[index].segment)]
        if guideEffectApplies(to: index) { propensity += scenario.selfService.guideAdoptionBoost }
        if !transactions.kioskTypes[type].isEmpty && customers[index].choiceSelfService < propensity {
            walk(slot, to: .selfService, minutes: customers[index].walkToSelfService)
        } else {
            walk(slot, to: .waiting, minutes: customers[index].walkToWaiting)
        }
    }

    /// Greeters coming on or off duty; with none left, those queued at
    /// reception choose for themselves.
    mutating func setGreeters(_ count: Int) {
        reception.onDuty = count
        reception.onDutyGauge.set(Double(count), at: calendar.now, clock)
        if count == 0 {
            while let ticket = reception.queue.popFirst() { route(ticket.slot) }
        } else {
            triageNextInLine()
        }
    }
}
