import Forecasting
import Foundation
import QueueLog
import Scenario
import ScenarioFile

/// Scenario variants that carry a forecast: each `extends` the outlet's
/// scenario and replaces its walk-in rates by the forecast's, per segment
/// and interval, with a day factor that carries the forecast's
/// uncertainty, so that targets judged on them hold under it.
public struct ForecastVariant: Sendable {
    /// File name in the results folder: `scenario-DATE.yaml` or `scenario-DAYTYPE.yaml`.
    public let fileName: String
    public let name: String
    public let yaml: String
}

public enum ForecastVariants {
    /// The file of a day's variant.
    public static func fileName(_ date: LogDate) -> String { "scenario-\(date).yaml" }

    /// The forecast's rates, walk-ins an hour by scenario segment and interval, and how they were split.
    struct Rates {
        var perHour: [[Double]]
        var notes: [String]
    }

    /// Expected walk-ins by log cell turned into the scenario's segments:
    /// by name when the scenario's segments are all in the log, otherwise
    /// the total split as the scenario splits its own rates.
    static func rates(cells: [Double], history: DemandHistory, scenario: Scenario) -> Rates {
        let intervals = history.intervalCount, hours = history.intervalMinutes / 60
        let names = scenario.segments.map(\.name)
        let logIndex = names.compactMap { history.segments.firstIndex(of: $0) }
        if logIndex.count == names.count {
            let perHour = logIndex.map { index in (0..<intervals).map { cells[index * intervals + $0] / hours } }
            let total = cells.reduce(0, +)
            var notes: [String] = []
            for (segment, name) in history.segments.enumerated() where !names.contains(name) {
                let share = (0..<intervals).reduce(0.0) { $0 + cells[segment * intervals + $1] } / max(total, 1e-12)
                notes.append("The log's segment \(name) (\(String(format: "%.1f", 100 * share))% of walk-ins) is not in the scenario and is left out.")
            }
            return Rates(perHour: perHour, notes: notes)
        }
        var perHour = Array(repeating: Array(repeating: 0.0, count: intervals), count: names.count)
        for interval in 0..<intervals {
            let total = (0..<history.segments.count).reduce(0.0) { $0 + cells[$1 * intervals + interval] } / hours
            let middle = scenario.intervalStart(interval) + scenario.intervalMinutes / 2
            let planned = names.indices.map { scenario.arrivals.rate(ofSegment: $0, at: middle) }
            let sum = planned.reduce(0, +)
            for segment in names.indices {
                perHour[segment][interval] = sum > 0 ? total * planned[segment] / sum : total / Double(names.count)
            }
        }
        return Rates(perHour: perHour, notes: ["The log's segments (\(history.segments.joined(separator: ", "))) are not the scenario's, "
                                               + "so each interval's forecast is split as the scenario splits its own rates."])
    }

    /// The YAML of one variant.
    static func yaml(name: String, extends: String, comments: [String], rates: Rates, dayFactorCV: Double, scenario: Scenario) -> String {
        let quoted = ScenarioText.quoted
        var yaml = (comments + rates.notes).map { "# \($0.replacingOccurrences(of: "\n", with: " "))\n" }.joined()
        yaml += "extends: \(quoted(extends))\nname: \(quoted(name))\n"
        yaml += "arrivals:\n  per_hour: null\n  peaks: null\n  scale: null\n  trace: null\n"
        yaml += dayFactorCV > 0.0005 ? "  day_factor: \"gamma(mean=1, cv=\(ScenarioText.number(dayFactorCV, digits: 4)))\"\n" : "  day_factor: null\n"
        yaml += "segments:\n"
        for (index, segment) in scenario.segments.enumerated() {
            let values = rates.perHour[index].map { ScenarioText.number(($0 * 100).rounded() / 100, digits: 2) }
            yaml += "  \(quoted(segment.name)):\n    share: null\n    arrivals_per_hour: [\(values.joined(separator: ", "))]\n"
        }
        return yaml
    }

