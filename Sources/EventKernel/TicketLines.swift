/// A fixed number of first-in, first-out ticket lines, numbered from 0, each
/// a ring buffer that grows by doubling and never shrinks: the lines of one
/// zone (a waiting room's lines, a queue per class), held by one owner.
///
/// Why not an array of arrays: appending to a line in an array checks that
/// the outer and then the inner buffer are uniquely referenced, and an
/// engine appends and pops on most events. These lines are non-copyable,
/// so they need neither check; lines are numbered by the engine's own
/// layout, so their indices are checked only under `OUTLETSIM_INVARIANTS`.
/// A day allocates only while a line reaches a new length.
public struct TicketLines: ~Copyable {
    /// One line's ring: `size` tickets from `head`, wrapping at `mask + 1`.
    @usableFromInline
    struct Ring {
        @usableFromInline var storage: UnsafeMutablePointer<Ticket>
        @usableFromInline var head: Int
        @usableFromInline var size: Int
        @usableFromInline var mask: Int
    }

    @usableFromInline let rings: UnsafeMutablePointer<Ring>
    /// Number of lines.
    public let lineCount: Int

    /// The lines' numbers, `0..<lineCount`.
    @inlinable public var indices: Range<Int> { 0..<lineCount }

    /// `lineCount` empty lines, each with room for `capacity` tickets (rounded
    /// up to a power of two) before it first grows.
    ///
    /// - Complexity: O(`lineCount` × `capacity`).
    public init(lineCount: Int, capacity: Int = 16) {
        var size = 1
        while size < max(capacity, 1) { size <<= 1 }
        self.lineCount = max(lineCount, 0)
        rings = .allocate(capacity: max(self.lineCount, 1))
        for line in 0..<self.lineCount {
            let storage = UnsafeMutablePointer<Ticket>.allocate(capacity: size)
            (rings + line).initialize(to: Ring(storage: storage, head: 0, size: 0, mask: size - 1))
        }
    }

    deinit {
        for line in 0..<lineCount { rings[line].storage.deallocate() }
        rings.deallocate()
    }

    /// Line `line`'s ring, in place.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    func ring(_ line: Int) -> UnsafeMutablePointer<Ring> {
        #if OUTLETSIM_INVARIANTS
        precondition(line >= 0 && line < lineCount, "line \(line) of \(lineCount)")
        #endif
        return rings + line
    }

    /// Tickets in `line`, stale ones included.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func count(of line: Int) -> Int { ring(line).pointee.size }

    /// Whether `line` holds no ticket, stale or live.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func isEmpty(_ line: Int) -> Bool { ring(line).pointee.size == 0 }

    /// The ticket at the front of `line`, if any.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func first(of line: Int) -> Ticket? {
        let ring = ring(line).pointee
        return ring.size > 0 ? ring.storage[ring.head] : nil
    }

    /// The ticket `offset` places behind the front of `line`.
    ///
    /// - Complexity: O(1).
    @inlinable
    public subscript(line: Int, offset: Int) -> Ticket {
        let ring = ring(line).pointee
        return ring.storage[(ring.head &+ offset) & ring.mask]
    }

    /// Appends `ticket` at the back of `line`.
    ///
    /// - Complexity: amortised O(1); O(*n*) when the line grows.
    @inlinable @inline(__always)
    public mutating func append(_ ticket: Ticket, to line: Int) {
        let ring = ring(line)
        if ring.pointee.size > ring.pointee.mask { Self.grow(ring) }
        ring.pointee.storage[(ring.pointee.head &+ ring.pointee.size) & ring.pointee.mask] = ticket
        ring.pointee.size &+= 1
    }

    /// Removes and returns the ticket at the front of `line`.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always) @discardableResult
    public mutating func popFirst(from line: Int) -> Ticket? {
        let ring = ring(line)
        guard ring.pointee.size > 0 else { return nil }
        let ticket = ring.pointee.storage[ring.pointee.head]
        ring.pointee.head = (ring.pointee.head &+ 1) & ring.pointee.mask
        ring.pointee.size &-= 1
        return ticket
    }

    /// Empties every line, keeping its storage.
    ///
    /// - Complexity: O(`lineCount`).
    public mutating func removeAll() {
        for line in 0..<lineCount {
            rings[line].head = 0
            rings[line].size = 0
        }
    }

    /// Doubles `ring`'s storage, moving its tickets to the front.
    ///
    /// - Complexity: O(*n*).
    @usableFromInline
    static func grow(_ ring: UnsafeMutablePointer<Ring>) {
        let old = ring.pointee
        let larger = UnsafeMutablePointer<Ticket>.allocate(capacity: 2 * (old.mask + 1))
        for offset in 0..<old.size {
            (larger + offset).initialize(to: old.storage[(old.head + offset) & old.mask])
        }
        old.storage.deallocate()
        ring.pointee = Ring(storage: larger, head: 0, size: old.size, mask: 2 * (old.mask + 1) - 1)
    }
}
