/// What an outlet's day costs: staff by role, overtime, kiosks, seats, and
/// optionally each customer who leaves without service.
public struct Costs: Sendable, Equatable {
    /// Wage per staff-hour at windows, greeters and guides.
    public var windowWage: Double
    public var greeterWage: Double
    public var guideWage: Double
    /// Extra share of the wage paid for hours after closing (0.5: time and a half).
    public var overtimePremium: Double
    public var kioskPerDay: Double
    public var seatPerDay: Double
    /// Cost of a customer who balks, is blocked, reneges or leaves unserved.
    public var lostCustomer: Double

    public init(windowWage: Double, greeterWage: Double = 0, guideWage: Double = 0, overtimePremium: Double = 0,
                kioskPerDay: Double = 0, seatPerDay: Double = 0, lostCustomer: Double = 0) {
        self.windowWage = windowWage
        self.greeterWage = greeterWage
        self.guideWage = guideWage
        self.overtimePremium = overtimePremium
        self.kioskPerDay = kioskPerDay
        self.seatPerDay = seatPerDay
        self.lostCustomer = lostCustomer
    }
}
