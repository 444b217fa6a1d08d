import Foundation
import Testing
import Distributions
import OutletEngine
import Scenario

func mean(_ values: [Double]) -> Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }

@Suite("Outlet mechanisms")
struct MechanismTests {
    @Test("a guide raises the kiosk share by the configured boost")
    func guidesRaiseKioskShare() throws {
        var scenario = try Fixtures.branch()
        scenario.reception = nil  // everyone chooses at the entrance, so the choice is easy to count
        let (without, _) = try Fixtures.simulate(scenario, days: 40)
        scenario.selfService.guides = .constant(1)
        let (with, _) = try Fixtures.simulate(scenario, days: 40)
        func adoption(_ records: [CustomerRecord], segment: Int) -> Double {
            let cash = records.filter { $0.transactionType == 0 && $0.segment == segment && !$0.hasAppointment }
            return Double(cash.filter { !$0.kioskStart.isNaN || $0.fallback != .none }.count) / Double(cash.count)
        }
        // Regular customers choose kiosks with probability 0.4, and 0.6 with a guide.
        let before = adoption(without, segment: 0), after = adoption(with, segment: 0)
        let n = Double(without.filter { $0.transactionType == 0 && $0.segment == 0 }.count)
        let se = (0.25 / n).squareRoot()
        #expect(abs(before - 0.4) < 4 * se, "adoption without a guide \(before)")
        #expect(abs(after - 0.6) < 4 * se, "adoption with a guide \(after)")
        let kioskServed = { (records: [CustomerRecord]) in records.filter { $0.outcome == .servedAtKiosk }.count }
        #expect(kioskServed(with) > kioskServed(without))
    }

    @Test("breakdowns produce fallbacks to the counter, and none happen without breakdowns")
    func breakdownsProduceFallbacks() throws {
        var scenario = try Fixtures.branch()
        scenario.selfService.guides = .constant(1)
        let (calm, calmTotals) = try Fixtures.simulate(scenario, days: 20)
        #expect(calm.allSatisfy { $0.fallback != .breakdown && $0.fallback != .noWorkingKiosk })
        #expect(calmTotals.allSatisfy { $0.kioskFailures == [0] })
        scenario.selfService.kioskTypes[0].breakdowns = Breakdowns(timeBetweenFailures: try .exponential(mean: 45),
                                                                   repairTime: try .uniform(min: 10, max: 30))
        let (broken, brokenTotals) = try Fixtures.simulate(scenario, days: 20)
        #expect(broken.contains { $0.fallback == .breakdown })
        #expect(broken.contains { $0.fallback == .noWorkingKiosk })
        #expect(brokenTotals.reduce(0) { $0 + $1.kioskFailures[0] } > 20 * 8)
        #expect(brokenTotals.contains { $0.kioskDownMinutes[0].reduce(0, +) > 0 })
        // A customer interrupted by a breakdown was at a kiosk, and goes on to the counter.
        let interrupted = broken.filter { $0.fallback == .breakdown }
        #expect(interrupted.allSatisfy { !$0.kioskStart.isNaN && $0.outcome != .servedAtKiosk })
        #expect(interrupted.contains { $0.outcome == .servedAtCounter })
    }

    @Test("no customer is passed over more than the configured number of times")
    func antiStarvationBound() throws {
        var scenario = try Fixtures.branch()
        // Make VIPs numerous and regulars impatient-free so that regulars are skipped often.
        scenario.arrivals.rates = .total(.constant(90), shares: [0.6, 0.4])
        scenario.segments[0].patience = nil
        scenario.segments[1].patience = nil
        scenario.windowGroups[1].open = .constant(0)
        let (unbounded, _) = try Fixtures.simulate(scenario, days: 10)
        #expect((unbounded.map(\.passedOver).max() ?? 0) > 3)
        scenario.calling.maxPassOvers = 3
        let (bounded, _) = try Fixtures.simulate(scenario, days: 10)
        #expect((bounded.map(\.passedOver).max() ?? 0) <= 3)
        #expect(bounded.contains { $0.passedOver == 3 })
    }

