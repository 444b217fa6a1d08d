/// Trace-driven arrivals: the rows of an arrival list, in time order.
extension OutletEngine {
    mutating func scheduleTraceRow(_ row: Int) {
        guard let trace = scenario.arrivals.trace, row < trace.count else { return }
        let time = max(trace[row].time, calendar.now)
        guard time < scenario.closing else { return }
        calendar.schedule(.traceArrival, for: Int32(row), at: time)
    }

    mutating func traceArrives(row: Int) {
        guard let trace = scenario.arrivals.trace else { return }
        scheduleTraceRow(row + 1)
        admit(segment: trace[row].segment, transaction: trace[row].transactionType, appointmentPriority: nil)
    }
}
