/// What `outletsim optimize` may change, each decision with its bounds
/// (the scenario's `search:` block). Anything not named keeps the value the
/// scenario gives it.
public struct SearchSpace: Sendable, Equatable {
    /// Inclusive integer bounds, stepped: `min`, `min + step`, ..., up to `max`.
    public struct Range: Sendable, Equatable {
        public var min: Int
        public var max: Int
        public var step: Int

        public init(min: Int, max: Int, step: Int = 1) {
            self.min = min
            self.max = max
            self.step = step
        }

        /// Every allowed value, smallest first.
        public var values: [Int] { Array(stride(from: min, through: max, by: step)) }

        /// The largest allowed value.
        public var top: Int { max - (max - min) % step }

        /// The smallest allowed value at or above `value`, or the largest allowed.
        public func atLeast(_ value: Int) -> Int {
            values.first { $0 >= value } ?? top
        }

        /// The allowed value nearest to `value`, ties going up.
        public func clamp(_ value: Int) -> Int {
            let inside = Swift.min(Swift.max(value, min), max)
            let steps = Int((Double(inside - min) / Double(step)).rounded(.toNearestOrAwayFromZero))
            return Swift.min(min + steps * step, top)
        }
    }

    /// Open windows per interval, by window group (index into `Scenario.windowGroups`).
    public var windows: [Int: Range]
    /// Kiosks, by kiosk type (index into `SelfServiceZone.kioskTypes`).
    public var kiosks: [Int: Range]
    public var seats: Range?
    /// Greeters on duty per interval.
    public var greeters: Range?
    /// Guides on duty per interval.
    public var guides: Range?
    /// The waiting count that opens a flexible window, by window group.
    public var flexibleThresholds: [Int: Range]
    /// Counters of one window group that may be turned into kiosks on their floor; nil for none.
    public var counterSwap: CounterSwap?

    /// Turning counters into kiosks (and back): each counter closed for the
    /// whole day makes room for `kiosksPerCounter` kiosks of one type on its
    /// floor (so the self-service zone's floor is not used), and the group
    /// may open one window fewer in every interval.
    public struct CounterSwap: Sendable, Equatable {
        /// Index into `Scenario.windowGroups`; the group must be searched.
        public var windowGroup: Int
        /// Index into `SelfServiceZone.kioskTypes`; its kiosks on counters' floor add to its own count.
        public var kioskType: Int
        public var kiosksPerCounter: Int
        /// How many counters may be turned into kiosks.
        public var counters: Range

        public init(windowGroup: Int, kioskType: Int, kiosksPerCounter: Int, counters: Range) {
            self.windowGroup = windowGroup
            self.kioskType = kioskType
            self.kiosksPerCounter = kiosksPerCounter
            self.counters = counters
        }
    }

    public init(windows: [Int: Range] = [:], kiosks: [Int: Range] = [:], seats: Range? = nil, greeters: Range? = nil,
                guides: Range? = nil, flexibleThresholds: [Int: Range] = [:]) {
        self.windows = windows
        self.kiosks = kiosks
        self.seats = seats
        self.greeters = greeters
        self.guides = guides
        self.flexibleThresholds = flexibleThresholds
    }

    /// True when nothing at all may change.
    public var isEmpty: Bool {
        windows.isEmpty && kiosks.isEmpty && seats == nil && greeters == nil && guides == nil && flexibleThresholds.isEmpty && counterSwap == nil
    }
}
