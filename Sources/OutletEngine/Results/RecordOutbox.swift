/// The records of customers who left while the engine handled one event,
/// until the run loop hands them to the sink (handlers have no sink of
/// their own: they would all be generic over it).
///
/// Why not an array: appending to an array inside the engine checks that
/// its buffer is uniquely referenced, and emptying it is a call, for every
/// customer. The outbox is non-copyable, so it needs no check, and it
/// empties by forgetting its count (records are `BitwiseCopyable`). It grows by
/// doubling when one event sends more customers away than ever before (the
/// overtime limit sends every waiting customer at once).
struct RecordOutbox: ~Copyable {
    private var storage: UnsafeMutablePointer<CustomerRecord>
    private var capacity: Int
    /// Records waiting to be handed on.
    private(set) var count = 0

    /// - Complexity: O(1).
    init(capacity: Int) {
        self.capacity = max(capacity, 4)
        storage = UnsafeMutablePointer<CustomerRecord>.allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// - Complexity: O(1) amortised.
    @inline(__always)
    mutating func append(_ record: CustomerRecord) {
        if count == capacity { grow() }
        (storage + count).initialize(to: record)
        count += 1
    }

    /// Record `index`, below ``count``.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    subscript(index: Int) -> CustomerRecord { storage[index] }

    /// Forgets every record, keeping the storage.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    mutating func removeAll() { count = 0 }

    /// - Complexity: O(count).
    private mutating func grow() {
        let larger = UnsafeMutablePointer<CustomerRecord>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
