import Distributions
import EventKernel

/// The self-service zone as the engine keeps it: every kiosk, grouped by
/// type, each type's FIFO queue, its breakdowns, and its busy and broken
/// kiosks over the day. Its rules are in the extension below.
struct SelfServiceArea: ~Copyable {
    var kiosks: FixedArray<Kiosk>
    /// Each kiosk type's kiosks, as a range of `kiosks`.
    let ranges: [Range<Int>]
    /// Customers queueing for each kiosk type (stale tickets are skipped), and how many.
    var queues: TicketLines
    var queued: FixedArray<Int>
    /// Breakdowns of each kiosk type today.
    var failures: FixedArray<Int>
    /// Kiosks of each type in use, and broken, over the day.
    var busyGauge: FixedArray<Gauge>
    var downGauge: FixedArray<Gauge>

    init(kioskCounts: [Int], intervals: Int) {
        var kiosks: [Kiosk] = [], ranges: [Range<Int>] = []
        for (type, count) in kioskCounts.enumerated() {
            let start = kiosks.count
            kiosks += Array(repeating: Kiosk(type: Int16(type)), count: count)
            ranges.append(start..<kiosks.count)
        }
        self.kiosks = FixedArray(kiosks)
        self.ranges = ranges
        queues = TicketLines(lineCount: ranges.count, capacity: 16)
        queued = FixedArray(repeating: 0, count: ranges.count)
        failures = FixedArray(repeating: 0, count: ranges.count)
        busyGauge = FixedArray(repeating: Gauge(intervals: intervals), count: ranges.count)
        downGauge = FixedArray(repeating: Gauge(intervals: intervals), count: ranges.count)
    }

    /// Every kiosk working and free, the queues empty, for a new day starting at `opening` (minutes).
    /// - Complexity: O(kiosks + types × intervals), no allocation.
    mutating func reset(at opening: Double, _ clock: IntervalClock) {
        queues.removeAll()
        queued.setAll(to: 0)
        for index in kiosks.indices { kiosks[index] = Kiosk(type: kiosks[index].type) }
        failures.setAll(to: 0)
        for index in busyGauge.indices { busyGauge[index].reset(at: opening, clock); downGauge[index].reset(at: opening, clock) }
    }

    /// Closes the day's gauges at `end` (minutes).
    /// - Complexity: O(types × intervals crossed).
    mutating func advance(to end: Double, _ clock: IntervalClock) {
        for index in busyGauge.indices { busyGauge[index].advance(to: end, clock); downGauge[index].advance(to: end, clock) }
    }
}

/// One self-service kiosk.
struct Kiosk {
    var type: Int16
    var working = true
    var customer: Int32 = -1
    /// Sequence of the pending end of use, so a breakdown can void it.
    var endSequence = UInt64.max

    init(type: Int16) {
        self.type = type
    }
}


/// The self-service zone (自助服务区): kiosk types with FIFO queues,
/// breakdowns and repairs, and guides who raise success (`GuideAssistance`). A failed attempt,
/// a breakdown during use, no working kiosk, or a long kiosk queue sends the
/// customer to the counter.
extension OutletEngine {
    /// A customer reaches self-service: a free kiosk of the least busy type, its queue, or the counter.
    ///
    /// - Complexity: O(t × k + log p) for t kiosk types of k kiosks.
    mutating func enterSelfService(_ slot: Int32) {
        if doors.pastOvertimeLimit {
            depart(slot, .unserved)
            return
        }
        let type = Int(customers[Int(slot)].transaction)
        guard let kioskType = leastBusyKioskType(for: type) else {
            fallBackToCounter(slot, .noWorkingKiosk)
            return
        }
        if let limit = scenario.selfService.balkToCounterAt, selfService.queued[kioskType] >= limit {
            fallBackToCounter(slot, .kioskQueueTooLong)
            return
        }
        customers[Int(slot)].kioskType = Int16(kioskType)
        if let kiosk = selfService.ranges[kioskType].first(where: { selfService.kiosks[$0].working && selfService.kiosks[$0].customer < 0 }) {
            startKiosk(slot, kiosk: kiosk)
        } else {
            setStage(Int(slot), .inKioskQueue)
            selfService.queues.append(Ticket(slot: slot, number: customers[Int(slot)].number), to: kioskType)
            selfService.queued[kioskType] += 1
        }
    }

    /// Among the kiosk types that can do `type` and have a working kiosk, the
    /// one with the fewest customers per working kiosk.
    ///
    /// - Complexity: O(t × k) for t kiosk types of k kiosks.
    mutating func leastBusyKioskType(for type: Int) -> Int? {
        var best: Int?, bestLoad = Double.infinity
        for kioskType in transactions.kioskTypes[type] {
            var working = 0, busy = 0
            for kiosk in selfService.ranges[kioskType] where selfService.kiosks[kiosk].working {
                working += 1
                if selfService.kiosks[kiosk].customer >= 0 { busy += 1 }
            }
            guard working > 0 else { continue }
            let load = Double(busy + selfService.queued[kioskType]) / Double(working)
            if load < bestLoad { (best, bestLoad) = (kioskType, load) }
        }
        return best
    }