    @Test("windows never serve outside their skills")
    func skills() throws {
        let scenario = try Fixtures.branch()
        let (records, _) = try Fixtures.simulate(scenario, days: 20)
        let served = records.filter { $0.outcome == .servedAtCounter }
        #expect(!served.isEmpty)
        for record in served {
            let group = scenario.windowGroups[record.windowGroup]
            #expect(group.canServe(segment: record.segment, transaction: record.transactionType))
        }
        // The VIP group serves only VIPs, and wealth business goes only to the wealth and VIP windows.
        #expect(served.filter { $0.windowGroup == 1 }.allSatisfy { $0.segment == 1 })
        #expect(served.filter { $0.transactionType == 2 }.allSatisfy { $0.windowGroup != 0 })
    }

    @Test("a dedicated window helps others only when its own line is empty")
    func dedicatedWindowHelps() throws {
        var scenario = try Fixtures.branch()
        scenario.windowGroups[2].helpsWith = [true, false, false]
        let (records, _) = try Fixtures.simulate(scenario, days: 20)
        let helped = records.filter { $0.windowGroup == 2 && $0.transactionType == 0 }
        #expect(!helped.isEmpty)
        // When the wealth window called a cash customer, no wealth customer was waiting.
        let wealthWaits = records.filter { $0.transactionType == 2 && !$0.ticket.isNaN && !$0.call.isNaN }
        for call in helped {
            let waitingWealth = wealthWaits.contains {
                $0.day == call.day && $0.ticket < call.call && $0.call > call.call
            }
            #expect(!waitingWealth)
        }
    }

    @Test("customers with appointments wait less than walk-ins of the same kind at equal load")
    func appointmentsWaitLess() throws {
        var scenario = try Fixtures.branch()
        let slots = stride(from: 570.0, to: 990, by: 10).map {
            ScheduledArrival(time: $0, segment: 0, transactionType: 1)
        }
        scenario.appointments = Appointments(slots: slots, noShowProbability: 0.1,
                                             lateness: try .signedUniform(min: -10, max: 15), gracePeriod: 10)
        let (records, _) = try Fixtures.simulate(scenario, days: 30)
        let booked = records.filter { $0.hasAppointment && $0.outcome == .servedAtCounter }
        let walkIns = records.filter { !$0.hasAppointment && $0.segment == 0 && $0.transactionType == 1 && $0.outcome == .servedAtCounter }
        #expect(booked.count > 30 * 30)
        let bookedWait = mean(booked.map(\.waitForCounter)), walkInWait = mean(walkIns.map(\.waitForCounter))
        #expect(bookedWait < 0.5 * walkInWait, "appointments \(bookedWait) vs walk-ins \(walkInWait)")
        // About 10% of 42 slots a day do not show.
        let shown = Double(records.filter(\.hasAppointment).count) / 30
        #expect(abs(shown - 42 * 0.9) < 3)
    }

    @Test("closing: nobody is admitted after closing, everybody inside is resolved, an overloaded day ends")
    func closing() throws {
        var scenario = try Fixtures.branch()
        scenario.arrivals.rates = .total(.constant(200), shares: [0.85, 0.15])  // heavily overloaded
        scenario.segments[0].patience = nil
        scenario.segments[1].patience = nil
        scenario.waitingZone = WaitingZone(seats: 40, standing: 400)
        let (records, totals) = try Fixtures.simulate(scenario, days: 5)
        #expect(records.allSatisfy { $0.arrival < scenario.closing })
        for day in totals {
            let resolved = day.outcomes.reduce(0, +)
            #expect(resolved == day.totalArrivals)
            #expect(day.count(of: .unserved) > 0)
            #expect(day.overtime >= scenario.maxOvertime)
            // Those in service at the limit finish; nobody starts after it.
            #expect(day.lastExit < scenario.closing + scenario.maxOvertime + 120)
        }
        let limit = scenario.closing + scenario.maxOvertime
        #expect(records.allSatisfy { $0.serviceStart.isNaN || $0.serviceStart <= limit })
        #expect(records.filter { $0.outcome == .unserved }.allSatisfy { abs($0.exit - limit) < 1e-9 || $0.exit >= limit })
    }

