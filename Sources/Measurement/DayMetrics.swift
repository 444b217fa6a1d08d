/// One day's contribution to a ratio metric: the numerator's and the
/// denominator's sums (the day's waits and its customers; busy and open
/// minutes; a count and 1).
public struct RatioTerm: Sendable, Equatable {
    public var numerator: Double
    public var denominator: Double

    public init(_ numerator: Double, _ denominator: Double) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The day's own value; NaN when the denominator is 0.
    public var value: Double { denominator > 0 ? numerator / denominator : .nan }
}

/// Everything one day contributes to a run's statistics: a term per ratio
/// metric, and the durations (as sketch buckets) whose percentiles are
/// estimated over pooled customers. These per-day rows are all a run's
/// estimates are built from, so runs split into parts merge exactly.
///
/// Terms sit in slots of a ``MetricLayout`` that one observer keeps from
/// day to day, so most terms are put and folded without hashing their
/// keys: a day puts its terms in much the order the layout first saw
/// them, and each put looks first in the slot after the last one's.
/// Folding a day looks each slot up once per layout, not each key once
/// per day (``slotTerms``, ``slotMeasured``). A day's terms were a table
/// hashed twice a key, a tenth of a full run's work.
public struct DayMetrics: Sendable {
    /// The slots' keys, as the day that filled them left them.
    public private(set) var layout: MetricLayout
    /// Each slot's term; meaningful where ``slotMeasured`` is true.
    public private(set) var slotTerms: [RatioTerm]
    /// Whether the day put a term in each slot.
    public private(set) var slotMeasured: [Bool]
    /// The slot looked in first by the next put.
    private var nextSlot = 0
    /// Durations of the day's customers per group, as ``QuantileSketch`` buckets.
    public var durations: [DurationKey: [UInt16]] = [:]

    /// A day on a layout of its own.
    ///
    /// - Parameter capacity: the terms expected (a day's count is a good guess for the next).
    public init(capacity: Int = 0) {
        self.init(layout: MetricLayout())
        slotTerms.reserveCapacity(capacity)
        slotMeasured.reserveCapacity(capacity)
    }

    /// A day on `layout`, the layout an earlier day of the same observer left.
    ///
    /// - Complexity: O(slots).
    public init(layout: MetricLayout) {
        self.layout = layout
        slotTerms = Array(repeating: RatioTerm(0, 0), count: layout.keys.count)
        slotMeasured = Array(repeating: false, count: layout.keys.count)
    }

    /// Sets a term; non-finite values are not recorded.
    ///
    /// - Complexity: O(1) amortised.
    public mutating func put(_ key: MetricKey, _ numerator: Double, over denominator: Double = 1) {
        guard numerator.isFinite, denominator.isFinite, denominator >= 0 else { return }
        set(key, RatioTerm(numerator, denominator))
    }

    /// Sets `key`'s term as given, replacing one put before.
    ///
    /// - Complexity: O(1) amortised.
    public mutating func set(_ key: MetricKey, _ term: RatioTerm) {
        let slot: Int
        if nextSlot < layout.keys.count, layout.keys[nextSlot] == key {
            slot = nextSlot
        } else if let known = layout.slots[key] {
            slot = known
        } else {
            slot = layout.add(key)
            slotTerms.append(term)
            slotMeasured.append(false)
        }
        slotTerms[slot] = term
        slotMeasured[slot] = true
        nextSlot = slot + 1
    }

    /// The day's term of `key`, if it put one.
    ///
    /// - Complexity: O(1).
    public func term(_ key: MetricKey) -> RatioTerm? {
        guard let slot = layout.slots[key], slot < slotMeasured.count, slotMeasured[slot] else { return nil }
        return slotTerms[slot]
    }

    /// Every term of the day, by key.
    ///
    /// - Complexity: O(slots), a table built each time: for reading a day whole, not a key at a time.
    public var terms: [MetricKey: RatioTerm] {
        var found: [MetricKey: RatioTerm] = [:]
        found.reserveCapacity(slotTerms.count)
        for slot in slotTerms.indices where slotMeasured[slot] { found[layout.keys[slot]] = slotTerms[slot] }
        return found
    }

    /// The day's own value of `key` (numerator / denominator); NaN when not measured.
    public func value(_ key: MetricKey) -> Double { term(key)?.value ?? .nan }
}

/// The slots days put their terms in: each key's slot, in the order the
/// keys were first put. Slots are only ever added, so a slot means the same
/// key in every day filled on one layout, and ``token`` tells layouts apart.
public struct MetricLayout: Sendable {
    /// The same object in every copy of one layout.
    public let token = LayoutToken()
    /// Each slot's key.
    public private(set) var keys: [MetricKey] = []
    /// Each key's slot.
    public private(set) var slots: [MetricKey: Int] = [:]

    public init() {}

    /// Adds a slot for `key`, which has none.
    ///
    /// - Complexity: O(1) amortised.
    mutating func add(_ key: MetricKey) -> Int {
        keys.append(key)
        slots[key] = keys.count - 1
        return keys.count - 1
    }
}

/// Identifies a ``MetricLayout`` while anything holds it.
public final class LayoutToken: Sendable {
    init() {}
}
