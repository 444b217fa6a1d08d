import Foundation
import QueueLog

/// Walk-in demand as a day level times an intraday profile.
///
/// The day level is a negative-binomial regression of each open day's
/// walk-ins on its weekday, a trend and the calendar's effects; the
/// profile, per day type, is each segment's and interval's share of the
/// day (the multinomial maximum likelihood). The day factor is the
/// regression's gamma mixing: a busy day is busy in every interval.
public struct DemandModel: Sendable {
    public let history: DemandHistory
    public let calendar: DemandCalendar
    /// Indices into `history.dates` of the days fitted (those through `through`).
    public let trainingDays: [Int]
    /// The last date the model has seen.
    public let through: LogDate
    /// Weekdays the outlet opens on, from the last eight weeks fitted.
    public let openWeekdays: Set<Int>
    /// Whether the outlet opens on public holidays: nil when the history has none.
    public let opensOnHolidays: Bool?
    /// The weekday the others are measured against.
    public let referenceWeekday: Int
    public let effects: [EffectEstimate]
    public let leftOut: [EffectLeftOut]
    public let regression: NegativeBinomialRegression
    /// Shares of the day by segment and interval, flat, per day type.
    public let profiles: [DayType: [Double]]
    /// The trend's year zero: the first day fitted.
    let origin: LogDate
    /// The days fitted.
    let openDates: Set<LogDate>
    let included: [DayEffect]

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case tooFewDays(Int)
        case fit(String)

