import Distributions
import EventKernel

/// The self-service zone (自助服务区): kiosk types with FIFO queues,
/// breakdowns and repairs, and guides who raise success (`GuideAssistance`). A failed attempt,
/// a breakdown during use, no working kiosk, or a long kiosk queue sends the
/// customer to the counter.
extension OutletEngine {
    mutating func enterSelfService(_ slot: Int32) {
        if pastOvertimeLimit {
            depart(slot, .unserved)
            return
        }
        let type = Int(customers[Int(slot)].transaction)
        guard let kioskType = leastBusyKioskType(for: type) else {
            fallBackToCounter(slot, .noWorkingKiosk)
            return
        }
        if let limit = scenario.selfService.balkToCounterAt, kioskQueued[kioskType] >= limit {
            fallBackToCounter(slot, .kioskQueueTooLong)
            return
        }
        customers[Int(slot)].kioskType = Int16(kioskType)
        if let kiosk = kioskRange[kioskType].first(where: { kiosks[$0].working && kiosks[$0].customer < 0 }) {
            startKiosk(slot, kiosk: kiosk)
        } else {
            setStage(Int(slot), .inKioskQueue)
            kioskQueues[kioskType].append(Ticket(slot: slot, number: customers[Int(slot)].number))
            kioskQueued[kioskType] += 1
        }
    }

    /// Among the kiosk types that can do `type` and have a working kiosk, the
    /// one with the fewest customers per working kiosk.
    mutating func leastBusyKioskType(for type: Int) -> Int? {
        var best: Int?, bestLoad = Double.infinity
        for kioskType in typeKioskTypes[type] {
            var working = 0, busy = 0
            for kiosk in kioskRange[kioskType] where kiosks[kiosk].working {
                working += 1
                if kiosks[kiosk].customer >= 0 { busy += 1 }
            }
            guard working > 0 else { continue }
            let load = Double(busy + kioskQueued[kioskType]) / Double(working)
            if load < bestLoad { (best, bestLoad) = (kioskType, load) }
        }
        return best
    }

    mutating func startKiosk(_ slot: Int32, kiosk: Int) {
        let now = calendar.now
        setStage(Int(slot), .atKiosk)
        customers[Int(slot)].kioskStart = now
        kiosks[kiosk].customer = slot
        kiosks[kiosk].endSequence = calendar.schedule(.kioskEnd, for: Int32(kiosk), after: customers[Int(slot)].kioskTime)
        kioskBusyGauge[Int(kiosks[kiosk].type)].add(1, at: now, clock)
    }

    /// Frees `kiosk` and returns the customer who was using it.
    mutating func releaseKiosk(_ kiosk: Int) -> Int32 {
        let slot = kiosks[kiosk].customer
        kiosks[kiosk].customer = -1
        kiosks[kiosk].endSequence = UInt64.max
        customers[Int(slot)].kioskEnd = calendar.now
        kioskBusyGauge[Int(kiosks[kiosk].type)].add(-1, at: calendar.now, clock)
        return slot
    }

    mutating func finishKiosk(kiosk: Int, sequence: UInt64) {
        guard kiosks[kiosk].customer >= 0, kiosks[kiosk].endSequence == sequence else { return }
        let slot = releaseKiosk(kiosk), index = Int(slot)
        var success = typeKioskSuccess[Int(customers[index].transaction)]
        if guideEffectApplies(to: index) { success += scenario.selfService.guideSuccessBoost }
        if customers[index].choiceKioskSuccess < success {
            depart(slot, .servedAtKiosk)
        } else {
            fallBackToCounter(slot, .failedAttempt)
        }
        serveKioskQueue(kiosk: kiosk)
    }

    /// The next customer in the kiosk's type queue steps up, if it works.
    mutating func serveKioskQueue(kiosk: Int) {
        let kioskType = Int(kiosks[kiosk].type)
        guard kiosks[kiosk].working, kiosks[kiosk].customer < 0,
              let ticket = kioskQueues[kioskType].popFirst() else { return }
        kioskQueued[kioskType] -= 1
        startKiosk(ticket.slot, kiosk: kiosk)
    }

    mutating func fallBackToCounter(_ slot: Int32, _ reason: FallbackReason) {
        customers[Int(slot)].fallback = reason
        walk(slot, to: .waiting, minutes: customers[Int(slot)].walkFromKioskToWaiting)
    }

    // MARK: Breakdowns (设备故障)

    mutating func scheduleFirstBreakdowns() {
        for (kioskType, range) in kioskRange.enumerated() {
            guard let breakdowns = scenario.selfService.kioskTypes[kioskType].breakdowns else { continue }
            for kiosk in range {
                let gap = breakdowns.timeBetweenFailures.sample(from: streams, stream: streamIndex.breakdowns[kiosk])
                calendar.schedule(.kioskFailure, for: Int32(kiosk), after: gap)
            }
        }
    }

    mutating func kioskFails(kiosk: Int) {
        let kioskType = Int(kiosks[kiosk].type)
        guard let breakdowns = scenario.selfService.kioskTypes[kioskType].breakdowns else { return }
        kioskFailures[kioskType] += 1
        kiosks[kiosk].working = false
        kioskDownGauge[kioskType].add(1, at: calendar.now, clock)
        if kiosks[kiosk].customer >= 0 {
            fallBackToCounter(releaseKiosk(kiosk), .breakdown)
        }
        let repair = breakdowns.repairTime.sample(from: streams, stream: streamIndex.breakdowns[kiosk])
        calendar.schedule(.kioskRepair, for: Int32(kiosk), after: repair)
        if !kioskRange[kioskType].contains(where: { kiosks[$0].working }) {
            while let ticket = kioskQueues[kioskType].popFirst() {
                kioskQueued[kioskType] -= 1
                fallBackToCounter(ticket.slot, .noWorkingKiosk)
            }
        }
    }

    mutating func kioskRepaired(kiosk: Int) {
        let kioskType = Int(kiosks[kiosk].type)
        guard let breakdowns = scenario.selfService.kioskTypes[kioskType].breakdowns else { return }
        kiosks[kiosk].working = true
        kioskDownGauge[kioskType].add(-1, at: calendar.now, clock)
        let gap = breakdowns.timeBetweenFailures.sample(from: streams, stream: streamIndex.breakdowns[kiosk])
        calendar.schedule(.kioskFailure, for: Int32(kiosk), after: gap)
        serveKioskQueue(kiosk: kiosk)
    }
}
