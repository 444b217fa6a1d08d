import Distributions

/// With a floor plan: the five walks (``FloorPlan/walks``: entrance to
/// reception, reception to self-service and to waiting, self-service to
/// waiting, waiting to a window), in metres, and the walking speed in m/s.
struct FloorWalks {
    let metres: [Double]
    let speed: Distribution?
}

/// Walking between zones (a layout that sends customers back and forth costs
/// them minutes). Walk times are drawn on arrival for every configured move:
/// with a floor plan, each customer's walking speed (at least 0.2 m/s) over
/// the metres through the doors; otherwise each move's own distribution.
extension OutletEngine {
    /// Every walk of customer `index`'s day, drawn on arrival on the walking stream.
    ///
    /// - Complexity: O(1).
    mutating func drawWalkingTimes(_ index: Int) {
        let stream = streamIndex.walking
        if let walkingSpeed = walks.speed {
            let metresPerMinute = max(walkingSpeed.sample(from: streams, stream: stream), 0.2) * 60
            customers[index].walkToReception = walks.metres[0] / metresPerMinute
            customers[index].walkToSelfService = walks.metres[1] / metresPerMinute
            customers[index].walkToWaiting = walks.metres[2] / metresPerMinute
            customers[index].walkFromKioskToWaiting = walks.metres[3] / metresPerMinute
            customers[index].walkToWindow = walks.metres[4] / metresPerMinute
            return
        }
        if let time = scenario.walking.entranceToReception { customers[index].walkToReception = time.sample(from: streams, stream: stream) }
        if let time = scenario.walking.receptionToSelfService { customers[index].walkToSelfService = time.sample(from: streams, stream: stream) }
        if let time = scenario.walking.receptionToWaiting { customers[index].walkToWaiting = time.sample(from: streams, stream: stream) }
        if let time = scenario.walking.selfServiceToWaiting { customers[index].walkFromKioskToWaiting = time.sample(from: streams, stream: stream) }
        if let time = scenario.walking.waitingToWindow { customers[index].walkToWindow = time.sample(from: streams, stream: stream) }
    }

    /// Sends the customer to `zone`, arriving after `minutes` (at once for 0).
    ///
    /// - Complexity: O(log p).
    mutating func walk(_ slot: Int32, to zone: Zone, minutes: Double) {
        guard minutes > 0 else {
            enter(slot, zone)
            return
        }
        setStage(Int(slot), .walking)
        customers[Int(slot)].destination = zone
        calendar.schedule(.reachZone, for: slot, after: minutes)
    }

    /// A walk ends: the customer enters the zone they walked to.
    ///
    /// - Complexity: O(1), plus what entering the zone does.
    mutating func reachZone(customer slot: Int) {
        enter(Int32(slot), customers[slot].destination)
    }

    /// - Complexity: O(1), plus the zone's own entry.
    mutating func enter(_ slot: Int32, _ zone: Zone) {
        switch zone {
        case .reception: enterReception(slot)
        case .selfService: enterSelfService(slot)
        case .waiting: takeTicket(slot)
        case .window: startService(slot, at: calendar.now)
        }
    }
}
