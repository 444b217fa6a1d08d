import Distributions

/// A kind of business a customer comes for (业务类型), e.g. cash
/// withdrawal, account opening, bill payment.
public struct TransactionType: Sendable {
    /// Free UTF-8 name, e.g. "开户" or "cash".
    public var name: String
    /// Service time at a window, minutes.
    public var counterService: Distribution
    /// How a kiosk does it; `nil` when no kiosk can.
    public var kiosk: KioskAbility?
    /// Share of customers with this need whom a greeter resolves on the spot.
    public var greeterResolves: Double

    public init(name: String, counterService: Distribution, kiosk: KioskAbility? = nil, greeterResolves: Double = 0) {
        self.name = name
        self.counterService = counterService
        self.kiosk = kiosk
        self.greeterResolves = greeterResolves
    }
}

/// How a self-service kiosk handles one transaction type.
public struct KioskAbility: Sendable {
    /// Time at the kiosk, minutes.
    public var time: Distribution
    /// Probability that the attempt succeeds without a guide on the floor.
    public var successProbability: Double

    public init(time: Distribution, successProbability: Double) {
        self.time = time
        self.successProbability = successProbability
    }
}
