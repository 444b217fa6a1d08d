import Foundation
import QueueLog

/// A rolling-origin backtest over the log's last weeks: the model is fitted
/// on the days before each week and forecasts that week, beside the two
/// seasonal naive forecasts a planner would otherwise use (the same weekday
/// last week; the mean of the last four same weekdays). Every figure is
/// from days the model had not seen.
public struct Backtest: Sendable {
    /// One held-out day.
    public struct Day: Sendable {
        public let date: LogDate
        /// The first day of its week's forecast.
        public let origin: LogDate
        public let actual: Int
        public let forecast: CountDistribution
        public let lastWeek: Double
        public let fourWeeks: Double
        /// Walk-ins by interval (all segments), as logged and forecast.
        public let intervalActual: [Int]
        public let intervalForecast: [CountDistribution]
        public let intervalLastWeek: [Double]
        public let intervalFourWeeks: [Double]
        /// The model's 80% and 95% intervals of the day's walk-ins.
        public let interval80: (low: Int, high: Int)
        public let interval95: (low: Int, high: Int)
        /// The model's 80% and 95% intervals of each interval's walk-ins.
        public let intervalBounds80: [(low: Int, high: Int)]
        public let intervalBounds95: [(low: Int, high: Int)]
    }

    /// Mean absolute errors, walk-ins a day or an interval.
    public struct Errors: Sendable, Equatable {
        public let model: Double
        public let lastWeek: Double
        public let fourWeeks: Double
        /// The better of the two naive forecasts' errors.
        public var naive: Double { min(lastWeek, fourWeeks) }
        /// The model's error over the better naive forecast's: below 1 beats it.
        public var ratio: Double { naive > 0 ? model / naive : .nan }
    }

    public let weeks: Int
    public let days: [Day]
    /// Origins skipped because fewer than ``DemandModel/fewestDays`` days came before them.
    public let skippedOrigins: Int

    /// Backtests the last `weeks` weeks of `history`.
    /// - Complexity: O(weeks × (model fit + 7 × intervals × quantile)).
    public init(history: DemandHistory, calendar: DemandCalendar, weeks: Int) {
        self.weeks = weeks
        var days: [Day] = [], skipped = 0
        guard let last = history.dates.last else {
            self.days = []
            skippedOrigins = 0
            return
        }
        let position = Dictionary(uniqueKeysWithValues: history.dates.enumerated().map { ($1, $0) })
        let intervals = history.intervalCount, segments = history.segments.count
        func intervalCounts(_ day: Int) -> [Int] { (0..<intervals).map { history.count(day: day, interval: $0) } }
        for week in stride(from: weeks, through: 1, by: -1) {
            guard let origin = last.adding(days: -7 * week + 1), let before = origin.adding(days: -1),
                  let model = try? DemandModel(history: history, calendar: calendar, through: before) else {
                skipped += 1
                continue
            }
            let window = (0..<7).compactMap { origin.adding(days: $0) }.filter { position[$0] != nil }
            guard !window.isEmpty else { continue }
            let forecasts = model.forecast(window) { position[$0] != nil }
            let past = model.trainingDays.reversed()
            for forecast in forecasts {
                guard let index = position[forecast.date] else { continue }
                let same = past.lazy.filter { history.dates[$0].weekday == forecast.date.weekday }.prefix(4).map { $0 }
                guard let latest = same.first else { continue }
                let four = same.map { Double(history.totals[$0]) }.reduce(0, +) / Double(same.count)
                let intervalForecast = (0..<intervals).map { forecast.interval($0, segments: segments, intervals: intervals) }
                let fourIntervals = (0..<intervals).map { interval in
                    same.map { Double(history.count(day: $0, interval: interval)) }.reduce(0, +) / Double(same.count)
                }
                days.append(Day(date: forecast.date, origin: origin, actual: history.totals[index], forecast: forecast.level,
                                lastWeek: Double(history.totals[latest]), fourWeeks: four,
                                intervalActual: intervalCounts(index),
                                intervalForecast: intervalForecast,
                                intervalLastWeek: intervalCounts(latest).map(Double.init), intervalFourWeeks: fourIntervals,
                                interval80: forecast.level.interval(0.8), interval95: forecast.level.interval(0.95),
                                intervalBounds80: intervalForecast.map { $0.interval(0.8) },
                                intervalBounds95: intervalForecast.map { $0.interval(0.95) }))
            }
        }
        self.days = days
        skippedOrigins = skipped
    }

    /// Mean absolute error of each day's walk-ins.
    public var dailyErrors: Errors {
        let n = Double(max(days.count, 1))
        return Errors(model: days.reduce(0) { $0 + abs(Double($1.actual) - $1.forecast.mean) } / n,
                      lastWeek: days.reduce(0) { $0 + abs(Double($1.actual) - $1.lastWeek) } / n,
                      fourWeeks: days.reduce(0) { $0 + abs(Double($1.actual) - $1.fourWeeks) } / n)
    }

    /// Mean absolute error of each interval's walk-ins.
    public var intervalErrors: Errors {
        var model = 0.0, lastWeek = 0.0, fourWeeks = 0.0, cells = 0
        for day in days {
            for (index, actual) in day.intervalActual.enumerated() {
                model += abs(Double(actual) - day.intervalForecast[index].mean)
                lastWeek += abs(Double(actual) - day.intervalLastWeek[index])
                fourWeeks += abs(Double(actual) - day.intervalFourWeeks[index])
                cells += 1
            }
        }
        let n = Double(max(cells, 1))
        return Errors(model: model / n, lastWeek: lastWeek / n, fourWeeks: fourWeeks / n)
    }

    /// The share of held-out days whose walk-ins fell inside the model's `level` interval.
    public func dailyCoverage(_ level: PredictionLevel) -> Double {
        guard !days.isEmpty else { return .nan }
        let inside = days.filter { day in
            let bounds = level == .eighty ? day.interval80 : day.interval95
            return bounds.low <= day.actual && day.actual <= bounds.high
        }
        return Double(inside.count) / Double(days.count)
    }

    /// The share of held-out intervals whose walk-ins fell inside the model's `level` interval.
    public func intervalCoverage(_ level: PredictionLevel) -> Double {
        var inside = 0, cells = 0
        for day in days {
            for (index, actual) in day.intervalActual.enumerated() {
                let bounds = level == .eighty ? day.intervalBounds80[index] : day.intervalBounds95[index]
                if bounds.low <= actual && actual <= bounds.high { inside += 1 }
                cells += 1
            }
        }
        return cells > 0 ? Double(inside) / Double(cells) : .nan
    }

    /// Whether the model beats the better seasonal naive forecast on daily totals.
    public var beatsNaive: Bool { dailyErrors.ratio < 1 }
}
