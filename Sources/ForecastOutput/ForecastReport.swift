import Forecasting
import Foundation
import OutputKit
import QueueLog
import Scenario

/// report.html of `outletsim forecast`: the history and the forecast as a
/// fan chart, the effects with their intervals, the backtest against the
/// seasonal naive forecasts, the first day's intervals, and today's update.
public struct ForecastReport {
    let files: ForecastFiles

    public init(files: ForecastFiles) { self.files = files }

    /// `value` with `digits` decimals, as the page and the terminal show forecast figures.
    public static func number(_ value: Double, digits: Int = 0) -> String { String(format: "%.\(digits)f", value) }

    /// The verdict on the backtest, in one sentence the planner can act on.
    public static func verdict(_ backtest: Backtest) -> String {
        guard !backtest.days.isEmpty else {
            return "No backtest: the log is too short to hold a week out with \(DemandModel.fewestDays) days before it."
        }
        let daily = backtest.dailyErrors
        let better = daily.lastWeek <= daily.fourWeeks ? "the same weekday last week" : "the mean of the last four same weekdays"
        if backtest.beatsNaive {
            return "The forecast beats the seasonal naive forecasts: its daily error is \(number(100 * daily.ratio))% of the better one's "
                + "(\(better)) over \(backtest.days.count) held-out days."
        }
        return "The forecast does NOT beat the seasonal naive forecasts: its daily error is \(number(100 * daily.ratio))% of the better one's "
            + "(\(better)) over \(backtest.days.count) held-out days. Plan with \(better) instead, or give the calendar that explains the log's days."
    }

