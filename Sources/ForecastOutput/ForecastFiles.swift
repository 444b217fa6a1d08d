import Forecasting
import Foundation
import OutputKit
import QueueLog
import Scenario

/// forecast.csv and forecast.json of `outletsim forecast`.
public struct ForecastFiles {
    public let forecast: DemandForecast
    /// The log as read: its file, rows read and rows left out.
    public let logFile: String
    public let rowsRead: Int
    public let leftOut: [LeftOutRow]
    public let calendarFile: String?
    /// With today's update and a scenario: the intervals that call for a flexible window.
    public let calls: FlexibleWindowCalls?
    public let version: String

    public init(forecast: DemandForecast, logFile: String, rowsRead: Int, leftOut: [LeftOutRow], calendarFile: String?,
                calls: FlexibleWindowCalls? = nil, version: String) {
        self.forecast = forecast
        self.logFile = logFile
        self.rowsRead = rowsRead
        self.leftOut = leftOut
        self.calendarFile = calendarFile
        self.calls = calls
        self.version = version
    }

    public var history: DemandHistory { forecast.history }

    /// Interval starts, "HH:MM".
    public var intervalStarts: [String] {
        (0..<history.intervalCount).map { ClockTime(minutes: history.opening + Double($0) * history.intervalMinutes).description }
    }

    /// One row per day ("day", "all"), per interval (all segments) and per
    /// interval and segment: the expected walk-ins and their 80% and 95%
    /// prediction intervals. With today's update, `seen` holds the tickets
    /// already issued and the figures are for the whole interval.
    public func csv() -> CSVTable {
        var table = CSVTable(header: ["date", "day_type", "open", "interval", "segment", "mean", "low_80", "high_80", "low_95", "high_95", "seen"])
        let intervals = history.intervalCount, segments = history.segments.count
        let starts = intervalStarts
        func row(_ day: DayForecast, _ interval: String, _ segment: String, _ distribution: CountDistribution, seen: Int?) {
            let offset = seen ?? 0
            let eighty = distribution.interval(0.8), ninetyFive = distribution.interval(0.95)
            table.append([day.date.description, DayType.of(day.date).rawValue, day.isOpen ? "true" : "false", interval, segment,
                          CSVTable.cell(Double(offset) + distribution.mean), String(offset + eighty.low), String(offset + eighty.high),
                          String(offset + ninetyFive.low), String(offset + ninetyFive.high), seen.map(String.init) ?? ""])
        }
        for day in forecast.days {
            let update = forecast.update.flatMap { $0.forecast.date == day.date ? $0 : nil }
            guard day.isOpen else {
                row(day, "day", "all", CountDistribution(mean: 0, shape: .infinity), seen: nil)
                continue
            }
            if let update {
                row(day, "day", "all", update.remainingDay(segments: segments, intervals: intervals), seen: update.seen)
            } else {
                row(day, "day", "all", day.level, seen: nil)
            }
            for interval in 0..<intervals {
                if let update {
                    row(day, starts[interval], "all", update.remaining(interval: interval, segments: segments, intervals: intervals),
                        seen: update.seen(interval: interval, segments: segments, intervals: intervals))
                } else {
                    row(day, starts[interval], "all", day.interval(interval, segments: segments, intervals: intervals), seen: nil)
                }
            }
            for segment in 0..<segments {
                for interval in 0..<intervals {
                    let cell = segment * intervals + interval
                    if let update {
                        row(day, starts[interval], history.segments[segment], update.remaining(cell: cell, intervals: intervals),
                            seen: update.observed[cell])
                    } else {
                        row(day, starts[interval], history.segments[segment], day.cell(cell), seen: nil)
                    }
                }
            }
        }
        return table
    }

    static func effect(_ estimate: EffectEstimate) -> JSONValue {
        .object([("name", .string(estimate.effect.name)), ("key", .string(estimate.effect.key)),
                 ("multiplier", .finite(estimate.multiplier)), ("low", .finite(estimate.low)), ("high", .finite(estimate.high)),
                 ("coefficient", .finite(estimate.coefficient)), ("standard_error", .finite(estimate.standardError)),
                 ("days", .integer(estimate.days))])
    }

