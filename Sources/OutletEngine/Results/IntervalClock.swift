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
/// kiosks broken), integrated over time per interval.
struct Gauge {
    private(set) var value = 0.0
    private var since = 0.0
    /// Integral of the value per interval, unit-minutes.
    private(set) var area: [Double]
    /// Minutes with a positive value, per interval.
    private(set) var positiveTime: [Double]
    /// Largest value per interval.
    private(set) var maximum: [Double]

    init(intervals: Int) {
        area = Array(repeating: 0, count: intervals)
        positiveTime = Array(repeating: 0, count: intervals)
        maximum = Array(repeating: 0, count: intervals)
    }

    /// Starts a new day at `time` with value 0.
    mutating func reset(at time: Double) {
        value = 0
        since = time
        for index in area.indices {
            area[index] = 0
            positiveTime[index] = 0
            maximum[index] = 0
        }
    }

    /// Sets the value from `time` on.
    ///
    /// - Complexity: O(1) plus the intervals crossed since the last change.
    mutating func set(_ newValue: Double, at time: Double, _ clock: IntervalClock) {
        advance(to: time, clock)
        value = newValue
        let index = clock.index(at: time)
        if newValue > maximum[index] { maximum[index] = newValue }
    }

    mutating func add(_ delta: Double, at time: Double, _ clock: IntervalClock) {
        set(value + delta, at: time, clock)
    }

    /// Integrates up to `time` without changing the value.
    mutating func advance(to time: Double, _ clock: IntervalClock) {
        guard time > since else { return }
        var start = since
        var index = clock.index(at: start)
        if value > maximum[index] { maximum[index] = value }
        while start < time {
            let end = min(clock.end(of: index), time)
            area[index] += value * (end - start)
            if value > 0 { positiveTime[index] += end - start }
            start = end
            if start < time {
                index += 1
                if value > maximum[index] { maximum[index] = value }
            }
        }
        since = time
    }
}
