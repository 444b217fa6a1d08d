import QueueLog

/// Walk-in tickets of each day a log shows the outlet open, by segment and
/// interval: what the forecast is fitted to. Bookings are left out (they
/// are planned, not forecast), as are the rows the log reader left out.
public struct DemandHistory: Sendable {
    /// Days with at least one walk-in ticket, sorted: the outlet was open.
    public let dates: [LogDate]
    public let segments: [String]
    /// Opening and closing, minutes after midnight, and the interval length.
    public let opening: Double
    public let closing: Double
    public let intervalMinutes: Double
    public var intervalCount: Int { Int(((closing - opening) / intervalMinutes).rounded(.up)) }
    /// Tickets by day, segment and interval, flat: `counts[(day × segments + segment) × intervals + interval]`.
    public let counts: [Int32]
    /// Walk-in tickets per day.
    public let totals: [Int]
    /// Tickets issued before opening or after closing, counted in the first or last interval.
    public let outsideHours: Int

    /// - Parameters:
    ///   - log: the log as read.
    ///   - opening, closing: minutes after midnight; nil to take them from the
    ///     tickets, to whole intervals.
    ///   - through: the last date included (later tickets are not history).
    /// - Complexity: O(tickets + days × segments × intervals).
    public init(log: QueueLog, intervalMinutes: Double, opening: Double?, closing: Double?, through: LogDate? = nil) {
        // Unmaterialised: a log of millions of tickets is not copied.
        let walkIns = log.tickets.lazy.filter { ticket in
            !ticket.isAppointment && !ticket.absentBooking && (through.map { last in log.dates[ticket.day] <= last } ?? true)
        }
        var first = Double.infinity, last = -Double.infinity
        for ticket in walkIns {
            first = min(first, ticket.issued)
            last = max(last, ticket.issued)
        }
        let open = opening ?? ((first.isFinite ? first : 540) / intervalMinutes).rounded(.down) * intervalMinutes
        let close = closing ?? max(((last.isFinite ? last : 1020) / intervalMinutes).rounded(.up) * intervalMinutes, open + intervalMinutes)
        self.opening = open
        self.closing = close
        self.intervalMinutes = intervalMinutes
        segments = log.segments
        var seen = Array(repeating: false, count: log.dates.count)
        for ticket in walkIns { seen[ticket.day] = true }
        let days = log.dates.indices.filter { seen[$0] }
        dates = days.map { log.dates[$0] }
        var position = Array(repeating: -1, count: log.dates.count)
        for (index, day) in days.enumerated() { position[day] = index }
        let intervals = Int(((close - open) / intervalMinutes).rounded(.up)), segmentCount = log.segments.count
        var counts = Array(repeating: Int32(0), count: days.count * segmentCount * intervals)
        var totals = Array(repeating: 0, count: days.count)
        var outside = 0
        for ticket in walkIns {
            let day = position[ticket.day]
            let raw = (ticket.issued - open) / intervalMinutes
            if raw < 0 || raw >= Double(intervals) { outside += 1 }
            let interval = Self.interval(raw, count: intervals)
            counts[(day * segmentCount + ticket.segment) * intervals + interval] += 1
            totals[day] += 1
        }
        self.counts = counts
        self.totals = totals
        outsideHours = outside
    }

    /// The interval a ticket issued at `minutes` after midnight is counted in:
    /// before opening in the first, after closing in the last.
    /// - Complexity: O(1).
    public func interval(at minutes: Double) -> Int {
        Self.interval((minutes - opening) / intervalMinutes, count: intervalCount)
    }

    static func interval(_ position: Double, count: Int) -> Int {
        position < 0 ? 0 : min(Int(position), count - 1)
    }

    /// Tickets of day `day` (an index into `dates`) in `segment` and `interval`.
    /// - Complexity: O(1).
    public func count(day: Int, segment: Int, interval: Int) -> Int {
        Int(counts[(day * segments.count + segment) * intervalCount + interval])
    }

    /// Tickets of day `day` in `interval`, all segments.
    /// - Complexity: O(segments).
    public func count(day: Int, interval: Int) -> Int {
        (0..<segments.count).reduce(0) { $0 + count(day: day, segment: $1, interval: interval) }
    }
}
