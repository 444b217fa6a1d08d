import Distributions
import EventKernel
import RandomStreams
import Scenario

/// The one-day engine: simulates a ``Scenario`` from opening until the last
/// customer leaves, emitting one ``CustomerRecord`` per customer and
/// returning the day's ``DayTotals``.
///
/// The engine is built once per scenario and run for many days; each run
/// reseeds the random streams for that day and reuses every buffer, so
/// memory does not grow with the number of days. The event loop is a
/// `switch` over ``OutletEvent`` on a calendar of value events; customers,
/// windows, kiosks and the zones' counts and gauges live as structs in the
/// kernel's non-copyable buffers (``SlotStore``, ``FixedArray``), which
/// need no uniqueness check on the writes every event makes.
///
/// Each zone owns its state as a value, as simmer's resources own theirs:
/// the doors (``Doors``), the greeters' desk and the guides (each a
/// ``StaffDesk``), the self-service area (``SelfServiceArea``), the
/// waiting room (``WaitingRoom``), the counters (``Counters``) and the
/// floor's counts (``FloorCounts``), each with its own `reset` and
/// `advance`. The engine composes them with the rules it reads (segments,
/// transaction types, walk-ins, line routing, walks). The behaviour of each
/// zone, customer behaviour and policy is in its own file as an extension,
/// since a rule moves customers between zones.
///
/// Helpers that only read the engine (`balks`, `idleWindow`, `isLive`, ...)
/// are declared `mutating` all the same: called from a mutating method, a
/// non-mutating one receives a copy of the whole engine (about 2.5 KB,
/// every array in it retained), which cost a tenth of the throughput.
public struct OutletEngine: ~Copyable {
    let scenario: Scenario
    let seed: UInt64
    let clock: IntervalClock
    var calendar = EventCalendar<OutletEvent>(capacity: 256)
    let streams: RandomStreamBank
    let streamIndex: StreamIndices

    // Configuration flattened for the event loop.
    /// How each segment's customers behave, and how each transaction type is served.
    let segments: SegmentRules
    let transactions: TransactionRules
    /// The ticket machine's lines and which window groups call from which.
    let routing: LineRouting
    /// With a floor plan: the five walks in metres and the walking speed.
    let walks: FloorWalks
    /// How guides help: one customer at a time, or by being on duty.
    let guideHelp: GuideHelp
    let staffingTimes: [Double]
    let tracksOldestWait: Bool

    // The zones, each owning its state, its gauges and their reset and advance.
    /// The doors: open or closed, past the overtime limit, who came in and who is inside.
    var doors: Doors
    /// The greeters' desk: its queue, greeters on duty and busy, and their gauges.
    var reception: StaffDesk
    /// The guides on the self-service floor: their queue, on duty and busy, and their gauges.
    var guides: StaffDesk
    /// The self-service zone: its kiosks by type, their queues, failures and gauges.
    var selfService: SelfServiceArea
    /// The waiting zone: its ticket lines, who waits where, seats and standing.
    var waiting: WaitingRoom
    /// The service counters: every window by group, flexible ones apart, and their gauges.
    var counters: Counters
    /// Customers in each of ``floorZones``, counted only with a floor plan.
    var floor: FloorCounts

    // Day state.
    var day = 0
    /// Walk-in arrivals: each segment's rate by piece, where today's walk reached, and the day factor.
    var walkIns: WalkInPlan
    /// The customers inside, by slot; a slot is reused once its customer leaves.
    var customers = SlotStore<Customer>(capacity: 256)
    var pendingRecords = RecordOutbox(capacity: 64)
    var arrivalsPerInterval: FixedArray<Int>
    var outcomeCounts: FixedArray<Int>

