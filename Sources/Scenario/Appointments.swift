import Distributions

/// Booked visits (预约服务).
public struct Appointments: Sendable {
    /// Every booked slot of the day: its time, segment and (optional) transaction type.
    public var slots: [ScheduledArrival]
    /// Probability that a booked customer does not come.
    public var noShowProbability: Double
    /// Minutes after the booked time that the customer arrives (negative: early).
    public var lateness: Distribution
    /// Minutes after the booked time within which the customer keeps appointment priority.
    public var gracePeriod: Double

    public init(slots: [ScheduledArrival], noShowProbability: Double, lateness: Distribution, gracePeriod: Double) {
        self.slots = slots
        self.noShowProbability = noShowProbability
        self.lateness = lateness
        self.gracePeriod = gracePeriod
    }
}
