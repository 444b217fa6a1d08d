import Scenario
import Distributions

/// Walk-in customers: an exact non-homogeneous Poisson process per segment,
/// by inversion of the cumulative rate over its pieces, so the rate is never
/// held from one piece into the next; optionally in groups.
extension OutletEngine {
    mutating func scheduleFirstArrivals() {
        if scenario.arrivals.trace != nil {
            scheduleTraceRow(0)
            return
        }
        for segment in 0..<segmentCount {
            arrivalPiece[segment] = 0
            scheduleNextWalkIn(segment: segment)
        }
    }

    /// Draws a unit exponential and walks the cumulative rate forward from
    /// now until it is used up; nothing is scheduled once closing is passed.
    /// The day's demand factor scales every rate, so the draw is divided by it.
    ///
    /// - Complexity: O(1) amortised over the day's pieces.
    mutating func scheduleNextWalkIn(segment: Int) {
        var remaining = Distribution.unitExponential.sample(from: streams, stream: streamIndex.arrivals[segment]) / demandFactor
        var time = calendar.now
        var piece = arrivalPiece[segment]
        let breaks = arrivalBreaks[segment], rates = arrivalRatesPerMinute[segment]
        while piece < rates.count {
            let end = breaks[piece + 1], rate = rates[piece]
            if rate > 0 {
                let needed = remaining / rate
                if time + needed < end {
                    arrivalPiece[segment] = piece
                    calendar.schedule(.walkInArrival, for: Int32(segment), at: time + needed)
                    return
                }
                remaining -= rate * (end - time)
            }
            time = end
            piece += 1
        }
        arrivalPiece[segment] = piece
    }

    mutating func walkInArrives(segment: Int) {
        scheduleNextWalkIn(segment: segment)
        var size = 1
        if let groupSize = segmentGroupSize[segment] {
            // Draws are at most a million, so the conversion is safe; a group is at most Segment.largestGroup.
            let drawn = groupSize.sample(from: streams, stream: streamIndex.groups[segment]).rounded()
            size = max(1, min(Segment.largestGroup, Int(drawn)))
        }
        for _ in 0..<size {
            admit(segment: segment, transaction: nil, appointmentPriority: nil)
        }
    }
}
