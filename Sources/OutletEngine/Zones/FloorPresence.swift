import Scenario

/// Who is where on the floor, for crowding with a floor plan: a customer
/// waiting for or in triage is in the reception zone; one queueing for or
/// at a kiosk, or waiting for or with a guide, in the self-service zone;
/// one being served, at the counters. (The waiting zone has its own
/// occupancy; walkers are between zones.) Counted on every change of
/// stage, so queues are on the floor as much as those being served.
extension OutletEngine {
    /// The zones whose presence is counted, in the order of ``DayTotals/zonePresenceArea``.
    public static let floorZones: [FloorPlan.ZoneKind] = [.reception, .selfService, .counters]

    /// Moves customer `index` to `stage`, counting them out of their old
    /// zone and into the new one when the outlet has a floor plan.
    ///
    /// - Complexity: O(1), plus the intervals crossed since the zones' last change.
    @inline(__always)
    mutating func setStage(_ index: Int, _ stage: Stage) {
        let old = customers[index].stage
        customers[index].stage = stage
        guard countsFloor else { return }
        let from = old.floorZone, to = stage.floorZone
        guard from != to else { return }
        if let from { zonePresence[from].set(zonePresence[from].value - 1, at: calendar.now, clock) }
        if let to { zonePresence[to].set(zonePresence[to].value + 1, at: calendar.now, clock) }
    }
}

extension Stage {
    /// The index in ``OutletEngine/floorZones`` of the zone a customer at this stage stands in, or nil.
    var floorZone: Int? {
        switch self {
        case .atReception, .inTriage: 0
        case .inKioskQueue, .atKiosk, .waitingForGuide, .withGuide: 1
        case .inService: 2
        case .walking, .waiting, .walkingToWindow, .gone: nil
        }
    }
}
