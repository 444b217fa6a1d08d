/// A value that changes at clock times and holds until the next change,
/// such as windows open or arrivals per hour. The first step starts at or
/// before opening (validated when the scenario is read).
public struct StepSchedule<Value: Sendable & Equatable>: Sendable, Equatable {
    /// (start, value) pairs in increasing start order, minutes after midnight.
    public let steps: [(start: Double, value: Value)]

    public init(steps: [(start: Double, value: Value)]) {
        self.steps = steps.sorted { $0.start < $1.start }
    }

    /// One value all day.
    public static func constant(_ value: Value) -> StepSchedule {
        StepSchedule(steps: [(start: 0, value: value)])
    }

    /// The value in force at `time` (minutes after midnight); before the
    /// first step, the first value.
    ///
    /// - Complexity: O(log *n*).
    public func value(at time: Double) -> Value {
        var low = 0, high = steps.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if steps[middle].start <= time { low = middle } else { high = middle - 1 }
        }
        return steps[low].value
    }

    /// The times after `time` and before `end` at which the value may change.
    public func changes(after time: Double, before end: Double) -> [Double] {
        steps.map(\.start).filter { $0 > time && $0 < end }
    }

    public static func == (lhs: StepSchedule, rhs: StepSchedule) -> Bool {
        lhs.steps.count == rhs.steps.count
            && zip(lhs.steps, rhs.steps).allSatisfy { $0.start == $1.start && $0.value == $1.value }
    }
}
