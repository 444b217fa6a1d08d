extension EventCalendar {
    /// Whether, in both lanes, every parent precedes its children (a vacant
    /// root has none to precede), no pending event is before the clock, and
    /// each deadline's entity knows its slot. Tests call it; debug builds
    /// (flag `OUTLETSIM_INVARIANTS`) also check event times as they are
    /// scheduled.
    ///
    /// - Complexity: O(*n* + entities).
    public var satisfiesHeapInvariant: Bool {
        for index in (rootVacant ? 1 : 0)..<size {
            if storage[index].time < clock { return false }
            let parent = (index - 1) >> 1
            if index > 0 && !(rootVacant && parent == 0) && storage[index].precedes(storage[parent]) { return false }
        }
        // The deadlines: ordered too, and each entity's position is its event's slot.
        var positioned = 0
        for entity in 0..<deadlines.entityCapacity where deadlines.positions[entity] >= 0 {
            let position = Int(deadlines.positions[entity])
            guard position < deadlines.size, deadlines.storage[position].entity == Int32(entity) else { return false }
            positioned += 1
        }
        for index in 0..<deadlines.size {
            if deadlines.storage[index].time < clock { return false }
            if index > 0 && deadlines.storage[index].precedes(deadlines.storage[(index - 1) >> 1]) { return false }
        }
        return positioned == deadlines.size
    }
}
