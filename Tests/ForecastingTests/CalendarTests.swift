import Foundation
import QueueLog
import ScenarioFile
import Testing
@testable import Forecasting

@Suite("The demand calendar and what kind of day each date is")
struct CalendarTests {
    static func date(_ text: String) -> LogDate { LogTime.date(Substring(text)) ?? LogDate(year: 1970, month: 1, day: 1)! }

    static func read(_ yaml: String) throws(ScenarioProblems) -> DemandCalendar {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("calendar-\(UUID().uuidString).yaml").path
        FileManager.default.createFile(atPath: path, contents: Data(yaml.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try DemandCalendar.load(path: path)
    }

    @Test("pay days move back from closed days; the days around a holiday skip closed Sundays; month end counts opening days")
    func features() throws {
        let calendar = try Self.read("""
            pay_days: [10, 31]
            month_end_days: 2
            holidays:
              - { from: 2026-10-01, to: 2026-10-07, name: National Day }
            days_before_holidays: 1
            days_after_holidays: 1
            """)
        #expect(calendar.holidays.count == 7 && calendar.payDays == [10, 31])
        // Open Monday to Saturday, closed on Sundays and holidays.
        let days = DayFeatures.span(from: Self.date("2026-09-01"), through: Self.date("2026-10-31"), calendar: calendar) {
            $0.weekday != 7 && calendar.holidays[$0] == nil
        }
        func marked(_ flag: KeyPath<DayFeatures, Bool>) -> [String] { days.filter { $0[keyPath: flag] }.map(\.date.description) }
        // 10 September 2026 is a Thursday; 31 September does not exist, so the 30th; 10 October is a Saturday, 31 October a Saturday.
        #expect(marked(\.payDay) == ["2026-09-10", "2026-09-30", "2026-10-10", "2026-10-31"])
        // 30 September (Wednesday) is before the holiday; 8 October (Thursday) after it.
        #expect(marked(\.beforeHoliday) == ["2026-09-30"])
        #expect(marked(\.afterHoliday) == ["2026-10-08"])
        // The last two opening days: 29 and 30 September; 30 (Friday) and 31 (Saturday) October.
        #expect(marked(\.monthEnd) == ["2026-09-29", "2026-09-30", "2026-10-30", "2026-10-31"])
        #expect(marked(\.holiday).count == 7)
        // A pay day on a Sunday moves to the Saturday before: 10 January 2027 is a Sunday.
        let january = DayFeatures.span(from: Self.date("2027-01-01"), through: Self.date("2027-01-31"), calendar: calendar) { $0.weekday != 7 }
        #expect(january.filter(\.payDay).map(\.date.description) == ["2027-01-09", "2027-01-30"])
        // Or to the Monday after, when the calendar says pay days move later (31 January 2027 is a Sunday too).
        var later = calendar
        later.payDayMovesLater = true
        let moved = DayFeatures.span(from: Self.date("2027-01-01"), through: Self.date("2027-02-10"), calendar: later) { $0.weekday != 7 }
        #expect(moved.filter(\.payDay).map(\.date.description) == ["2027-01-11", "2027-02-01", "2027-02-10"])
    }

    @Test("every problem in a calendar file is located, with what is allowed")
    func problems() {
        do {
            _ = try Self.read("pay_days: [10, 45]\nholidays:\n  - { date: 2026-02-30 }\n  - { from: 2026-01-01, to: 2026-12-31 }\nmonth_end_day: 2\nevents:\n  - { name: billing }\n")
            Issue.record("a bad calendar was read")
        } catch {
            let found = error.problems.map { "\($0.line):\($0.column) \($0.keyPath)" }
            #expect(found.contains("1:16 pay_days[1]"), "\(found)")
            #expect(found.contains("3:13 holidays[0].date"), "\(found)")
            #expect(found.contains { $0.hasPrefix("4:") && $0.hasSuffix("holidays[1].to") }, "\(found)")
            #expect(error.problems.contains { $0.keyPath == "month_end_day" && $0.hint == "did you mean 'month_end_days'?" })
            #expect(found.contains { $0.hasPrefix("7:") && $0.hasSuffix("events[0]") }, "\(found)")
        }
    }
}

@Suite("Today's update")
struct TodayUpdateTests {
    @Test("the conjugate update: the factor is (k + N)/(k + m), and the past part of an interval is not forecast again")
    func update() {
        // Two segments, four intervals of 60 minutes from 09:00; 100 walk-ins expected, gamma shape 50.
        let profile = [0.2, 0.2, 0.2, 0.2, 0.05, 0.05, 0.05, 0.05]
        let day = DayForecast(date: LogDate(year: 2026, month: 5, day: 4)!, isOpen: true, level: CountDistribution(mean: 100, shape: 50), profile: profile)
        let observed = [30, 10, 0, 0, 5, 3, 0, 0]
        let update = TodayUpdate(forecast: day, observed: observed, cutoff: 630, opening: 540, intervalMinutes: 60, intervals: 4)
        #expect(update.elapsed == [1, 0.5, 0, 0])
        // Expected so far: 100 × (0.25 + 0.125) = 37.5; seen 48.
        #expect(abs(update.expectedSoFar - 37.5) < 1e-12)
        #expect(abs(update.factor - (50 + 48) / (50 + 37.5)) < 1e-12)
        let rest = update.remaining(interval: 1, segments: 2, intervals: 4)
        #expect(abs(rest.mean - 100 * 0.25 * 0.5 * update.factor) < 1e-9)
        #expect(rest.shape == 98)
        #expect(update.remaining(interval: 0, segments: 2, intervals: 4).mean == 0)
    }
}
