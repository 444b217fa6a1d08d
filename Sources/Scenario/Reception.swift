import Distributions

/// The entrance and reception zone (接待区): greeters triage arrivals.
public struct Reception: Sendable {
    /// Greeters (lobby managers, floor consultants) on duty.
    public var greeters: StepSchedule<Int>
    /// Time a greeter spends with one customer, minutes.
    public var triageTime: Distribution
    /// Most customers who wait for a busy greeter; later arrivals decide
    /// for themselves, as they do with no greeter on duty.
    public var maxQueue: Int

    public init(greeters: StepSchedule<Int>, triageTime: Distribution, maxQueue: Int = 3) {
        self.greeters = greeters
        self.triageTime = triageTime
        self.maxQueue = maxQueue
    }
}
