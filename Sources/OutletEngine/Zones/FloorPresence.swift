import Scenario

/// Customers in each zone of the floor plan over the day, one gauge per
/// zone stored apart rather than in an array: the array's uniqueness
/// checks and retains cost more than the counting.
struct FloorCounts {
    var reception: Gauge
    var selfService: Gauge
    var counters: Gauge
    /// Whether the outlet has a floor plan; without one nothing is counted.
    let counts: Bool

    init(intervals: Int, counts: Bool) {
        reception = Gauge(intervals: intervals)
        selfService = Gauge(intervals: intervals)
        counters = Gauge(intervals: intervals)
        self.counts = counts
    }

    /// Empties the zones for a new day starting at `opening` (minutes).
    /// - Complexity: O(intervals), no allocation.
    mutating func reset(at opening: Double, _ clock: IntervalClock) {
        reception.reset(at: opening, clock)
        selfService.reset(at: opening, clock)
        counters.reset(at: opening, clock)
    }

    /// Closes the day's gauges at `end` (minutes).
    /// - Complexity: O(intervals crossed).
    mutating func advance(to end: Double, _ clock: IntervalClock) {
        reception.advance(to: end, clock)
        selfService.advance(to: end, clock)
        counters.advance(to: end, clock)
    }
}

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
        if floor.counts {
            moveOnFloor(index, to: stage)
        } else {
            customers[index].stage = stage
        }
    }

    /// The floor-plan path of ``setStage(_:_:)``, kept out of line so the
    /// event loop stays as small as it is without a floor plan.
    ///
    /// - Complexity: O(1), plus the intervals crossed since the zones' last change.
    @inline(never)
    mutating func moveOnFloor(_ index: Int, to stage: Stage) {
        let from = customers[index].stage.floorZone, to = stage.floorZone
        customers[index].stage = stage
        guard from != to else { return }
        if let from { changePresence(in: from, by: -1) }
        if let to { changePresence(in: to, by: 1) }
    }

    /// One zone's count changes by `delta` customers.
    ///
    /// - Complexity: O(1), plus the intervals crossed since the zone's last change.
    @inline(__always)
    private mutating func changePresence(in zone: Int, by delta: Double) {
        let now = calendar.now
        switch zone {
        case 0: floor.reception.add(delta, at: now, clock)
        case 1: floor.selfService.add(delta, at: now, clock)
        default: floor.counters.add(delta, at: now, clock)
        }
    }
}

extension Stage {
    /// The index in ``OutletEngine/floorZones`` of the zone a customer at this stage stands in, or nil.
    ///
    /// - Complexity: O(1).
    var floorZone: Int? {
        switch self {
        case .atReception, .inTriage: 0
        case .inKioskQueue, .atKiosk, .waitingForGuide, .withGuide: 1
        case .inService: 2
        case .walking, .waiting, .walkingToWindow, .gone: nil
        }
    }
}