    @Test("flexible windows open at peaks, cut waits, and their staff-minutes are counted")
    func flexibleWindows() throws {
        var scenario = try Fixtures.branch()
        scenario.arrivals.peaks = [Peak(name: "lunch", from: 690, until: 810, factor: 1.8)]
        let (rigid, rigidTotals) = try Fixtures.simulate(scenario, days: 20)
        scenario.windowGroups[0].flexible = FlexibleWindowRule(maxWindows: 2, openWhenWaiting: 8, openWhenOldestWait: nil,
                                                               activationDelay: 5, closeWhenWaitingBelow: 2)
        let (flexible, flexibleTotals) = try Fixtures.simulate(scenario, days: 20)
        #expect(rigidTotals.allSatisfy { $0.flexibleStaffMinutes[0] == 0 })
        let minutes = flexibleTotals.map { $0.flexibleStaffMinutes[0] }
        #expect(minutes.allSatisfy { $0 > 0 })
        #expect(minutes.allSatisfy { $0 <= 2 * (scenario.closing - scenario.opening + scenario.maxOvertime) })
        let waits = { (records: [CustomerRecord]) in mean(records.filter { $0.outcome == .servedAtCounter }.map(\.waitForCounter)) }
        #expect(waits(flexible) < waits(rigid))
    }

    @Test("an oldest-wait trigger opens flexible windows too")
    func flexibleOnOldestWait() throws {
        var scenario = try Fixtures.branch()
        scenario.arrivals.peaks = [Peak(name: "lunch", from: 690, until: 810, factor: 1.8)]
        scenario.windowGroups[0].flexible = FlexibleWindowRule(maxWindows: 1, openWhenWaiting: nil, openWhenOldestWait: 15,
                                                               activationDelay: 3, closeWhenWaitingBelow: 1)
        let (_, totals) = try Fixtures.simulate(scenario, days: 10)
        #expect(totals.contains { $0.flexibleStaffMinutes[0] > 0 })
    }

    @Test("balking on queue length: with probability 1 customers leave, with 0 nobody does")
    func balking() throws {
        var scenario = try Fixtures.branch()
        scenario.arrivals.peaks = [Peak(name: "lunch", from: 690, until: 810, factor: 1.8)]
        scenario.segments[0].balking = BalkingRule(trigger: .queueLength(atLeast: 10), probability: 0)
        let (never, _) = try Fixtures.simulate(scenario, days: 10)
        #expect(!never.contains { $0.outcome == .balked })
        scenario.segments[0].balking = BalkingRule(trigger: .queueLength(atLeast: 10), probability: 1)
        let (always, _) = try Fixtures.simulate(scenario, days: 10)
        let balked = always.filter { $0.outcome == .balked }
        #expect(!balked.isEmpty && balked.allSatisfy { $0.segment == 0 && $0.ticket.isNaN })
        scenario.segments[0].balking = BalkingRule(trigger: .announcedWait(atLeast: 20), probability: 1)
        let (announced, _) = try Fixtures.simulate(scenario, days: 10)
        #expect(announced.contains { $0.outcome == .balked })
    }

    @Test("greeters resolve the configured share on the spot; without greeters nobody is triaged")
    func reception() throws {
        var scenario = try Fixtures.branch()
        let (records, totals) = try Fixtures.simulate(scenario, days: 30)
        let walkIns = records.filter { !$0.hasAppointment }
        let resolved = Double(walkIns.filter { $0.outcome == .resolvedAtReception }.count)
        // Expected share: Σ over segments and types of share × mix × greeter share.
        let expected = 0.85 * (0.6 * 0.05 + 0.35 * 0.02) + 0.15 * (0.3 * 0.05 + 0.2 * 0.02)
        let n = Double(walkIns.count)
        #expect(abs(resolved / n - expected) < 4 * (expected * (1 - expected) / n).squareRoot())
        #expect(totals.allSatisfy { $0.greeterBusyMinutes.reduce(0, +) > 0 })
        scenario.reception?.greeters = .constant(0)
        let (alone, _) = try Fixtures.simulate(scenario, days: 5)
        #expect(alone.allSatisfy { $0.triageEnd.isNaN && $0.outcome != .resolvedAtReception })
        #expect(alone.contains { !$0.kioskStart.isNaN })
    }

