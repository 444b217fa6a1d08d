import Scenario

/// An arrival trace: CSV with a header `time,segment[,transaction]`, times
/// as "HH:MM", "HH:MM:SS" or minutes after midnight.
struct TraceFile {
    struct Problem {
        let line: Int
        let column: Int
        let found: String
        let allowed: String
    }

    let file: String
    let segments: [String]
    let transactions: [String]
    /// Opening to closing, minutes after midnight: arrivals outside are refused.
    let hours: Range<Double>?
    private(set) var problems: [Problem] = []

    init(file: String, segments: [String], transactions: [String], hours: Range<Double>? = nil) {
        self.file = file
        self.segments = segments
        self.transactions = transactions
        self.hours = hours
    }

    /// The rows in time order (ties keep file order).
    mutating func read(_ text: String) -> [ScheduledArrival] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let header = lines.first, !header.isEmpty else {
            problems.append(Problem(line: 1, column: 1, found: "an empty file", allowed: "a header time,segment[,transaction] and one row per arrival"))
            return []
        }
        let columns = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard columns == ["time", "segment"] || columns == ["time", "segment", "transaction"] else {
            problems.append(Problem(line: 1, column: 1, found: "the header '\(header)'", allowed: "time,segment or time,segment,transaction"))
            return []
        }
        var rows: [ScheduledArrival] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let number = offset + 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == columns.count else {
                problems.append(Problem(line: number, column: 1, found: "\(fields.count) fields", allowed: "\(columns.count) fields (\(columns.joined(separator: ",")))"))
                continue
            }
            guard let time = Self.minutes(fields[0]) else {
                problems.append(Problem(line: number, column: 1, found: "the time '\(fields[0])'", allowed: "\"HH:MM\", \"HH:MM:SS\" or minutes after midnight"))
                continue
            }
            if let hours, !hours.contains(time) {
                problems.append(Problem(line: number, column: 1, found: "an arrival at \(fields[0]), outside opening hours",
                                        allowed: "times from opening \(ClockTime(minutes: hours.lowerBound)) until closing \(ClockTime(minutes: hours.upperBound))"))
                continue
            }
            guard let segment = segments.firstIndex(of: fields[1]) else {
                problems.append(Problem(line: number, column: fields[0].count + 2, found: "the undefined segment '\(fields[1])'",
                                        allowed: "one of " + segments.joined(separator: ", ")))
                continue
            }
            var transaction: Int?
            if fields.count == 3, !fields[2].isEmpty {
                guard let index = transactions.firstIndex(of: fields[2]) else {
                    problems.append(Problem(line: number, column: fields[0].count + fields[1].count + 3,
                                            found: "the undefined transaction type '\(fields[2])'",
                                            allowed: "one of " + transactions.joined(separator: ", ") + ", or empty to draw from the mix"))
                    continue
                }
                transaction = index
            }
            rows.append(ScheduledArrival(time: time, segment: segment, transactionType: transaction))
        }
        return rows.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }

    static func minutes(_ text: String) -> Double? {
        if let value = Double(text), value.isFinite, value >= 0, value <= ClockTime.latest.minutes { return value }
        let parts = text.split(separator: ":")
        guard parts.count == 3, let seconds = Double(parts[2]), seconds >= 0, seconds < 60,
              let clock = ClockTime(parsing: "\(parts[0]):\(parts[1])") else {
            return ClockTime(parsing: text)?.minutes
        }
        return clock.minutes + seconds / 60
    }
}