    /// Prepares the engine for `scenario`; days are then run with ``run(day:into:)``.
    ///
    /// - Throws: only if the random streams cannot be allocated.
    public init(scenario: Scenario, seed: UInt64) throws(RandomStreamError) {
        self.scenario = scenario
        self.seed = seed
        let intervals = scenario.intervalCount
        clock = IntervalClock(opening: scenario.opening, length: scenario.intervalMinutes, count: intervals)
        let indices = StreamIndices(scenario: scenario)
        streams = try RandomStreamBank(seed: seed, replication: 0, purposes: indices.purposes)
        streamIndex = indices

        segments = SegmentRules(scenario.segments)
        transactions = TransactionRules(scenario)
        walkIns = WalkInPlan(scenario)
        reception = StaffDesk(intervals: intervals, queueCapacity: 32)
        guides = StaffDesk(intervals: intervals, queueCapacity: 16)
        guideHelp = GuideHelp(assist: scenario.selfService.guideAssist != nil, asks: scenario.selfService.guideAssist?.asks ?? 0)
        walks = FloorWalks(metres: scenario.floorPlan?.walks ?? [], speed: scenario.floorPlan?.walkingSpeed)

        let layout = LineLayout(scenario: scenario)
        routing = LineRouting(layout)
        waiting = WaitingRoom(lines: layout.lineCount, groups: scenario.windowGroups.count, intervals: intervals)

        counters = Counters(groups: scenario.windowGroups.map { ($0.open.steps.map(\.value).max() ?? 0, $0.flexible?.maxWindows ?? 0) },
                            intervals: intervals)

        selfService = SelfServiceArea(kioskCounts: scenario.selfService.kioskTypes.map(\.count), intervals: intervals)

        var changes = Set<Double>()
        for group in scenario.windowGroups { changes.formUnion(group.open.steps.map(\.start)) }
        if let reception = scenario.reception { changes.formUnion(reception.greeters.steps.map(\.start)) }
        changes.formUnion(scenario.selfService.guides.steps.map(\.start))
        staffingTimes = changes.filter { $0 > scenario.opening && $0 < scenario.closing }.sorted()
        tracksOldestWait = scenario.windowGroups.contains { $0.flexible?.openWhenOldestWait != nil }

        arrivalsPerInterval = FixedArray(repeating: 0, count: intervals)
        outcomeCounts = FixedArray(repeating: 0, count: Outcome.allCases.count)
        doors = Doors(intervals: intervals)
        floor = FloorCounts(intervals: intervals, counts: scenario.floorPlan != nil)
    }

    /// Simulates day `day` (the replication number: each day has its own
    /// random streams) and hands every customer's record to `sink` as the
    /// customer leaves.
    ///
    /// - Complexity: O(*e* log *p*) for *e* events with at most *p* pending.
    public mutating func run<Sink: CustomerRecordSink>(day: Int, into sink: inout Sink) -> DayTotals {
        // Without a stop request the day always finishes.
        run(day: day, into: &sink, stoppingAt: nil) ?? finishDay()
    }

    /// Simulates day `day` as ``run(day:into:)`` does, unless `stop` is
    /// requested first: it is looked at every ``eventsBetweenStopChecks``
    /// events, and the day is then abandoned.
    ///
    /// - Returns: the day's totals, or nil when stopped.
    /// - Complexity: O(*e* log *p*) for *e* events with at most *p* pending.
    public mutating func run<Sink: CustomerRecordSink>(day: Int, into sink: inout Sink, stoppingAt stop: StopRequest?) -> DayTotals? {
        startDay(day)
        var untilCheck = Self.eventsBetweenStopChecks
        while let event = calendar.next() {
            handle(event)
            if pendingRecords.count > 0 {
                for index in 0..<pendingRecords.count { sink.record(pendingRecords[index]) }
                pendingRecords.removeAll()
            }
            if !doors.open && doors.inside == 0 { break }
            untilCheck -= 1
            if untilCheck == 0 {
                untilCheck = Self.eventsBetweenStopChecks
                if let stop, stop.isRequested { return nil }
            }
        }
        return finishDay()
    }

    /// Events handled between looks at a ``StopRequest``: a few milliseconds of work.
    public static let eventsBetweenStopChecks = 4_096

    /// Simulates day `day`, discarding customer records.
    public mutating func run(day: Int) -> DayTotals {
        var sink = DiscardingSink()
        return run(day: day, into: &sink)
    }

