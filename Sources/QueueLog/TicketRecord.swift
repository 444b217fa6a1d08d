/// One ticket of a queue-system log, as read: times in minutes after
/// midnight of its date, NaN where the log has none. A flat record, one per
/// ticket, like the simulator's own customer record.
public struct TicketRecord: Sendable, Equatable {
    /// Index into ``QueueLog/dates``.
    public var day: Int
    public var ticket: String
    /// Minutes after midnight.
    public var issued: Double
    /// Minutes after midnight; NaN if never called.
    public var called: Double
    /// Minutes after midnight; NaN unless served.
    public var serviceStart: Double
    /// Minutes after midnight; NaN unless served.
    public var serviceEnd: Double
    /// Index into ``QueueLog/windows``; -1 when none.
    public var window: Int
    /// Index into ``QueueLog/transactions``.
    public var transaction: Int
    /// Index into ``QueueLog/segments``.
    public var segment: Int
    public var outcome: TicketOutcome
    /// Booked time, minutes after midnight; NaN for walk-ins.
    public var appointment: Double
    /// When a customer who was never served left or cancelled, minutes
    /// after midnight; NaN where the log does not say.
    public var left: Double
    /// A booking nobody came for: no ticket was taken (`issued` is the booked time).
    public var absentBooking: Bool
    /// The log's line the ticket came from (1-based), for messages.
    public var line: Int

    public init(day: Int, ticket: String, issued: Double, called: Double = .nan, serviceStart: Double = .nan,
                serviceEnd: Double = .nan, window: Int = -1, transaction: Int, segment: Int, outcome: TicketOutcome,
                appointment: Double = .nan, left: Double = .nan, absentBooking: Bool = false, line: Int = 0) {
        self.day = day
        self.ticket = ticket
        self.issued = issued
        self.called = called
        self.serviceStart = serviceStart
        self.serviceEnd = serviceEnd
        self.window = window
        self.transaction = transaction
        self.segment = segment
        self.outcome = outcome
        self.appointment = appointment
        self.left = left
        self.absentBooking = absentBooking
        self.line = line
    }

    /// Minutes from the ticket to its call (NaN if never called).
    public var waitToCall: Double { called - issued }
    /// Minutes at the window (NaN unless served).
    public var serviceTime: Double { serviceEnd - serviceStart }
    public var isAppointment: Bool { !appointment.isNaN }

    /// Whether two rows say the same of one ticket: every field but the line.
    public func sameFields(as other: TicketRecord) -> Bool {
        var copy = other
        copy.line = line
        return self == copy
    }

    public static func == (lhs: TicketRecord, rhs: TicketRecord) -> Bool {
        func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || a == b }
        return lhs.day == rhs.day && lhs.ticket == rhs.ticket && same(lhs.issued, rhs.issued) && same(lhs.called, rhs.called)
            && same(lhs.serviceStart, rhs.serviceStart) && same(lhs.serviceEnd, rhs.serviceEnd) && lhs.window == rhs.window
            && lhs.transaction == rhs.transaction && lhs.segment == rhs.segment && lhs.outcome == rhs.outcome
            && same(lhs.appointment, rhs.appointment) && same(lhs.left, rhs.left) && lhs.absentBooking == rhs.absentBooking && lhs.line == rhs.line
    }
}
