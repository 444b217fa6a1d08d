import ScenarioFile

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
    /// Rows left out, by line, each with its reason (``LeftOutReason``).
    public var leftOut: [LeftOutRow] = []
    /// Rows after the header, left out or not.
    public var rowsRead = 0

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

    /// Left-out rows by reason, most first.
    public var leftOutCounts: [(reason: LeftOutReason, rows: Int)] {
        Dictionary(grouping: leftOut, by: \.reason).map { ($0.key, $0.value.count) }
            .sorted { ($1.1, $0.0.rawValue) < ($0.1, $1.0.rawValue) }
    }

    /// Keeps only the transactions, segments and windows the tickets use,
    /// in order of first use; leaves the tickets untouched (and uncopied)
    /// when every name is used in that order already.
    ///
    /// - Complexity: O(tickets).
    public mutating func compact() {
        func renumbering(_ count: Int, _ keyPath: KeyPath<TicketRecord, Int>) -> (map: [Int], kept: [Int]) {
            var map = Array(repeating: -1, count: count), kept: [Int] = []
            for ticket in tickets {
                let old = ticket[keyPath: keyPath]
                guard old >= 0, map[old] < 0 else { continue }
                map[old] = kept.count
                kept.append(old)
            }
            return (map, kept)
        }
        let transactionMap = renumbering(transactions.count, \.transaction), segmentMap = renumbering(segments.count, \.segment)
        let windowMap = renumbering(windows.count, \.window)
        func identity(_ map: (map: [Int], kept: [Int]), _ count: Int) -> Bool { map.kept == Array(0..<count) }
        guard !(identity(transactionMap, transactions.count) && identity(segmentMap, segments.count) && identity(windowMap, windows.count)) else {
            return
        }
        for index in tickets.indices {
            tickets[index].transaction = transactionMap.map[tickets[index].transaction]
            tickets[index].segment = segmentMap.map[tickets[index].segment]
            if tickets[index].window >= 0 { tickets[index].window = windowMap.map[tickets[index].window] }
        }
        transactions = transactionMap.kept.map { transactions[$0] }
        segments = segmentMap.kept.map { segments[$0] }
        windows = windowMap.kept.map { windows[$0] }
    }

    /// Staff testing the ticket machine: a transaction with a handful of
    /// tickets (at most 0.5% of the log and 100 tickets), at least half of
    /// them issued outside the hours in which the other transactions'
    /// tickets fall (their 0.5th to 99.5th percentile of the time of day).
    public var testTransactions: [Int] {
        guard tickets.count >= 200 else { return [] }
        var counts = Array(repeating: 0, count: transactions.count)
        for ticket in tickets { counts[ticket.transaction] += 1 }
        let rare = Set(counts.indices.filter { counts[$0] <= min(100, tickets.count / 200) })
        guard !rare.isEmpty else { return [] }
        let times = tickets.filter { !rare.contains($0.transaction) && !$0.absentBooking }.map(\.issued).sorted()
        guard times.count >= 200 else { return [] }
        let from = times[times.count / 200], until = times[times.count - 1 - times.count / 200]
        var outside = Array(repeating: 0, count: transactions.count)
        for ticket in tickets where rare.contains(ticket.transaction) && (ticket.issued < from || ticket.issued > until) {
            outside[ticket.transaction] += 1
        }
        return rare.filter { 2 * outside[$0] >= counts[$0] }.sorted()
    }

    /// The log without staff test tickets (``testTransactions``), except
    /// the transactions named in `keeping`; their rows are left out with
    /// reason ``LeftOutReason/testTicket``.
    public func leavingOutTestTickets(keeping: Set<String>) -> QueueLog {
        let test = Set(testTransactions.filter { !keeping.contains(transactions[$0]) })
        guard !test.isEmpty else { return self }
        var copy = self
        copy.tickets = tickets.filter { !test.contains($0.transaction) }
        var counts = Array(repeating: 0, count: transactions.count)
        for ticket in tickets { counts[ticket.transaction] += 1 }
        for ticket in tickets where test.contains(ticket.transaction) {
            let name = transactions[ticket.transaction]
            copy.leftOut.append(LeftOutRow(
                reason: .testTicket,
                problem: ScenarioProblem(file: file, line: ticket.line, column: 1, keyPath: "transaction",
                                         found: "'\(name)', one of \(counts[ticket.transaction]) such tickets, "
                                             + "mostly outside opening hours",
                                         allowed: "a transaction customers come for", hint: "--keep-transactions '\(name)' keeps it"),
                date: dates[ticket.day], issued: ticket.issued, segment: segments[ticket.segment], transaction: name))
        }
        copy.leftOut.sort { $0.problem.line < $1.problem.line }
        guard !copy.tickets.isEmpty else { return self }
        copy.compact()
        return copy
    }
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