    @inline(__always)
    mutating func handle(_ event: Event<OutletEvent>) {
        let entity = Int(event.entity)
        switch event.kind {
        case .walkInArrival: walkInArrives(segment: entity)
        case .appointmentArrival: appointmentArrives(slot: entity)
        case .traceArrival: traceArrives(row: entity)
        case .reachZone: reachZone(customer: entity)
        case .triageEnd: finishTriage(customer: entity)
        case .kioskEnd: finishKiosk(kiosk: entity, sequence: event.sequence)
        case .kioskFailure: kioskFails(kiosk: entity)
        case .kioskRepair: kioskRepaired(kiosk: entity)
        case .serviceEnd: finishService(window: entity)
        case .patienceExpiry: patienceRunsOut(customer: entity, sequence: event.sequence)
        case .staffingChange: applyStaffing()
        case .flexibleWindowOpens: openFlexibleWindow(group: entity)
        case .oldestWaitCheck: checkOldestWaits()
        case .doorsClose: closeDoors()
        case .overtimeLimit: reachOvertimeLimit()
        case .assistEnd: finishAssist(customer: entity)
        case .guidePatienceExpiry: guidePatienceRunsOut(customer: entity, sequence: event.sequence)
        }
    }

    /// Resets the day's state and schedules its first events.
    mutating func startDay(_ day: Int) {
        self.day = day
        streams.reseed(seed: seed, replication: day)
        if let factor = scenario.arrivals.dayFactor, let stream = streamIndex.dayFactor {
            walkIns.dayFactor = min(max(factor.sample(from: streams, stream: stream), 0), walkIns.mostFactor)
        }
        let opening = scenario.opening
        calendar.removeAll(resettingClockTo: opening)
        customers.removeAll()
        doors.reset(at: opening, closing: scenario.closing, clock)
        waiting.reset(at: opening, clock)
        reception.reset(at: opening, clock)
        guides.reset(at: opening, clock)
        floor.reset(at: opening, clock)
        selfService.reset(at: opening, clock)
        counters.reset(at: opening, clock)
        arrivalsPerInterval.setAll(to: 0)
        outcomeCounts.setAll(to: 0)

        applyStaffing()
        for time in staffingTimes { calendar.schedule(.staffingChange, for: -1, at: time) }
        scheduleFirstArrivals()
        scheduleAppointments()
        scheduleFirstBreakdowns()
        if tracksOldestWait { calendar.schedule(.oldestWaitCheck, for: -1, after: 1) }
        calendar.schedule(.doorsClose, for: -1, at: scenario.closing)
        calendar.schedule(.overtimeLimit, for: -1, at: scenario.closing + scenario.maxOvertime)
    }

    /// Closes the gauges at the end of the day and collects the totals.
    mutating func finishDay() -> DayTotals {
        let end = max(calendar.now, scenario.closing)
        counters.advance(to: end, clock)
        waiting.advance(to: end, clock)
        doors.advance(to: end, clock)
        reception.advance(to: end, clock)
        guides.advance(to: end, clock)
        selfService.advance(to: end, clock)
        floor.advance(to: end, clock)
        let presence = floor.counts ? [floor.reception, floor.selfService, floor.counters] : []
        return DayTotals(
            day: day, arrivals: arrivalsPerInterval.values, outcomes: outcomeCounts.values,
            waitingOccupancyArea: waiting.occupancy.area, waitingOccupancyMaximum: waiting.occupancy.maximum,
            waitingAtEnd: waiting.occupancy.atEnd, insideArea: doors.insideGauge.area, insideAtEnd: doors.insideGauge.atEnd,
            standingArea: waiting.standing.area, standingMinutes: waiting.standing.positiveTime,
            windowOpenMinutes: counters.openGauge.map(\.area), windowBusyMinutes: counters.busyGauge.map(\.area),
            queueArea: waiting.groupQueue.map(\.area),
            flexibleStaffMinutes: counters.flexibleStaffMinutes.values,
            kioskBusyMinutes: selfService.busyGauge.map(\.area), kioskDownMinutes: selfService.downGauge.map(\.area),
            kioskFailures: selfService.failures.values,
            greeterOnDutyMinutes: reception.onDutyGauge.area, greeterBusyMinutes: reception.busyGauge.area,
            guideMinutes: guides.onDutyGauge.area, guideBusyMinutes: guides.busyGauge.area,
            zonePresenceArea: presence.map(\.area), zonePresenceMaximum: presence.map(\.maximum),
            lastExit: doors.lastExit, overtime: max(0, doors.lastExit - scenario.closing))
    }

    /// Customer slots allocated so far: the most customers ever inside at once.
    public var slotCount: Int { customers.slotCount }
}