    @Test("walking between zones adds its mean to the time in the outlet")
    func walking() throws {
        var scenario = try Fixtures.multiServer(servers: 50, arrivalsPerHour: 60, meanService: 5, minutes: 600)
        let (direct, _) = try Fixtures.simulate(scenario, days: 30)
        scenario.walking = WalkingTimes(entranceToReception: try .deterministic(1), receptionToWaiting: try .uniform(min: 1, max: 3),
                                        waitingToWindow: try .deterministic(0.5))
        let (walked, _) = try Fixtures.simulate(scenario, days: 30)
        let stay = { (records: [CustomerRecord]) in mean(records.map { $0.exit - $0.arrival }) }
        // No queueing with 50 windows: the difference is the walks, 1 + 2 + 0.5 minutes on average.
        #expect(abs(stay(walked) - stay(direct) - 3.5) < 0.1)
    }

    @Test("a window closing at a staffing change finishes its customer, then takes nobody new")
    func windowClosesAfterCurrentCustomer() throws {
        var scenario = try Fixtures.multiServer(servers: 2, arrivalsPerHour: 40, meanService: 5, minutes: 600)
        scenario.windowGroups[0].open = StepSchedule(steps: [(0, 2), (300, 1)])
        let (records, totals) = try Fixtures.simulate(scenario, days: 20)
        let served = records.filter { $0.outcome == .servedAtCounter }
        let secondWindow = served.filter { $0.window == 1 }
        #expect(secondWindow.allSatisfy { $0.call < 300 })
        #expect(secondWindow.contains { $0.serviceEnd > 300 })
        // Open window-minutes: 2 windows for 300 minutes, then 1 (plus the tail of the closing customer).
        for day in totals {
            let open = day.windowOpenMinutes[0].reduce(0, +)
            #expect(open >= 300 * 2 + (day.lastExit - 300) - 1e-6)
        }
    }

    @Test("group arrivals come together")
    func groups() throws {
        var scenario = try Fixtures.multiServer(servers: 5, arrivalsPerHour: 20, meanService: 5, minutes: 600)
        scenario.segments[0].groupSize = try .deterministic(2)
        let (records, _) = try Fixtures.simulate(scenario, days: 5)
        let byDay = Dictionary(grouping: records, by: \.day)
        for (_, day) in byDay {
            let arrivals = Dictionary(grouping: day, by: \.arrival)
            #expect(arrivals.values.allSatisfy { $0.count == 2 })
        }
    }

    @Test("demand growth: arrivals.scale 1.5 gives 1.5 times the Poisson mean of walk-ins, peaks included")
    func demandScale() throws {
        // 20 per hour for 600 minutes with a 2x peak over 60 of them: 220
        // walk-ins a day, 330 when scaled by 1.5. Counts are Poisson, so the
        // mean of 40 days has a standard error of sqrt(330 / 40) = 2.9.
        var scenario = try Fixtures.multiServer(servers: 20, arrivalsPerHour: 20, meanService: 5, minutes: 600)
        scenario.arrivals.peaks = [Peak(name: "peak", from: 120, until: 180, factor: 2)]
        scenario.arrivals.scale = 1.5
        let days = 40
        let (records, _) = try Fixtures.simulate(scenario, days: days)
        let expected = 1.5 * (20 * 10 + 20 * 1)
        let meanCount = Double(records.count) / Double(days)
        #expect(abs(meanCount - expected) < 3.29 * (expected / Double(days)).squareRoot(), "mean \(meanCount), expected \(expected)")
    }

