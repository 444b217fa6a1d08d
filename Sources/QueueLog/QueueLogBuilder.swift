import ScenarioFile

/// Collects a log's tickets as they are read, interning the names they
/// bring, then numbers the days in calendar order and leaves out repeated
/// rows: a row that says again what an earlier row of its ticket says is
/// an exact duplicate (the first is kept); rows of one ticket that say
/// different things conflict, and none of them is kept, since the log
/// does not say which is right.
struct QueueLogBuilder {
    let file: String
    private var dates: [LogDate] = [], dateIndex: [LogDate: Int] = [:]
    private var transactions: [String] = [], transactionIndex: [String: Int] = [:]
    private var segments: [String] = [], segmentIndex: [String: Int] = [:]
    private var windows: [String] = [], windowIndex: [String: Int] = [:]
    private var tickets: [TicketRecord] = []

    /// `expectedRows`: how many tickets to make room for (a read counts the log's lines first).
    init(file: String, expectedRows: Int = 0) {
        self.file = file
        tickets.reserveCapacity(expectedRows)
    }

    private static func intern(_ name: String, _ list: inout [String], _ lookup: inout [String: Int]) -> Int {
        if let known = lookup[name] { return known }
        list.append(name)
        lookup[name] = list.count - 1
        return list.count - 1
    }

    /// - Complexity: O(1) amortised.
    mutating func add(date: LogDate, ticket: String?, issued: Double, called: Double, start: Double, end: Double, window: String?,
                      transaction: String, segment: String, outcome: TicketOutcome, booked: Double, left: Double,
                      absentBooking: Bool, line: Int) {
        let day: Int
        if let known = dateIndex[date] {
            day = known
        } else {
            dates.append(date)
            dateIndex[date] = dates.count - 1
            day = dates.count - 1
        }
        tickets.append(TicketRecord(day: day, ticket: ticket ?? String(tickets.count + 1), issued: issued, called: called,
                                    serviceStart: start, serviceEnd: end,
                                    window: window.map { Self.intern($0, &windows, &windowIndex) } ?? -1,
                                    transaction: Self.intern(transaction, &transactions, &transactionIndex),
                                    segment: Self.intern(segment, &segments, &segmentIndex), outcome: outcome,
                                    appointment: booked, left: left, absentBooking: absentBooking, line: line))
    }

    /// The log, days in calendar order, and the repeated rows left out of it.
    /// `ticketsNumbered`: the log has a ticket column, so two rows of one
    /// ticket that differ are a conflict; without it only rows equal in
    /// every field are repeats.
    ///
    /// - Complexity: O(n log n) in the tickets.
    consuming func log(ticketsNumbered: Bool) -> (QueueLog, [LeftOutRow]) {
        var tickets = self.tickets
        self.tickets = []
        let order = dates.indices.sorted { dates[$0] < dates[$1] }
        var position = Array(repeating: 0, count: dates.count)
        for (rank, index) in order.enumerated() { position[index] = rank }
        for index in tickets.indices { tickets[index].day = position[tickets[index].day] }
        let sortedDates = order.map { dates[$0] }

        // Rows of one ticket are adjacent in (day, transaction, ticket time, number, line) order.
        let byKey = tickets.indices.sorted {
            let a = tickets[$0], b = tickets[$1]
            if a.day != b.day { return a.day < b.day }
            if a.transaction != b.transaction { return a.transaction < b.transaction }
            if a.issued != b.issued { return a.issued < b.issued }
            if ticketsNumbered, a.ticket != b.ticket { return a.ticket < b.ticket }
            return a.line < b.line
        }
        var repeated = Array(repeating: false, count: tickets.count)
        var duplicates: [LeftOutRow] = []
        var groupStart = 0
        func closeGroup(_ end: Int) {
            let members = Array(byKey[groupStart..<end])
            guard members.count > 1 else { return }
            // Exact repeats of an earlier row go first.
            var distinct: [Int] = []
            for index in members {
                if let same = distinct.first(where: { tickets[$0].sameFields(as: tickets[index]) }) {
                    repeated[index] = true
                    duplicates.append(row(tickets[index], .exactDuplicate, found: "line \(tickets[same].line) again", dates: sortedDates))
                } else {
                    distinct.append(index)
                }
            }
            // What remains of one numbered ticket, if it disagrees, conflicts.
            guard ticketsNumbered, distinct.count > 1 else { return }
            let lines = distinct.map { String(tickets[$0].line) }.joined(separator: ", ")
            for index in distinct {
                repeated[index] = true
                duplicates.append(row(tickets[index], .conflictingDuplicate,
                                      found: "ticket '\(tickets[index].ticket)' on lines \(lines), with different times, window or outcome",
                                      dates: sortedDates))
            }
        }
        for (rank, index) in byKey.enumerated() {
            let ticket = tickets[index], first = tickets[byKey[groupStart]]
            let sameTicket = ticket.day == first.day && ticket.transaction == first.transaction
                && ticket.issued.bitPattern == first.issued.bitPattern && (!ticketsNumbered || ticket.ticket == first.ticket)
            if !sameTicket {
                closeGroup(rank)
                groupStart = rank
            }
        }
        closeGroup(byKey.count)
        if !duplicates.isEmpty {
            // In place: a log of millions of tickets is not copied.
            var index = 0
            tickets.removeAll { _ in
                defer { index += 1 }
                return repeated[index]
            }
        }
        var log = QueueLog(file: file, dates: sortedDates, transactions: transactions, segments: segments, windows: windows,
                           tickets: tickets)
        tickets = []
        log.compact()
        return (log, duplicates)
    }

    private func row(_ ticket: TicketRecord, _ reason: LeftOutReason, found: String, dates: [LogDate]) -> LeftOutRow {
        LeftOutRow(reason: reason,
                   problem: ScenarioProblem(file: file, line: ticket.line, column: 1, keyPath: "ticket", found: found,
                                            allowed: "each ticket once (a transfer is a row with another transaction)"),
                   date: dates[ticket.day], issued: ticket.issued, segment: segments[ticket.segment],
                   transaction: transactions[ticket.transaction])
    }
}
