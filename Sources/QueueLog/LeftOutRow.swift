import ScenarioFile

/// Why a row of a log was left out. Real exports carry a few such rows
/// (a duplicated ticket, a served row with no end time); each is left out
/// with its line and reason, counted, and never dropped silently.
public enum LeftOutReason: String, CaseIterable, Sendable, Hashable {
    case fieldCount = "wrong_field_count"
    case unreadableDate = "unreadable_date"
    case unreadableTime = "unreadable_time"
    /// A time more than a day from the row's date (e.g. year 9999).
    case timeOnAnotherDay = "time_on_another_day"
    /// No ticket time, or a served ticket without its service times.
    case missingTime = "missing_time"
    /// A call before the ticket, a start before the call, an end before the start.
    case timesOutOfOrder = "times_out_of_order"
    case missingOutcome = "missing_outcome"
    case unknownOutcome = "unknown_outcome"
    /// No transaction, or no segment where the log has a segment column.
    case missingName = "missing_name"
    /// A transaction, segment or window name a scenario cannot hold.
    case unusableName = "unusable_name"
    /// The same row again, field for field.
    case exactDuplicate = "exact_duplicate"
    /// Rows of one ticket (day, number, transaction, ticket time) that
    /// disagree on its other times, window or outcome: all are left out.
    case conflictingDuplicate = "conflicting_duplicate"
    /// A transaction with a handful of tickets, mostly outside opening hours: staff testing the machine.
    case testTicket = "test_ticket"

    /// What the reason means, for the terminal and the report.
    public var meaning: String {
        switch self {
        case .fieldCount: "a row with more or fewer fields than the header"
        case .unreadableDate: "a date that cannot be read"
        case .unreadableTime: "a time that cannot be read"
        case .timeOnAnotherDay: "a time more than a day away from the ticket's date"
        case .missingTime: "no ticket time, or a served ticket without its service times"
        case .timesOutOfOrder: "times out of order (a call before the ticket, an end before the start)"
        case .missingOutcome: "no outcome"
        case .unknownOutcome: "an outcome the mapping does not know"
        case .missingName: "no transaction (or no segment)"
        case .unusableName: "a name no scenario can hold (over \(QueueLogReader.longestName) characters, or control characters)"
        case .exactDuplicate: "a row repeated field for field"
        case .conflictingDuplicate: "a ticket whose rows disagree on its times, window or outcome (none of them is kept)"
        case .testTicket: "a staff test ticket (a rare transaction issued outside opening hours)"
        }
    }
}

/// A row of the log left out of the fit: where it is, why, and what could
/// still be read of it, so that the fit can say where the left-out rows
/// would have counted (their day, segment and ticket time).
public struct LeftOutRow: Sendable {
    public let reason: LeftOutReason
    /// The located problem: file, line, column, column name, found and allowed.
    public let problem: ScenarioProblem
    public let date: LogDate?
    /// Minutes after midnight; NaN when unreadable.
    public let issued: Double
    public let segment: String?
    public let transaction: String?

    public init(reason: LeftOutReason, problem: ScenarioProblem, date: LogDate?, issued: Double, segment: String?,
                transaction: String?) {
        self.reason = reason
        self.problem = problem
        self.date = date
        self.issued = issued
        self.segment = segment
        self.transaction = transaction
    }
}
