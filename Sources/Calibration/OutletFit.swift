import Foundation
import Statistics
import OutletEngine
import QueueLog

/// How `outletsim fit` reads a log into a scenario.
public struct FitSettings: Sendable {
    /// Length of the intervals for rates and staffing, minutes.
    public var intervalMinutes: Double = 30
    /// Opening and closing times, minutes after midnight; nil to take them
    /// from the first and last tickets, to the interval.
    public var opens: Double?
    public var closes: Double?
    /// Which days are fitted.
    public var dayType: DayType = .all
    /// Seed of the bootstrap resamples and of the back-validation's days.
    public var seed: UInt64 = 1
    /// Days the fitted scenario is simulated on for the back-validation.
    public var validationDays: Int = 200
    /// The share of the log's days (the last ones) held out of the fit and
    /// validated against: a model is judged on days it has not seen. Used
    /// when that is at least ``OutletFit/fewestHeldOutDays`` days.
    public var holdout: Double = 0.2
    public var jobs: Int = 1
    /// Stops the fit between its stages and the back-validation inside a
    /// day (SIGINT, SIGTERM): it then throws ``SimulationStopped``.
    public var stop: StopRequest?

    public init() {}
}

public enum FitError: Error, CustomStringConvertible, Equatable {
    case noDays(DayType, available: String)
    case noServedTickets
    case hours(String)

    public var description: String {
        switch self {
        case let .noDays(type, available): "the log has no \(type.rawValue) days (it has \(available)); choose another --day-type"
        case .noServedTickets: "the log has no served ticket with a window, so no window group can be formed"
        case let .hours(text): text
        }
    }
}

/// Everything `outletsim fit` estimates from a log, each estimate with its
/// interval: arrivals, service times, patience, transaction mix, the
/// windows as observed, the calling order and appointments.
public struct OutletFit: Sendable {
    public let log: QueueLog
    public let settings: FitSettings
    /// Indices into `log.dates` of the days fitted.
    public let days: [Int]
    /// Indices into `log.dates` of the days held out for the back-validation (the last ones; empty when none).
    public let heldOutDays: [Int]
    /// The days the back-validation compares with: the held-out days, or the fitted days when none were held out.
    public var validationDays: [Int] { heldOutDays.isEmpty ? days : heldOutDays }
    /// The tickets of the held-out days.
    public let heldOutTickets: [TicketRecord]
    /// The tickets of ``validationDays``.
    public var validationTickets: [TicketRecord] { heldOutDays.isEmpty ? tickets : heldOutTickets }
    /// The fewest days held out: fewer days make the log's own intervals
    /// too unsteady to judge a model by, so the fit is then validated on
    /// the days it was fitted to.
    public static let fewestHeldOutDays = 20
    /// Opening and closing, minutes after midnight.
    public let opening: Double
    public let closing: Double
    public var intervalCount: Int { Int(((closing - opening) / settings.intervalMinutes).rounded(.up)) }
    /// Tickets of the fitted days.
    public let tickets: [TicketRecord]
    /// Walk-in arrivals by segment and interval.
    public let arrivals: ArrivalFit
    /// Each segment's share of walk-in tickets.
    public let segmentShares: [IntervalEstimate]
    /// Transaction mix by segment, then transaction (walk-ins and bookings alike).
    public let mix: [[IntervalEstimate]]
    /// Service time by transaction; nil where nobody was served.
    public let services: [ServiceTimeFit?]
    /// The walk from the call to the start of service (the window is held
    /// meanwhile); nil when the log shows none (no separate start time, or
    /// a median walk under a second).
    public let walk: ServiceTimeFit?
    /// Patience by segment (walk-ins).
    public let patience: [PatienceFit]
    /// Walk-ins who gave up, by segment and by what the log shows of them.
    public let leavers: Leavers
    public let staffing: ObservedStaffing
    /// The window sign-in log the staffing was read from, where there was one.
    public let sessions: WindowSessions?
    public let calling: CallingOrder
    public let appointments: AppointmentFit?
    /// The rows left out of the log, and the share of each segment and interval they were.
    public let leftOut: LeftOutShares
    /// Tickets per day for each day type in the whole log, with the days counted.
    public let dayTypes: [(type: DayType, days: Int, ticketsPerDay: IntervalEstimate)]