    @Test("trace-driven arrivals replay the list")
    func traceArrivals() throws {
        var scenario = try Fixtures.branch()
        let trace = [ScheduledArrival(time: 545, segment: 0, transactionType: 1), ScheduledArrival(time: 600, segment: 1, transactionType: nil),
                     ScheduledArrival(time: 600, segment: 0, transactionType: 2), ScheduledArrival(time: 1030, segment: 0, transactionType: 0)]
        scenario.arrivals.trace = trace
        let (records, _) = try Fixtures.simulate(scenario, days: 1)
        #expect(records.count == 3)  // the 17:10 row comes after closing
        #expect(Set(records.map(\.arrival)) == [545, 600])
        #expect(records.filter { $0.arrival == 545 }.allSatisfy { $0.transactionType == 1 && $0.segment == 0 })
    }

    @Test("a long kiosk queue sends customers to the counter")
    func kioskQueueBalk() throws {
        var scenario = try Fixtures.branch()
        scenario.selfService.kioskTypes[0].count = 1
        scenario.selfService.balkToCounterAt = 1
        scenario.selfService.guides = .constant(1)
        let (records, _) = try Fixtures.simulate(scenario, days: 10)
        #expect(records.contains { $0.fallback == .kioskQueueTooLong && $0.kioskStart.isNaN })
    }

    @Test("VIPs called first wait less than regular customers")
    func priority() throws {
        var scenario = try Fixtures.branch()
        scenario.windowGroups[1].open = .constant(0)
        let (records, _) = try Fixtures.simulate(scenario, days: 20)
        let served = records.filter { $0.outcome == .servedAtCounter && $0.transactionType == 0 }
        #expect(mean(served.filter { $0.segment == 1 }.map(\.waitForCounter)) < 0.5 * mean(served.filter { $0.segment == 0 }.map(\.waitForCounter)))
    }
}

@Suite("Outlet engine runs")
struct EngineRunTests {
    @Test("adding a window leaves every customer's arrival and attributes unchanged (common random numbers)")
    func commonRandomNumbers() throws {
        var scenario = try Fixtures.branch()
        let (three, _) = try Fixtures.simulate(scenario, days: 3)
        scenario.windowGroups[0].open = StepSchedule(steps: [(540, 4), (690, 5), (810, 4)])
        scenario.selfService.kioskTypes[0].count = 3
        let (four, _) = try Fixtures.simulate(scenario, days: 3)
        func key(_ records: [CustomerRecord]) -> [[Double]] {
            records.sorted { ($0.day, $0.customer) < ($1.day, $1.customer) }
                .map { [Double($0.day), Double($0.customer), $0.arrival, Double($0.segment), Double($0.transactionType)] }
        }
        #expect(key(three) == key(four))
        #expect(three.map(\.exit).sorted() != four.map(\.exit).sorted())
    }

    @Test("the same seed and day reproduce the day exactly")
    func reproducible() throws {
        let scenario = try Fixtures.branch()
        let first = try Fixtures.simulate(scenario, days: 2, seed: 3)
        let second = try Fixtures.simulate(scenario, days: 2, seed: 3)
        let sameRecords = first.0 == second.0, sameTotals = first.1 == second.1
        #expect(sameRecords)
        #expect(sameTotals)
        // Running day 1 alone gives the same day as running it after day 0.
        var engine = try OutletEngine(scenario: scenario, seed: 3)
        var sink = CollectingSink()
        _ = engine.run(day: 1, into: &sink)
        let alone = sink.records == first.0.filter { $0.day == 1 }
        #expect(alone)
    }

    @Test("memory does not grow with days: slots stay at the most customers inside at once")
    func boundedMemory() throws {
        let scenario = try Fixtures.branch()
        var engine = try OutletEngine(scenario: scenario, seed: 1)
        for day in 0..<20 { _ = engine.run(day: day) }
        let after20 = engine.slotCount
        for day in 20..<200 { _ = engine.run(day: day) }
        #expect(engine.slotCount < 150)
        #expect(engine.slotCount <= after20 + 20)
    }

