import Foundation
import QueueLog

/// One effect on the day's level: a multiplier of the expected walk-ins
/// on the days it marks (a trend: per year).
public enum DayEffect: Sendable, Hashable {
    /// The weekday against the reference weekday (1 Monday … 7 Sunday).
    case weekday(Int)
    /// Growth per year.
    case trend
    case payDay
    case monthEnd
    /// A public holiday the outlet opens on.
    case holiday
    case beforeHoliday
    case afterHoliday
    /// A named event of the calendar, by its index.
    case event(Int, String)

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The effect's name in the planner's words.
    public var name: String {
        switch self {
        case .weekday(let day): Self.weekdayNames[day - 1]
        case .trend: "trend (a year)"
        case .payDay: "pay day"
        case .monthEnd: "month end"
        case .holiday: "public holiday"
        case .beforeHoliday: "day before a holiday"
        case .afterHoliday: "day after a holiday"
        case .event(_, let name): name
        }
    }

    /// The name in forecast.json.
    public var key: String {
        switch self {
        case .weekday(let day): "weekday_\(Self.weekdayNames[day - 1].lowercased())"
        case .trend: "trend_per_year"
        case .payDay: "pay_day"
        case .monthEnd: "month_end"
        case .holiday: "public_holiday"
        case .beforeHoliday: "before_holiday"
        case .afterHoliday: "after_holiday"
        case .event(_, let name): "event:\(name)"
        }
    }

    /// The covariate of `day`, measured in years from `origin` for the trend.
    func value(_ day: DayFeatures, origin: LogDate) -> Double {
        switch self {
        case .weekday(let weekday): day.weekday == weekday ? 1 : 0
        case .trend: Double(day.date.ordinal - origin.ordinal) / 365.25
        case .payDay: day.payDay ? 1 : 0
        case .monthEnd: day.monthEnd ? 1 : 0
        case .holiday: day.holiday ? 1 : 0
        case .beforeHoliday: day.beforeHoliday ? 1 : 0
        case .afterHoliday: day.afterHoliday ? 1 : 0
        case .event(let index, _): index < day.events.count && day.events[index] ? 1 : 0
        }
    }
}

/// An effect as estimated: the multiplier with its 95% interval, from the
/// coefficient and its standard error on the log scale.
public struct EffectEstimate: Sendable {
    public let effect: DayEffect
    public let coefficient: Double
    public let standardError: Double
    /// History days the effect marks (for the trend: all of them).
    public let days: Int
    public var multiplier: Double { exp(coefficient) }
    public var low: Double { exp(coefficient - 1.959963984540054 * standardError) }
    public var high: Double { exp(coefficient + 1.959963984540054 * standardError) }
}

/// An effect the calendar names but the history cannot estimate.
public struct EffectLeftOut: Sendable {
    public let effect: DayEffect
    public let reason: String
}