    /// - Parameters:
    ///   - whole: the log, consumed so that its tickets are held once (a
    ///     log of millions is not copied to set the held-out days apart).
    ///   - sessions: the branch's window sign-in log, when it has one.
    public init(log whole: consuming QueueLog, settings: FitSettings, sessions: WindowSessions? = nil) throws {
        self.settings = settings
        // Day types over the whole log.
        var types: [(DayType, Int, IntervalEstimate)] = []
        var ticketsPerDay = Array(repeating: 0, count: whole.dates.count)
        for ticket in whole.tickets { ticketsPerDay[ticket.day] += 1 }
        for type in [DayType.weekday, .saturday, .sunday] {
            let typed = whole.dates.indices.filter { DayType.of(whole.dates[$0]) == type }
            guard !typed.isEmpty else { continue }
            let perDay = typed.map { Double(ticketsPerDay[$0]) }
            types.append((type, typed.count, ArrivalFit.rate(perDay, hours: 1)))
        }
        dayTypes = types
        let typed = whole.dates.indices.filter { settings.dayType.includes(whole.dates[$0]) }
        guard !typed.isEmpty else {
            let types = Set(whole.dates.map { DayType.of($0).rawValue }).sorted().joined(separator: ", ")
            throw FitError.noDays(settings.dayType, available: types)
        }
        let share = Int((settings.holdout * Double(typed.count)).rounded())
        let heldOut = share >= Self.fewestHeldOutDays ? share : 0
        let days = Array(typed.dropLast(heldOut))
        heldOutDays = Array(typed.suffix(heldOut))
        self.days = days
        // Only the segments, transactions and windows that come on these
        // days: a segment that never comes on Saturdays is no Saturday segment.
        let chosen = Set(days), held = Set(heldOutDays)
        let everyDay = typed.count == whole.dates.count
        var log = consume whole
        if !everyDay {
            log.tickets.removeAll { !chosen.contains($0.day) && !held.contains($0.day) }
            log.compact()
        }
        heldOutTickets = held.isEmpty ? [] : log.tickets.filter { held.contains($0.day) }
        if !held.isEmpty { log.tickets.removeAll { held.contains($0.day) } }
        self.log = log
        let tickets = log.tickets
        self.tickets = tickets
        guard tickets.contains(where: { $0.window >= 0 && !$0.serviceEnd.isNaN }) else { throw FitError.noServedTickets }
        // Hours: the first and last tickets, to whole intervals.
        let minutes = settings.intervalMinutes
        let issued = tickets.filter { !$0.absentBooking }.map(\.issued)
        let opening = settings.opens ?? ((issued.min() ?? 0) / minutes).rounded(.down) * minutes
        let closing = settings.closes ?? max(((issued.max() ?? 0) / minutes).rounded(.up) * minutes, opening + minutes)
        self.opening = opening
        self.closing = closing
        guard closing > opening else {
            throw FitError.hours("--closes must be after --opens")
        }
        let intervals = Int(((closing - opening) / minutes).rounded(.up))
        func interval(_ time: Double) -> Int { min(max(Int((time - opening) / minutes), 0), intervals - 1) }
        let dayPosition = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
        leftOut = LeftOutShares(log: log, tickets: tickets, days: Set(days.map { log.dates[$0] }), intervalCount: intervals,
                                interval: interval)
        let segments = log.segments.count, transactions = log.transactions.count

        // Arrivals: walk-in tickets per day, segment and interval.
        var counts = Array(repeating: Array(repeating: Array(repeating: 0, count: intervals), count: segments), count: days.count)
        // Walk-ins, unmaterialised: a log of millions of tickets is not copied.
        let walkIns = tickets.lazy.filter { !$0.isAppointment }
        var walkInsBySegment = Array(repeating: 0, count: segments)
        for ticket in walkIns {
            walkInsBySegment[ticket.segment] += 1
            guard let position = dayPosition[ticket.day] else { continue }
            counts[position][ticket.segment][interval(ticket.issued)] += 1
        }
        arrivals = ArrivalFit(counts: counts, intervalHours: minutes / 60)
        let walkInCount = walkInsBySegment.reduce(0, +)
        segmentShares = walkInsBySegment.map { Estimate.wilson(successes: Double($0), trials: walkInCount, level: 0.95) }

        // Mix: transactions of each segment's tickets.
        mix = (0..<segments).map { segment in
            let own = tickets.filter { $0.segment == segment }
            return (0..<transactions).map { transaction in Estimate.wilson(successes: Double(own.filter { $0.transaction == transaction }.count), trials: own.count, level: 0.95) }
        }

        try Self.check(settings.stop)
        // Service times of served tickets, by transaction.
        services = try (0..<transactions).map { transaction in
            try Self.check(settings.stop)
            let sample = tickets.filter { $0.transaction == transaction && $0.outcome == .served }.map(\.serviceTime)
            return try ServiceTimeFit(sample: sample, seed: settings.seed &+ UInt64(transaction), stop: settings.stop)
        }
        try Self.check(settings.stop)

        // The walk to the window: the call to the start of service.
        let walks = tickets.filter { $0.outcome == .served && !$0.called.isNaN && !$0.serviceStart.isNaN }
            .map { $0.serviceStart - $0.called }.sorted()
        walk = walks.isEmpty || walks[walks.count / 2] < 1.0 / 60 ? nil
            : try ServiceTimeFit(sample: walks, seed: settings.seed &+ 0x5A1C, stop: settings.stop)
        try Self.check(settings.stop)
        // Patience of walk-ins, from what each one's wait says (PatienceFit).
        let leavers = Leavers(tickets: tickets, segments: segments)
        self.leavers = leavers
        try Self.check(settings.stop)
        patience = try leavers.observations.map { observations in
            try Self.check(settings.stop)
            return PatienceFit(observations)
        }

        try Self.check(settings.stop)
        staffing = ObservedStaffing(tickets: tickets, days: days, dates: log.dates, windowNames: log.windows, opening: opening,
                                    intervalMinutes: minutes, intervalCount: intervals, sessions: sessions)
        self.sessions = sessions
        try Self.check(settings.stop)
        calling = CallingOrder(tickets: tickets, segments: segments)
        try Self.check(settings.stop)
        appointments = AppointmentFit(tickets: tickets, days: days.count, segments: segments, transactions: transactions,
                                      opening: opening, intervalMinutes: minutes, intervalCount: intervals)

    }

    /// Throws when a stop was requested.
    static func check(_ stop: StopRequest?) throws {
        if let stop, stop.isRequested { throw SimulationStopped(signal: stop.signal) }
    }
}
