/// A queue-system log read and checked: its tickets and the names they
/// refer to, each list in order of first appearance (dates sorted).
public struct QueueLog: Sendable {
    /// The file it was read from, for messages and evidence.
    public var file: String
    /// Calendar dates, sorted.
    public var dates: [LogDate]
    public var transactions: [String]
    public var segments: [String]
    public var windows: [String]
    /// Tickets in the log's order.
    public var tickets: [TicketRecord]

    public init(file: String, dates: [LogDate], transactions: [String], segments: [String], windows: [String], tickets: [TicketRecord]) {
        self.file = file
        self.dates = dates
        self.transactions = transactions
        self.segments = segments
        self.windows = windows
        self.tickets = tickets
    }

    /// Whether any ticket was booked.
    public var hasAppointments: Bool { tickets.contains { $0.isAppointment } }
}

/// A calendar date of the proleptic Gregorian calendar.
public struct LogDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the date exists.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (a Thursday).
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 Monday ... 7 Sunday.
    public var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 + 1 }

    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    public static func < (lhs: LogDate, rhs: LogDate) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }
}
