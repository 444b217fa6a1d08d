/// A ticket in a waiting line: the customer's slot and the ticket number it
/// had when it joined. A slot reused by a later customer carries a new
/// number, so a ticket left behind by an abandoning customer is recognised
/// as stale when it reaches the head of the line.
struct Ticket {
    var slot: Int32
    var number: Int
}

/// A FIFO ring buffer of tickets that grows by doubling and never shrinks,
/// so a day allocates only while the line reaches new lengths.
struct WaitingLine {
    private var storage: ContiguousArray<Ticket>
    private var head = 0
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 1
        while size < capacity { size <<= 1 }
        storage = ContiguousArray(repeating: Ticket(slot: -1, number: 0), count: size)
    }

    /// - Complexity: amortised O(1).
    @inline(__always)
    mutating func append(_ ticket: Ticket) {
        if count == storage.count { grow() }
        storage[(head + count) & (storage.count - 1)] = ticket
        count += 1
    }

    /// - Complexity: O(1).
    @inline(__always)
    mutating func popFirst() -> Ticket? {
        guard count > 0 else { return nil }
        let ticket = storage[head]
        head = (head + 1) & (storage.count - 1)
        count -= 1
        return ticket
    }

    mutating func removeAll() {
        head = 0
        count = 0
    }

    private mutating func grow() {
        var larger = ContiguousArray(repeating: Ticket(slot: -1, number: 0), count: storage.count * 2)
        for offset in 0..<count {
            larger[offset] = storage[(head + offset) & (storage.count - 1)]
        }
        storage = larger
        head = 0
    }
}
