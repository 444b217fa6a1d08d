import Foundation
import QueueLog

/// The rest of today's forecast, updated from this morning's walk-ins
/// (after Weinberg, Brown and Stroud 2007, in its conjugate form).
///
/// The day's factor is gamma with shape k and mean 1 before the day starts.
/// Having seen N walk-ins where the forecast expected m, it is gamma with
/// shape k + N and rate k + m: a busy morning raises the afternoon by
/// (k + N)/(k + m), the more the steadier the factor (the larger k).
public struct TodayUpdate: Sendable {
    public let forecast: DayForecast
    /// Minutes after midnight: tickets before it are seen.
    public let cutoff: Double
    /// Tickets seen by cell (segment × intervals + interval).
    public let observed: [Int]
    /// Tickets the forecast expected before the cutoff.
    public let expectedSoFar: Double
    /// The share of each interval already past, 0 to 1.
    public let elapsed: [Double]
    let shape: Double
    let rate: Double

    /// - Parameters:
    ///   - forecast: today's forecast from the days before.
    ///   - observed: tickets issued before `cutoff`, by cell.
    ///   - opening, intervalMinutes: the intervals' grid, minutes.
    public init(forecast: DayForecast, observed: [Int], cutoff: Double, opening: Double, intervalMinutes: Double, intervals: Int) {
        self.forecast = forecast
        self.observed = observed
        self.cutoff = cutoff
        let elapsed = (0..<intervals).map { interval in
            min(max((cutoff - (opening + Double(interval) * intervalMinutes)) / intervalMinutes, 0), 1)
        }
        self.elapsed = elapsed
        let expected = forecast.profile.indices.reduce(0.0) { $0 + forecast.level.mean * forecast.profile[$1] * elapsed[$1 % intervals] }
        expectedSoFar = expected
        let seen = Double(observed.reduce(0, +))
        let prior = forecast.level.shape
        shape = prior.isFinite ? prior + seen : .infinity
        rate = prior.isFinite ? prior + expected : .infinity
    }

    /// Tickets seen so far.
    public var seen: Int { observed.reduce(0, +) }

    /// Today's level as a multiple of the forecast's, after the morning.
    public var factor: Double { shape.isFinite ? shape / rate : 1 }

    /// The walk-ins still to come in a cell (the part of its interval not yet past).
    public func remaining(cell index: Int, intervals: Int) -> CountDistribution {
        let share = index < forecast.profile.count ? forecast.profile[index] : 0
        let prior = forecast.level.mean * share * (1 - elapsed[index % intervals])
        return CountDistribution(mean: prior * factor, shape: shape)
    }

    /// The walk-ins still to come in an interval, all segments.
    public func remaining(interval: Int, segments: Int, intervals: Int) -> CountDistribution {
        let mean = (0..<segments).reduce(0.0) { $0 + remaining(cell: $1 * intervals + interval, intervals: intervals).mean }
        return CountDistribution(mean: mean, shape: shape)
    }

    /// The walk-ins still to come today, all intervals and segments.
    public func remainingDay(segments: Int, intervals: Int) -> CountDistribution {
        let mean = (0..<intervals).reduce(0.0) { $0 + remaining(interval: $1, segments: segments, intervals: intervals).mean }
        return CountDistribution(mean: mean, shape: shape)
    }

    /// Tickets seen in an interval, all segments.
    public func seen(interval: Int, segments: Int, intervals: Int) -> Int {
        (0..<segments).reduce(0) { $0 + observed[$1 * intervals + interval] }
    }
}
