import EventKernel

/// The entrance and reception zone (接待区): a greeter triages each walk-in,
/// resolving some needs on the spot and sending the rest to self-service or
/// to the ticket machine. With no greeter on duty, or too many already
/// waiting for one, customers choose alone.
extension OutletEngine {
    /// A walk-in reaches reception: triaged by a free greeter, queued for one (up to `max_queue`), or choosing alone.
    ///
    /// - Complexity: O(log p) for p pending events.
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

    /// A greeter starts triaging the customer.
    ///
    /// - Complexity: O(log p).
    mutating func startTriage(_ slot: Int32) {
        reception.busy += 1
        reception.busyGauge.set(Double(reception.busy), at: calendar.now, clock)
        setStage(Int(slot), .inTriage)
        customers[Int(slot)].triageStart = calendar.now
        calendar.schedule(.triageEnd, for: slot, after: customers[Int(slot)].triageTime)
    }

    /// Triage ends: the need is resolved on the spot or the customer is routed; the greeter takes the next in line.
    ///
    /// - Complexity: O(log p) per event scheduled.
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
    ///
    /// - Complexity: O(log p) per customer taken.
    mutating func triageNextInLine() {
        while reception.busy < reception.onDuty, let ticket = reception.queue.popFirst() {
            startTriage(ticket.slot)
        }
    }

    /// After triage, or when a customer decides alone without a greeter: a
    /// customer with a kiosk-capable need may first ask a guide (when guides
    /// help one at a time), then chooses.
    ///
    /// - Complexity: O(log p).
    mutating func route(_ slot: Int32) {
        let index = Int(slot)
        if guideHelp.assist && guides.onDuty > 0 && customers[index].choiceAsksGuide < guideHelp.asks
            && !transactions.kioskTypes[Int(customers[index].transaction)].isEmpty {
            askGuide(slot)
        } else {
            choose(slot)
        }
    }

    /// Self-service for a kiosk-capable need with the segment's propensity
    /// (raised by the guide effect), otherwise a ticket.
    ///
    /// - Complexity: O(1), plus the walk's event, O(log p).
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
    ///
    /// - Complexity: O(queued × log p) when the last greeter goes off duty; otherwise O(log p) per triage that starts.
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
