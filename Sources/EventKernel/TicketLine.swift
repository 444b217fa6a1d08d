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

/// One first-in, first-out line of tickets: a queue of its own, such as
/// the greeters' desk's. It is a ``TicketLines`` of one line, so the ring
/// buffer is written once; it is non-copyable for the same reason.
public struct TicketLine: ~Copyable {
    @usableFromInline var line: TicketLines

    /// An empty line with room for `capacity` tickets before it first grows.
    public init(capacity: Int = 16) {
        line = TicketLines(lineCount: 1, capacity: capacity)
    }

    /// Tickets in the line, stale ones included.
    @inlinable public var count: Int { line.count(of: 0) }

    /// Whether the line holds no ticket, stale or live.
    @inlinable public var isEmpty: Bool { line.isEmpty(0) }

    /// The ticket at the front, if any.
    @inlinable public var first: Ticket? { line.first(of: 0) }

    /// Appends a ticket at the back.
    ///
    /// - Complexity: amortised O(1).
    @inlinable
    public mutating func append(_ ticket: Ticket) { line.append(ticket, to: 0) }

    /// Removes and returns the ticket at the front.
    ///
    /// - Complexity: O(1).
    @inlinable @discardableResult
    public mutating func popFirst() -> Ticket? { line.popFirst(from: 0) }

    /// Empties the line, keeping its storage.
    ///
    /// - Complexity: O(1).
    public mutating func removeAll() { line.removeAll() }
}
