import ScenarioFile

/// Reads a queue-system log (CSV) through a ``ColumnMapping`` into a
/// checked ``QueueLog``. Every problem is located at its line and column
/// and names the column, what was found and what is allowed; up to
/// ``mostProblems`` are reported at once.
public enum QueueLogReader {
    /// The largest log read, bytes (about two million tickets).
    public static let largestLog = 400 << 20
    public static let mostProblems = 50

    public static func load(path: String, mapping: ColumnMapping) throws(ScenarioProblems) -> QueueLog {
        let text = try InputFile.text(of: path, largest: largestLog, what: "a queue-system log (CSV, UTF-8)")
        return try read(text, file: path, mapping: mapping)
    }

    /// The delimiter the header line uses most among `,` `;` tab and `|`.
    static func detectDelimiter(_ text: String) -> Character {
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" }
        return [",", ";", "\t", "|"].max { a, b in header.filter { $0 == a }.count < header.filter { $0 == b }.count } ?? ","
    }

    public static func read(_ text: String, file: String, mapping: ColumnMapping) throws(ScenarioProblems) -> QueueLog {
        var problems: [ScenarioProblem] = []
        func problem(_ line: Int, _ column: Int, _ path: String, found: String, allowed: String, hint: String? = nil) {
            if problems.count < mostProblems {
                problems.append(ScenarioProblem(file: file, line: line, column: column, keyPath: path, found: found,
                                                allowed: allowed, hint: hint))
            }
        }
        var rows = CSVRows(text, delimiter: mapping.delimiter ?? detectDelimiter(text))
        func located(_ error: CSVRows.Failure) -> ScenarioProblems {
            switch error {
            case let .unclosedQuote(line, column):
                ScenarioProblems([ScenarioProblem(file: file, line: line, column: column, keyPath: "", found: "a quote that is never closed",
                                                  allowed: "CSV with every quoted field closed (a quote inside a field is written \"\")")])
            case let .textAfterQuote(line, column):
                ScenarioProblems([ScenarioProblem(file: file, line: line, column: column, keyPath: "", found: "text after a closing quote",
                                                  allowed: "a delimiter or a line break after a quoted field")])
            }
        }
        func nextRow() throws(ScenarioProblems) -> [CSVRows.Field]? {
            do {
                return try rows.next()
            } catch {
                throw located(error)
            }
        }
        guard let header = try nextRow() else {
            throw ScenarioProblems([ScenarioProblem(file: file, line: 1, column: 1, keyPath: "", found: "an empty file",
                                                    allowed: "a header row and one row per ticket")])
        }
        // Which field holds each canonical column.
        let headers = header.map { String($0.text.trimmingSpaces) }
        var index: [CanonicalColumn: Int] = [:]
        for column in CanonicalColumn.allCases {
            guard let name = mapping.columns[column] else { continue }
            if let found = headers.firstIndex(of: name) ?? headers.firstIndex(where: { $0.lowercased() == name.lowercased() }) {
                index[column] = found
            } else if column.isRequired {
                problem(1, 1, column.rawValue, found: "no column '\(name)' in the header (it has \(headers.map { "'\($0)'" }.joined(separator: ", ")))",
                        allowed: "a header naming every required column: " + CanonicalColumn.allCases.filter(\.isRequired)
                            .map { "\($0.rawValue) as '\(mapping.columns[$0] ?? $0.rawValue)'" }.joined(separator: ", "),
                        hint: DidYouMean.suggestion(for: name, among: headers).map { "did you mean '\($0)'? or give --columns a mapping" }
                            ?? "give --columns the mapping of this export")
            }
        }
        guard problems.isEmpty else { throw ScenarioProblems(problems) }

        var dates: [LogDate] = [], dateIndex: [LogDate: Int] = [:]
        // Days interned in the log's order, renumbered in calendar order at the end.
        var dateNames: [String] = [], dateNameIndex: [String: Int] = [:]
        var transactions: [String] = [], transactionIndex: [String: Int] = [:]
        var segments: [String] = [], segmentIndex: [String: Int] = [:]
        var windows: [String] = [], windowIndex: [String: Int] = [:]
        var tickets: [TicketRecord] = []
        var seen: Set<[String]> = []
        func intern(_ name: String, _ list: inout [String], _ lookup: inout [String: Int]) -> Int {
            if let known = lookup[name] { return known }
            list.append(name)
            lookup[name] = list.count - 1
            return list.count - 1
        }
        func path(_ column: CanonicalColumn) -> String {
            let name = mapping.columns[column] ?? column.rawValue
            return name == column.rawValue ? column.rawValue : "\(column.rawValue) ('\(name)')"
        }
        let timeAllowed = "a time HH:MM or HH:MM:SS, alone or after a date YYYY-MM-DD"

        rowLoop: while let row = try nextRow() {
            guard problems.count < mostProblems else { break }
            let line = row.first?.line ?? 0
            guard row.count == header.count else {
                problem(line, 1, "", found: "\(row.count) fields", allowed: "\(header.count) fields, as in the header")
                continue
            }
            func field(_ column: CanonicalColumn) -> CSVRows.Field? {
                guard let at = index[column] else { return nil }
                let field = row[at]
                return field.text.trimmingSpaces.isEmpty ? nil : CSVRows.Field(text: field.text.trimmingSpaces, line: field.line, column: field.column)
            }
            // The day: the date column, else the date the issue time carries.
            var day: LogDate?
            if let cell = field(.date) {
                guard let date = LogTime.date(cell.text) else {
                    problem(cell.line, cell.column, path(.date), found: "'\(cell.text)'", allowed: "a date YYYY-MM-DD")
                    continue
                }
                day = date
            }
            var failed = false
            func time(_ column: CanonicalColumn) -> Double {
                guard let cell = field(column) else { return .nan }
                do {
                    let value = try LogTime.parse(cell.text, localOffset: mapping.localOffset)
                    if let date = value.date {
                        if day == nil { day = date }
                        if let day { return value.minutes + Double((date.ordinal - day.ordinal) * 1440) }
                    }
                    return value.minutes
                } catch {
                    failed = true
                    switch error {
                    case .malformed: problem(cell.line, cell.column, path(column), found: "'\(cell.text)'", allowed: timeAllowed)
                    case .zoneWithoutOffset:
                        problem(cell.line, cell.column, path(column), found: "'\(cell.text)', a time with a zone",
                                allowed: "local times, or a mapping with local_offset (e.g. '+08:00') to convert them")
                    }
                    return .nan
                }
            }
            var issued = time(.issued)
            var called = time(.called)
            var start = time(.serviceStart)
            let end = time(.serviceEnd)
            let booked = time(.appointment)
            guard !failed else { continue }
            guard let outcomeCell = field(.outcome) else {
                problem(line, index[.outcome].map { row[$0].column } ?? 1, path(.outcome), found: "nothing",
                        allowed: "one of the mapping's outcomes")
                continue
            }
            guard let outcome = mapping.outcome(outcomeCell.text) else {
                let known = mapping.outcomes.keys.sorted().prefix(24).map { "'\($0)'" }.joined(separator: ", ")
                problem(outcomeCell.line, outcomeCell.column, path(.outcome), found: "'\(outcomeCell.text)'",
                        allowed: "an outcome the mapping knows: \(known)", hint: "map this value under outcomes: in a --columns file")
                continue
            }
            // A booking nobody came for has no ticket time: it is dated by its booked time.
            let absentBooking = issued.isNaN && !booked.isNaN && (outcome == .noShow || outcome == .cancelled) && called.isNaN
            if absentBooking { issued = booked }
            guard let issuedCell = field(.issued) ?? (absentBooking ? field(.appointment) : nil) else {
                problem(line, (index[.issued].map { row[$0].column }) ?? 1, path(.issued), found: "nothing",
                        allowed: timeAllowed + " (may be empty only for a booking nobody came for: an appointment time, no_show or cancelled)")
                continue
            }
            guard let date = day else {
                problem(issuedCell.line, issuedCell.column, path(.issued), found: "'\(issuedCell.text)' with no date",
                        allowed: "a date column in the mapping, or times written with their date (YYYY-MM-DD HH:MM:SS)")
                continue
            }
            guard let transactionCell = field(.transaction) else {
                problem(line, index[.transaction].map { row[$0].column } ?? 1, path(.transaction), found: "nothing",
                        allowed: "the business type of the ticket")
                continue
            }
            var segmentName = "all"
            if index[.segment] != nil {
                guard let cell = field(.segment) else {
                    problem(line, row[index[.segment] ?? 0].column, path(.segment), found: "nothing", allowed: "the customer class of the ticket")
                    continue
                }
                segmentName = String(cell.text)
            }
            // Exports without a call or a start time: the other stands in.
            if index[.called] == nil { called = start }
            if index[.serviceStart] == nil { start = outcome == .served || outcome == .transferred ? called : .nan }
            func order(_ earlier: Double, _ later: Double, _ column: CanonicalColumn, _ what: String) -> Bool {
                guard !earlier.isNaN, !later.isNaN, later < earlier - 1e-9 else { return true }
                let cell = field(column)
                problem(cell?.line ?? line, cell?.column ?? 1, path(column), found: "'\(cell?.text ?? "")', before \(what)",
                        allowed: "a time at or after \(what)")
                return false
            }
            guard order(issued, called, .called, "the ticket was issued"),
                  order(called.isNaN ? issued : called, start, .serviceStart, called.isNaN ? "the ticket was issued" : "the call"),
                  order(start, end, .serviceEnd, "service started") else { continue }
            if outcome == .served {
                guard !start.isNaN, !end.isNaN else {
                    let missing: CanonicalColumn = start.isNaN ? (index[.serviceStart] == nil ? .called : .serviceStart) : .serviceEnd
                    problem(line, index[missing].map { row[$0].column } ?? 1, path(missing), found: "nothing for a served ticket",
                            allowed: "the time, since the outcome is served")
                    continue
                }
            }
            let ticketName = field(.ticket).map { String($0.text) } ?? String(tickets.count + 1)
            let transaction = String(transactionCell.text)
            guard seen.insert([date.description, ticketName, transaction, String(issued)]).inserted else {
                let cell = field(.ticket)
                problem(cell?.line ?? line, cell?.column ?? 1, path(.ticket), found: "ticket '\(ticketName)' twice on \(date)",
                        allowed: "each ticket once a day (a transfer is a row with another transaction)")
                continue rowLoop
            }
            let window = field(.window).map { intern(String($0.text), &windows, &windowIndex) } ?? -1
            tickets.append(TicketRecord(day: intern(date.description, &dateNames, &dateNameIndex), ticket: ticketName,
                                        issued: issued, called: called, serviceStart: start, serviceEnd: end, window: window,
                                        transaction: intern(transaction, &transactions, &transactionIndex),
                                        segment: intern(segmentName, &segments, &segmentIndex), outcome: outcome,
                                        appointment: booked, absentBooking: absentBooking, line: line))
            if dateIndex[date] == nil { dateIndex[date] = 0; dates.append(date) }
        }
        guard problems.isEmpty else { throw ScenarioProblems(problems) }
        guard !tickets.isEmpty else {
            throw ScenarioProblems([ScenarioProblem(file: file, line: 2, column: 1, keyPath: "", found: "no tickets",
                                                    allowed: "one row per ticket after the header")])
        }
        // Days numbered in calendar order.
        dates.sort()
        let order = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($1.description, $0) })
        for index in tickets.indices { tickets[index].day = order[dateNames[tickets[index].day]] ?? 0 }
        return QueueLog(file: file, dates: dates, transactions: transactions, segments: segments, windows: windows, tickets: tickets)
    }
}
