/// The simulation clock and the calendar of future events, ordered by
/// (time, sequence) so that simultaneous events always resolve in the order
/// they were scheduled.
///
/// An engine owns one calendar by value and drives it itself:
///
///     while let event = calendar.next(notAfter: closing) {
///         switch event.kind { ... }   // handlers schedule further events
///     }
///
/// There are no callbacks: the engine's `switch` is the dispatcher, which
/// keeps the event loop free of closures and existentials. Storage is a
/// binary min-heap of plain values (`BitwiseCopyable`) in one buffer that
/// the calendar owns (hence non-copyable): it grows by doubling only when
/// the number of pending events reaches a new maximum, so a day with a
/// steady number of pending events allocates nothing per event, and no
/// access pays a uniqueness or reference-counting check. The main heap has
/// no cancellation: an engine remembers the `sequence` of the event it
/// still wants and ignores stale ones when they come due. Only a deadline,
/// at most one per entity (``scheduleDeadline(_:for:after:)``), can be
/// withdrawn: it waits in a lane of its own (``Deadlines``), taken in turn
/// with the main heap by (time, sequence).
///
/// Nearly every event's handler schedules another at once (a walk, a
/// service, the next arrival), so `next()` leaves the root's slot vacant
/// rather than refilling it: the next event scheduled is sunk from the
/// root (one sift instead of a sift down for the pop and a sift up for the
/// push), and only if `next()` comes first is the last event moved up, as
/// a plain pop does. Events are totally ordered by (time, sequence), so
/// the order they are taken in does not depend on the heap's shape.
public struct EventCalendar<Kind: Sendable & BitwiseCopyable>: ~Copyable {
    @usableFromInline var storage: UnsafeMutablePointer<Event<Kind>>
    @usableFromInline var capacity: Int
    @usableFromInline var size: Int
    @usableFromInline var nextSequence: UInt64
    @usableFromInline var clock: Double
    @usableFromInline var deadlines: Deadlines<Kind>
    /// Slot 0 was handed out by `next()` and awaits the next event
    /// scheduled, or the last one (``settleRoot()``); `size` still counts it.
    @usableFromInline var rootVacant: Bool

    /// An empty calendar whose clock reads `startTime`.
    ///
    /// - Parameter capacity: pending events to make room for up front.
    @inlinable
    public init(startTime: Double = 0, capacity: Int = 64) {
        self.capacity = max(capacity, 4)
        storage = UnsafeMutablePointer<Event<Kind>>.allocate(capacity: self.capacity + 1)
        size = 0
        nextSequence = 0
        clock = startTime
        deadlines = Deadlines(capacity: capacity, entities: capacity)
        rootVacant = false
    }

    @inlinable
    deinit {
        let first = rootVacant ? 1 : 0
        (storage + first).deinitialize(count: size - first)
        storage.deallocate()
    }

    /// The clock: the time of the event last taken, minutes.
    @inlinable public var now: Double { clock }

    /// Number of pending events, deadlines included.
    @inlinable public var count: Int { size - (rootVacant ? 1 : 0) + deadlines.size }

    /// Whether no event is pending.
    @inlinable public var isEmpty: Bool { count == 0 }

    /// The time of the next event, if any.
    @inlinable public var nextTime: Double? {
        let main = firstInHeap
        if deadlines.size > 0, main.map({ deadlines.first.precedes($0) }) ?? true { return deadlines.first.time }
        return main?.time
    }

    /// The main heap's first event, its root's slot vacant or not.
    ///
    /// - Complexity: O(1).
    @inlinable
    var firstInHeap: Event<Kind>? {
        guard rootVacant else { return size > 0 ? storage[0] : nil }
        // With the root vacant, the first is one of its children.
        guard size > 1 else { return nil }
        return size > 2 && storage[2].precedes(storage[1]) ? storage[2] : storage[1]
    }

