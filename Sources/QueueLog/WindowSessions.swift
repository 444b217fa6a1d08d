import ScenarioFile

/// When each window was staffed, from a sign-in log: one row per event
/// (a window signed in, paused, resumed or signed out), as queue systems
/// export their counter sessions. Where a day's window has such events,
/// `fit` takes its open time from them instead of reading it from the
/// calls (``LogTime`` times, minutes after midnight).
public struct WindowSessions: Sendable {
    /// What a row says happened at the window.
    public enum Event: String, CaseIterable, Sendable {
        case signIn = "sign_in"
        case signOut = "sign_out"
        case pause
        case resume
    }

    /// The columns of a sign-in log, and its event words.
    public struct Mapping: Sendable, Equatable {
        /// Header of `date` (optional when times carry their date), `time`, `window` and `event`.
        public var columns: [String: String]
        /// The export's event words (compared without case), and what each means.
        public var events: [String: Event]

        public static let canonicalColumns = ["date", "time", "window", "event"]

        public static let canonical = Mapping(
            columns: Dictionary(uniqueKeysWithValues: canonicalColumns.map { ($0, $0) }),
            events: Dictionary(uniqueKeysWithValues: Event.allCases.map { ($0.rawValue, $0) }))

        public static let chinese = Mapping(
            columns: ["date": "日期", "time": "时间", "window": "窗口号", "event": "事件"],
            events: canonical.events.merging(["签到": .signIn, "登录": .signIn, "上线": .signIn, "签退": .signOut, "登出": .signOut,
                                              "退出": .signOut, "下线": .signOut, "暂停": .pause, "离开": .pause, "恢复": .resume,
                                              "继续": .resume]) { first, _ in first })

        /// Qmatic-style and ticket-API words.
        public static let vendor = Mapping(
            columns: canonical.columns,
            events: canonical.events.merging(["login": .signIn, "logon": .signIn, "open": .signIn, "logout": .signOut,
                                              "logoff": .signOut, "close": .signOut, "closed": .signOut, "break": .pause,
                                              "paused": .pause, "back": .resume, "resumed": .resume]) { first, _ in first })
    }

    /// Open spans (minutes after midnight) per date and window name.
    public let open: [LogDate: [String: [(from: Double, until: Double)]]]
    /// Rows after the header, and those left out with their reason.
    public let rowsRead: Int
    public let leftOut: [ScenarioProblem]

    /// Reads a sign-in log. A row that cannot be used (an unreadable time,
    /// an unknown event) is left out and named; a sign-out with no sign-in
    /// before it counts from `opening`, a sign-in never signed out until
    /// `closing`, and a pause never resumed until the sign-out.
    public static func load(path: String, mapping: Mapping, opening: Double = 0, closing: Double = 1440) throws(ScenarioProblems) -> WindowSessions {
        let text = try InputFile.text(of: path, largest: QueueLogReader.largestLog, what: "a window sign-in log (CSV, UTF-8)")
        return try read(text, file: path, mapping: mapping, opening: opening, closing: closing)
    }

