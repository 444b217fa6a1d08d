/// The records of the entities present (customers in the outlet, say), in
/// numbered slots of one buffer that the store owns, reused once an entity
/// leaves: memory follows how many are present at once, not how many pass.
///
/// Why not an array: every write to an array element checks that the
/// buffer is uniquely referenced and every access checks its bounds, and an
/// engine writes its customers' records several times per event. The store
/// is non-copyable, so it needs no uniqueness check; slots come only from
/// `take(_:)`, so bounds are checked only under `OUTLETSIM_INVARIANTS`. It
/// grows by doubling when more entities are present than ever before, so a
/// day with a steady population allocates nothing per entity. Elements are
/// plain values (`BitwiseCopyable`), so freeing a slot needs no cleanup.
///
/// Slots are handed out last freed, first reused; a store that has never
/// freed one hands out 0, 1, 2, ...
public struct SlotStore<Element: BitwiseCopyable>: ~Copyable {
    @usableFromInline var storage: UnsafeMutablePointer<Element>
    @usableFromInline var freeSlots: UnsafeMutablePointer<Int32>
    @usableFromInline var capacity: Int
    /// Slots handed out so far, in use or free: the most entities ever present.
    @usableFromInline var used: Int
    @usableFromInline var freeCount: Int

    /// An empty store with room for `capacity` entities up front.
    ///
    /// - Complexity: O(1).
    @inlinable
    public init(capacity: Int = 64) {
        self.capacity = max(capacity, 4)
        storage = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
        freeSlots = UnsafeMutablePointer<Int32>.allocate(capacity: self.capacity)
        used = 0
        freeCount = 0
    }

    @inlinable
    deinit {
        storage.deallocate()
        freeSlots.deallocate()
    }

    /// The most entities present at once so far (slots ever handed out).
    @inlinable public var slotCount: Int { used }

    /// Stores `element` in a free slot and returns the slot.
    ///
    /// - Complexity: amortised O(1); O(*n*) when the store grows.
    @inlinable @inline(__always)
    public mutating func take(_ element: Element) -> Int32 {
        if freeCount > 0 {
            freeCount -= 1
            let slot = freeSlots[freeCount]
            (storage + Int(slot)).initialize(to: element)
            return slot
        }
        if used == capacity { grow() }
        (storage + used).initialize(to: element)
        used += 1
        return Int32(truncatingIfNeeded: used - 1)
    }

    /// Frees `slot` for reuse; its record stays readable until reused.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func free(_ slot: Int32) {
        #if OUTLETSIM_INVARIANTS
        precondition(slot >= 0 && Int(slot) < used && freeCount < used, "slot \(slot) freed but never taken")
        #endif
        freeSlots[freeCount] = slot
        freeCount += 1
    }

    /// The record in `slot`, read and written in place.
    ///
    /// - Complexity: O(1).
    @inlinable
    public subscript(slot: Int32) -> Element {
        unsafeAddress { UnsafePointer(elementAddress(storage, Int(slot), below: used)) }
        unsafeMutableAddress { elementAddress(storage, Int(slot), below: used) }
    }

    /// The record in slot `index`, for engines that hold slots as `Int`.
    ///
    /// - Complexity: O(1).
    @inlinable
    public subscript(index: Int) -> Element {
        unsafeAddress { UnsafePointer(elementAddress(storage, index, below: used)) }
        unsafeMutableAddress { elementAddress(storage, index, below: used) }
    }

    /// Frees every slot, keeping the buffer; the next `take` hands out 0.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func removeAll() {
        used = 0
        freeCount = 0
    }

    /// Doubles both buffers.
    ///
    /// - Complexity: O(*n*).
    @usableFromInline
    mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: used)
        storage.deallocate()
        storage = larger
        let largerFree = UnsafeMutablePointer<Int32>.allocate(capacity: capacity * 2)
        largerFree.moveInitialize(from: freeSlots, count: freeCount)
        freeSlots.deallocate()
        freeSlots = largerFree
        capacity *= 2
    }
}

/// The address of element `index` of `storage`, which holds `limit`
/// initialised elements. The check runs in debug builds only
/// (`OUTLETSIM_INVARIANTS`), as the slot store's did before it was shared,
/// and no scenario reaches it: indices are slots handed out by `take`,
/// lines from the engine's layout, positions of the scenario's own groups,
/// types and segments, and intervals clamped by the engine's clock, never
/// a number read from a file. A failure is an engine bug.
///
/// - Complexity: O(1).
@inlinable @inline(__always)
func elementAddress<Element>(_ storage: UnsafeMutablePointer<Element>, _ index: Int, below limit: Int) -> UnsafeMutablePointer<Element> {
    #if OUTLETSIM_INVARIANTS
    precondition(index >= 0 && index < limit, "index \(index) outside the \(limit) in use")
    #endif
    return storage + index
}
