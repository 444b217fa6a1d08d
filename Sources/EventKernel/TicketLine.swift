/// A ticket in a line: the customer's slot and the ticket number it had when
/// it joined. A slot reused by a later customer carries a new number, so a
/// ticket left behind by a customer who gave up is recognised as stale when
/// it reaches the head of the line; lines never search their middle.
@frozen
public struct Ticket: Sendable, Equatable {
    public var slot: Int32
    public var number: Int

    @inlinable
    public init(slot: Int32, number: Int) {
        self.slot = slot
        self.number = number
    }
}

/// A first-in, first-out line of tickets in a ring buffer that grows by
/// doubling and never shrinks, so a day allocates only while a line reaches
/// new lengths. Used for waiting lines, the reception queue and kiosk queues.
public struct TicketLine: Sendable {
    @usableFromInline var storage: ContiguousArray<Ticket>
    @usableFromInline var head = 0
    @usableFromInline var size = 0

    /// Tickets in the line, stale ones included.
    @inlinable public var count: Int { size }

    public init(capacity: Int = 16) {
        var size = 1
        while size < capacity { size <<= 1 }
        storage = ContiguousArray(repeating: Ticket(slot: -1, number: 0), count: size)
    }

    /// Whether the line holds no ticket, stale or live.
    @inlinable public var isEmpty: Bool { size == 0 }

    /// Appends a ticket at the back.
    ///
    /// - Complexity: amortised O(1).
    @inlinable
    public mutating func append(_ ticket: Ticket) {
        if size == storage.count { grow() }
        storage[(head + size) & (storage.count - 1)] = ticket
        size += 1
    }

    /// The ticket at the front, if any.
    @inlinable public var first: Ticket? { size > 0 ? storage[head] : nil }

    /// Removes and returns the ticket at the front.
    ///
    /// - Complexity: O(1).
    @inlinable @discardableResult
    public mutating func popFirst() -> Ticket? {
        guard size > 0 else { return nil }
        let ticket = storage[head]
        head = (head + 1) & (storage.count - 1)
        size -= 1
        return ticket
    }

    /// The ticket `offset` places behind the front.
    @inlinable
    public subscript(offset: Int) -> Ticket {
        storage[(head + offset) & (storage.count - 1)]
    }

    /// Empties the line, keeping its storage.
    public mutating func removeAll() {
        head = 0
        size = 0
    }

    @usableFromInline
    mutating func grow() {
        var larger = ContiguousArray(repeating: Ticket(slot: -1, number: 0), count: storage.count * 2)
        for offset in 0..<size {
            larger[offset] = storage[(head + offset) & (storage.count - 1)]
        }
        storage = larger
        head = 0
    }
}
