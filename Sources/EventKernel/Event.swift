/// One scheduled happening: at `time` (minutes on the simulation clock),
/// `kind` happens to `entity` (a customer slot, a window, a kiosk, ...).
///
/// Events are 24-byte values with no references, so the calendar holds them
/// inline. `sequence` is unique and increasing in scheduling order; it breaks
/// ties between simultaneous events and lets an engine recognise an event it
/// has since made stale (e.g. the patience expiry of a customer already
/// called), instead of cancelling it.
@frozen
public struct Event<Kind: Sendable & BitwiseCopyable>: Sendable, BitwiseCopyable {
    /// `time`'s bits mapped so that unsigned order is numeric order; the
    /// heap compares integers, which compile to branch-free code.
    @usableFromInline let timeKey: UInt64
    /// Order of scheduling; unique within one calendar.
    public let sequence: UInt64
    /// What happens; an engine's own small enum.
    public let kind: Kind
    /// Whom it happens to: an index into the engine's own arrays.
    public let entity: Int32

    @inlinable
    public init(time: Double, sequence: UInt64, kind: Kind, entity: Int32) {
        timeKey = Self.orderKey(time)
        self.sequence = sequence
        self.kind = kind
        self.entity = entity
    }

    /// The heap's sentinel: after every event that can be scheduled.
    @inlinable
    init(afterAll kind: Kind) {
        timeKey = .max
        sequence = .max
        self.kind = kind
        entity = -1
    }

    /// When the event happens, minutes.
    @inlinable public var time: Double { Self.time(ofKey: timeKey) }

    /// Whether `self` comes before `other`: earlier time, then earlier
    /// scheduling. One 128-bit unsigned comparison.
    @inlinable @inline(__always)
    public func precedes(_ other: Event) -> Bool {
        (UInt128(timeKey) << 64 | UInt128(sequence)) < (UInt128(other.timeKey) << 64 | UInt128(other.sequence))
    }

    /// Maps a time to a key whose unsigned order is the times' numeric
    /// order: a non-negative time gains its sign bit, a negative one has all
    /// its bits flipped. `-0.0` is taken as `0.0`, so the two tie.
    @inlinable @inline(__always)
    static func orderKey(_ time: Double) -> UInt64 {
        let bits = (time + 0.0).bitPattern
        return bits >> 63 == 0 ? bits | (1 << 63) : ~bits
    }

    /// The time whose ``orderKey(_:)`` is `key`.
    @inlinable @inline(__always)
    static func time(ofKey key: UInt64) -> Double {
        Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
    }
}
