/// What a measured value is about: the whole day, one interval, one
/// segment, one transaction type, one window group (whole day or per
/// interval), another resource, or a period of several intervals that a
/// target is judged over (entity: its first interval, interval: its last).
public enum Scope: Int, Sendable, Hashable, Comparable, CaseIterable {
    case day, interval, segment, transaction, windowGroup, kioskType, staff, period

    public static func < (lhs: Scope, rhs: Scope) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One measured quantity: scope, entity index within the scope (0 for the
/// day), interval (-1 for the whole day) and metric.
public struct MetricKey: Sendable, Hashable, Comparable {
    public let scope: Scope
    public let entity: Int
    public let interval: Int
    public let metric: Metric

    public init(_ scope: Scope, entity: Int = 0, interval: Int = -1, _ metric: Metric) {
        self.scope = scope
        self.entity = entity
        self.interval = interval
        self.metric = metric
    }

    /// Orders by scope, entity, interval, then metric name: the order of every output.
    public static func < (lhs: MetricKey, rhs: MetricKey) -> Bool {
        if lhs.scope != rhs.scope { return lhs.scope < rhs.scope }
        if lhs.entity != rhs.entity { return lhs.entity < rhs.entity }
        if lhs.interval != rhs.interval { return lhs.interval < rhs.interval }
        return lhs.metric < rhs.metric
    }

    /// Hashes a packed form: outputs look metrics up by key thousands of
    /// times per run, and the synthesised hash walks every enum payload.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(UInt64(truncatingIfNeeded: scope.rawValue) << 56 ^ UInt64(truncatingIfNeeded: entity) << 24
                       ^ UInt64(truncatingIfNeeded: interval + 1))
        hasher.combine(metric.code)
    }

    /// The hash tables use directly, instead of SipHash through `Hasher`:
    /// a day's metrics put and look up some 2,000 keys, and seeding and
    /// finalising a `Hasher` for each was 9% of a run (perf). Keys are not
    /// chosen by an adversary, so a multiply–xorshift mix of the packed
    /// key and the table's seed spreads them well enough. Equal keys give
    /// equal values, as `hash(into:)` does.
    public func _rawHashValue(seed: Int) -> Int {
        KeyMix.value(UInt64(truncatingIfNeeded: scope.rawValue) << 56 ^ UInt64(truncatingIfNeeded: entity) << 24
                     ^ UInt64(truncatingIfNeeded: interval + 1), metric.code, seed: seed)
    }

    public static func == (lhs: MetricKey, rhs: MetricKey) -> Bool {
        lhs.scope == rhs.scope && lhs.entity == rhs.entity && lhs.interval == rhs.interval && lhs.metric == rhs.metric
    }

    /// The same place with another metric.
    public func with(_ metric: Metric) -> MetricKey {
        MetricKey(scope, entity: entity, interval: interval, metric)
    }
}

/// The group of customers whose durations a percentile is read from.
public struct DurationKey: Sendable, Hashable, Comparable {
    public let scope: Scope
    public let entity: Int
    public let interval: Int
    public let duration: Metric.Duration

    public init(_ scope: Scope, entity: Int = 0, interval: Int = -1, _ duration: Metric.Duration) {
        self.scope = scope
        self.entity = entity
        self.interval = interval
        self.duration = duration
    }

    public static func < (lhs: DurationKey, rhs: DurationKey) -> Bool {
        (lhs.scope, lhs.entity, lhs.interval, lhs.duration.rawValue) < (rhs.scope, rhs.entity, rhs.interval, rhs.duration.rawValue)
    }

    /// As ``MetricKey``'s: no `Hasher` per lookup.
    public func _rawHashValue(seed: Int) -> Int {
        KeyMix.value(UInt64(truncatingIfNeeded: scope.rawValue) << 56 ^ UInt64(truncatingIfNeeded: entity) << 24
                     ^ UInt64(truncatingIfNeeded: interval + 1), UInt64(truncatingIfNeeded: duration.rawValue), seed: seed)
    }

    /// The key of percentile `p` of these durations.
    public func percentile(_ p: Int) -> MetricKey {
        MetricKey(scope, entity: entity, interval: interval, duration == .wait ? .waitPercentile(p) : .timeInOutletPercentile(p))
    }
}

/// The hash of two words and a table's seed: each step multiplies by an odd
/// constant and folds the high half down (the finaliser of MurmurHash3 and
/// SplitMix64), so every input bit reaches the low bits a table indexes by.
enum KeyMix {
    @inline(__always)
    static func value(_ first: UInt64, _ second: UInt64, seed: Int) -> Int {
        var h = (first ^ UInt64(truncatingIfNeeded: seed)) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ (h >> 32) ^ second) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 29)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }
}
