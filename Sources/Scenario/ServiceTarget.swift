/// A service target a scenario must meet, checked like a test by
/// `outletsim check`: e.g. "80% served within 10 minutes in every interval".
public struct ServiceTarget: Sendable, Equatable {
    /// What is measured.
    public enum Measure: Sendable, Equatable {
        /// Share of ticket holders called within this many minutes.
        case shareServedWithin(minutes: Double)
        case meanWait
        /// A percentile of the wait (50, 90, 95).
        case waitPercentile(Int)
        /// Share who balked, were blocked, reneged or left unserved.
        case abandonment
        /// Most customers standing at once in the waiting zone.
        case maxStanding
        case overtime
        /// Busy share of open window time, of all windows or one group.
        case windowUtilisation
        /// Busy share of the greeters' time on duty (triaging).
        case greeterUtilisation
        /// Busy share of the guides' time on duty (helping a customer; guides who help one at a time).
        case guideUtilisation
        /// Mean minutes from reaching the greeters' desk to a greeter starting triage, per customer triaged.
        case greeterWait
        /// Share of customers a greeter triaged (the rest found no greeter on duty, or the desk's queue full).
        case shareTriaged
        /// Mean minutes from asking a guide to one coming or giving up, per customer who asked.
        case guideWait
        /// Share of those who asked a guide whom a guide helped (the rest gave up waiting).
        case shareHelped
        /// Persons per m² of a zone at its fullest (with a floor plan); a grade bound is a density bound.
        case crowding(FloorPlan.ZoneKind)

        /// The staff whose count the measure answers to: greeters (0) or guides (1), as the `.staff` scope
        /// numbers them (greeters thin the crowd at their desk); nil for the rest.
        public var staff: Int? {
            switch self {
            case .greeterUtilisation, .greeterWait, .shareTriaged, .crowding(.reception): 0
            case .guideUtilisation, .guideWait, .shareHelped: 1
            default: nil
            }
        }
    }

    /// The staff role a utilisation target is about (0 greeters, 1 guides), as the `.staff` scope numbers them.
    public var staffRole: Int? {
        switch measure {
        case .greeterUtilisation: 0
        case .guideUtilisation: 1
        default: nil
        }
    }

    /// The bound the measure must respect.
    public enum Bound: Sendable, Equatable {
        case atLeast(Double)
        case atMost(Double)
        case between(Double, Double)

        /// The lowest and highest value allowed; nil where there is no limit.
        public var limits: (low: Double?, high: Double?) {
            switch self {
            case .atLeast(let low): (low, nil)
            case .atMost(let high): (nil, high)
            case .between(let low, let high): (low, high)
            }
        }
    }

    /// Whom the target is about.
    public enum Subject: Sendable, Equatable {
        case everyone
        /// Index into `Scenario.segments`.
        case segment(Int)
        /// Index into `Scenario.transactionTypes`.
        case transaction(Int)
        /// Index into `Scenario.windowGroups` (window utilisation only).
        case windowGroup(Int)
    }

    /// A label for reports, e.g. "80% within 10 min, every interval".
    public var name: String
    public var measure: Measure
    public var bound: Bound
    public var subject: Subject
    /// Judged for every interval (or period) rather than for the whole day.
    public var perInterval: Bool
    /// With `perInterval`, the intervals judged together: periods of this
    /// many intervals from opening, each judged on all its customers
    /// ("every hour" on quarter-hour intervals: 4; the last period may be
    /// shorter). 1 judges each interval on its own.
    public var intervalsPerPeriod: Int
    /// When set, the bound is judged day by day and must hold on at least
    /// this share of days ("p90 ≤ 15 on 90% of days"); else on the mean.
    public var onDays: Double?

    public init(name: String, measure: Measure, bound: Bound, subject: Subject = .everyone, perInterval: Bool = false,
                intervalsPerPeriod: Int = 1, onDays: Double? = nil) {
        self.name = name
        self.measure = measure
        self.bound = bound
        self.subject = subject
        self.perInterval = perInterval
        self.intervalsPerPeriod = max(1, intervalsPerPeriod)
        self.onDays = onDays
    }

    /// Whether the target is judged over periods longer than one interval.
    public var isPerPeriod: Bool { perInterval && intervalsPerPeriod > 1 }

    /// The intervals of the period that starts at interval `first` (the
    /// period's first measured interval), cut at the day's last interval.
    public func periodIntervals(from first: Int, intervalCount: Int) -> ClosedRange<Int> {
        first...max(first, min(intervalCount, (first / intervalsPerPeriod + 1) * intervalsPerPeriod) - 1)
    }

    /// The bound the judged estimate must meet: the target's own, or, for a
    /// target judged on days, the share of days it must hold on.
    public var judgedBound: Bound { onDays.map { .atLeast($0) } ?? bound }

    /// The target's bound as planners read it, in its unit: "≥ 70%",
    /// "≤ 15 min on ≥ 90% of days".
    public var boundText: String {
        let text = bound.text(in: measure.unit)
        guard let onDays else { return text }
        return "\(text) on ≥ \(ValueUnit.share.bound(onDays)) of days"
    }

    /// The unit of the value judged: the measure's, or a share of days for a target judged on days.
    public var valueUnit: ValueUnit { onDays == nil ? measure.unit : .share }
}

extension ServiceTarget.Bound {
    /// The bound as planners read it, in `unit`: "≥ 70%", "≤ 20 min", "60% to 95%".
    public func text(in unit: ValueUnit) -> String {
        switch self {
        case .atLeast(let low): "≥ \(unit.bound(low))"
        case .atMost(let high): "≤ \(unit.bound(high))"
        case .between(let low, let high): "\(unit.bound(low)) to \(unit.bound(high))"
        }
    }
}
