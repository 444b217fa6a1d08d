import Distributions

/// Guides (引导员) as people: each helps one customer at a time at the
/// kiosks. A customer with a need a kiosk can do asks for help with
/// probability `asks`, waits for a free guide up to their patience, then
/// decides alone. The guide effect (adoption and success) applies to the
/// customers a guide helped, and only to them.
public struct GuideAssist: Sendable {
    /// Probability that a customer with a kiosk-capable need asks a guide (while one is on duty).
    public var asks: Double
    /// Minutes a guide spends with one customer.
    public var time: Distribution
    /// Minutes a customer waits for a free guide before deciding alone; `nil` waits as long as it takes.
    public var patience: Distribution?

    public init(asks: Double, time: Distribution, patience: Distribution? = nil) {
        self.asks = asks
        self.time = time
        self.patience = patience
    }
}