    public func json() -> JSONValue {
        let model = forecast.model, backtest = forecast.backtest, settings = forecast.settings
        let leftOutCounts = Dictionary(grouping: leftOut, by: \.reason).map { ($0.key.rawValue, $0.value.count) }.sorted { $0.0 < $1.0 }
        var members: [(String, JSONValue)] = [
            ("format", .string("outletsim-forecast")), ("version", .integer(1)), ("outletsim_version", .string(version)),
            ("log", .object([
                ("file", .string(logFile)), ("rows_read", .integer(rowsRead)), ("rows_left_out", .integer(leftOut.count)),
                ("left_out_by_reason", .object(leftOutCounts.map { ($0.0, .integer($0.1)) })),
                ("left_out_rows", .array(leftOut.prefix(1000).map { row in
                    .object([("line", .integer(row.problem.line)), ("reason", .string(row.reason.rawValue)), ("problem", .string(row.problem.description))])
                })),
                ("walk_in_tickets", .integer(history.totals.reduce(0, +))), ("open_days", .integer(history.dates.count)),
                ("first_date", history.dates.first.map { .string($0.description) } ?? .null),
                ("last_date", history.dates.last.map { .string($0.description) } ?? .null),
                ("tickets_outside_hours", .integer(history.outsideHours)),
            ])),
            ("settings", .object([
                ("from", .string(settings.from.description)), ("days", .integer(settings.days)),
                ("interval_minutes", .number(history.intervalMinutes)),
                ("opens", .string(ClockTime(minutes: history.opening).description)), ("closes", .string(ClockTime(minutes: history.closing).description)),
                ("calendar", calendarFile.map(JSONValue.string) ?? .null), ("backtest_weeks", .integer(backtest.weeks)),
            ])),
            ("intervals", .array(intervalStarts.map(JSONValue.string))),
            ("segments", .array(history.segments.map(JSONValue.string))),
        ]
        members.append(("model", .object([
            ("days_fitted", .integer(model.trainingDays.count)), ("through", .string(model.through.description)),
            ("reference_weekday", .string(DayEffect.weekday(model.referenceWeekday).name)),
            ("walk_ins_on_reference_day", .finite(exp(model.regression.coefficients[0]))),
            ("day_factor_cv", .finite(model.regression.dayFactorCV)),
            ("theta", model.regression.theta >= NegativeBinomialRegression.poissonTheta ? .null : .finite(model.regression.theta)),
            ("log_likelihood", .finite(model.regression.logLikelihood)),
            ("open_weekdays", .array(model.openWeekdays.sorted().map { .string(DayEffect.weekday($0).name) })),
            ("opens_on_holidays", model.opensOnHolidays.map(JSONValue.bool) ?? .null),
            ("effects", .array(model.effects.map(Self.effect))),
            ("effects_left_out", .array(model.leftOut.map { .object([("name", .string($0.effect.name)), ("key", .string($0.effect.key)),
                                                                       ("reason", .string($0.reason))]) })),
        ])))
        let daily = backtest.dailyErrors, perInterval = backtest.intervalErrors
        func errors(_ e: Backtest.Errors) -> JSONValue {
            .object([("model", .finite(e.model)), ("same_weekday_last_week", .finite(e.lastWeek)),
                     ("mean_of_last_four_same_weekdays", .finite(e.fourWeeks)), ("ratio_to_better_naive", .finite(e.ratio))])
        }
        members.append(("backtest", .object([
            ("weeks", .integer(backtest.weeks)), ("days_held_out", .integer(backtest.days.count)),
            ("weeks_skipped", .integer(backtest.skippedOrigins)),
            ("beats_naive", .bool(backtest.beatsNaive)),
            ("daily_mean_absolute_error", errors(daily)), ("interval_mean_absolute_error", errors(perInterval)),
            ("coverage", .object([("daily_80", .finite(backtest.dailyCoverage(.eighty))), ("daily_95", .finite(backtest.dailyCoverage(.ninetyFive))),
                                  ("interval_80", .finite(backtest.intervalCoverage(.eighty))),
                                  ("interval_95", .finite(backtest.intervalCoverage(.ninetyFive)))])),
            ("days", .array(backtest.days.map { day in
                .object([("date", .string(day.date.description)), ("origin", .string(day.origin.description)), ("actual", .integer(day.actual)),
                         ("mean", .finite(day.forecast.mean)), ("low_80", .integer(day.interval80.low)), ("high_80", .integer(day.interval80.high)),
                         ("low_95", .integer(day.interval95.low)), ("high_95", .integer(day.interval95.high)),
                         ("same_weekday_last_week", .finite(day.lastWeek)), ("mean_of_last_four_same_weekdays", .finite(day.fourWeeks))])
            })),
        ])))
        members.append(("forecast", .array(forecast.days.map { day in
            var fields: [(String, JSONValue)] = [("date", .string(day.date.description)), ("day_type", .string(DayType.of(day.date).rawValue)),
                                                 ("open", .bool(day.isOpen))]
            if day.isOpen {
                let eighty = day.level.interval(0.8), ninetyFive = day.level.interval(0.95)
                fields += [("mean", .finite(day.level.mean)), ("low_80", .integer(eighty.low)), ("high_80", .integer(eighty.high)),
                           ("low_95", .integer(ninetyFive.low)), ("high_95", .integer(ninetyFive.high)),
                           ("day_factor_cv", .finite(day.level.shape.isFinite ? 1 / day.level.shape.squareRoot() : 0)),
                           ("marked", .array(Self.marks(day).map(JSONValue.string)))]
            }
            return .object(fields)
        })))
        if let update = forecast.update {
            members.append(("today", .object([
                ("date", .string(update.forecast.date.description)), ("as_of", .string(ClockTime(minutes: update.cutoff).description)),
                ("seen", .integer(update.seen)), ("expected_so_far", .finite(update.expectedSoFar)),
                ("factor", .finite(update.factor)),
                ("flexible_window_calls", calls.map { calls in
                    .object([("judged_by_interval_targets", .bool(calls.hasIntervalTargets)),
                             ("intervals", .array(calls.intervals.map { .string(intervalStarts[$0]) })),
                             ("misses", .array(calls.calls.map { call in
                                 .object([("interval", .string(intervalStarts[call.interval])), ("target", .string(call.target)),
                                          ("verdict", .string(call.verdict.rawValue)), ("mean", .finite(call.estimate)),
                                          ("low", .finite(call.low)), ("high", .finite(call.high)), ("unit", .string(call.unit.rawValue))])
                             }))])
                } ?? .null),
            ])))
        }
        return .object(members)
    }

    /// The calendar effects that mark a day, in the planner's words.
    public static func marks(_ day: DayForecast) -> [String] {
        guard let features = day.features else { return [] }
        var marks: [String] = []
        if features.payDay { marks.append(DayEffect.payDay.name) }
        if features.monthEnd { marks.append(DayEffect.monthEnd.name) }
        if features.holiday { marks.append(DayEffect.holiday.name) }
        if features.beforeHoliday { marks.append(DayEffect.beforeHoliday.name) }
        if features.afterHoliday { marks.append(DayEffect.afterHoliday.name) }
        return marks
    }
}
