import ForecastOutput
import Forecasting
import Foundation
import QueueLog
import Scenario

/// What `outletsim forecast` prints: the effects, the backtest and its
/// verdict, the days ahead, and today's update; the same figures as
/// forecast.json and report.html.
struct ForecastSummary {
    let files: ForecastFiles

    static func number(_ value: Double, _ digits: Int = 0) -> String { ForecastReport.number(value, digits: digits) }

    func text() -> String {
        let forecast = files.forecast, history = files.history, model = forecast.model, backtest = forecast.backtest
        var lines: [String] = []
        lines.append("\((files.logFile as NSString).lastPathComponent): \(history.totals.reduce(0, +)) walk-in tickets on \(history.dates.count) open days, "
                     + "\(history.dates.first.map(String.init(describing:)) ?? "") to \(history.dates.last.map(String.init(describing:)) ?? ""); "
                     + "\(files.leftOut.count) of \(files.rowsRead) rows left out (forecast.json names each)")
        lines.append("")
        var effects: [[String]] = [["what moves a day's walk-ins", "multiplier", "95% interval", "days in the log"]]
        effects.append(["walk-ins on a \(DayEffect.weekday(model.referenceWeekday).name) at the log's start",
                        Self.number(exp(model.regression.coefficients[0])), "", String(model.trainingDays.count)])
        for effect in model.effects {
            effects.append([effect.effect.name, "×" + Self.number(effect.multiplier, 3),
                            "×\(Self.number(effect.low, 3)) to ×\(Self.number(effect.high, 3))", String(effect.days)])
        }
        effects.append(["day factor beyond Poisson (cv)", Self.number(model.regression.dayFactorCV, 3), "", ""])
        lines.append(TextTable.render(effects))
        for left in model.leftOut { lines.append("not estimated: \(left.effect.name): \(left.reason)") }
        lines.append("")
        if !backtest.days.isEmpty {
            let daily = backtest.dailyErrors, perInterval = backtest.intervalErrors
            lines.append(TextTable.render([
                ["backtest, \(backtest.days.count) held-out days: mean absolute error", "forecast", "same weekday last week", "mean of last four"],
                ["walk-ins a day", Self.number(daily.model, 1), Self.number(daily.lastWeek, 1), Self.number(daily.fourWeeks, 1)],
                ["walk-ins an interval", Self.number(perInterval.model, 2), Self.number(perInterval.lastWeek, 2), Self.number(perInterval.fourWeeks, 2)],
            ]))
            lines.append(PredictionLevel.allCases.map { level in
                "\(level.label) prediction intervals held \(ValueUnit.share.number(backtest.dailyCoverage(level))) of days and "
                    + "\(ValueUnit.share.number(backtest.intervalCoverage(level))) of intervals"
            }.joined(separator: "; "))
        }
        lines.append(ForecastReport.verdict(backtest))
        lines.append("")
        var table: [[String]] = [["date", "day", "walk-ins", "80% interval", "95% interval", "marked"]]
        for day in forecast.days.prefix(14) {
            guard day.isOpen else {
                table.append([day.date.description, DayEffect.weekday(day.date.weekday).name, "closed", "", "", ""])
                continue
            }
            let eighty = day.level.interval(0.8), ninetyFive = day.level.interval(0.95)
            table.append([day.date.description, DayEffect.weekday(day.date.weekday).name, Self.number(day.level.mean),
                          "\(eighty.low) to \(eighty.high)", "\(ninetyFive.low) to \(ninetyFive.high)", ForecastFiles.marks(day).joined(separator: ", ")])
        }
        lines.append(TextTable.render(table))
        if forecast.days.count > 14 { lines.append("and \(forecast.days.count - 14) more days in forecast.csv") }
        if let update = forecast.update {
            lines.append("")
            lines.append("Today, \(update.forecast.date) as of \(ClockTime(minutes: update.cutoff)): \(update.seen) walk-ins seen where the forecast expected "
                         + "\(Self.number(update.expectedSoFar)); the rest of the day is now forecast ×\(Self.number(update.factor, 3)).")
            if let calls = files.calls {
                let starts = files.intervalStarts
                if !calls.hasIntervalTargets {
                    lines.append("The scenario has no per-interval target, so no interval can be named for a flexible window.")
                } else if calls.calls.isEmpty {
                    lines.append("No remaining interval calls for a flexible window: every per-interval target holds with the windows planned.")
                } else {
                    lines.append("Intervals that now call for a flexible window (with the windows planned and no flexible one, a per-interval target fails or is not shown to hold):")
                    for call in calls.calls {
                        lines.append("  \(starts[call.interval])  \(call.verdict.rawValue.uppercased())  \(call.target): "
                                     + call.unit.text(call.estimate, low: call.low, high: call.high))
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