    /// One variant per open forecast day (today's update, if any, in place of its day's forecast).
    /// - Parameter extends: the scenario's path relative to the variants' folder.
    public static func perDay(_ forecast: DemandForecast, scenario: Scenario, extends: String, logName: String) -> [ForecastVariant] {
        let history = forecast.history, intervals = history.intervalCount
        return forecast.days.filter(\.isOpen).map { day in
            let name = "\(scenario.name)-\(day.date)"
            var cells = day.profile.indices.map { day.cell($0).mean }
            var cv = day.level.shape.isFinite ? 1 / day.level.shape.squareRoot() : 0
            var comments = ["Written by `outletsim forecast` from \(logName): walk-ins forecast for \(day.date) (\(DayEffect.weekday(day.date.weekday).name)).",
                            String(format: "Expected walk-ins %.0f, 95%% prediction interval %d to %d; the day factor carries that uncertainty.",
                                   day.level.mean, day.level.interval(0.95).low, day.level.interval(0.95).high)]
            if let update = forecast.update, update.forecast.date == day.date {
                cells = cells.indices.map { Double(update.observed[$0]) + update.remaining(cell: $0, intervals: intervals).mean }
                let rest = update.remainingDay(segments: history.segments.count, intervals: intervals)
                cv = rest.shape.isFinite ? 1 / rest.shape.squareRoot() : 0
                comments.append("Updated at \(ClockTime(minutes: update.cutoff)) from \(update.seen) walk-ins seen where \(String(format: "%.0f", update.expectedSoFar)) were expected: "
                                + "intervals before then carry the tickets seen, the rest the forecast times \(String(format: "%.3f", update.factor)).")
            }
            let rates = rates(cells: cells, history: history, scenario: scenario)
            return ForecastVariant(fileName: fileName(day.date), name: name,
                                   yaml: yaml(name: name, extends: extends, comments: comments, rates: rates, dayFactorCV: cv, scenario: scenario))
        }
    }

    /// One variant per day type among the open forecast days: the mean of
    /// their forecasts, with a day factor whose spread holds both each day's
    /// uncertainty and the differences between the days.
    public static func perDayType(_ forecast: DemandForecast, scenario: Scenario, extends: String, logName: String) -> [ForecastVariant] {
        let history = forecast.history
        return [DayType.weekday, .saturday, .sunday].compactMap { type in
            let days = forecast.days.filter { $0.isOpen && DayType.of($0.date) == type }
            guard let first = days.first, let last = days.last else { return nil }
            let n = Double(days.count)
            let mean = days.reduce(0) { $0 + $1.level.mean } / n
            guard mean > 0 else { return nil }
            let cells = first.profile.indices.map { cell in days.reduce(0) { $0 + $1.cell(cell).mean } / n }
            // E[G²] − 1 for the factor G = (level/mean)·F over a day drawn from these days.
            let second = days.reduce(0.0) { total, day in
                let ratio = day.level.mean / mean
                return total + ratio * ratio * (1 + (day.level.shape.isFinite ? 1 / day.level.shape : 0))
            } / n
            let cv = max(second - 1, 0).squareRoot()
            let name = "\(scenario.name)-\(type.rawValue)"
            let comments = ["Written by `outletsim forecast` from \(logName): the mean \(type.rawValue) of the \(days.count) open \(type.rawValue)(s) from \(first.date) to \(last.date).",
                            String(format: "Expected walk-ins %.0f a day; the day factor (cv %.3f) carries each day's uncertainty and the differences between the days.", mean, cv)]
            let rates = rates(cells: cells, history: history, scenario: scenario)
            return ForecastVariant(fileName: "scenario-\(type.rawValue).yaml", name: name,
                                   yaml: yaml(name: name, extends: extends, comments: comments, rates: rates, dayFactorCV: cv, scenario: scenario))
        }
    }
}