        public var description: String {
            switch self {
            case .tooFewDays(let days): "the log has \(days) day(s) with walk-in tickets before the forecast; a forecast needs at least \(DemandModel.fewestDays)"
            case .fit(let reason): reason
            }
        }
    }

    /// The fewest open days a model is fitted on: two of each weekday and then some.
    public static let fewestDays = 14
    /// The longest history read, days.
    public static let longestSpan = 36_525

    /// Fits the days of `history` through `through` (all when nil).
    /// - Complexity: O(days × effects² × iterations + days × segments × intervals).
    public init(history: DemandHistory, calendar: DemandCalendar, through: LogDate? = nil) throws(Failure) {
        self.history = history
        self.calendar = calendar
        let last = through ?? history.dates.last
        let training = history.dates.indices.filter { index in last.map { history.dates[index] <= $0 } ?? false }
        guard training.count >= Self.fewestDays, let first = history.dates.first, let end = last else {
            throw .tooFewDays(training.count)
        }
        trainingDays = training
        self.through = end
        origin = first
        // When the outlet opens: weekdays of the last eight weeks, and holidays as the history shows them.
        let open = Set(training.map { history.dates[$0] })
        openDates = open
        let recent = (0..<56).compactMap { end.adding(days: -$0) }.filter { calendar.holidays[$0] == nil && $0 >= first }
        openWeekdays = Set((1...7).filter { weekday in
            let days = recent.filter { $0.weekday == weekday }
            return !days.isEmpty && days.filter { open.contains($0) }.count * 2 >= days.count
        })
        let pastHolidays = calendar.holidays.keys.filter { $0 >= first && $0 <= end && $0.weekday != 7 }
        opensOnHolidays = pastHolidays.isEmpty ? nil : pastHolidays.filter { open.contains($0) }.count * 2 > pastHolidays.count
        let span = end.ordinal - first.ordinal + 1
        guard span <= Self.longestSpan else {
            throw .fit("the log runs from \(first) to \(end), \(span) days; a forecast reads at most \(Self.longestSpan) days (100 years)")
        }
        let features = DayFeatures.span(from: first, through: end, calendar: calendar) { open.contains($0) }
        guard features.count == span else {
            throw .fit("the log's dates \(first) to \(end) are outside the dates a forecast can count (1900-01-22 to 8999-12-31)")
        }
        let trainingFeatures = training.map { features[history.dates[$0].ordinal - first.ordinal] }
        let weekdays = (1...7).filter { day in trainingFeatures.contains { $0.weekday == day } }
        referenceWeekday = weekdays.first ?? 1

        // Candidate effects, each kept when the history marks enough days and
        // no combination of the effects before it already marks the same days.
        var candidates: [DayEffect] = weekdays.dropFirst().map { DayEffect.weekday($0) }
        candidates.append(.trend)
        if !calendar.payDays.isEmpty { candidates.append(.payDay) }
        if calendar.monthEndDays > 0 { candidates.append(.monthEnd) }
        if !calendar.holidays.isEmpty {
            candidates.append(.holiday)
            if calendar.daysBeforeHolidays > 0 { candidates.append(.beforeHoliday) }
            if calendar.daysAfterHolidays > 0 { candidates.append(.afterHoliday) }
        }
        for (index, event) in calendar.events.enumerated() { candidates.append(.event(index, event.name)) }
        var columns: [[Double]] = [Array(repeating: 1, count: training.count)]
        var basis: [[Double]] = [columns[0].map { $0 / Double(training.count).squareRoot() }]
        var kept: [DayEffect] = [], dropped: [EffectLeftOut] = []
        for effect in candidates {
            let column = trainingFeatures.map { effect.value($0, origin: first) }
            if effect == .trend {
                let span = end.ordinal - first.ordinal
                guard span >= 56 else {
                    dropped.append(EffectLeftOut(effect: effect, reason: "the history spans \(span + 1) days; a trend needs at least 8 weeks"))
                    continue
                }
            } else {
                let marked = column.filter { $0 != 0 }.count
                guard marked >= 2, training.count - marked >= 2 else {
                    let reason = effect == .holiday && opensOnHolidays != true
                        ? "the outlet is closed on the history's public holidays"
                        : "the history has \(marked) such day(s); an effect needs at least 2"
                    dropped.append(EffectLeftOut(effect: effect, reason: reason))
                    continue
                }
            }
            // Gram-Schmidt against the columns kept: what is left must be more than rounding.
            var residual = column
            for unit in basis {
                let projection = zip(residual, unit).reduce(0) { $0 + $1.0 * $1.1 }
                for i in residual.indices { residual[i] -= projection * unit[i] }
            }
            let norm = residual.reduce(0) { $0 + $1 * $1 }.squareRoot(), scale = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 1e-6 * max(scale, 1) else {
                dropped.append(EffectLeftOut(effect: effect, reason: "it marks the same days as the other effects together, so it cannot be told apart"))
                continue
            }
            basis.append(residual.map { $0 / norm })
            columns.append(column)
            kept.append(effect)
        }
        let rows: [[Double]] = training.indices.map { row in columns.map { column in column[row] } }
        let regression: NegativeBinomialRegression
        do throws(NegativeBinomialRegression.Failure) {
            regression = try NegativeBinomialRegression(rows: rows, counts: training.map { Double(history.totals[$0]) })
        } catch {
            throw .fit(error == .singular ? "the day-level regression is singular" : "the day-level regression did not converge")
        }
        self.regression = regression
        included = kept
        effects = kept.enumerated().map { index, effect in
            EffectEstimate(effect: effect, coefficient: regression.coefficients[index + 1], standardError: regression.standardError(index + 1),
                           days: effect == .trend ? training.count : columns[index + 1].filter { $0 != 0 }.count)
        }
        leftOut = dropped

        // Profiles: each day type's pooled shares.
        let cells = history.segments.count * history.intervalCount
        var profiles: [DayType: [Double]] = [:]
        for type in [DayType.weekday, .saturday, .sunday] {
            let days = training.filter { DayType.of(history.dates[$0]) == type }
            guard !days.isEmpty else { continue }
            var sums = Array(repeating: 0.0, count: cells)
            var total = 0.0
            for day in days {
                let base = day * cells
                for cell in 0..<cells { sums[cell] += Double(history.counts[base + cell]) }
                total += Double(history.totals[day])
            }
            profiles[type] = sums.map { $0 / max(total, 1) }
        }
        self.profiles = profiles
    }

    /// Whether the outlet opens on `date`: as the history shows through
    /// ``through``, then by weekday and holiday as it opened lately.
    public func opens(_ date: LogDate) -> Bool {
        if date <= through { return openDates.contains(date) }
        if calendar.holidays[date] != nil { return opensOnHolidays ?? false }
        return openWeekdays.contains(date.weekday)
    }

    /// The intraday profile for a date: its day type's, or the weekday one
    /// (then any) when the history has none of its type.
    public func profile(_ date: LogDate) -> [Double] {
        profiles[DayType.of(date)] ?? profiles[.weekday] ?? profiles.values.first ?? []
    }

    /// The forecast of each date in `dates` (sorted), days the outlet is closed included as closed.
    /// - Parameter isOpen: whether the outlet opens on a date; default ``opens(_:)``.
    /// - Complexity: O(span × effects² ).
    public func forecast(_ dates: [LogDate], isOpen: ((LogDate) -> Bool)? = nil) -> [DayForecast] {
        guard let first = dates.first, let last = dates.last else { return [] }
        let opening = isOpen ?? opens
        let start = min(origin, first)
        let features = DayFeatures.span(from: start, through: last, calendar: calendar) { opening($0) }
        // Dates a calendar cannot count (past 9999 with its padding) are forecast as closed; DemandForecast refuses them first.
        guard features.count == last.ordinal - start.ordinal + 1 else {
            return dates.map { DayForecast(date: $0, isOpen: false, level: CountDistribution(mean: 0, shape: .infinity), profile: []) }
        }
        let inverseTheta = regression.theta >= NegativeBinomialRegression.poissonTheta ? 0 : 1 / regression.theta
        return dates.map { date in
            let day = features[date.ordinal - start.ordinal]
            guard day.isOpen else { return DayForecast(date: date, isOpen: false, level: CountDistribution(mean: 0, shape: .infinity), profile: []) }
            let row = [1.0] + included.map { $0.value(day, origin: origin) }
            let (eta, variance) = regression.linearPredictor(row)
            // The day factor and the level's own uncertainty, both multiplicative with mean 1.
            let mixing = (1 + inverseTheta) * exp(variance) - 1
            let shape = mixing > 1e-12 ? 1 / mixing : .infinity
            return DayForecast(date: date, isOpen: true, level: CountDistribution(mean: exp(eta), shape: shape), profile: profile(date),
                               features: day)
        }
    }
}

