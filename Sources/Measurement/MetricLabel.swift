import Scenario

/// Metrics in the planner's words, for terminal tables and pages; the
/// snake_case ``Metric/name`` stays the key of every file.
extension Metric {
    /// "mean wait, served (min)" for `wait_mean`; the name where no label is set.
    public var label: String {
        switch self {
        case .arrivals: "customers"
        case .outcomeShare(.servedAtCounter): "served at a window"
        case .outcomeShare(.servedAtKiosk): "served at a kiosk"
        case .outcomeShare(.resolvedAtReception): "resolved at reception"
        case .shareAbandoned: "left (balked, blocked, reneged, unserved)"
        case .waitMean: "mean wait, served (min)"
        case .ticketWaitMean: "mean wait, all ticket holders (min)"
        case .waitPercentile(let p): "p\(p) wait (min)"
        case .waitMax: "longest wait of the day (min)"
        case .shareServedWithin(let minutes): "served within \(Metric.minutes(minutes)) min"
        case .timeInOutletMean: "mean time in outlet (min)"
        case .kioskSuccessRate: "kiosk success rate"
        case .windowUtilisation: "window utilisation"
        case .occupancyMean: "mean waiting-zone occupancy"
        case .occupancyMax: "max waiting-zone occupancy"
        case .standingMinutes: "minutes with people standing"
        case .overtimeMinutes: "overtime (min)"
        case .staffHours: "staff-hours"
        case .openWindows: "windows open"
        case .queueLength: "customers waiting for the group"
        case .guideRequests: "customers who asked a guide"
        case .shareHelped: "helped by a guide, of those who asked"
        case .guideWaitMean: "mean wait for a guide (min)"
        case .triaged: "customers a greeter triaged"
        case .greeterWaitMean: "mean wait for a greeter (min)"
        case .shareTriaged: "share triaged by a greeter"
        case .waitingDensityMean: "persons per m² waiting, average"
        case .waitingDensityPeak: "persons per m² waiting, at the fullest"
        case .zoneDensityMean(let zone): "persons per m², \(FloorPlan.ZoneKind(rawValue: zone)?.name ?? "zone"), average"
        case .zoneDensityPeak(let zone): "persons per m², \(FloorPlan.ZoneKind(rawValue: zone)?.name ?? "zone"), at the fullest"
        case .cost(nil): "cost of the day (yuan)"
        case .cost(let part?): "cost: \(part.label) (yuan)"
        default: name
        }
    }
}

extension Metric.CostComponent {
    /// The part in the planner's words ("overtime premium", "customers lost"); ``rawValue`` keys the files.
    public var label: String {
        switch self {
        case .overtimePremium: "overtime premium"
        case .lostCustomers: "customers lost"
        default: rawValue
        }
    }
}
