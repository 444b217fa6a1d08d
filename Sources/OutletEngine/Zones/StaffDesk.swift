import EventKernel

/// Staff who take one customer at a time from a queue of their own, as the
/// engine keeps them: the greeters' desk and, with `guide_assist`, the
/// guides. Who waits (stale tickets are skipped when they reach the front),
/// how many staff are on duty and busy, and both counts over the day. The
/// rules that use a desk are in ReceptionZone.swift and GuideAssistance.swift.
struct StaffDesk: ~Copyable {
    /// Customers waiting for a free member of staff, in arrival order.
    var queue: TicketLine
    var onDuty = 0
    var busy = 0
    /// Staff on duty, and busy, over the day (people).
    var onDutyGauge: Gauge
    var busyGauge: Gauge

    /// - Parameter queueCapacity: the queue's first allocation; it grows if it must.
    init(intervals: Int, queueCapacity: Int) {
        queue = TicketLine(capacity: queueCapacity)
        onDutyGauge = Gauge(intervals: intervals)
        busyGauge = Gauge(intervals: intervals)
    }

    /// Empties the desk for a new day starting at `opening` (minutes).
    /// - Complexity: O(intervals), no allocation.
    mutating func reset(at opening: Double, _ clock: IntervalClock) {
        queue.removeAll()
        onDuty = 0
        busy = 0
        onDutyGauge.reset(at: opening, clock)
        busyGauge.reset(at: opening, clock)
    }

    /// Closes the day's gauges at `end` (minutes).
    /// - Complexity: O(intervals crossed).
    mutating func advance(to end: Double, _ clock: IntervalClock) {
        onDutyGauge.advance(to: end, clock)
        busyGauge.advance(to: end, clock)
    }
}
