import QueueLog

/// What kind of day a date is, as the day level's covariates see it.
public struct DayFeatures: Sendable, Equatable {
    public let date: LogDate
    /// ISO weekday, 1 Monday … 7 Sunday.
    public var weekday: Int { date.weekday }
    public var isOpen: Bool
    public var payDay = false
    public var monthEnd = false
    public var holiday = false
    public var beforeHoliday = false
    public var afterHoliday = false
    /// One flag per ``DemandCalendar/events`` entry.
    public var events: [Bool]

    /// Features of every date from `first` through `last`, in order.
    ///
    /// A pay day that falls on a closed day moves to the opening day before
    /// it (after it with `pay_day_moves: later`), within a week; month end is the month's last `monthEndDays`
    /// opening days; the days around a holiday are the opening days next to
    /// a run of holidays.
    /// - Parameter isOpen: whether the outlet opens on a date.
    /// - Complexity: O(days × (1 + events)).
    public static func span(from first: LogDate, through last: LogDate, calendar: DemandCalendar,
                            isOpen: (LogDate) -> Bool) -> [DayFeatures] {
        // Three weeks either side, so that a holiday or a month's end just
        // outside the span still marks the days inside it.
        let padding = 21
        guard last >= first, let start = first.adding(days: -padding), let end = last.adding(days: padding) else { return [] }
        let count = end.ordinal - start.ordinal + 1
        var days: [DayFeatures] = (0..<count).compactMap { offset in
            guard let date = start.adding(days: offset) else { return nil }
            return DayFeatures(date: date, isOpen: isOpen(date), holiday: calendar.holidays[date] != nil,
                               events: calendar.events.map { $0.dates.contains(date) })
        }
        guard days.count == count else { return [] }
        func opening(_ position: Int) -> Bool { days[position].isOpen && !days[position].holiday }
        // The nearest opening day from `position` going by `step`, within a week.
        func openDay(from position: Int, step: Int) -> Int? {
            var cursor = position
            for _ in 0..<7 {
                guard (0..<count).contains(cursor) else { return nil }
                if opening(cursor) { return cursor }
                cursor += step
            }
            return nil
        }
        var year = start.year, month = start.month
        while (year, month) <= (end.year, end.month) {
            for payDay in calendar.payDays {
                var day = payDay
                while LogDate(year: year, month: month, day: day) == nil && day > 28 { day -= 1 }
                guard let date = LogDate(year: year, month: month, day: day),
                      let found = openDay(from: date.ordinal - start.ordinal, step: calendar.payDayMovesLater ? 1 : -1) else { continue }
                days[found].payDay = true
            }
            if calendar.monthEndDays > 0,
               let next = LogDate(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1),
               next.ordinal - start.ordinal <= count {
                var marked = 0, cursor = next.ordinal - start.ordinal - 1
                while marked < calendar.monthEndDays, cursor >= 0, days[cursor].date.month == month {
                    if opening(cursor) {
                        days[cursor].monthEnd = true
                        marked += 1
                    }
                    cursor -= 1
                }
            }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        for position in 0..<count where days[position].holiday {
            if position == 0 || !days[position - 1].holiday {
                var cursor = position - 1
                for _ in 0..<calendar.daysBeforeHolidays {
                    guard let found = openDay(from: cursor, step: -1) else { break }
                    days[found].beforeHoliday = true
                    cursor = found - 1
                }
            }
            if position == count - 1 || !days[position + 1].holiday {
                var cursor = position + 1
                for _ in 0..<calendar.daysAfterHolidays {
                    guard let found = openDay(from: cursor, step: 1) else { break }
                    days[found].afterHoliday = true
                    cursor = found + 1
                }
            }
        }
        return Array(days[padding..<(count - padding)])
    }
}
