import ScenarioFile

/// Reads a queue-system log (CSV) through a ``ColumnMapping`` into a
/// checked ``QueueLog``. Every problem is located at its line and column
/// and names the column, what was found and what is allowed: a row that
/// cannot be used is left out and counted, and a header that lacks a
/// required column refuses the log (up to ``mostProblems`` header problems).
public enum QueueLogReader {
    /// The largest log read, bytes (about two million tickets).
    public static let largestLog = 400 << 20
    /// The most header problems reported at once.
    public static let mostProblems = 50

    public static func load(path: String, mapping: ColumnMapping, strict: Bool = false,
                            isStopped: () -> Bool = { false }) throws(ScenarioProblems) -> QueueLog {
        let text = try InputFile.text(of: path, largest: largestLog, what: "a queue-system log (CSV, UTF-8)")
        return try read(text, file: path, mapping: mapping, strict: strict, isStopped: isStopped)
    }

    /// The delimiter the header line uses most among `,` `;` tab and `|`.
    static func detectDelimiter(_ text: String) -> Character {
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" }
        return [",", ";", "\t", "|"].max { a, b in header.filter { $0 == a }.count < header.filter { $0 == b }.count } ?? ","
    }

    /// The longest transaction, segment or window name a scenario can hold, characters.
    public static let longestName = 200

