/// The day's statistics intervals: which interval a time falls in, and where
/// each ends. Time after closing belongs to the last interval.
struct IntervalClock: Sendable {
    let opening: Double
    let length: Double
    let count: Int

    /// - Complexity: O(1).
    @inline(__always)
    func index(at time: Double) -> Int {
        min(max(Int((time - opening) / length), 0), count - 1)
    }

    /// End of interval `index`; the last one never ends.
    @inline(__always)
    func end(of index: Int) -> Double {
        index == count - 1 ? .infinity : opening + Double(index + 1) * length
    }
}

/// A quantity that changes at events (customers seated, windows busy,
/// kiosks broken), integrated over time per interval. The current
/// interval's integral, positive time and maximum are kept in stored
/// fields and written to the per-interval array only when an interval is
/// crossed, so a change within the same interval is a few additions with
/// no array access (no uniqueness or bounds check).
struct Gauge {
    /// One interval's integral, time with a positive value, and maximum.
    struct Tally {
        var area = 0.0
        var positiveTime = 0.0
        var maximum = 0.0
        /// The value when the interval ended (at closing for the last; see ``markEnd(at:_:)``).
        var atEnd = 0.0
    }

    private(set) var value = 0.0
    private var since = 0.0
    private var current = 0
    private var currentEnd = 0.0
    /// The current interval's tally, until it is crossed (its `atEnd` lives in `tallies`).
    private var running = Tally()
    private var tallies: [Tally]

    init(intervals: Int) {
        tallies = Array(repeating: Tally(), count: intervals)
    }

    /// Every interval's tally, the current one included.
    private var all: [Tally] {
        var found = tallies
        found[current].area = running.area
        found[current].positiveTime = running.positiveTime
        found[current].maximum = running.maximum
        return found
    }

    /// Integral of the value per interval, unit-minutes.
    var area: [Double] { all.map(\.area) }
    /// Minutes with a positive value, per interval.
    var positiveTime: [Double] { all.map(\.positiveTime) }
    /// Largest value per interval.
    var maximum: [Double] { all.map(\.maximum) }
    /// Value at the end of each interval.
    var atEnd: [Double] { tallies.map(\.atEnd) }

    /// Starts a new day at `time` with value 0.
    mutating func reset(at time: Double, _ clock: IntervalClock) {
        value = 0
        since = time
        current = clock.index(at: time)
        currentEnd = clock.end(of: current)
        running = Tally()
        for index in tallies.indices { tallies[index] = Tally() }
    }

    /// Sets the value from `time` on.
    ///
    /// - Complexity: O(1), plus the intervals crossed since the last change.
    @inline(__always)
    mutating func set(_ newValue: Double, at time: Double, _ clock: IntervalClock) {
        advance(to: time, clock)
        value = newValue
        if newValue > running.maximum { running.maximum = newValue }
    }

    @inline(__always)
    mutating func add(_ delta: Double, at time: Double, _ clock: IntervalClock) {
        set(value + delta, at: time, clock)
    }

    /// Integrates up to `time` without changing the value.
    @inline(__always)
    mutating func advance(to time: Double, _ clock: IntervalClock) {
        guard time > since else { return }
        if time < currentEnd {
            running.area += value * (time - since)
            if value > 0 { running.positiveTime += time - since }
        } else {
            crossIntervals(to: time, clock)
        }
        since = time
    }

    /// Records the value at `time` as the current interval's end value: at
    /// closing, for the last interval, which has no boundary to cross.
    ///
    /// - Complexity: O(1), plus the intervals crossed since the last change.
    mutating func markEnd(at time: Double, _ clock: IntervalClock) {
        advance(to: time, clock)
        tallies[current].atEnd = value
    }

    private mutating func crossIntervals(to time: Double, _ clock: IntervalClock) {
        var start = since
        while start < time {
            let end = min(currentEnd, time)
            running.area += value * (end - start)
            if value > 0 { running.positiveTime += end - start }
            start = end
            if start < time {
                tallies[current].area = running.area
                tallies[current].positiveTime = running.positiveTime
                tallies[current].maximum = running.maximum
                tallies[current].atEnd = value
                current += 1
                currentEnd = clock.end(of: current)
                running = Tally()
                if value > running.maximum { running.maximum = value }
            }
        }
    }
}
