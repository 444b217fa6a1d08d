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
/// binary min-heap in one contiguous buffer that grows only when the number
/// of pending events reaches a new maximum, so a day with a steady number of
/// pending events allocates nothing per event. There is no cancellation: an
/// engine remembers the `sequence` of the event it still wants and ignores
/// stale ones when they come due.
public struct EventCalendar<Kind: Sendable>: Sendable {
    @usableFromInline var heap: ContiguousArray<Event<Kind>>
    @usableFromInline var nextSequence: UInt64
    @usableFromInline var clock: Double

    /// The clock: the time of the event last taken, minutes.
    @inlinable public var now: Double { clock }

    /// An empty calendar whose clock reads `startTime`.
    ///
    /// - Parameter capacity: pending events to make room for up front.
    @inlinable
    public init(startTime: Double = 0, capacity: Int = 64) {
        heap = []
        heap.reserveCapacity(capacity)
        nextSequence = 0
        clock = startTime
    }

    /// Number of pending events.
    @inlinable public var count: Int { heap.count }

    /// Whether no event is pending.
    @inlinable public var isEmpty: Bool { heap.isEmpty }

    /// The time of the next event, if any.
    @inlinable public var nextTime: Double? { heap.first?.time }

    /// Schedules `kind` for `entity` at absolute `time` (minutes), which must
    /// not be before `now`, and returns the event's sequence number.
    ///
    /// - Complexity: O(log *n*).
    @inlinable @discardableResult
    public mutating func schedule(_ kind: Kind, for entity: Int32, at time: Double) -> UInt64 {
        #if OUTLETSIM_INVARIANTS
        precondition(time >= now && time.isFinite, "event scheduled at \(time), before the clock \(now)")
        #endif
        let sequence = nextSequence
        nextSequence &+= 1
        heap.append(Event(time: time, sequence: sequence, kind: kind, entity: entity))
        siftUp(from: heap.count - 1)
        return sequence
    }

    /// Schedules `kind` for `entity` `delay` minutes from now.
    ///
    /// - Complexity: O(log *n*).
    @inlinable @discardableResult
    public mutating func schedule(_ kind: Kind, for entity: Int32, after delay: Double) -> UInt64 {
        schedule(kind, for: entity, at: now + delay)
    }

    /// Takes the next event and moves the clock to its time; `nil` when the
    /// calendar is empty (run until empty).
    ///
    /// - Complexity: O(log *n*).
    @inlinable
    public mutating func next() -> Event<Kind>? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            siftDown(last)
        }
        clock = first.time
        return first
    }

    /// Takes the next event if it is due no later than `limit`; otherwise
    /// leaves it pending, moves the clock to `limit` and returns `nil`
    /// (run until a time).
    ///
    /// - Complexity: O(log *n*).
    @inlinable
    public mutating func next(notAfter limit: Double) -> Event<Kind>? {
        guard let first = heap.first, first.time <= limit else {
            if limit > clock { clock = limit }
            return nil
        }
        return next()
    }

    /// Empties the calendar and sets the clock to `startTime`, keeping the
    /// storage for the next day. Sequence numbers keep increasing, so events
    /// remembered from before the reset can never match new ones.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func removeAll(resettingClockTo startTime: Double = 0) {
        heap.removeAll(keepingCapacity: true)
        clock = startTime
    }
}