    /// Reads `text`. By default a row that cannot be used is left out with
    /// its line and reason (``QueueLog/leftOut``) and the rest is read;
    /// with `strict`, any such row refuses the log, and every one of them
    /// is reported (the terminal shows the first 100 and counts them all). Either way the log is
    /// refused when it is not such a log: a required column missing from
    /// the header, broken CSV, or more rows left out than read.
    /// `isStopped` is asked every 4,096 rows; when it says yes, the read
    /// ends early with what it has, and the caller must not use the log.
    public static func read(_ text: String, file: String, mapping: ColumnMapping, strict: Bool = false,
                            isStopped: () -> Bool = { false }) throws(ScenarioProblems) -> QueueLog {
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
            case let .fieldTooLong(line, column):
                ScenarioProblems([ScenarioProblem(file: file, line: line, column: column, keyPath: "",
                                                  found: "a field of more than \(CSVRows.longestField) characters",
                                                  allowed: "fields of at most \(CSVRows.longestField) characters (a queue-system log's times, names and codes)")])
            case let .tooManyFields(line):
                ScenarioProblems([ScenarioProblem(file: file, line: line, column: 1, keyPath: "",
                                                  found: "a row of more than \(CSVRows.mostFields) fields",
                                                  allowed: "at most \(CSVRows.mostFields) fields a row")])
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

        // Room for every line's ticket at once: no doubling of millions of records.
        var builder = QueueLogBuilder(file: file, expectedRows: text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) })
        var leftOut: [LeftOutRow] = []
        var rowsRead = 0
        func path(_ column: CanonicalColumn) -> String {
            let name = mapping.columns[column] ?? column.rawValue
            return name == column.rawValue ? column.rawValue : "\(column.rawValue) ('\(name)')"
        }
        let timeAllowed = "a time HH:MM or HH:MM:SS, alone or after a date YYYY-MM-DD"

        while let row = try nextRow() {
            if rowsRead & 4095 == 0, isStopped() { break }
            rowsRead += 1
            let line = row.first?.line ?? 0
            // What can be read of the row, for a left-out row's place in the day.
            var day: LogDate?, issued = Double.nan, segmentName: String?, transactionName: String?
            func leaveOut(_ reason: LeftOutReason, _ line: Int, _ column: Int, _ path: String, found: String, allowed: String,
                          hint: String? = nil) {
                leftOut.append(LeftOutRow(reason: reason, problem: ScenarioProblem(file: file, line: line, column: column, keyPath: path,
                                                                                  found: found, allowed: allowed, hint: hint),
                                          date: day, issued: issued, segment: segmentName, transaction: transactionName))
            }
            guard row.count == header.count else {
                leaveOut(.fieldCount, line, 1, "", found: "\(row.count) fields", allowed: "\(header.count) fields, as in the header")
                continue
            }
            func field(_ column: CanonicalColumn) -> CSVRows.Field? {
                guard let at = index[column] else { return nil }
                let field = row[at]
                let text = field.text.trimmingSpaces
                return text.isEmpty ? nil : CSVRows.Field(text: text, line: field.line, column: field.column)
            }
            func columnOf(_ column: CanonicalColumn) -> Int { index[column].map { row[$0].column } ?? 1 }
            transactionName = field(.transaction).map { String($0.text) }
            segmentName = index[.segment] == nil ? "all" : field(.segment).map { String($0.text) }
            // The day: the date column, else the date the issue time carries.
            if let cell = field(.date) {
                guard let date = LogTime.date(cell.text) else {
                    leaveOut(.unreadableDate, cell.line, cell.column, path(.date), found: "'\(cell.text)'",
                             allowed: "a date YYYY-MM-DD (or YYYY/MM/DD, YYYYMMDD)")
                    continue
                }
                day = date
            }
            var failure: (LeftOutReason, CanonicalColumn, CSVRows.Field, String, String)?
            var failed: Bool { failure != nil }
            func time(_ column: CanonicalColumn) -> Double {
                guard let cell = field(column), !failed else { return .nan }
                do {
                    let value = try LogTime.parse(cell.text, localOffset: mapping.localOffset)
                    guard let date = value.date else { return value.minutes }
                    if day == nil { day = date }
                    guard let day else { return value.minutes }
                    // Service may run past midnight, but not into another year.
                    let offset = date.ordinal - day.ordinal
                    guard (-1...1).contains(offset) else {
                        failure = (.timeOnAnotherDay, column, cell, "'\(cell.text)', \(offset) days from the ticket's date \(day)",
                                   "a time on the ticket's date or the day after")
                        return .nan
                    }
                    return value.minutes + Double(offset * 1440)
                } catch {
                    switch error {
                    case .malformed: failure = (.unreadableTime, column, cell, "'\(cell.text)'", timeAllowed)
                    case .zoneWithoutOffset:
                        failure = (.unreadableTime, column, cell, "'\(cell.text)', a time with a zone",
                                   "local times, or a mapping with local_offset (e.g. '+08:00') to convert them")
                    }
                    return .nan
                }
            }
            issued = time(.issued)
            var called = time(.called)
            var start = time(.serviceStart)
            let end = time(.serviceEnd)
            let booked = time(.appointment)
            let left = time(.left)
            if let (reason, column, cell, found, allowed) = failure {
                leaveOut(reason, cell.line, cell.column, path(column), found: found, allowed: allowed)
                continue
            }
            guard let outcomeCell = field(.outcome) else {
                leaveOut(.missingOutcome, line, columnOf(.outcome), path(.outcome), found: "nothing", allowed: "one of the mapping's outcomes")
                continue
            }
            guard let outcome = mapping.outcome(outcomeCell.text) else {
                let known = mapping.outcomes.keys.sorted().prefix(24).map { "'\($0)'" }.joined(separator: ", ")
                leaveOut(.unknownOutcome, outcomeCell.line, outcomeCell.column, path(.outcome), found: "'\(outcomeCell.text)'",
                         allowed: "an outcome the mapping knows: \(known)", hint: "map this value under outcomes: in a --columns file")
                continue
            }
            // A booking nobody came for has no ticket time: it is dated by its booked time.
            let absentBooking = issued.isNaN && !booked.isNaN && (outcome == .noShow || outcome == .cancelled) && called.isNaN
            if absentBooking { issued = booked }
            guard let issuedCell = field(.issued) ?? (absentBooking ? field(.appointment) : nil) else {
                leaveOut(.missingTime, line, columnOf(.issued), path(.issued), found: "nothing",
                         allowed: timeAllowed + " (may be empty only for a booking nobody came for: an appointment time, no_show or cancelled)")
                continue
            }
            guard let date = day else {
                if index[.date] != nil {
                    leaveOut(.unreadableDate, line, columnOf(.date), path(.date), found: "nothing", allowed: "the ticket's date YYYY-MM-DD")
                    continue
                }
                // Not a messy row: the log has no dates at all.
                problem(issuedCell.line, issuedCell.column, path(.issued), found: "'\(issuedCell.text)' with no date",
                        allowed: "a date column in the mapping, or times written with their date (YYYY-MM-DD HH:MM:SS)")
                throw ScenarioProblems(problems)
            }
            guard let transaction = transactionName else {
                leaveOut(.missingName, line, columnOf(.transaction), path(.transaction), found: "nothing", allowed: "the business type of the ticket")
                continue
            }
            guard let segment = segmentName else {
                leaveOut(.missingName, line, columnOf(.segment), path(.segment), found: "nothing", allowed: "the customer class of the ticket")
                continue
            }
            let windowName = field(.window).map { String($0.text) }
            let names = [(transaction, CanonicalColumn.transaction), (segment, .segment), (windowName ?? "", .window)]
            if let (reason, column) = names.lazy.compactMap({ name, column in Self.unusable(name).map { ($0, column) } }).first {
                leaveOut(.unusableName, line, columnOf(column), path(column), found: reason,
                         allowed: "a name of 1 to \(longestName) characters without control characters")
                continue
            }
            // Exports without a call or a start time: the other stands in.
            if index[.called] == nil { called = start }
            if index[.serviceStart] == nil { start = outcome == .served || outcome == .transferred ? called : .nan }
            func inOrder(_ earlier: Double, _ later: Double, _ column: CanonicalColumn, _ what: String) -> Bool {
                guard !earlier.isNaN, !later.isNaN, later < earlier - 1e-9 else { return true }
                let cell = field(column)
                leaveOut(.timesOutOfOrder, cell?.line ?? line, cell?.column ?? 1, path(column), found: "'\(cell?.text ?? "")', before \(what)",
                         allowed: "a time at or after \(what)")
                return false
            }
            guard inOrder(issued, called, .called, "the ticket was issued"),
                  inOrder(called.isNaN ? issued : called, start, .serviceStart, called.isNaN ? "the ticket was issued" : "the call"),
                  inOrder(start, end, .serviceEnd, "service started"),
                  inOrder(issued, left, .left, "the ticket was issued") else { continue }
            if outcome == .served {
                guard !start.isNaN, !end.isNaN else {
                    let missing: CanonicalColumn = start.isNaN ? (index[.serviceStart] == nil ? .called : .serviceStart) : .serviceEnd
                    leaveOut(.missingTime, line, columnOf(missing), path(missing), found: "nothing for a served ticket",
                             allowed: "the time, since the outcome is served")
                    continue
                }
            }
            builder.add(date: date, ticket: field(.ticket).map { String($0.text) }, issued: issued, called: called, start: start, end: end,
                        window: windowName, transaction: transaction, segment: segment, outcome: outcome, booked: booked,
                        left: outcome == .served ? .nan : left, absentBooking: absentBooking, line: line)
        }
        // Stopped: the caller throws away what was read.
        if isStopped() { return QueueLog(file: file, dates: [], transactions: [], segments: [], windows: [], tickets: []) }
        var (log, duplicates) = (consume builder).log(ticketsNumbered: index[.ticket] != nil)
        leftOut += duplicates
        if strict, !leftOut.isEmpty {
            throw ScenarioProblems(leftOut.sorted { $0.problem.line < $1.problem.line }.map(\.problem))
        }
        guard !log.tickets.isEmpty, log.tickets.count >= leftOut.count else {
            // Not such a log: most rows are unusable.
            let counts = Dictionary(grouping: leftOut, by: \.reason).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
            let summary = ScenarioProblem(file: file, line: 2, column: 1, keyPath: "",
                                          found: log.tickets.isEmpty ? "no usable tickets" + (leftOut.isEmpty ? "" : " (\(counts.joined(separator: ", ")))")
                                              : "\(leftOut.count) of \(rowsRead) rows unusable (\(counts.joined(separator: ", ")))",
                                          allowed: "one row per ticket after the header, most of them usable",
                                          hint: leftOut.isEmpty ? nil : "the first of them follow; check the mapping (--columns) against the export")
            throw ScenarioProblems([summary] + leftOut.map(\.problem))
        }
        log.leftOut = leftOut.sorted { $0.problem.line < $1.problem.line }
        log.rowsRead = rowsRead
        return log
    }

    /// Why `name` cannot be a scenario's name, nil when it can.
    static func unusable(_ name: String) -> String? {
        // Printable ASCII (or tab and line feed) short enough in bytes is short enough in characters: nearly every name.
        if name.utf8.count <= longestName, name.utf8.allSatisfy({ (0x20...0x7E).contains($0) || $0 == 0x09 || $0 == 0x0A }) { return nil }
        if name.count > longestName { return "a name of \(name.count) characters" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) {
            return "a name with control characters"
        }
        return nil
    }
}
