import Scenario

/// Each segment's arrival rate as a step function between opening and
/// closing: the pieces on which the non-homogeneous Poisson process is
/// inverted exactly.
enum ArrivalProfile {
    /// Breakpoints (opening ... closing) and the rate per minute on each
    /// piece, per segment. Empty for a trace-driven scenario.
    ///
    /// - Complexity: O(segments × rate changes).
    static func pieces(for scenario: Scenario) -> (breaks: [[Double]], ratesPerMinute: [[Double]]) {
        guard scenario.arrivals.trace == nil else {
            return (Array(repeating: [], count: scenario.segments.count),
                    Array(repeating: [], count: scenario.segments.count))
        }
        let inside = scenario.arrivals.rateChanges.filter { $0 > scenario.opening && $0 < scenario.closing }
        let breaks = [scenario.opening] + inside + [scenario.closing]
        var allBreaks: [[Double]] = [], allRates: [[Double]] = []
        for segment in scenario.segments.indices {
            allBreaks.append(breaks)
            allRates.append(breaks.dropLast().map { scenario.arrivals.rate(ofSegment: segment, at: $0) / 60 })
        }
        return (allBreaks, allRates)
    }

    /// The largest day factor that keeps the total walk-in rate at or under
    /// the reader's cap (100,000 an hour) at the day's busiest piece.
    ///
    /// - Complexity: O(segments × pieces).
    static func mostFactor(breaks: [[Double]], ratesPerMinute: [[Double]], capPerHour: Double = 100_000) -> Double {
        let pieces = ratesPerMinute.map(\.count).max() ?? 0
        var busiest = 0.0
        for piece in 0..<pieces {
            busiest = max(busiest, ratesPerMinute.reduce(0) { $0 + (piece < $1.count ? $1[piece] : 0) } * 60)
        }
        return busiest > 0 ? capPerHour / busiest : 1
    }
}
