import Distributions
import OutletEngine
import Scenario

/// Scenarios built in code for the engine's tests.
enum Fixtures {
    /// The M/M/c reduction: one segment, one transaction type, one window
    /// group of `servers` windows, no kiosks, no greeter, no walking, over a
    /// long "day" so that the steady state dominates.
    static func multiServer(servers: Int, arrivalsPerHour: Double, meanService: Double,
                            patience: Distribution? = nil, seats: Int = 100_000, standing: Int = 0,
                            minutes: Double = 20_000) throws -> Scenario {
        let types = [TransactionType(name: "general", counterService: try .exponential(mean: meanService))]
        let segments = [Segment(name: "regular", mix: [1], patience: patience)]
        return Scenario(
            name: "M/M/\(servers)", opening: 0, closing: minutes, intervalMinutes: 60, maxOvertime: 100_000,
            transactionTypes: types, segments: segments,
            arrivals: ArrivalPlan(rates: .total(.constant(arrivalsPerHour), shares: [1])),
            reception: nil, selfService: SelfServiceZone(), waitingZone: WaitingZone(seats: seats, standing: standing),
            windowGroups: [WindowGroup(name: "general", transactions: [true], segments: [true], helpsWith: [false],
                                       open: .constant(servers))],
            calling: CallingPolicy(), appointments: nil, walking: WalkingTimes())
    }

    /// A small branch day, 09:00-17:00, with every mechanism available to switch on.
    static func branch() throws -> Scenario {
        let types = [
            TransactionType(name: "cash", counterService: try .gamma(mean: 4, sd: 2),
                            kiosk: KioskAbility(time: try .lognormal(mean: 2.5, sd: 1), successProbability: 0.8),
                            greeterResolves: 0.05),
            TransactionType(name: "开户", counterService: try .gamma(mean: 12, sd: 5), greeterResolves: 0.02),
            TransactionType(name: "wealth", counterService: try .gamma(mean: 20, sd: 8)),
        ]
        let segments = [
            Segment(name: "regular", priority: 0, mix: [0.6, 0.35, 0.05], patience: try .exponential(mean: 40),
                    selfServicePropensity: 0.4),
            Segment(name: "贵宾", priority: 2, mix: [0.3, 0.2, 0.5], patience: try .exponential(mean: 60),
                    selfServicePropensity: 0.2),
        ]
        let rates = StepSchedule<Double>(steps: [(540, 50), (690, 80), (810, 55), (960, 70)])
        return Scenario(
            name: "branch", opening: 540, closing: 1020, intervalMinutes: 30, maxOvertime: 90,
            transactionTypes: types, segments: segments,
            arrivals: ArrivalPlan(rates: .total(rates, shares: [0.85, 0.15]),
                                  peaks: [Peak(name: "lunch", from: 690, until: 810, factor: 1.2)]),
            reception: Reception(greeters: .constant(1), triageTime: try .uniform(min: 0.3, max: 1.2)),
            selfService: SelfServiceZone(
                kioskTypes: [KioskType(name: "smart teller", count: 2, transactions: [true, false, false])],
                guides: .constant(0), guideAdoptionBoost: 0.2, guideSuccessBoost: 0.1),
            waitingZone: WaitingZone(seats: 20, standing: 15),
            windowGroups: [
                WindowGroup(name: "general", transactions: [true, true, false], segments: [true, true],
                            helpsWith: [false, false, false], open: StepSchedule(steps: [(540, 3), (690, 4), (810, 3)])),
                WindowGroup(name: "VIP", transactions: [true, true, true], segments: [false, true],
                            helpsWith: [false, false, false], open: .constant(1)),
                WindowGroup(name: "wealth", transactions: [false, false, true], segments: [true, true],
                            helpsWith: [false, false, false], open: .constant(1)),
            ],
            calling: CallingPolicy(prioritiseSegments: true, appointmentsFirst: true, maxPassOvers: nil),
            appointments: nil, walking: WalkingTimes())
    }

    /// Runs `days` days and returns every record and each day's totals.
    static func simulate(_ scenario: Scenario, days: Int, seed: UInt64 = 7) throws -> ([CustomerRecord], [DayTotals]) {
        var engine = try OutletEngine(scenario: scenario, seed: seed)
        var sink = CollectingSink()
        var totals: [DayTotals] = []
        for day in 0..<days { totals.append(engine.run(day: day, into: &sink)) }
        return (sink.records, totals)
    }
}
