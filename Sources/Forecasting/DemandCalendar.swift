import QueueLog
import ScenarioFile
import Yams

/// The days whose demand differs for a known reason, as `forecast
/// --calendar` reads them:
///
/// ```yaml
/// pay_days: [10, 25]            # day of the month; a closed day moves to the opening day before
/// pay_day_moves: earlier        # or later: to the opening day after
/// month_end_days: 2             # the last 2 opening days of every month
/// holidays:
///   - { date: 2026-01-01, name: New Year }
///   - { from: 2026-02-16, to: 2026-02-22, name: Spring Festival }
/// days_before_holidays: 1       # opening days just before a holiday
/// days_after_holidays: 1        # opening days just after one
/// events:
///   - { name: billing day, dates: [2026-01-05, 2026-02-05] }
/// ```
///
/// Each kind of day becomes one effect on the day's level, estimated with
/// its interval.
public struct DemandCalendar: Sendable, Equatable {
    /// Days of the month (1–31) salaries are paid.
    public var payDays: [Int] = []
    /// Whether a pay day on a closed day moves to the next opening day (else to the one before).
    public var payDayMovesLater = false
    /// The last opening days of each month that form the month-end effect; 0 for none.
    public var monthEndDays = 0
    /// Public holidays, by date, with their names.
    public var holidays: [LogDate: String] = [:]
    public var daysBeforeHolidays = 0
    public var daysAfterHolidays = 0
    /// Other named days, each its own effect.
    public var events: [(name: String, dates: Set<LogDate>)] = []

    public init() {}

    public static func == (lhs: DemandCalendar, rhs: DemandCalendar) -> Bool {
        lhs.payDays == rhs.payDays && lhs.payDayMovesLater == rhs.payDayMovesLater && lhs.monthEndDays == rhs.monthEndDays && lhs.holidays == rhs.holidays
            && lhs.daysBeforeHolidays == rhs.daysBeforeHolidays && lhs.daysAfterHolidays == rhs.daysAfterHolidays
            && lhs.events.map(\.name) == rhs.events.map(\.name) && lhs.events.map(\.dates) == rhs.events.map(\.dates)
    }

    /// The longest holiday run and the most event dates a file may give.
    static let longestHoliday = 60
    static let mostDates = 10_000

    /// Reads a calendar file; every problem is located by line, column and key path.
    public static func load(path: String) throws(ScenarioProblems) -> DemandCalendar {
        guard let node = try InputFile.yaml(of: path, what: "a forecast calendar (YAML)") else { return DemandCalendar() }
        return try read(node, file: path)
    }

    static let keys = ["pay_days", "pay_day_moves", "month_end_days", "holidays", "days_before_holidays", "days_after_holidays", "events"]

