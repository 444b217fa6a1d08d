extension EventCalendar {
    /// Whether every parent precedes its children and no pending event is
    /// before the clock. Tests call it; debug builds (flag
    /// `OUTLETSIM_INVARIANTS`) also check event times as they are scheduled.
    ///
    /// - Complexity: O(*n*).
    public var satisfiesHeapInvariant: Bool {
        for index in 0..<size {
            if storage[index].time < clock { return false }
            if index > 0 && storage[index].precedes(storage[(index - 1) >> 1]) { return false }
        }
        return true
    }
}
