import Foundation
import OutletEngine
import Scenario
import Statistics

/// Every quantity OutletSim measures, by identity. Its ``name`` is what
/// results files, targets and notebooks carry; nothing else spells metric
/// names, so a misspelt metric is a compile error, not a silent NaN.
///
/// How each is estimated across days is part of its identity too
/// (``estimator``): a customer-weighted or time-weighted ratio, a plain mean
/// of days, or a percentile of pooled customers.
public enum Metric: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Customers (per day, interval of arrival, segment, transaction type, window group).
    /// Customers admitted.
    case arrivals
    /// Customers whose visit ended this way.
    case outcomeCount(Outcome)
    /// The same as a share of arrivals.
    case outcomeShare(Outcome)
    /// Balked, blocked, reneged or unserved, as a share of arrivals.
    case shareAbandoned
    /// Served at a kiosk, as a share of arrivals.
    case kioskShare
    /// Served at a kiosk, as a share of those who started at one.
    case kioskSuccessRate
    /// Minutes from ticket to call, customers served at a window.
    case waitMean
    /// Minutes from ticket to call or to leaving, every ticket holder.
    case ticketWaitMean
    /// A percentile (50, 90, 95) of the wait of customers served at a window, minutes.
    case waitPercentile(Int)
    /// The mean over days of each day's longest wait, minutes.
    case waitMax
    /// Share of ticket holders called within this many minutes (exact: waits ≤ T).
    case shareServedWithin(Double)
    /// Minutes from arrival to leaving.
    case timeInOutletMean
    /// A percentile (50, 90, 95) of the time in the outlet, minutes.
    case timeInOutletPercentile(Int)

    // The waiting zone and the outlet over time (day, interval).
    /// Customers in the waiting zone, time average.
    case occupancyMean
    /// Most customers in the waiting zone at once, mean over days.
    case occupancyMax
    /// Minutes with at least one customer standing.
    case standingMinutes
    /// Most customers standing at once, mean over days.
    case standingMax
    /// Customers waiting for a window at the end of the interval (at closing for the last).
    case waitingAtEnd
    /// Customers inside the outlet, time average.
    case inOutletMean
    /// Customers inside the outlet at the end of the interval (at closing for the last).
    case inOutletAtEnd
    /// Minutes from closing until the last customer left.
    case overtimeMinutes
    /// Tickets taken (interval).
    case tickets
    /// Tickets × mean service time / interval length (interval).
    case counterLoadErlangs

    // Resources.
    /// Busy / open window-minutes of all windows.
    case windowUtilisation
    /// Windows open, time average.
    case openWindows
    case windowStaffHours
    /// Staff-hours of all staff.
    case staffHours
    /// Busy share of a resource's time (window group, kiosk type, greeters).
    case utilisation
    case flexibleStaffHours
    case shareOfTimeBroken
    case breakdowns
    /// The day's cost (yuan), in all or one component.
    case cost(CostComponent?)
    /// Customers waiting whom a window group can call, time-averaged.
    case queueLength
    /// Share of days on which a target (by index in `Scenario.targets`)
    /// judged on days held at this place.
    case daysMeeting(target: Int)

    // Guides who help one customer at a time.
    /// Customers who asked a guide for help.
    case guideRequests
    /// Helped by a guide, as a share of those who asked.
    case shareHelped
    /// Minutes from asking a guide until one came or the customer gave up, per customer who asked.
    case guideWaitMean

    // Greeters.
    /// Customers a greeter triaged.
    case triaged
    /// Minutes from reaching the greeters' desk to a greeter starting triage, per customer triaged.
    case greeterWaitMean
    /// Customers a greeter triaged, as a share of arrivals; the others found no greeter on duty or the desk's queue full.
    case shareTriaged

    // Crowding, with a floor plan.
    /// Persons in the waiting zone per m² of it, time average.
    case waitingDensityMean
    /// Persons per m² of the waiting zone at its fullest, mean over days.
    case waitingDensityPeak
    /// Customers per m² of a zone other than the waiting zone (``FloorPlan/ZoneKind`` raw value),
    /// queueing or served there: waiting for or in triage, queueing for or at a kiosk or for or
    /// with a guide, at a window. Time average.
    case zoneDensityMean(Int)
    /// The same at the zone's fullest, mean over days.
    case zoneDensityPeak(Int)

    /// The parts of the day's cost.
    public enum CostComponent: String, Sendable, Hashable, CaseIterable {
        case staff, windows, greeters, guides, overtimePremium = "overtime_premium", kiosks, seats
        case lostCustomers = "lost_customers"
    }

    /// How a metric is estimated from the days of a run.
    public enum Estimator: Sendable, Hashable {
        /// Σ numerator / Σ denominator over days (customer- or time-weighted,
        /// or a plain mean of days when the denominator is 1).
        case ratio(ValueRange)
        /// A percentile of the durations of the pooled customers of all days.
        case percentile(Duration, Double)
    }

    /// The durations whose percentiles are estimated.
    public enum Duration: Int, Sendable, Hashable, CaseIterable {
        /// Ticket to call, customers served at a window.
        case wait
        /// Arrival to leaving.
        case timeInOutlet
    }

    /// The zones measured as a density besides the waiting zone, which has its own metrics.
    public static let servedZones = OutletEngine.floorZones

    /// The percentiles reported for each duration.
    public static let percentiles = [50, 90, 95]

    public var name: String {
        switch self {
        case .arrivals: "arrivals"
        case .outcomeCount(let outcome): outcome.description
        case .outcomeShare(let outcome): "share_\(outcome)"
        case .shareAbandoned: "share_abandoned"
        case .kioskShare: "kiosk_share"
        case .kioskSuccessRate: "kiosk_success_rate"
        case .waitMean: "wait_mean"
        case .ticketWaitMean: "ticket_wait_mean"
        case .waitPercentile(let p): "wait_p\(p)"
        case .waitMax: "wait_max"
        case .shareServedWithin(let minutes): "share_served_within_" + Self.minutes(minutes)
        case .timeInOutletMean: "time_in_outlet_mean"
        case .timeInOutletPercentile(let p): "time_in_outlet_p\(p)"
        case .occupancyMean: "occupancy_mean"
        case .occupancyMax: "occupancy_max"
        case .standingMinutes: "standing_minutes"
        case .standingMax: "standing_max"
        case .waitingAtEnd: "waiting_at_end"
        case .inOutletMean: "in_outlet_mean"
        case .inOutletAtEnd: "in_outlet_at_end"
        case .overtimeMinutes: "overtime_minutes"
        case .tickets: "tickets"
        case .counterLoadErlangs: "counter_load_erlangs"
        case .windowUtilisation: "window_utilisation"
        case .openWindows: "open_windows"
        case .windowStaffHours: "window_staff_hours"
        case .staffHours: "staff_hours"
        case .utilisation: "utilisation"
        case .flexibleStaffHours: "flexible_staff_hours"
        case .shareOfTimeBroken: "share_of_time_broken"
        case .breakdowns: "breakdowns"
        case .cost(let component): component.map { "cost_" + $0.rawValue } ?? "cost"
        case .queueLength: "queue_length"
        case .daysMeeting(let target): "share_of_days_meeting_target_\(target + 1)"
        case .guideRequests: "guide_requests"
        case .shareHelped: "share_helped"
        case .guideWaitMean: "guide_wait_mean"
        case .waitingDensityMean: "waiting_density_mean"
        case .waitingDensityPeak: "waiting_density_peak"
        case .triaged: "triaged"
        case .greeterWaitMean: "greeter_wait_mean"
        case .shareTriaged: "share_triaged"
        case .zoneDensityMean(let zone): "\(FloorPlan.ZoneKind(rawValue: zone)?.name ?? "zone_\(zone)")_density_mean"
        case .zoneDensityPeak(let zone): "\(FloorPlan.ZoneKind(rawValue: zone)?.name ?? "zone_\(zone)")_density_peak"
        }
    }

    public var description: String { name }

    /// A number that tells metrics apart, for hashing: the case, and its
    /// parameter (an outcome, a percentile, a cost part, a wait's bits).
    var code: UInt64 {
        switch self {
        case .arrivals: 1
        case .outcomeCount(let outcome): 2 | UInt64(outcome.rawValue) << 8
        case .outcomeShare(let outcome): 3 | UInt64(outcome.rawValue) << 8
        case .shareAbandoned: 4
        case .kioskShare: 5
        case .kioskSuccessRate: 6
        case .waitMean: 7
        case .ticketWaitMean: 8
        case .waitPercentile(let p): 9 | UInt64(truncatingIfNeeded: p) << 8
        case .waitMax: 10
        case .shareServedWithin(let minutes): 11 ^ minutes.bitPattern << 6
        case .timeInOutletMean: 12
        case .timeInOutletPercentile(let p): 13 | UInt64(truncatingIfNeeded: p) << 8
        case .occupancyMean: 14
        case .occupancyMax: 15
        case .standingMinutes: 16
        case .standingMax: 17
        case .waitingAtEnd: 18
        case .inOutletMean: 19
        case .inOutletAtEnd: 20
        case .overtimeMinutes: 21
        case .tickets: 22
        case .counterLoadErlangs: 23
        case .windowUtilisation: 24
        case .openWindows: 25
        case .windowStaffHours: 26
        case .staffHours: 27
        case .utilisation: 28
        case .flexibleStaffHours: 29
        case .shareOfTimeBroken: 30
        case .breakdowns: 31
        case .cost(let part): 32 | UInt64(part.map { Metric.CostComponent.allCases.firstIndex(of: $0) ?? 0 } ?? 99) << 8
        case .daysMeeting(let target): 33 | UInt64(truncatingIfNeeded: target) << 8
        case .queueLength: 34
        case .guideRequests: 35
        case .shareHelped: 36
        case .guideWaitMean: 37
        case .waitingDensityMean: 38
        case .waitingDensityPeak: 39
        case .zoneDensityMean(let zone): 40 | UInt64(truncatingIfNeeded: zone) << 8
        case .triaged: 41
        case .greeterWaitMean: 42
        case .shareTriaged: 43
        case .zoneDensityPeak(let zone): 44 | UInt64(truncatingIfNeeded: zone) << 8
        }
    }

    /// How the metric is estimated across days, and the range of its values.
    public var estimator: Estimator {
        switch self {
        case .waitPercentile(let p): .percentile(.wait, Double(p) / 100)
        case .timeInOutletPercentile(let p): .percentile(.timeInOutlet, Double(p) / 100)
        case .outcomeShare, .shareAbandoned, .kioskShare, .kioskSuccessRate, .shareServedWithin, .windowUtilisation,
             .utilisation, .shareOfTimeBroken, .daysMeeting, .shareHelped, .shareTriaged:
            .ratio(.share)
        default:
            .ratio(.nonNegative)
        }
    }

    /// Whether the metric is the most at one moment, so that a period's is its intervals' largest, not their sum.
    public var isMostAtOnce: Bool {
        switch self {
        case .standingMax, .waitingDensityPeak, .zoneDensityPeak, .occupancyMax: true
        default: false
        }
    }

    /// Orders by name, the order of every output.
    public static func < (lhs: Metric, rhs: Metric) -> Bool { lhs.name < rhs.name }

    /// A wait as metric names spell it: "10" for 10 minutes, "7.5" for 7.5.
    public static func minutes(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Every metric without a parameter, and those with the given waits, by name.
    public static func named(_ name: String, waits: [Double] = []) -> Metric? {
        if let found = catalogue(waits: waits).first(where: { $0.name == name }) { return found }
        let prefix = "share_served_within_"
        if name.hasPrefix(prefix), let minutes = Double(name.dropFirst(prefix.count)), minutes.isFinite, minutes >= 0 {
            return .shareServedWithin(minutes)
        }
        return nil
    }

    /// The metric whose ``name`` is `name`: every metric's name parses back
    /// (per-day rows are stored by name in shards).
    public static func parse(_ name: String) -> Metric? {
        if let found = named(name) { return found }
        let prefix = "share_of_days_meeting_target_"
        if name.hasPrefix(prefix), let number = Int(name.dropFirst(prefix.count)), (1...1_000_000).contains(number) {
            return .daysMeeting(target: number - 1)
        }
        return nil
    }

    /// Every metric OutletSim can report, with share-served metrics for `waits`.
    public static func catalogue(waits: [Double]) -> [Metric] {
        var all: [Metric] = [.arrivals, .shareAbandoned, .kioskShare, .kioskSuccessRate, .waitMean, .ticketWaitMean, .waitMax,
                             .timeInOutletMean, .occupancyMean, .occupancyMax, .standingMinutes, .standingMax, .waitingAtEnd,
                             .inOutletMean, .inOutletAtEnd, .overtimeMinutes, .tickets, .counterLoadErlangs,
                             .windowUtilisation, .openWindows, .windowStaffHours, .staffHours, .utilisation,
                             .flexibleStaffHours, .shareOfTimeBroken, .breakdowns, .queueLength, .cost(nil),
                             .guideRequests, .shareHelped, .guideWaitMean, .waitingDensityMean, .waitingDensityPeak,
                             .triaged, .greeterWaitMean, .shareTriaged]
        all += Self.servedZones.flatMap { [Metric.zoneDensityMean($0.rawValue), .zoneDensityPeak($0.rawValue)] }
        all += Outcome.allCases.flatMap { [Metric.outcomeCount($0), .outcomeShare($0)] }
        all += percentiles.flatMap { [Metric.waitPercentile($0), .timeInOutletPercentile($0)] }
        all += CostComponent.allCases.map { .cost($0) }
        all += waits.map { .shareServedWithin($0) }
        return all
    }
}
