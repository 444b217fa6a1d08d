/// What a random stream is used for, such as `arrivals` or `service/开户`.
///
/// Each purpose gets its own generator, seeded from (seed, replication,
/// purpose). Adding a window, a segment or a transaction type therefore never
/// shifts the numbers another purpose sees: these are common random numbers.
public struct StreamPurpose: Hashable, Sendable, CustomStringConvertible {
    /// The purpose's stable name; it is hashed into the stream's seed.
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public var description: String { name }

    /// Inter-arrival times of walk-in customers.
    public static let arrivals = StreamPurpose("arrivals")
    /// How long customers are willing to wait before leaving.
    public static let patience = StreamPurpose("patience")
    /// Choices among alternatives: segment, transaction type, kiosk or counter.
    public static let routing = StreamPurpose("routing")
    /// Times between kiosk failures and repair times.
    public static let breakdowns = StreamPurpose("breakdowns")

    /// Service times of one kind of work, e.g. `service(of: "cash")`.
    public static func service(of kind: String) -> StreamPurpose {
        StreamPurpose("service/\(kind)")
    }

    /// A purpose refined by a name, e.g. `.arrivals.refined(by: "VIP")`.
    public func refined(by detail: String) -> StreamPurpose {
        StreamPurpose("\(name)/\(detail)")
    }
}
