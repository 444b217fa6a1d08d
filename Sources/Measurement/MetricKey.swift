/// What a measured value is about: the whole day, one interval, one
/// segment, one transaction type, one window group (whole day or per
/// interval), or another resource.
public enum Scope: Int, Sendable, Hashable, Comparable, CaseIterable {
    case day, interval, segment, transaction, windowGroup, kioskType, staff

    public static func < (lhs: Scope, rhs: Scope) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One measured quantity of one replication: scope, entity index within the
/// scope (0 for the day), interval (-1 for the whole day) and metric name.
public struct MetricKey: Sendable, Hashable, Comparable {
    public let scope: Scope
    public let entity: Int
    public let interval: Int
    public let metric: String

    public init(_ scope: Scope, entity: Int = 0, interval: Int = -1, _ metric: String) {
        self.scope = scope
        self.entity = entity
        self.interval = interval
        self.metric = metric
    }

    /// Orders by scope, entity, interval, then metric name: the order of every output.
    public static func < (lhs: MetricKey, rhs: MetricKey) -> Bool {
        (lhs.scope, lhs.entity, lhs.interval, lhs.metric) < (rhs.scope, rhs.entity, rhs.interval, rhs.metric)
    }
}

extension MetricKey {
    /// A wait as metric names spell it: "10" for 10 minutes, "7.5" for 7.5.
    public static func minutes(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// The metric of the share called within `minutes`, e.g. "share_served_within_10".
    public static func shareServedWithin(_ minutes: Double) -> String {
        "share_served_within_" + Self.minutes(minutes)
    }
}
