extension EventCalendar {
    /// Whether every parent precedes its children and no pending event is
    /// before the clock. Tests call it; debug builds (flag
    /// `OUTLETSIM_INVARIANTS`) also check event times as they are scheduled.
    ///
    /// - Complexity: O(*n*).
    public var satisfiesHeapInvariant: Bool {
        for index in heap.indices.dropFirst() {
            let parent = (index - 1) >> 1
            if heap[index].precedes(heap[parent]) { return false }
        }
        return heap.allSatisfy { $0.time >= now }
    }
}
