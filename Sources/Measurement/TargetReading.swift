import Scenario
import Statistics

/// Where a target reads its value: the metric it measures and the key at
/// each of its places. Kept beside the metrics so that the day's
/// observer, which judges targets day by day, and the run's judge read
/// targets alike.
extension ServiceTarget {
    /// The metric the target measures.
    public var metric: Metric {
        switch measure {
        case .shareServedWithin(let minutes): .shareServedWithin(minutes)
        case .meanWait: .waitMean
        case .waitPercentile(let p): .waitPercentile(p)
        case .abandonment: .shareAbandoned
        case .maxStanding: .standingMax
        case .overtime: .overtimeMinutes
        case .windowUtilisation: .windowUtilisation
        case .greeterUtilisation, .guideUtilisation: .utilisation
        case .greeterWait: .greeterWaitMean
        case .shareTriaged: .shareTriaged
        case .guideWait: .guideWaitMean
        case .shareHelped: .shareHelped
        case .crowding(let zone): zone == .waiting ? .waitingDensityPeak : .zoneDensityPeak(zone.rawValue)
        }
    }

    /// The key of the target's measure for one interval, or the day (nil).
    public func key(interval: Int?) -> MetricKey {
        if let role = staffRole { return MetricKey(.staff, entity: role, interval: interval ?? -1, .utilisation) }
        switch subject {
        case .segment(let index): return MetricKey(.segment, entity: index, metric)
        case .transaction(let index): return MetricKey(.transaction, entity: index, metric)
        case .windowGroup(let group) where measure == .windowUtilisation:
            return MetricKey(.windowGroup, entity: group, interval: interval ?? -1, .utilisation)
        case .everyone where isPerPeriod:
            // The last interval is past closing when the day ends mid-period: a name, not an index.
            return interval.map { MetricKey(.period, entity: $0, interval: ($0 / intervalsPerPeriod + 1) * intervalsPerPeriod - 1, metric) }
                ?? MetricKey(.day, metric)
        case .everyone, .windowGroup:
            return interval.map { MetricKey(.interval, entity: $0, metric) } ?? MetricKey(.day, metric)
        }
    }

    /// The key the target is judged on at a place: its measure, or for a
    /// target judged on days (target number `index`), the share of days
    /// on which it held there.
    public func judgedKey(interval: Int?, index: Int) -> MetricKey {
        onDays == nil ? key(interval: interval) : key(interval: interval).with(.daysMeeting(target: index))
    }

    /// The places the target is read at: every measured interval, the
    /// first measured interval of every period, or the day (nil).
    public func places(in scenario: Scenario) -> [Int?] {
        guard perInterval else { return [nil] }
        let measured = scenario.firstMeasuredInterval..<scenario.intervalCount
        guard isPerPeriod else { return measured.map { $0 } }
        return stride(from: 0, to: scenario.intervalCount, by: intervalsPerPeriod).compactMap { start in
            let first = max(start, measured.lowerBound)
            return first < min(start + intervalsPerPeriod, measured.upperBound) ? first : nil
        }
    }

    /// Whether `value` meets the target's own bound.
    public func holds(_ value: Double) -> Bool {
        switch bound {
        case .atLeast(let low): value >= low
        case .atMost(let high): value <= high
        case .between(let low, let high): value >= low && value <= high
        }
    }
}

extension DayMetrics {
    /// For each target judged on days: at each of its places, 1 over 1 when
    /// the day's own value meets the bound, 0 over 1 when it does not, and
    /// nothing when the day has no value there (no customer it covers).
    ///
    /// - Complexity: O(targets × places).
    mutating func putDaysMeeting(_ scenario: Scenario) {
        for (index, target) in scenario.targets.enumerated() where target.onDays != nil {
            for interval in target.places(in: scenario) {
                let key = target.key(interval: interval)
                guard let value = dayValue(key), value.isFinite else { continue }
                put(key.with(.daysMeeting(target: index)), target.holds(value) ? 1 : 0, over: 1)
            }
        }
    }

    /// For each target judged over periods: at each period, the terms of its
    /// intervals added up (the most standing, for the largest), and its
    /// customers' waits pooled, so a period is customer-weighted as an
    /// interval is.
    ///
    /// - Complexity: O(targets × intervals + customers of the day for percentile targets).
    mutating func putPeriods(_ scenario: Scenario) {
        for target in scenario.targets where target.isPerPeriod {
            for case let first? in target.places(in: scenario) {
                let key = target.key(interval: first)
                guard term(key) == nil else { continue }  // another target over the same periods
                let intervals = target.periodIntervals(from: first, intervalCount: scenario.intervalCount)
                switch key.metric.estimator {
                case .ratio:
                    let found = intervals.compactMap { term(MetricKey(.interval, entity: $0, key.metric)) }
                    guard !found.isEmpty else { continue }
                    if key.metric.isMostAtOnce {
                        put(key, found.map(\.numerator).max() ?? 0)
                    } else {
                        put(key, found.reduce(0) { $0 + $1.numerator }, over: found.reduce(0) { $0 + $1.denominator })
                    }
                case .percentile(let duration, _):
                    let periodKey = DurationKey(.period, entity: first, interval: key.interval, duration)
                    guard durations[periodKey] == nil else { continue }
                    let pooled = intervals.flatMap { durations[DurationKey(.interval, entity: $0, duration)] ?? [] }
                    if !pooled.isEmpty { durations[periodKey] = pooled }
                }
            }
        }
    }

    /// One day's value of `key`: a ratio of its terms, or a percentile of its durations.
    func dayValue(_ key: MetricKey) -> Double? {
        switch key.metric.estimator {
        case .ratio:
            guard let found = term(key), found.denominator > 0 else { return nil }
            return found.numerator / found.denominator
        case .percentile(let duration, let p):
            guard let buckets = durations[DurationKey(key.scope, entity: key.entity, interval: key.interval, duration)] else { return nil }
            var sketch = QuantileSketch()
            sketch.add(buckets: buckets)
            return sketch.count > 0 ? sketch.quantile(p) : nil
        }
    }
}
