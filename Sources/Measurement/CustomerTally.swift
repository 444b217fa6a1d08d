import OutletEngine
import Statistics

/// Counts and duration histograms for one group of customers (a day, an
/// interval, a segment, ...), reused day after day.
struct CustomerTally {
    var outcomes = Array(repeating: 0, count: Outcome.allCases.count)
    var arrivals = 0
    var kioskAttempts = 0
    /// Waits for a window of customers served at a counter, minutes.
    var waits = WaitHistogram()
    /// Waits of everyone who took a ticket, including those who gave up, minutes.
    var ticketWaits = WaitHistogram()
    var timeInOutlet = WaitHistogram()
    /// Customers served at a counter without waiting at all (called on taking a ticket).
    var servedAtOnce = 0

    mutating func add(_ record: CustomerRecord) {
        arrivals += 1
        outcomes[record.outcome.rawValue] += 1
        if !record.kioskStart.isNaN { kioskAttempts += 1 }
        if record.outcome == .servedAtCounter {
            waits.record(record.waitForCounter)
            if record.waitForCounter <= 0 { servedAtOnce += 1 }
        }
        if !record.ticket.isNaN { ticketWaits.record(record.waitForCounter) }
        timeInOutlet.record(record.exit - record.arrival)
    }

    mutating func reset() {
        for index in outcomes.indices { outcomes[index] = 0 }
        arrivals = 0
        kioskAttempts = 0
        servedAtOnce = 0
        waits.reset()
        ticketWaits.reset()
        timeInOutlet.reset()
    }

    /// The tally's metrics, appended to `values` under `scope`, `entity` and `interval`.
    func emit(into values: inout [MetricKey: Double], _ scope: Scope, entity: Int, interval: Int = -1, targets: [Double]) {
        func put(_ metric: String, _ value: Double) {
            if value.isFinite { values[MetricKey(scope, entity: entity, interval: interval, metric)] = value }
        }
        let n = Double(arrivals)
        put("arrivals", n)
        for outcome in Outcome.allCases {
            put(outcome.description, Double(outcomes[outcome.rawValue]))
            if n > 0 { put("share_\(outcome)", Double(outcomes[outcome.rawValue]) / n) }
        }
        if n > 0 {
            let left = [Outcome.balked, .blocked, .reneged, .unserved].reduce(0) { $0 + outcomes[$1.rawValue] }
            put("share_abandoned", Double(left) / n)
            put("kiosk_share", Double(outcomes[Outcome.servedAtKiosk.rawValue]) / n)
        }
        if kioskAttempts > 0 {
            put("kiosk_success_rate", Double(outcomes[Outcome.servedAtKiosk.rawValue]) / Double(kioskAttempts))
        }
        if waits.count > 0 {
            put("wait_mean", waits.mean)
            put("wait_p50", waits.quantile(0.5))
            put("wait_p90", waits.quantile(0.9))
            put("wait_p95", waits.quantile(0.95))
            put("wait_max", waits.maximum)
        }
        if ticketWaits.count > 0 {
            for target in targets {
                put(MetricKey.shareServedWithin(target), served(within: target))
            }
        }
        if timeInOutlet.count > 0 {
            put("time_in_outlet_mean", timeInOutlet.mean)
            put("time_in_outlet_p90", timeInOutlet.quantile(0.9))
        }
    }

    /// Share of ticket holders called within `target` minutes; those who
    /// gave up or were sent away count as not served within it.
    /// A target of 0 is exact: the share called without waiting, P(wait = 0).
    func served(within target: Double) -> Double {
        let served = target <= 0 ? Double(servedAtOnce) : Double(waits.count) * waits.share(atMost: target)
        return served / Double(ticketWaits.count)
    }
}

