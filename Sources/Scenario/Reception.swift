import Distributions

/// The entrance and reception zone (接待区): greeters triage arrivals.
public struct Reception: Sendable {
    /// Greeters (lobby managers, floor consultants) on duty.
    public var greeters: StepSchedule<Int>
    /// Time a greeter spends with one customer, minutes.
    public var triageTime: Distribution

    public init(greeters: StepSchedule<Int>, triageTime: Distribution) {
        self.greeters = greeters
        self.triageTime = triageTime
    }
}
