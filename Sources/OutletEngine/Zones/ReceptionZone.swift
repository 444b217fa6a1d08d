import EventKernel

/// The entrance and reception zone (接待区): a greeter triages each walk-in,
/// resolving some needs on the spot and sending the rest to self-service or
/// to the ticket machine. With no greeter on duty, or too many already
/// waiting for one, customers choose alone.
extension OutletEngine {
    mutating func enterReception(_ slot: Int32) {
        customers[Int(slot)].atReception = calendar.now
        if pastOvertimeLimit {
            depart(slot, .unserved)
        } else if greetersOnDuty > 0 {
            if greetersBusy < greetersOnDuty {
                startTriage(slot)
            } else if receptionQueue.count < scenario.reception?.maxQueue ?? 0 {
                setStage(Int(slot), .atReception)
                receptionQueue.append(Ticket(slot: slot, number: customers[Int(slot)].number))
            } else {
                route(slot)
            }
        } else {
            route(slot)
        }
    }

    mutating func startTriage(_ slot: Int32) {
        greetersBusy += 1
        greeterBusyGauge.set(Double(greetersBusy), at: calendar.now, clock)
        setStage(Int(slot), .inTriage)
        customers[Int(slot)].triageStart = calendar.now
        calendar.schedule(.triageEnd, for: slot, after: customers[Int(slot)].triageTime)
    }

    mutating func finishTriage(customer index: Int) {
        let slot = Int32(index)
        greetersBusy -= 1
        greeterBusyGauge.set(Double(greetersBusy), at: calendar.now, clock)
        customers[index].triageEnd = calendar.now
        let customer = customers[index]
        if customer.choiceGreeterResolves < typeGreeterResolves[Int(customer.transaction)] {
            depart(slot, .resolvedAtReception)
        } else {
            route(slot)
        }
        triageNextInLine()
    }

    /// Starts triage for queued customers while greeters are free.
    mutating func triageNextInLine() {
        while greetersBusy < greetersOnDuty, let ticket = receptionQueue.popFirst() {
            startTriage(ticket.slot)
        }
    }

    /// After triage, or when a customer decides alone without a greeter: a
    /// customer with a kiosk-capable need may first ask a guide (when guides
    /// help one at a time), then chooses.
    mutating func route(_ slot: Int32) {
        let customer = customers[Int(slot)]
        if hasGuideAssist && guidesOnDuty > 0 && customer.choiceAsksGuide < guideAsks
            && !typeKioskTypes[Int(customer.transaction)].isEmpty {
            askGuide(slot)
        } else {
            choose(slot)
        }
    }

    /// Self-service for a kiosk-capable need with the segment's propensity
    /// (raised by the guide effect), otherwise a ticket.
    mutating func choose(_ slot: Int32) {
        let customer = customers[Int(slot)]
        let type = Int(customer.transaction)
        var propensity = segmentPropensity[Int(customer.segment)]
        if guideEffectApplies(to: customer) { propensity += scenario.selfService.guideAdoptionBoost }
        if !typeKioskTypes[type].isEmpty && customer.choiceSelfService < propensity {
            walk(slot, to: .selfService, minutes: customer.walkToSelfService)
        } else {
            walk(slot, to: .waiting, minutes: customer.walkToWaiting)
        }
    }

    /// Greeters coming on or off duty; with none left, those queued at
    /// reception choose for themselves.
    mutating func setGreeters(_ count: Int) {
        greetersOnDuty = count
        greeterGauge.set(Double(count), at: calendar.now, clock)
        if count == 0 {
            while let ticket = receptionQueue.popFirst() { route(ticket.slot) }
        } else {
            triageNextInLine()
        }
    }
}
