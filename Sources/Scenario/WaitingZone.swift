/// The waiting zone (等候区), where ticket holders wait to be called.
public struct WaitingZone: Sendable, Equatable {
    public var seats: Int
    /// Standing places beyond the seats. An arrival who finds both full is blocked.
    public var standing: Int

    public init(seats: Int, standing: Int) {
        self.seats = seats
        self.standing = standing
    }

    /// Most customers the zone holds.
    public var capacity: Int { seats + standing }
}