    public func html() -> String {
        let forecast = files.forecast, history = files.history, model = forecast.model, backtest = forecast.backtest
        let segments = history.segments.count, intervals = history.intervalCount
        let meta = SVG.escape("\((files.logFile as NSString).lastPathComponent): \(history.totals.reduce(0, +)) walk-in tickets on "
                              + "\(history.dates.count) open days, \(history.dates.first.map(String.init(describing:)) ?? "") to "
                              + "\(history.dates.last.map(String.init(describing:)) ?? ""); \(files.leftOut.count) of \(files.rowsRead) rows left out. "
                              + "Forecast of \(forecast.days.count) day(s) from \(forecast.settings.from). Effects are multipliers with 95% intervals.")
        var table = "<p class=\"verdict\"><strong>\(SVG.escape(Self.verdict(backtest)))</strong></p>"
        table += "<table class=\"effects\"><caption>What moves a day's walk-ins</caption><tr><th>effect</th><th>multiplier</th><th>95% interval</th><th>days in the log</th></tr>"
        table += "<tr><td>walk-ins on a \(DayEffect.weekday(model.referenceWeekday).name) at \(model.trainingDays.first.map { history.dates[$0].description } ?? "")</td>"
            + "<td>\(Self.number(exp(model.regression.coefficients[0])))</td><td>\(Self.number(exp(model.regression.coefficients[0] - 1.96 * model.regression.standardError(0)))) to "
            + "\(Self.number(exp(model.regression.coefficients[0] + 1.96 * model.regression.standardError(0))))</td><td>\(model.trainingDays.count)</td></tr>"
        for effect in model.effects {
            table += "<tr><td>\(SVG.escape(effect.effect.name))</td><td>×\(Self.number(effect.multiplier, digits: 3))</td>"
                + "<td>×\(Self.number(effect.low, digits: 3)) to ×\(Self.number(effect.high, digits: 3))</td><td>\(effect.days)</td></tr>"
        }
        table += "<tr><td>day factor (beyond Poisson)</td><td>cv \(Self.number(model.regression.dayFactorCV, digits: 3))</td><td></td><td></td></tr></table>"
        if !model.leftOut.isEmpty {
            table += "<ul class=\"left-out-effects\">" + model.leftOut.map { "<li>\(SVG.escape($0.effect.name)) is not estimated: \(SVG.escape($0.reason)).</li>" }.joined() + "</ul>"
        }
        let daily = backtest.dailyErrors, perInterval = backtest.intervalErrors
        table += "<table class=\"backtest\"><caption>Backtest: \(backtest.days.count) held-out days over the log's last \(backtest.weeks) weeks</caption>"
            + "<tr><th>mean absolute error</th><th>forecast</th><th>same weekday last week</th><th>mean of last four same weekdays</th></tr>"
            + "<tr><td>walk-ins a day</td><td>\(Self.number(daily.model, digits: 1))</td><td>\(Self.number(daily.lastWeek, digits: 1))</td><td>\(Self.number(daily.fourWeeks, digits: 1))</td></tr>"
            + "<tr><td>walk-ins an interval</td><td>\(Self.number(perInterval.model, digits: 2))</td><td>\(Self.number(perInterval.lastWeek, digits: 2))</td><td>\(Self.number(perInterval.fourWeeks, digits: 2))</td></tr></table>"
        table += "<table class=\"coverage\"><caption>Prediction intervals: the share of held-out figures inside them</caption>"
            + "<tr><th>interval</th><th>days</th><th>intervals of the day</th></tr>"
        for level in PredictionLevel.allCases {
            table += "<tr><td>\(level.label)</td><td>\(ValueUnit.share.number(backtest.dailyCoverage(level)))</td><td>\(ValueUnit.share.number(backtest.intervalCoverage(level)))</td></tr>"
        }
        table += "</table>"
        if let update = forecast.update {
            table += "<h2>Today, \(update.forecast.date) as of \(ClockTime(minutes: update.cutoff))</h2><p class=\"today\">\(update.seen) walk-ins seen where the forecast "
                + "expected \(Self.number(update.expectedSoFar)); the rest of the day is now forecast ×\(Self.number(update.factor, digits: 3)).</p>"
            if let calls = files.calls {
                let starts = files.intervalStarts
                if !calls.hasIntervalTargets {
                    table += "<p>The scenario has no per-interval target, so no interval can be named for a flexible window.</p>"
                } else if calls.calls.isEmpty {
                    table += "<p>No remaining interval calls for a flexible window: every per-interval target holds with the windows planned.</p>"
                } else {
                    table += "<table class=\"flexible-calls\"><caption>Intervals that now call for a flexible window (windows as planned, no flexible one)</caption>"
                        + "<tr><th>interval</th><th>target</th><th>verdict</th><th>estimate [95% CI]</th></tr>"
                    for call in calls.calls {
                        table += "<tr class=\"\(call.verdict.rawValue)\"><td>\(starts[call.interval])</td><td>\(SVG.escape(call.target))</td>"
                            + "<td class=\"verdict\">\(call.verdict.rawValue)</td><td>\(SVG.escape(call.unit.text(call.estimate, low: call.low, high: call.high)))</td></tr>"
                    }
                    table += "</table>"
                }
            }
        }
        if files.leftOut.count > 0 {
            table += "<p>\(files.leftOut.count) of \(files.rowsRead) rows could not be used and were left out; forecast.json names each with its line and reason.</p>"
        }

        var charts: [String] = []
        // History (the last eight weeks) and the forecast's open days.
        let recent = history.dates.indices.suffix(40)
        let open = forecast.days.filter(\.isOpen)
        // Month and day: a whole date is too wide for the axis; the description gives the years.
        func short(_ date: LogDate) -> String { String(date.description.dropFirst(5)) }
        let labels = recent.map { short(history.dates[$0]) } + open.map { short($0.date) }
        let span = "\(recent.first.map { history.dates[$0].description } ?? "") to \(open.last?.date.description ?? "")"
        let nan = Double.nan
        let actual = recent.map { Double(history.totals[$0]) } + open.map { _ in nan }
        let mean = recent.map { _ in nan } + open.map(\.level.mean)
        func bound(_ level: Double, _ low: Bool) -> [Double] {
            recent.map { _ in nan } + open.map { day in let b = day.level.interval(level); return Double(low ? b.low : b.high) }
        }
        charts.append(LineChart(title: "Walk-ins a day: the log, then the forecast", description: "Open days from \(span); bands are the 95% and 80% prediction intervals.",
                                categories: labels, categoryLabel: "date (month-day)", valueLabel: "walk-ins a day",
                                series: [Series(name: "logged", values: actual),
                                         Series(name: "forecast, 95% interval", values: mean, low: bound(0.95, true), high: bound(0.95, false)),
                                         Series(name: "forecast, 80% interval", values: mean, low: bound(0.8, true), high: bound(0.8, false))]).render())
        if !backtest.days.isEmpty {
            // The last six weeks held out: more days than that cannot be told apart on a page.
            let days = Array(backtest.days.suffix(36))
            let title = days.count < backtest.days.count ? "Backtest: the last \(days.count) of \(backtest.days.count) held-out days" : "Backtest: each held-out day"
            charts.append(LineChart(title: title, description: "Forecast from the days before its week, with its 95% interval, beside the seasonal naive forecasts; \(days.first?.date.description ?? "") to \(days.last?.date.description ?? "").",
                                    categories: days.map { short($0.date) }, categoryLabel: "held-out date (month-day)", valueLabel: "walk-ins a day",
                                    series: [Series(name: "logged", values: days.map { Double($0.actual) }),
                                             Series(name: "forecast, 95% interval", values: days.map(\.forecast.mean),
                                                    low: days.map { Double($0.interval95.low) }, high: days.map { Double($0.interval95.high) }),
                                             Series(name: "same weekday last week", values: days.map(\.lastWeek)),
                                             Series(name: "mean of last four", values: days.map(\.fourWeeks))]).render())
        }
        let starts = files.intervalStarts
        if let update = forecast.update {
            let seen = (0..<intervals).map { update.elapsed[$0] > 0 ? Double(update.seen(interval: $0, segments: segments, intervals: intervals)) : nan }
            let rest = (0..<intervals).map { update.remaining(interval: $0, segments: segments, intervals: intervals) }
            let before = (0..<intervals).map { update.forecast.interval($0, segments: segments, intervals: intervals).mean }
            let totals = (0..<intervals).map { (seen[$0].isFinite ? seen[$0] : 0) + rest[$0].mean }
            charts.append(LineChart(title: "Today as of \(ClockTime(minutes: update.cutoff)): \(update.forecast.date)",
                                    description: "Walk-ins seen so far, the rest of the day updated from them (×\(Self.number(update.factor, digits: 3))) with its 95% interval, and the forecast made before the day.",
                                    categories: starts, categoryLabel: "interval", valueLabel: "walk-ins an interval",
                                    series: [Series(name: "seen", values: seen),
                                             Series(name: "updated, 95% interval", values: totals,
                                                    low: (0..<intervals).map { (seen[$0].isFinite ? seen[$0] : 0) + Double(rest[$0].interval(0.95).low) },
                                                    high: (0..<intervals).map { (seen[$0].isFinite ? seen[$0] : 0) + Double(rest[$0].interval(0.95).high) }),
                                             Series(name: "forecast before the day", values: before)]).render())
        } else if let first = open.first {
            let cells = (0..<intervals).map { first.interval($0, segments: segments, intervals: intervals) }
            let type = DayType.of(first.date)
            let typed = history.dates.indices.filter { DayType.of(history.dates[$0]) == type }.suffix(20)
            let logged = (0..<intervals).map { interval in
                typed.isEmpty ? nan : typed.reduce(0.0) { $0 + Double(history.count(day: $1, interval: interval)) } / Double(typed.count)
            }
            charts.append(LineChart(title: "\(first.date): walk-ins by interval",
                                    description: "The first forecast day's intervals with their 95% intervals, beside the mean of the log's last \(typed.count) \(type.rawValue)s.",
                                    categories: starts, categoryLabel: "interval", valueLabel: "walk-ins an interval",
                                    series: [Series(name: "forecast, 95% interval", values: cells.map(\.mean),
                                                    low: cells.map { Double($0.interval(0.95).low) }, high: cells.map { Double($0.interval(0.95).high) }),
                                             Series(name: "log, mean of last \(typed.count)", values: logged)]).render())
        }
        return ReportPage.html(title: "Demand forecast: \((files.logFile as NSString).lastPathComponent)", meta: meta, table: table, charts: charts)
    }
}