    public static func read(_ text: String, file: String, mapping: Mapping, opening: Double = 0,
                            closing: Double = 1440) throws(ScenarioProblems) -> WindowSessions {
        var rows = CSVRows(text, delimiter: QueueLogReader.detectDelimiter(text))
        func fail(_ line: Int, _ column: Int, _ found: String, _ allowed: String) -> ScenarioProblems {
            ScenarioProblems([ScenarioProblem(file: file, line: line, column: column, keyPath: "", found: found, allowed: allowed)])
        }
        func next() throws(ScenarioProblems) -> [CSVRows.Field]? {
            do {
                return try rows.next()
            } catch {
                switch error {
                case let .unclosedQuote(line, column), let .textAfterQuote(line, column), let .fieldTooLong(line, column):
                    throw fail(line, column, "broken CSV", "CSV with closed quotes and fields of at most \(CSVRows.longestField) characters")
                case let .tooManyFields(line):
                    throw fail(line, 1, "a row of more than \(CSVRows.mostFields) fields", "a sign-in log's few columns")
                }
            }
        }
        guard let header = try next() else { throw fail(1, 1, "an empty file", "a header row and one row per sign-in event") }
        let names = header.map { String($0.text.trimmingSpaces) }
        func column(_ key: String) -> Int? {
            guard let name = mapping.columns[key] else { return nil }
            return names.firstIndex(of: name) ?? names.firstIndex { $0.lowercased() == name.lowercased() }
        }
        var index: [String: Int] = [:]
        for key in Mapping.canonicalColumns {
            if let found = column(key) {
                index[key] = found
            } else if key != "date" {
                throw fail(1, 1, "no column '\(mapping.columns[key] ?? key)' in the header (it has \(names.map { "'\($0)'" }.joined(separator: ", ")))",
                           "a header with the sign-in log's columns: " + Mapping.canonicalColumns.map { "\($0) as '\(mapping.columns[$0] ?? $0)'" }
                               .joined(separator: ", "))
            }
        }
        var events: [LogDate: [String: [(time: Double, event: Event, line: Int)]]] = [:]
        var leftOut: [ScenarioProblem] = []
        var rowsRead = 0
        while let row = try next() {
            rowsRead += 1
            let line = row.first?.line ?? 0
            func leave(_ at: Int?, _ found: String, _ allowed: String) {
                let column = at.map { row.indices.contains($0) ? row[$0].column : 1 } ?? 1
                leftOut.append(ScenarioProblem(file: file, line: line, column: column, keyPath: "", found: found, allowed: allowed))
            }
            guard row.count == header.count else {
                leave(nil, "\(row.count) fields", "\(header.count) fields, as in the header")
                continue
            }
            func cell(_ key: String) -> Substring? { index[key].map { row[$0].text.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 } }
            var date = cell("date").flatMap(LogTime.date)
            guard let timeText = cell("time"), let time = try? LogTime.parse(timeText, localOffset: nil) else {
                leave(index["time"], "'\(cell("time") ?? "")'", "a time HH:MM or HH:MM:SS, alone or after a date")
                continue
            }
            if date == nil { date = time.date }
            guard let day = date else {
                leave(index["date"] ?? index["time"], "a time with no date", "a date column, or times with their date")
                continue
            }
            guard let window = cell("window"), QueueLogReader.unusable(String(window)) == nil else {
                leave(index["window"], "'\(cell("window") ?? "")'", "the window's id, as the ticket log names it")
                continue
            }
            guard let word = cell("event"), let event = mapping.events[word.lowercased()] ?? mapping.events[String(word)] else {
                leave(index["event"], "'\(cell("event") ?? "")'", "an event the mapping knows: " + mapping.events.keys.sorted().prefix(20).joined(separator: ", "))
                continue
            }
            let minutes = time.minutes + Double(((time.date ?? day).ordinal - day.ordinal) * 1440)
            events[day, default: [:]][String(window), default: []].append((minutes, event, line))
        }
        // Each window's day as open spans.
        var open: [LogDate: [String: [(from: Double, until: Double)]]] = [:]
        for (day, windows) in events {
            for (window, list) in windows {
                var spans: [(from: Double, until: Double)] = []
                var signedIn: Double?, paused: Double?
                var sawSignIn = false
                for (time, event, _) in list.sorted(by: { ($0.time, $0.line) < ($1.time, $1.line) }) {
                    switch event {
                    case .signIn:
                        if signedIn == nil { signedIn = time }
                        paused = nil
                        sawSignIn = true
                    case .signOut:
                        let from = signedIn ?? (sawSignIn ? nil : opening)
                        if let from, paused == nil, time > from { spans.append((from, time)) }
                        signedIn = nil
                        paused = nil
                        sawSignIn = true
                    case .pause:
                        if let from = signedIn ?? (sawSignIn ? nil : opening), paused == nil {
                            if time > from { spans.append((from, time)) }
                            paused = time
                            signedIn = nil
                            sawSignIn = true
                        }
                    case .resume:
                        if paused != nil || !sawSignIn {
                            signedIn = time
                            paused = nil
                            sawSignIn = true
                        }
                    }
                }
                if let from = signedIn, closing > from { spans.append((from, closing)) }
                open[day, default: [:]][window] = spans
            }
        }
        return WindowSessions(open: open, rowsRead: rowsRead, leftOut: leftOut)
    }

    init(open: [LogDate: [String: [(from: Double, until: Double)]]], rowsRead: Int, leftOut: [ScenarioProblem]) {
        self.open = open
        self.rowsRead = rowsRead
        self.leftOut = leftOut
    }
}
