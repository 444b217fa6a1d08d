/// One scheduled happening: at `time` (minutes on the simulation clock),
/// `kind` happens to `entity` (a customer slot, a window, a kiosk, ...).
///
/// Events are 24-byte values with no references, so the calendar holds them
/// inline. `sequence` is unique and increasing in scheduling order; it breaks
/// ties between simultaneous events and lets an engine recognise an event it
/// has since made stale (e.g. the patience expiry of a customer already
/// called), instead of cancelling it.
@frozen
public struct Event<Kind: Sendable>: Sendable {
    /// When the event happens, minutes.
    public let time: Double
    /// Order of scheduling; unique within one calendar.
    public let sequence: UInt64
    /// What happens; an engine's own small enum.
    public let kind: Kind
    /// Whom it happens to: an index into the engine's own arrays.
    public let entity: Int32

    @inlinable
    public init(time: Double, sequence: UInt64, kind: Kind, entity: Int32) {
        self.time = time
        self.sequence = sequence
        self.kind = kind
        self.entity = entity
    }

    /// Whether `self` comes before `other`: earlier time, then earlier
    /// scheduling.
    @inlinable @inline(__always)
    public func precedes(_ other: Event) -> Bool {
        time < other.time || (time == other.time && sequence < other.sequence)
    }
}
