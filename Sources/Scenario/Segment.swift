import Distributions

/// A customer segment (客户类别): regular, VIP, elderly, corporate, ...
public struct Segment: Sendable {
    public var name: String
    /// Higher is called first (0 for regular customers).
    public var priority: Int
    /// Weight of each transaction type, indexed like `Scenario.transactionTypes`; sums to 1.
    public var mix: [Double]
    /// How long the segment waits for a window before leaving, minutes; `nil` for never.
    public var patience: Distribution?
    /// When the segment turns away on seeing the queue; `nil` for never.
    public var balking: BalkingRule?
    /// Probability of choosing self-service for a kiosk-capable need, with no guide.
    public var selfServicePropensity: Double
    /// Customers per arrival (a family, colleagues); `nil` for one at a time.
    /// Draws are rounded and kept within 1...``largestGroup``.
    public var groupSize: Distribution?

    /// The most customers one arrival brings.
    public static let largestGroup = 1_000

    public init(name: String, priority: Int = 0, mix: [Double], patience: Distribution? = nil,
                balking: BalkingRule? = nil, selfServicePropensity: Double = 0, groupSize: Distribution? = nil) {
        self.name = name
        self.priority = priority
        self.mix = mix
        self.patience = patience
        self.balking = balking
        self.selfServicePropensity = selfServicePropensity
        self.groupSize = groupSize
    }
}

/// When a customer about to take a ticket turns away.
public struct BalkingRule: Sendable, Equatable {
    public enum Trigger: Sendable, Equatable {
        /// At least this many customers already waiting for a window.
        case queueLength(atLeast: Int)
        /// The ticket machine announces a wait of at least this many minutes.
        case announcedWait(atLeast: Double)
    }

    public var trigger: Trigger
    /// Probability of leaving once the trigger holds.
    public var probability: Double

    public init(trigger: Trigger, probability: Double = 1) {
        self.trigger = trigger
        self.probability = probability
    }
}
