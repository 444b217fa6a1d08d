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

        // Filled in its slot: a customer built apart and then stored was a
        // copy of the whole struct (some 300 bytes) for every arrival.
        let slot = customers.take(Customer())
        let index = Int(slot)
        customers[index].number = doors.admitted
        customers[index].segment = Int16(segment)
        customers[index].arrival = now
        let stream = streamIndex.customers[segment]
        let mixDraw = streams.uniform(stream)
        customers[index].choiceSelfService = streams.uniform(stream)
        customers[index].choiceKioskSuccess = streams.uniform(stream)
        customers[index].choiceGreeterResolves = streams.uniform(stream)
        customers[index].choiceBalk = streams.uniform(stream)
        if let patience = segments.patience[segment] {
            customers[index].patience = patience.sample(from: streams, stream: stream)
        }
        let type = given ?? pick(mixDraw, from: segments.mixCumulative[segment])
        customers[index].transaction = Int16(type)
        customers[index].counterService = transactions.service[type].sample(from: streams, stream: streamIndex.service[type])
        if let kioskTime = transactions.kioskTime[type] {
            customers[index].kioskTime = kioskTime.sample(from: streams, stream: streamIndex.kiosk[type])
        }
        if let reception = scenario.reception {
            customers[index].triageTime = reception.triageTime.sample(from: streams, stream: streamIndex.triage)
        }
        drawWalkingTimes(index)
        if guideHelp.assist, let assist = scenario.selfService.guideAssist {
            customers[index].choiceAsksGuide = streams.uniform(streamIndex.guides)
            customers[index].assistTime = assist.time.sample(from: streams, stream: streamIndex.guides)
            if let patience = assist.patience { customers[index].guidePatience = patience.sample(from: streams, stream: streamIndex.guides) }
        }
        if let onTime = appointmentPriority {
            customers[index].isAppointment = true
            customers[index].appointmentPriority = onTime
        }
        if appointmentPriority != nil {
            walk(slot, to: .waiting, minutes: customers[index].walkToWaiting)
        } else {
            walk(slot, to: .reception, minutes: customers[index].walkToReception)
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
