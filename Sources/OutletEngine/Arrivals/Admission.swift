import Distributions

/// A customer comes in: every random attribute is drawn now, in a fixed
/// order from the customer's own streams, then the customer walks to
/// reception (walk-ins) or straight to the waiting zone (appointments).
extension OutletEngine {
    /// - Parameter appointmentPriority: `nil` for a walk-in; for a booked
    ///   customer, whether they came within the grace period.
    ///
    /// - Complexity: O(mix + log p): the draws, a slot, and the walk's event.
    mutating func admit(segment: Int, transaction given: Int?, appointmentPriority: Bool?) {
        doors.admitted += 1
        doors.inside += 1
        let now = calendar.now
        doors.insideGauge.set(Double(doors.inside), at: now, clock)
        arrivalsPerInterval[clock.index(at: now)] += 1

        var customer = Customer()
        customer.number = doors.admitted
        customer.segment = Int16(segment)
        customer.arrival = now
        let stream = streamIndex.customers[segment]
        let mixDraw = streams.uniform(stream)
        customer.choiceSelfService = streams.uniform(stream)
        customer.choiceKioskSuccess = streams.uniform(stream)
        customer.choiceGreeterResolves = streams.uniform(stream)
        customer.choiceBalk = streams.uniform(stream)
        if let patience = segments.patience[segment] {
            customer.patience = patience.sample(from: streams, stream: stream)
        }
        let type = given ?? pick(mixDraw, from: segments.mixCumulative[segment])
        customer.transaction = Int16(type)
        customer.counterService = transactions.service[type].sample(from: streams, stream: streamIndex.service[type])
        if let kioskTime = transactions.kioskTime[type] {
            customer.kioskTime = kioskTime.sample(from: streams, stream: streamIndex.kiosk[type])
        }
        if let reception = scenario.reception {
            customer.triageTime = reception.triageTime.sample(from: streams, stream: streamIndex.triage)
        }
        drawWalkingTimes(&customer)
        if guideHelp.assist, let assist = scenario.selfService.guideAssist {
            customer.choiceAsksGuide = streams.uniform(streamIndex.guides)
            customer.assistTime = assist.time.sample(from: streams, stream: streamIndex.guides)
            if let patience = assist.patience { customer.guidePatience = patience.sample(from: streams, stream: streamIndex.guides) }
        }
        if let onTime = appointmentPriority {
            customer.isAppointment = true
            customer.appointmentPriority = onTime
        }
        let slot = customers.take(customer)
        if appointmentPriority != nil {
            walk(slot, to: .waiting, minutes: customer.walkToWaiting)
        } else {
            walk(slot, to: .reception, minutes: customer.walkToReception)
        }
    }

    /// The index whose cumulative weight first exceeds `draw`.
    ///
    /// - Complexity: O(n) for n weights.
    @inline(__always)
    mutating func pick(_ draw: Double, from cumulative: [Double]) -> Int {
        for (index, bound) in cumulative.enumerated() where draw < bound { return index }
        return cumulative.count - 1
    }

    /// The customer leaves the outlet: the record goes out, the slot is freed.
    ///
    /// - Complexity: O(1), plus the intervals crossed since the gauges' last change.
    mutating func depart(_ slot: Int32, _ outcome: Outcome) {
        let index = Int(slot)
        let now = calendar.now
        let customer = customers[index]
        pendingRecords.append(CustomerRecord(
            day: day, customer: customer.number, segment: Int(customer.segment),
            transactionType: Int(customer.transaction), hasAppointment: customer.isAppointment,
            arrival: customer.arrival, triageEnd: customer.triageEnd, kioskStart: customer.kioskStart,
            kioskEnd: customer.kioskEnd, ticket: customer.ticket, call: customer.call,
            serviceStart: customer.serviceStart, serviceEnd: customer.serviceEnd, exit: now,
            windowGroup: Int(customer.windowGroup), window: Int(customer.window), kioskType: Int(customer.kioskType),
            outcome: outcome, fallback: customer.fallback, passedOver: Int(customer.passedOver),
            seated: customer.seated, greeterWait: customer.triageStart - customer.atReception, guideAsked: customer.guideAsked, guideWaitEnd: customer.guideWaitEnd,
            assistEnd: customer.assistEnd))
        outcomeCounts[outcome.rawValue] += 1
        setStage(index, .gone)
        customers.free(slot)
        doors.inside -= 1
        doors.insideGauge.set(Double(doors.inside), at: now, clock)
        doors.lastExit = max(doors.lastExit, now)
    }
}
