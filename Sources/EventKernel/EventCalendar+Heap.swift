/// The binary min-heap behind ``EventCalendar``. Slots `0..<size` hold
/// initialised events; both sifts move a hole instead of swapping, so each
/// level costs one move.
extension EventCalendar {
    /// Places `moving` at the uninitialised slot `index` (the new last slot)
    /// and raises it to its level.
    ///
    /// - Complexity: O(log *n*).
    @inlinable @inline(__always)
    mutating func siftUp(_ moving: Event<Kind>, from index: Int) {
        var hole = index
        while hole > 0 {
            let parent = (hole - 1) >> 1
            guard moving.precedes(storage[parent]) else { break }
            (storage + hole).initialize(to: (storage + parent).move())
            hole = parent
        }
        (storage + hole).initialize(to: moving)
    }

    /// Places `moving` at the root, whose slot is uninitialised, and sinks
    /// it to its level among the `size` events.
    ///
    /// - Complexity: O(log *n*).
    @inlinable @inline(__always)
    mutating func siftDown(_ moving: Event<Kind>) {
        var hole = 0
        while true {
            let left = 2 * hole + 1
            guard left < size else { break }
            let right = left + 1
            let child = right < size && storage[right].precedes(storage[left]) ? right : left
            guard storage[child].precedes(moving) else { break }
            (storage + hole).initialize(to: (storage + child).move())
            hole = child
        }
        (storage + hole).initialize(to: moving)
    }

    /// Doubles the buffer.
    ///
    /// - Complexity: O(*n*).
    @inlinable
    mutating func grow() {
        let larger = UnsafeMutablePointer<Event<Kind>>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: size)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
