/// The binary min-heap behind ``EventCalendar``. Slots `0..<size` hold
/// the pending events (slot 0 none while the root is vacant); while an
/// event sinks, slot `size` holds a sentinel that comes after all of them
/// (the buffer has room for `capacity + 1`), written just before, as only
/// sinking reads it. Both sifts move a hole instead of swapping, so each
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
            let parent = (hole &- 1) >> 1
            guard moving.precedes(storage[parent]) else { break }
            (storage + hole).initialize(to: (storage + parent).move())
            hole = parent
        }
        (storage + hole).initialize(to: moving)
    }

    /// Places `moving` at the root, whose slot is vacant, and sinks
    /// it to its level among the `size` events. The sentinel at slot `size`
    /// stands in for a missing right child, so the earlier child is chosen
    /// without testing whether there is a right one.
    ///
    /// - Complexity: O(log *n*).
    @inlinable @inline(__always)
    mutating func siftDown(_ moving: Event<Kind>) {
        var hole = 0
        var left = 1
        while left < size {
            // The earlier child, chosen without a branch: which one it is
            // is a coin toss, and a mispredicted branch costs more than the select.
            let child = left &+ (storage[left &+ 1].precedes(storage[left]) ? 1 : 0)
            guard storage[child].precedes(moving) else { break }
            (storage + hole).initialize(to: (storage + child).move())
            hole = child
            left = hole &* 2 &+ 1
        }
        (storage + hole).initialize(to: moving)
    }

    /// Writes the sentinel, an event after every other, at slot `size`;
    /// `kind` is any kind, never read.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    mutating func placeSentinel(_ kind: Kind) {
        (storage + size).initialize(to: Event(afterAll: kind))
    }

    /// Doubles the buffer.
    ///
    /// - Complexity: O(*n*).
    @inlinable
    mutating func grow() {
        let larger = UnsafeMutablePointer<Event<Kind>>.allocate(capacity: capacity * 2 + 1)
        larger.moveInitialize(from: storage, count: size)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
