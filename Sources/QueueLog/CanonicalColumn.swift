/// The columns of a queue-system log as OutletSim reads it: one row per
/// ticket of the ticket machine (智能排队叫号系统). Exports name them
/// differently; a ``ColumnMapping`` says which header holds which.
public enum CanonicalColumn: String, CaseIterable, Sendable, Hashable {
    case ticket
    case date
    case issued
    case called
    case serviceStart = "service_start"
    case serviceEnd = "service_end"
    case window
    case transaction
    case segment
    case outcome
    case appointment
    case left

    /// What the column holds, as `docs/queue-logs.md` states it.
    public var meaning: String {
        switch self {
        case .ticket: "ticket number, unique within a day"
        case .date: "YYYY-MM-DD (may be left out when the times carry their date)"
        case .issued: "time the ticket was taken, HH:MM:SS or HH:MM (or a date and time)"
        case .called: "time it was called; empty if never called"
        case .serviceStart: "time service began; empty unless served (left out: the call time)"
        case .serviceEnd: "time service ended; empty unless served"
        case .window: "window (counter) id; empty unless served"
        case .transaction: "business type (业务类型)"
        case .segment: "customer class (客户类别); left out: one class, 'all'"
        case .outcome: "served, no_show, cancelled or transferred (or the export's codes, mapped)"
        case .appointment: "booked time; empty for walk-ins"
        case .left: "time a customer who was never served left or cancelled, where the system records it; empty otherwise"
        }
    }

    /// Columns every log must have; the others may be left out of the mapping.
    public var isRequired: Bool {
        switch self {
        case .issued, .transaction, .outcome: true
        default: false
        }
    }
}

/// How a ticket ended.
public enum TicketOutcome: String, CaseIterable, Sendable, Hashable {
    /// Called and served at a window.
    case served
    /// Called, not there: the customer had left (reneged).
    case noShow = "no_show"
    /// Taken off the queue before being called (by the customer or staff).
    case cancelled
    /// Passed on to another queue; its service here is not a whole service.
    case transferred
}
