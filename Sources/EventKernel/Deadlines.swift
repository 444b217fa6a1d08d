/// The calendar's second lane: events an engine may withdraw before they
/// fall due, at most one per entity, such as a waiting customer's patience
/// expiry, withdrawn when the customer is called.
///
/// Why a lane of its own: the main heap has no cancellation, so an expiry
/// made stale by a call stayed pending until its time, was taken and was
/// ignored. On the weekday branch most expiries end so: 27 of the 63
/// events pending on average, and a tenth of the events taken. Here they
/// leave when withdrawn, so they are neither sifted past nor taken.
///
/// Storage: a binary min-heap of plain events in a buffer the lane owns,
/// with slot `size` a sentinel after every event (as the main heap's), and
/// each entity's position in the heap, so that a withdrawal finds its event
/// at once. Events are ordered by (time, sequence) with sequences from the
/// calendar's one counter, so the two lanes interleave exactly as one heap
/// holding both would.
@usableFromInline
struct Deadlines<Kind: Sendable & BitwiseCopyable>: ~Copyable {
    @usableFromInline var storage: UnsafeMutablePointer<Event<Kind>>
    @usableFromInline var capacity: Int
    @usableFromInline var size: Int
    /// The heap slot of each entity's event, or −1; indexed by entity.
    @usableFromInline var positions: UnsafeMutablePointer<Int32>
    @usableFromInline var entityCapacity: Int

    /// - Complexity: O(`entities`).
    @inlinable
    init(capacity: Int, entities: Int) {
        self.capacity = max(capacity, 4)
        storage = UnsafeMutablePointer<Event<Kind>>.allocate(capacity: self.capacity + 1)
        size = 0
        entityCapacity = max(entities, 4)
        positions = UnsafeMutablePointer<Int32>.allocate(capacity: entityCapacity)
        positions.initialize(repeating: -1, count: entityCapacity)
    }

    @inlinable
    deinit {
        storage.deinitialize(count: size)
        storage.deallocate()
        positions.deallocate()
    }

    /// Adds `event`, replacing the pending event of its entity, if any.
    ///
    /// - Complexity: O(log *n*); amortised O(1) extra when a buffer grows.
    @inlinable
    mutating func insert(_ event: Event<Kind>) {
        let entity = Int(event.entity)
        if entity >= entityCapacity { growEntities(to: entity + 1) }
        if positions[entity] >= 0 { withdraw(event.entity) }
        if size == capacity { growHeap() }
        size += 1
        siftUp(event, from: size - 1)
        (storage + size).initialize(to: Event(afterAll: event.kind))
    }

    /// Removes `entity`'s pending event, if it has one.
    ///
    /// - Complexity: O(log *n*).
    @inlinable
    mutating func withdraw(_ entity: Int32) {
        guard Int(entity) < entityCapacity else { return }
        let position = Int(positions[Int(entity)])
        guard position >= 0 else { return }
        positions[Int(entity)] = -1
        size -= 1
        let last = storage[size]
        (storage + size).initialize(to: storage[size + 1])  // the sentinel moves down
        guard position < size else { return }
        if position > 0 && last.precedes(storage[(position - 1) >> 1]) {
            siftUp(last, from: position)
        } else {
            siftDown(last, from: position)
        }
    }

    /// The earliest event; the lane must not be empty.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    var first: Event<Kind> { storage[0] }

    /// Takes the earliest event; the lane must not be empty.
    ///
    /// - Complexity: O(log *n*).
    @inlinable
    mutating func removeFirst() -> Event<Kind> {
        let first = storage[0]
        positions[Int(first.entity)] = -1
        size -= 1
        let last = storage[size]
        (storage + size).initialize(to: storage[size + 1])
        if size > 0 { siftDown(last, from: 0) }
        return first
    }

    /// Empties the lane, keeping its buffers.
    ///
    /// - Complexity: O(*n*).
    @inlinable
    mutating func removeAll() {
        for index in 0..<size { positions[Int(storage[index].entity)] = -1 }
        size = 0
    }

    /// Places `moving` at the free slot `hole` and raises it to its level.
    ///
    /// - Complexity: O(log *n*).
    @inlinable @inline(__always)
    mutating func siftUp(_ moving: Event<Kind>, from hole: Int) {
        var hole = hole
        while hole > 0 {
            let parent = (hole &- 1) >> 1
            guard moving.precedes(storage[parent]) else { break }
            place(storage[parent], at: hole)
            hole = parent
        }
        place(moving, at: hole)
    }

    /// Places `moving` at the free slot `hole` and sinks it to its level;
    /// the sentinel at slot `size` stands in for a missing right child.
    ///
    /// - Complexity: O(log *n*).
    @inlinable @inline(__always)
    mutating func siftDown(_ moving: Event<Kind>, from hole: Int) {
        var hole = hole
        var left = hole &* 2 &+ 1
        while left < size {
            // Branch-free, as the main heap's (``EventCalendar/siftDown(_:)``).
            let child = left &+ (storage[left &+ 1].precedes(storage[left]) ? 1 : 0)
            guard storage[child].precedes(moving) else { break }
            place(storage[child], at: hole)
            hole = child
            left = hole &* 2 &+ 1
        }
        place(moving, at: hole)
    }

    /// Writes `event` at `slot` and remembers where its entity is.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    mutating func place(_ event: Event<Kind>, at slot: Int) {
        (storage + slot).initialize(to: event)
        positions[Int(event.entity)] = Int32(truncatingIfNeeded: slot)
    }

    /// Doubles the heap's buffer.
    ///
    /// - Complexity: O(*n*).
    @usableFromInline
    mutating func growHeap() {
        let larger = UnsafeMutablePointer<Event<Kind>>.allocate(capacity: capacity * 2 + 1)
        larger.moveInitialize(from: storage, count: size + (size > 0 ? 1 : 0))
        storage.deallocate()
        storage = larger
        capacity *= 2
    }

    /// Makes room for entities below `needed`, at least doubling.
    ///
    /// - Complexity: O(entities).
    @usableFromInline
    mutating func growEntities(to needed: Int) {
        let count = max(needed, entityCapacity * 2)
        let larger = UnsafeMutablePointer<Int32>.allocate(capacity: count)
        larger.moveInitialize(from: positions, count: entityCapacity)
        (larger + entityCapacity).initialize(repeating: -1, count: count - entityCapacity)
        positions.deallocate()
        positions = larger
        entityCapacity = count
    }
}
