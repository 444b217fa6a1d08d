import QueueLog

/// How `outletsim forecast` forecasts.
public struct ForecastSettings: Sendable {
    /// The first day forecast and how many days.
    public var from: LogDate
    public var days: Int
    /// Interval grid, minutes (after midnight for the times).
    public var intervalMinutes: Double = 30
    public var opens: Double?
    public var closes: Double?
    /// Weeks of the log's end held out, a week at a time, in the backtest.
    public var backtestWeeks = 8
    /// Today's update: the date and the minutes after midnight up to which the log is read.
    public var asOf: (date: LogDate, minutes: Double)?

    public init(from: LogDate, days: Int) {
        self.from = from
        self.days = days
    }
}

/// A forecast of walk-in demand: the model fitted to the log, each
/// forecast day, the backtest of the model on the log's last weeks, and
/// the update of today from its morning when asked for.
public struct DemandForecast: Sendable {
    public let settings: ForecastSettings
    public let model: DemandModel
    public let days: [DayForecast]
    public let backtest: Backtest
    public let update: TodayUpdate?
    public var history: DemandHistory { model.history }

    /// - Complexity: O(tickets + backtest weeks × model fit + days × segments × intervals).
    public init(log: QueueLog, calendar: DemandCalendar, settings: ForecastSettings) throws(DemandModel.Failure) {
        self.settings = settings
        guard let limit = LogDate(year: 9000, month: 1, day: 1), let lastDay = settings.from.adding(days: settings.days - 1), lastDay < limit else {
            throw .fit("the forecast must end before 9000-01-01; it starts \(settings.from) and runs \(settings.days) days")
        }
        let lastHistory = settings.asOf.flatMap { $0.date.adding(days: -1) } ?? settings.from.adding(days: -1)
        let history = DemandHistory(log: log, intervalMinutes: settings.intervalMinutes, opening: settings.opens,
                                    closing: settings.closes, through: lastHistory)
        let model = try DemandModel(history: history, calendar: calendar, through: lastHistory)
        self.model = model
        let dates = (0..<settings.days).compactMap { settings.from.adding(days: $0) }
        days = model.forecast(dates)
        backtest = Backtest(history: history, calendar: calendar, weeks: settings.backtestWeeks)
        if let asOf = settings.asOf, let today = model.forecast([asOf.date], isOpen: { $0 == asOf.date || model.opens($0) }).first {
            // This morning's walk-ins, on the same grid.
            let intervals = history.intervalCount, segments = history.segments.count
            var observed = Array(repeating: 0, count: segments * intervals)
            if let day = log.dates.firstIndex(of: asOf.date) {
                for ticket in log.tickets where ticket.day == day && !ticket.isAppointment && !ticket.absentBooking && ticket.issued < asOf.minutes {
                    let interval = history.interval(at: ticket.issued)
                    // Segments the history never saw cannot be placed; the reader's segments are the history's.
                    guard ticket.segment < segments else { continue }
                    observed[ticket.segment * intervals + interval] += 1
                }
            }
            update = TodayUpdate(forecast: today, observed: observed, cutoff: asOf.minutes, opening: history.opening,
                                 intervalMinutes: history.intervalMinutes, intervals: intervals)
        } else {
            update = nil
        }
    }
}
