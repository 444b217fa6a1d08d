import Distributions

/// Booked visits (预约服务).
public struct Appointments: Sendable {
    /// Every booked slot of the day.
    public var slots: [AppointmentSlot]
    /// Probability that a booked customer does not come.
    public var noShowProbability: Double
    /// Minutes after the booked time that the customer arrives (negative: early).
    public var lateness: Distribution
    /// Minutes after the booked time within which the customer keeps appointment priority.
    public var gracePeriod: Double

    public init(slots: [AppointmentSlot], noShowProbability: Double, lateness: Distribution, gracePeriod: Double) {
        self.slots = slots
        self.noShowProbability = noShowProbability
        self.lateness = lateness
        self.gracePeriod = gracePeriod
    }
}

/// One booked visit.
public struct AppointmentSlot: Sendable, Equatable {
    /// Booked time, minutes after midnight.
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
