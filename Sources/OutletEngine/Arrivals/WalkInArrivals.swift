import Scenario
import Distributions
import EventKernel

/// Walk-in arrivals as the engine keeps them: each segment's rate per
/// minute by piece (``ArrivalProfile``), the piece today's arrivals have
/// reached, group sizes, and the day's demand factor.
struct WalkInPlan: ~Copyable {
    /// Per segment: the pieces' boundaries (minutes after midnight) and rates (per minute).
    let breaks: [[Double]]
    let ratesPerMinute: [[Double]]
    /// Per segment: the piece the next arrival is drawn from.
    var piece: FixedArray<Int>
    /// Per segment: how many come together, or nil for one at a time.
    let groupSize: [Distribution?]
    /// This day's demand factor (``ArrivalPlan/dayFactor``): 1 without one.
    var dayFactor = 1.0
    /// The largest factor that keeps the walk-in rate within the scenario's cap at its busiest.
    let mostFactor: Double

    init(_ scenario: Scenario) {
        (breaks, ratesPerMinute) = ArrivalProfile.pieces(for: scenario)
        mostFactor = ArrivalProfile.mostFactor(breaks: breaks, ratesPerMinute: ratesPerMinute)
        piece = FixedArray(repeating: 0, count: scenario.segments.count)
        groupSize = scenario.segments.map(\.groupSize)
    }
}

/// Walk-in customers: an exact non-homogeneous Poisson process per segment,
/// by inversion of the cumulative rate over its pieces, so the rate is never
/// held from one piece into the next; optionally in groups.
extension OutletEngine {
    /// Each segment's first walk-in, or the trace's first row.
    ///
    /// - Complexity: O(segments × log p).
    mutating func scheduleFirstArrivals() {
        if scenario.arrivals.trace != nil {
            scheduleTraceRow(0)
            return
        }
        for segment in 0..<segments.count {
            walkIns.piece[segment] = 0
            scheduleNextWalkIn(segment: segment)
        }
    }

    /// Draws a unit exponential and walks the cumulative rate forward from
    /// now until it is used up; nothing is scheduled once closing is passed.
    /// The day's demand factor scales every rate, so the draw is divided by it.
    ///
    /// - Complexity: O(1) amortised over the day's pieces.
    mutating func scheduleNextWalkIn(segment: Int) {
        var remaining = Distribution.unitExponential.sample(from: streams, stream: streamIndex.arrivals[segment]) / walkIns.dayFactor
        var time = calendar.now
        var piece = walkIns.piece[segment]
        let breaks = walkIns.breaks[segment], rates = walkIns.ratesPerMinute[segment]
        while piece < rates.count {
            let end = breaks[piece + 1], rate = rates[piece]
            if rate > 0 {
                let needed = remaining / rate
                if time + needed < end {
                    walkIns.piece[segment] = piece
                    calendar.schedule(.walkInArrival, for: Int32(segment), at: time + needed)
                    return
                }
                remaining -= rate * (end - time)
            }
            time = end
            piece += 1
        }
        walkIns.piece[segment] = piece
    }

    /// A walk-in arrives, with their group when the segment comes in groups; the next is scheduled.
    ///
    /// - Complexity: O(group size × admission) + O(log p).
    mutating func walkInArrives(segment: Int) {
        var size = 1
        if let groupSize = walkIns.groupSize[segment] {
            // Draws are at most a million, so the conversion is safe; a group is at most Segment.largestGroup.
            let drawn = groupSize.sample(from: streams, stream: streamIndex.groups[segment]).rounded()
            size = max(1, min(Segment.largestGroup, Int(drawn)))
        }
        for _ in 0..<size {
            admit(segment: segment, transaction: nil, appointmentPriority: nil)
        }
        // After the walk in: the calendar sinks the first event a handler
        // schedules from its root, and a walk of a minute sinks far less
        // than the next arrival. The two draw on streams of their own, so
        // the order changes no number; it changes only which of the two
        // comes first should they fall at the very same time.
        scheduleNextWalkIn(segment: segment)
    }
}