    @Test("every admitted customer gets exactly one record, with touchpoints in order")
    func recordsAreConsistent() throws {
        let (records, totals) = try Fixtures.simulate(try Fixtures.branch(), days: 10)
        #expect(records.count == totals.reduce(0) { $0 + $1.totalArrivals })
        for record in records {
            let times = [record.arrival, record.triageEnd, record.kioskStart, record.kioskEnd, record.ticket,
                         record.call, record.serviceStart, record.serviceEnd, record.exit].filter { !$0.isNaN }
            #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 + 1e-9 } || record.fallback != .none)
            #expect(record.arrival <= record.exit)
            switch record.outcome {
            case .servedAtCounter: #expect(!record.serviceEnd.isNaN && record.windowGroup >= 0)
            case .servedAtKiosk: #expect(!record.kioskEnd.isNaN)
            case .reneged, .unserved: #expect(!record.ticket.isNaN || record.outcome == .unserved)
            default: break
            }
        }
    }
}

@Suite("Walking on a floor plan")
struct FloorPlanWalkingTests {
    @Test("with a floor plan every walk is its metres through the doors over the customer's speed")
    func walksFromDistances() throws {
        var scenario = try Fixtures.branch()
        scenario.reception = nil
        scenario.selfService.kioskTypes = []
        scenario.floorPlan = FloorPlan(
            hallArea: 200,
            zones: [FloorPlan.Zone(kind: .entrance, area: 10), FloorPlan.Zone(kind: .waiting, area: 60), FloorPlan.Zone(kind: .counters, area: 60)],
            doors: [FloorPlan.Door(from: .entrance, to: .waiting, metres: 18), FloorPlan.Door(from: .waiting, to: .counters, metres: 9)],
            walkingSpeed: try .deterministic(1.5), standingSpace: 0.65, seatSpace: 0.8, kioskSpace: 2)
        let (records, _) = try Fixtures.simulate(scenario, days: 3)
        // 18 m at 1.5 m/s is 0.2 minutes to the ticket machine; 9 m is 0.1 minutes from the call to the window.
        for record in records where !record.ticket.isNaN {
            #expect(abs(record.ticket - record.arrival - 0.2) < 1e-9)
            if !record.serviceStart.isNaN { #expect(abs(record.serviceStart - record.call - 0.1) < 1e-9) }
        }
        #expect(records.contains { !$0.serviceStart.isNaN })
    }

    @Test("with more ticket lines than one word of 64, windows call across every line in ticket order")
    func manyLinesCalledInOrder() throws {
        // 9 transaction types × 4 segments × 2 = 72 lines; equal priorities, so calls go by ticket time.
        let types = try (0..<9).map { TransactionType(name: "t\($0)", counterService: try .exponential(mean: 3)) }
        let segments = (0..<4).map { Segment(name: "s\($0)", mix: Array(repeating: 1.0 / 9, count: 9)) }
        let scenario = Scenario(
            name: "many lines", opening: 0, closing: 600, intervalMinutes: 60, maxOvertime: 10_000,
            transactionTypes: types, segments: segments,
            arrivals: ArrivalPlan(rates: .total(.constant(55), shares: [0.25, 0.25, 0.25, 0.25])),
            reception: nil, selfService: SelfServiceZone(), waitingZone: WaitingZone(seats: 10_000, standing: 0),
            windowGroups: [WindowGroup(name: "all", transactions: Array(repeating: true, count: 9),
                                       segments: Array(repeating: true, count: 4), helpsWith: Array(repeating: false, count: 9),
                                       open: .constant(3))],
            calling: CallingPolicy(), appointments: nil, walking: WalkingTimes())
        let (records, _) = try Fixtures.simulate(scenario, days: 3)
        for day in 0..<3 {
            let called = records.filter { $0.day == day && !$0.call.isNaN }.sorted { ($0.call, $0.ticket) < ($1.call, $1.ticket) }
            #expect(called.count > 1_000 / 3, "day \(day): \(called.count) called")
            // Calls are made in ticket order, whatever the line.
            #expect(zip(called, called.dropFirst()).allSatisfy { $0.ticket <= $1.ticket }, "day \(day)")
            // Every line beyond the first 64 was called from.
            let lines = Set(called.map { (($0.transactionType * 4 + $0.segment) * 2) })
            #expect(lines.contains { $0 >= 64 })
        }
        #expect(records.allSatisfy { $0.outcome == .servedAtCounter })
    }
}
