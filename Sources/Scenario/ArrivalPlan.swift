import Distributions
/// How walk-in customers arrive over the day.
public struct ArrivalPlan: Sendable {
    /// How each segment's arrival rate is given.
    public enum Rates: Sendable {
        /// Total arrivals per hour, split by each segment's share (summing to 1).
        case total(StepSchedule<Double>, shares: [Double])
        /// Arrivals per hour for each segment, indexed like `Scenario.segments`.
        case perSegment([StepSchedule<Double>])
    }

    public var rates: Rates
    /// Named windows of the day that scale the rate, e.g. the lunch peak.
    public var peaks: [Peak]
    /// Arrivals read from a list instead of being generated; `nil` for generated arrivals.
    public var trace: [ScheduledArrival]?
    /// Multiplies every generated walk-in rate, peaks included: 1.2 is 20%
    /// demand growth. Traces and appointments are not scaled.
    public var scale: Double
    /// Drawn once per simulated day on its own stream, it multiplies every
    /// generated walk-in rate that day (mixed Poisson arrivals): forecast
    /// uncertainty, or day-to-day variation beyond Poisson. `nil`: 1.
    public var dayFactor: Distribution?

    public init(rates: Rates, peaks: [Peak] = [], trace: [ScheduledArrival]? = nil, scale: Double = 1, dayFactor: Distribution? = nil) {
        self.rates = rates
        self.peaks = peaks
        self.trace = trace
        self.scale = scale
        self.dayFactor = dayFactor
    }

    /// Arrivals per hour of `segment` at `time` (minutes after midnight), peaks included.
    public func rate(ofSegment segment: Int, at time: Double) -> Double {
        let base: Double
        switch rates {
        case let .total(schedule, shares): base = schedule.value(at: time) * shares[segment]
        case let .perSegment(schedules): base = schedules[segment].value(at: time)
        }
        return peaks.reduce(base * scale) { rate, peak in
            peak.from <= time && time < peak.until ? rate * peak.factor : rate
        }
    }

    /// Every time at which some segment's rate may change.
    public var rateChanges: [Double] {
        var times: [Double] = peaks.flatMap { [$0.from, $0.until] }
        switch rates {
        case let .total(schedule, _): times += schedule.steps.map(\.start)
        case let .perSegment(schedules): times += schedules.flatMap { $0.steps.map(\.start) }
        }
        return Array(Set(times)).sorted()
    }
}

/// A named stretch of the day when arrivals are scaled (上下班高峰期).
public struct Peak: Sendable, Equatable {
    public var name: String
    /// Minutes after midnight.
    public var from: Double
    /// Minutes after midnight, exclusive.
    public var until: Double
    /// Multiplies the rate, e.g. 1.6.
    public var factor: Double

    public init(name: String, from: Double, until: Double, factor: Double) {
        self.name = name
        self.from = from
        self.until = until
        self.factor = factor
    }
}

/// A customer due at a given time: a row of an arrival trace, or a booked
/// appointment slot.
public struct ScheduledArrival: Sendable, Equatable {
    /// Minutes after midnight.
    public var time: Double
    /// Index into `Scenario.segments`.
    public var segment: Int
    /// Index into `Scenario.transactionTypes`; `nil` to draw from the segment's mix.
    public var transactionType: Int?

    public init(time: Double, segment: Int, transactionType: Int?) {
        self.time = time
        self.segment = segment
        self.transactionType = transactionType
    }
}
