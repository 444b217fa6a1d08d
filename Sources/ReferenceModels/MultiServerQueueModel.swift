import Distributions

/// A textbook multi-server queue, described in planner units: `servers`
/// identical windows, Poisson arrivals per class, one service-time
/// distribution, optional patience and an optional waiting-room limit.
///
/// It is the model that proves the event kernel against queueing theory
/// (Erlang C, M/M/c/K, Erlang A, priority M/M/c, M/G/1); the outlet engine
/// generalises it.
public struct MultiServerQueueModel: Sendable {
    /// How a freed window chooses the next customer.
    public enum Discipline: String, Sendable, CaseIterable {
        /// First come, first served across all classes.
        case fifo
        /// Non-preemptive priority: the lowest class index first, FIFO within a class.
        case priority
    }

    /// Poisson arrival rates, per hour, of each customer class.
    public let arrivalsPerHour: [Double]
    /// Identical windows.
    public let servers: Int
    /// Service time at a window, minutes, the same for every class.
    public let serviceTime: Distribution
    /// How long a customer waits before giving up, minutes; `nil` for never.
    public let patience: Distribution?
    /// Places in the waiting room (beyond those in service); `nil` for no
    /// limit. An arrival finding it full is blocked.
    public let waitingRoom: Int?
    public let discipline: Discipline
    /// Arrivals simulated before measuring starts, so that measurements come
    /// from the steady state.
    public let warmUpCustomers: Int
    /// Arrivals measured after the warm-up.
    public let measuredCustomers: Int
    /// Waits t (minutes) for which the share of served customers waiting
    /// longer than t is counted.
    public let waitThresholds: [Double]

    public init(arrivalsPerHour: [Double], servers: Int, serviceTime: Distribution,
                patience: Distribution? = nil, waitingRoom: Int? = nil,
                discipline: Discipline = .fifo, warmUpCustomers: Int = 10_000,
                measuredCustomers: Int = 100_000, waitThresholds: [Double] = []) throws(ReferenceModelError) {
        guard !arrivalsPerHour.isEmpty, arrivalsPerHour.count <= Int(UInt8.max) else {
            throw .invalid(parameter: "arrivalsPerHour", found: "\(arrivalsPerHour.count) classes", allowed: "1 to 255 classes")
        }
        for (index, rate) in arrivalsPerHour.enumerated() where !(rate.isFinite && rate > 0) {
            throw .invalid(parameter: "arrivalsPerHour[\(index)]", found: "\(rate)", allowed: "a finite rate > 0 per hour")
        }
        guard servers >= 1 else {
            throw .invalid(parameter: "servers", found: "\(servers)", allowed: "a whole number >= 1")
        }
        if let waitingRoom, waitingRoom < 0 {
            throw .invalid(parameter: "waitingRoom", found: "\(waitingRoom)", allowed: "a whole number >= 0")
        }
        guard warmUpCustomers >= 0, measuredCustomers >= 1 else {
            throw .invalid(parameter: "measuredCustomers", found: "\(measuredCustomers)", allowed: "a whole number >= 1 after a warm-up >= 0")
        }
        for threshold in waitThresholds where !(threshold.isFinite && threshold >= 0) {
            throw .invalid(parameter: "waitThresholds", found: "\(threshold)", allowed: "finite waits >= 0 minutes")
        }
        self.arrivalsPerHour = arrivalsPerHour
        self.servers = servers
        self.serviceTime = serviceTime
        self.patience = patience
        self.waitingRoom = waitingRoom
        self.discipline = discipline
        self.warmUpCustomers = warmUpCustomers
        self.measuredCustomers = measuredCustomers
        self.waitThresholds = waitThresholds
    }

    /// Number of customer classes.
    public var classCount: Int { arrivalsPerHour.count }
}

/// Why a reference model was refused.
public enum ReferenceModelError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(parameter: String, found: String, allowed: String)
    /// The random streams could not be set up.
    case randomStreams(String)

    public var description: String {
        switch self {
        case let .invalid(parameter, found, allowed): "\(parameter) must be \(allowed), found \(found)"
        case let .randomStreams(reason): reason
        }
    }
}