/// One day's forecast: its walk-ins, and each segment's and interval's
/// share of them. Every cell shares the day's gamma factor, so a cell's
/// count is negative binomial with the day's shape.
public struct DayForecast: Sendable {
    public let date: LogDate
    public let isOpen: Bool
    /// Walk-ins of the day.
    public let level: CountDistribution
    /// Shares by segment and interval, flat.
    public let profile: [Double]
    public var features: DayFeatures?

    public init(date: LogDate, isOpen: Bool, level: CountDistribution, profile: [Double], features: DayFeatures? = nil) {
        self.date = date
        self.isOpen = isOpen
        self.level = level
        self.profile = profile
        self.features = features
    }

    /// Walk-ins of a cell (`segment × intervals + interval`).
    public func cell(_ index: Int) -> CountDistribution {
        CountDistribution(mean: level.mean * (index < profile.count ? profile[index] : 0), shape: level.shape)
    }

    /// Walk-ins of an interval, all segments.
    public func interval(_ interval: Int, segments: Int, intervals: Int) -> CountDistribution {
        let share = (0..<segments).reduce(0.0) { $0 + (profile.isEmpty ? 0 : profile[$1 * intervals + interval]) }
        return CountDistribution(mean: level.mean * share, shape: level.shape)
    }
}