    /// Whether the next event is the earliest deadline rather than the
    /// main heap's first event; the calendar must not be empty, and its
    /// root not vacant.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    var takesDeadlineNext: Bool {
        deadlines.size > 0 && (size == 0 || deadlines.first.precedes(storage[0]))
    }

    /// Schedules `kind` for `entity` at absolute `time` (minutes), which must
    /// not be before `now`, and returns the event's sequence number.
    ///
    /// - Complexity: O(log *n*); amortised O(1) extra when the heap grows.
    @inlinable @discardableResult
    public mutating func schedule(_ kind: Kind, for entity: Int32, at time: Double) -> UInt64 {
        #if OUTLETSIM_INVARIANTS
        precondition(time >= clock && time.isFinite, "event scheduled at \(time), before the clock \(clock)")
        #endif
        let sequence = nextSequence
        nextSequence &+= 1
        let event = Event(time: time, sequence: sequence, kind: kind, entity: entity)
        if rootVacant {
            // Into the slot the last event taken left: one sift down.
            rootVacant = false
            placeSentinel(kind)
            siftDown(event)
            return sequence
        }
        if size == capacity { grow() }
        siftUp(event, from: size)
        size += 1
        return sequence
    }

    /// Schedules `kind` for `entity` `delay` minutes from now.
    ///
    /// - Complexity: O(log *n*).
    @inlinable @discardableResult
    public mutating func schedule(_ kind: Kind, for entity: Int32, after delay: Double) -> UInt64 {
        schedule(kind, for: entity, at: clock + delay)
    }

    /// Schedules `kind` for `entity` `delay` minutes from now as the
    /// entity's one deadline, which ``withdrawDeadline(of:)`` can take back
    /// before it falls due; a deadline the entity already has is replaced.
    /// Returns the event's sequence number.
    ///
    /// - Complexity: O(log *d*) for *d* pending deadlines.
    @inlinable @discardableResult
    public mutating func scheduleDeadline(_ kind: Kind, for entity: Int32, after delay: Double) -> UInt64 {
        let time = clock + delay
        #if OUTLETSIM_INVARIANTS
        // Debug builds only, as `schedule`'s check: engines pass draws that
        // `Distribution.sample` keeps finite and non-negative, and slots for
        // entities, so no scenario reaches it; a failure is an engine bug.
        precondition(time >= clock && time.isFinite && entity >= 0, "deadline at \(time) for \(entity), clock \(clock)")
        #endif
        let sequence = nextSequence
        nextSequence &+= 1
        deadlines.insert(Event(time: time, sequence: sequence, kind: kind, entity: entity))
        return sequence
    }

    /// Withdraws `entity`'s deadline, if it has one pending.
    ///
    /// - Complexity: O(log *d*) for *d* pending deadlines.
    @inlinable
    public mutating func withdrawDeadline(of entity: Int32) {
        deadlines.withdraw(entity)
    }

    /// Takes the next event and moves the clock to its time; `nil` when the
    /// calendar is empty (run until empty).
    ///
    /// - Complexity: O(log *n*).
    @inlinable @inline(__always)
    public mutating func next() -> Event<Kind>? {
        settleRoot()
        if takesDeadlineNext {
            let first = deadlines.removeFirst()
            clock = first.time
            return first
        }
        guard size > 0 else { return nil }
        // The root's slot stays vacant for the next event scheduled.
        let first = storage.move()
        rootVacant = true
        clock = first.time
        return first
    }

    /// Fills a root slot left vacant by `next()`, when no event was
    /// scheduled into it since, with the last event: the rest of a pop.
    ///
    /// - Complexity: O(log *n*) when the root is vacant, O(1) otherwise.
    @inlinable @inline(__always)
    mutating func settleRoot() {
        guard rootVacant else { return }
        rootVacant = false
        size -= 1
        guard size > 0 else { return }
        let last = (storage + size).move()
        placeSentinel(last.kind)
        siftDown(last)
    }

    /// Takes the next event if it is due no later than `limit`; otherwise
    /// leaves it pending, moves the clock to `limit` and returns `nil`
    /// (run until a time).
    ///
    /// - Complexity: O(log *n*).
    @inlinable
    public mutating func next(notAfter limit: Double) -> Event<Kind>? {
        settleRoot()
        guard !isEmpty, (takesDeadlineNext ? deadlines.first : storage[0]).timeKey <= Event<Kind>.orderKey(limit) else {
            if limit > clock { clock = limit }
            return nil
        }
        return next()
    }

    /// Empties the calendar and sets the clock to `startTime`, keeping the
    /// storage for the next day. Sequence numbers keep increasing, so events
    /// remembered from before the reset can never match new ones.
    ///
    /// - Complexity: O(*n*).
    @inlinable
    public mutating func removeAll(resettingClockTo startTime: Double = 0) {
        settleRoot()
        storage.deinitialize(count: size)
        size = 0
        deadlines.removeAll()
        clock = startTime
    }
}
