import Distributions

/// The self-service zone (自助服务区): kiosks, and guides who help.
public struct SelfServiceZone: Sendable {
    public var kioskTypes: [KioskType]
    /// Guides (引导员) on the floor.
    public var guides: StepSchedule<Int>
    /// Added to a segment's self-service propensity while a guide is on
    /// duty, or with `guideAssist` for a customer a guide helped.
    public var guideAdoptionBoost: Double
    /// Added to a kiosk's success probability while a guide is on duty, or
    /// with `guideAssist` for a customer a guide helped.
    public var guideSuccessBoost: Double
    /// Guides as people who help one customer at a time; `nil` keeps the
    /// rule that any guide on duty helps everyone.
    public var guideAssist: GuideAssist?
    /// A customer who finds at least this many waiting for a kiosk goes to
    /// the counter instead; `nil` for never.
    public var balkToCounterAt: Int?

    public init(kioskTypes: [KioskType] = [], guides: StepSchedule<Int> = .constant(0),
                guideAdoptionBoost: Double = 0, guideSuccessBoost: Double = 0, guideAssist: GuideAssist? = nil,
                balkToCounterAt: Int? = nil) {
        self.kioskTypes = kioskTypes
        self.guides = guides
        self.guideAdoptionBoost = guideAdoptionBoost
        self.guideSuccessBoost = guideSuccessBoost
        self.guideAssist = guideAssist
        self.balkToCounterAt = balkToCounterAt
    }
}

/// A kind of kiosk (ATM, smart teller, card kiosk) and how many there are.
public struct KioskType: Sendable {
    public var name: String
    public var count: Int
    /// Whether it can do each transaction type, indexed like `Scenario.transactionTypes`.
    public var transactions: [Bool]
    /// How each kiosk of the type fails; `nil` for never.
    public var breakdowns: Breakdowns?

    public init(name: String, count: Int, transactions: [Bool], breakdowns: Breakdowns? = nil) {
        self.name = name
        self.count = count
        self.transactions = transactions
        self.breakdowns = breakdowns
    }
}

/// Failures (设备故障) and repairs of one kiosk.
public struct Breakdowns: Sendable {
    /// Minutes from a repair (or the start of the day) to the next failure.
    public var timeBetweenFailures: Distribution
    /// Minutes to repair.
    public var repairTime: Distribution

    public init(timeBetweenFailures: Distribution, repairTime: Distribution) {
        self.timeBetweenFailures = timeBetweenFailures
        self.repairTime = repairTime
    }
}