    static func read(_ node: Node, file: String) throws(ScenarioProblems) -> DemandCalendar {
        var problems: [ScenarioProblem] = []
        func report(_ node: Node, _ path: String, found: String, allowed: String, hint: String? = nil) {
            problems.append(ScenarioProblem(at: node, in: file, path, found: found, allowed: allowed, hint: hint))
        }
        let describe = InputFile.describe
        func integer(_ node: Node, _ path: String, _ range: ClosedRange<Int>) -> Int? {
            // Range-checked as text first: no conversion can trap.
            guard let text = node.scalar?.string, text.count <= 6, let value = Int(text), range.contains(value) else {
                report(node, path, found: describe(node), allowed: "a whole number from \(range.lowerBound) to \(range.upperBound)")
                return nil
            }
            return value
        }
        func date(_ node: Node, _ path: String) -> LogDate? {
            guard let text = node.scalar?.string, text.count <= 10, let value = LogTime.date(Substring(text)) else {
                report(node, path, found: describe(node), allowed: "a date YYYY-MM-DD")
                return nil
            }
            return value
        }
        func list(_ node: Node, _ path: String, allowed: String) -> [Node] {
            if case .sequence(let items) = node { return Array(items) }
            report(node, path, found: describe(node), allowed: allowed)
            return []
        }
        var calendar = DemandCalendar()
        guard case .mapping(let root) = node else {
            report(node, "", found: describe(node), allowed: "a mapping with any of " + keys.joined(separator: ", "))
            throw ScenarioProblems(problems)
        }
        for (key, value) in root {
            let name = key.scalar?.string ?? ""
            switch name {
            case "pay_days":
                let items = list(value, name, allowed: "a list of days of the month, e.g. [10, 25]")
                calendar.payDays = items.enumerated().compactMap { integer($1, "pay_days[\($0)]", 1...31) }
            case "pay_day_moves":
                switch value.scalar?.string {
                case "earlier": calendar.payDayMovesLater = false
                case "later": calendar.payDayMovesLater = true
                default: report(value, name, found: describe(value), allowed: "earlier (to the opening day before) or later (to the one after)")
                }
            case "month_end_days":
                calendar.monthEndDays = integer(value, name, 0...10) ?? 0
            case "days_before_holidays":
                calendar.daysBeforeHolidays = integer(value, name, 0...10) ?? 0
            case "days_after_holidays":
                calendar.daysAfterHolidays = integer(value, name, 0...10) ?? 0
            case "holidays":
                let items = list(value, name, allowed: "a list of { date, name } or { from, to, name }")
                for (index, item) in items.enumerated() {
                    let path = "holidays[\(index)]"
                    guard case .mapping(let entries) = item else {
                        report(item, path, found: describe(item), allowed: "a mapping { date, name } or { from, to, name }")
                        continue
                    }
                    for (entryKey, _) in entries where !["date", "from", "to", "name"].contains(entryKey.scalar?.string ?? "") {
                        report(entryKey, path, found: "the key '\(entryKey.scalar?.string ?? "")'", allowed: "date, from, to, name")
                    }
                    let holidayName = entries["name"]?.scalar?.string ?? "public holiday"
                    if let single = entries["date"] {
                        if entries["from"] != nil || entries["to"] != nil {
                            report(item, path, found: "date together with from/to", allowed: "either date, or from and to")
                        }
                        if let day = date(single, "\(path).date") { calendar.holidays[day] = holidayName }
                    } else if let fromNode = entries["from"], let toNode = entries["to"] {
                        guard let from = date(fromNode, "\(path).from"), let to = date(toNode, "\(path).to") else { continue }
                        let length = to.ordinal - from.ordinal + 1
                        guard (1...longestHoliday).contains(length) else {
                            report(toNode, "\(path).to", found: "\(from) to \(to) (\(length) days)",
                                   allowed: "a date from \(from) and at most \(longestHoliday) days after it")
                            continue
                        }
                        for offset in 0..<length {
                            if let day = from.adding(days: offset) { calendar.holidays[day] = holidayName }
                        }
                    } else {
                        report(item, path, found: "neither date nor from and to", allowed: "date, or from and to")
                    }
                }
            case "events":
                let items = list(value, name, allowed: "a list of { name, dates }")
                var total = 0
                for (index, item) in items.enumerated() {
                    let path = "events[\(index)]"
                    guard case .mapping(let entries) = item, let nameNode = entries["name"], let datesNode = entries["dates"] else {
                        report(item, path, found: describe(item), allowed: "a mapping { name, dates: [YYYY-MM-DD, ...] }")
                        continue
                    }
                    guard let eventName = nameNode.scalar?.string, !eventName.isEmpty, eventName.count <= 80 else {
                        report(nameNode, "\(path).name", found: describe(nameNode), allowed: "a name of 1 to 80 characters")
                        continue
                    }
                    if calendar.events.contains(where: { $0.name == eventName }) {
                        report(nameNode, "\(path).name", found: "'\(eventName)' a second time", allowed: "a name no other event has")
                        continue
                    }
                    let dates = list(datesNode, "\(path).dates", allowed: "a list of dates YYYY-MM-DD")
                    total += dates.count
                    guard total <= mostDates else {
                        report(datesNode, "\(path).dates", found: "over \(mostDates) event dates", allowed: "at most \(mostDates) in all")
                        break
                    }
                    let days = Set(dates.enumerated().compactMap { date($1, "\(path).dates[\($0)]") })
                    calendar.events.append((eventName, days))
                }
            default:
                report(key, name, found: "the key '\(name)'", allowed: keys.joined(separator: ", "),
                       hint: DidYouMean.suggestion(for: name, among: keys).map { "did you mean '\($0)'?" })
            }
        }
        guard problems.isEmpty else { throw ScenarioProblems(problems) }
        return calendar
    }
}
