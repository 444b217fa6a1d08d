/// Trace-driven arrivals: the rows of an arrival list, in time order.
extension OutletEngine {
    /// Schedules the arrival of trace row `row`, if there is one.
    ///
    /// - Complexity: O(log p).
    mutating func scheduleTraceRow(_ row: Int) {
        guard let trace = scenario.arrivals.trace, row < trace.count else { return }
        let time = max(trace[row].time, calendar.now)
        guard time < scenario.closing else { return }
        calendar.schedule(.traceArrival, for: Int32(row), at: time)
    }

    /// The trace's customer arrives; the next row is scheduled.
    ///
    /// - Complexity: O(log p), plus admission.
    mutating func traceArrives(row: Int) {
        guard let trace = scenario.arrivals.trace else { return }
        scheduleTraceRow(row + 1)
        admit(segment: trace[row].segment, transaction: trace[row].transactionType, appointmentPriority: nil)
    }
}