    /// The customer starts using `kiosk`.
    ///
    /// - Complexity: O(log p).
    mutating func startKiosk(_ slot: Int32, kiosk: Int) {
        let now = calendar.now
        setStage(Int(slot), .atKiosk)
        customers[Int(slot)].kioskStart = now
        selfService.kiosks[kiosk].customer = slot
        selfService.kiosks[kiosk].endSequence = calendar.schedule(.kioskEnd, for: Int32(kiosk), after: customers[Int(slot)].kioskTime)
        selfService.busyGauge[Int(selfService.kiosks[kiosk].type)].add(1, at: now, clock)
    }

    /// Frees `kiosk` and returns the customer who was using it.
    ///
    /// - Complexity: O(1).
    mutating func releaseKiosk(_ kiosk: Int) -> Int32 {
        let slot = selfService.kiosks[kiosk].customer
        selfService.kiosks[kiosk].customer = -1
        selfService.kiosks[kiosk].endSequence = UInt64.max
        customers[Int(slot)].kioskEnd = calendar.now
        selfService.busyGauge[Int(selfService.kiosks[kiosk].type)].add(-1, at: calendar.now, clock)
        return slot
    }

    /// A kiosk's use ends, unless a breakdown voided it: served, or off to the counter; the next in its queue steps up.
    ///
    /// - Complexity: O(log p).
    mutating func finishKiosk(kiosk: Int, sequence: UInt64) {
        guard selfService.kiosks[kiosk].customer >= 0, selfService.kiosks[kiosk].endSequence == sequence else { return }
        let slot = releaseKiosk(kiosk), index = Int(slot)
        var success = transactions.kioskSuccess[Int(customers[index].transaction)]
        if guideEffectApplies(to: index) { success += scenario.selfService.guideSuccessBoost }
        if customers[index].choiceKioskSuccess < success {
            depart(slot, .servedAtKiosk)
        } else {
            fallBackToCounter(slot, .failedAttempt)
        }
        serveKioskQueue(kiosk: kiosk)
    }

    /// The next customer in the kiosk's type queue steps up, if it works.
    ///
    /// - Complexity: O(log p).
    mutating func serveKioskQueue(kiosk: Int) {
        let kioskType = Int(selfService.kiosks[kiosk].type)
        guard selfService.kiosks[kiosk].working, selfService.kiosks[kiosk].customer < 0,
              let ticket = selfService.queues.popFirst(from: kioskType) else { return }
        selfService.queued[kioskType] -= 1
        startKiosk(ticket.slot, kiosk: kiosk)
    }

    /// The customer walks to the waiting zone for a ticket, with why recorded.
    ///
    /// - Complexity: O(log p).
    mutating func fallBackToCounter(_ slot: Int32, _ reason: FallbackReason) {
        customers[Int(slot)].fallback = reason
        walk(slot, to: .waiting, minutes: customers[Int(slot)].walkFromKioskToWaiting)
    }

    // MARK: Breakdowns (设备故障)

    /// Each kiosk's first breakdown, drawn on its own stream.
    ///
    /// - Complexity: O(kiosks × log p).
    mutating func scheduleFirstBreakdowns() {
        for (kioskType, range) in selfService.ranges.enumerated() {
            guard let breakdowns = scenario.selfService.kioskTypes[kioskType].breakdowns else { continue }
            for kiosk in range {
                let gap = breakdowns.timeBetweenFailures.sample(from: streams, stream: streamIndex.breakdowns[kiosk])
                calendar.schedule(.kioskFailure, for: Int32(kiosk), after: gap)
            }
        }
    }

    /// A kiosk breaks down: its user goes to the counter, its repair is scheduled, and with no kiosk of its type working, its
    /// queue goes to the counter too.
    ///
    /// - Complexity: O(k + queued × log p).
    mutating func kioskFails(kiosk: Int) {
        let kioskType = Int(selfService.kiosks[kiosk].type)
        guard let breakdowns = scenario.selfService.kioskTypes[kioskType].breakdowns else { return }
        selfService.failures[kioskType] += 1
        selfService.kiosks[kiosk].working = false
        selfService.downGauge[kioskType].add(1, at: calendar.now, clock)
        if selfService.kiosks[kiosk].customer >= 0 {
            fallBackToCounter(releaseKiosk(kiosk), .breakdown)
        }
        let repair = breakdowns.repairTime.sample(from: streams, stream: streamIndex.breakdowns[kiosk])
        calendar.schedule(.kioskRepair, for: Int32(kiosk), after: repair)
        if !selfService.ranges[kioskType].contains(where: { selfService.kiosks[$0].working }) {
            while let ticket = selfService.queues.popFirst(from: kioskType) {
                selfService.queued[kioskType] -= 1
                fallBackToCounter(ticket.slot, .noWorkingKiosk)
            }
        }
    }

    /// A kiosk is repaired: its next breakdown is drawn and its queue steps up.
    ///
    /// - Complexity: O(log p).
    mutating func kioskRepaired(kiosk: Int) {
        let kioskType = Int(selfService.kiosks[kiosk].type)
        guard let breakdowns = scenario.selfService.kioskTypes[kioskType].breakdowns else { return }
        selfService.kiosks[kiosk].working = true
        selfService.downGauge[kioskType].add(-1, at: calendar.now, clock)
        let gap = breakdowns.timeBetweenFailures.sample(from: streams, stream: streamIndex.breakdowns[kiosk])
        calendar.schedule(.kioskFailure, for: Int32(kiosk), after: gap)
        serveKioskQueue(kiosk: kiosk)
    }
}
