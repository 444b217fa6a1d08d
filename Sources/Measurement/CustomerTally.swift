import OutletEngine
import Statistics

/// One day's sums and counts for one group of customers (the day, an
/// interval, a segment, ...), reused day after day. It keeps sums, not
/// means, so that days combine into customer-weighted estimates. It is a
/// plain value, so the observer updates a customer's five groups in place;
/// the customers' durations and the counts within each wait target are kept
/// by the observer, per group (``DayObserver``).
struct CustomerTally {
    /// Customers by outcome, at the outcome's raw value (there are seven),
    /// held inline rather than in an array of their own.
    var outcomes = InlineArray<8, Int>(repeating: 0)
    var arrivals = 0
    var kioskAttempts = 0
    /// Waits for a window of customers served at a counter, minutes: sum and maximum.
    var waitSum = 0.0
    var waitMaximum = 0.0
    /// Ticket holders, including those who gave up, and their waits until called or gone, minutes.
    var ticketHolders = 0
    var ticketWaitSum = 0.0
    var timeInOutletSum = 0.0
    /// Customers a greeter triaged, and their waits for one, minutes.
    var triaged = 0
    var greeterWaitSum = 0.0
    /// Customers who asked a guide, those a guide helped, and their waits for one, minutes.
    var guideRequests = 0
    var guideHelped = 0
    var guideWaitSum = 0.0

    /// Customers served at a counter: those with a wait for a window.
    var servedAtCounter: Int { outcomes[Outcome.servedAtCounter.rawValue] }

    /// - Complexity: O(1).
    @inline(__always)
    mutating func add(_ record: CustomerRecord, wait: Double, timeInOutlet: Double) {
        arrivals += 1
        outcomes[record.outcome.rawValue] += 1
        if !record.kioskStart.isNaN { kioskAttempts += 1 }
        if !record.ticket.isNaN {
            ticketHolders += 1
            ticketWaitSum += wait
        }
        if record.outcome == .servedAtCounter {
            waitSum += wait
            if wait > waitMaximum { waitMaximum = wait }
        }
        timeInOutletSum += timeInOutlet
        if !record.greeterWait.isNaN {
            triaged += 1
            greeterWaitSum += record.greeterWait
        }
        if !record.guideAsked.isNaN {
            guideRequests += 1
            guideWaitSum += record.guideWait
            if record.wasHelped { guideHelped += 1 }
        }
    }

    /// The group's durations and served-within counts, kept by the observer.
    struct Durations {
        /// Waits of customers served at a counter, as sketch buckets, in the order they left.
        var wait: [UInt16]
        /// Every customer's time in the outlet, as sketch buckets, in the order they left.
        var timeInOutlet: [UInt16]
        /// Ticket holders served within each measured wait target, exactly.
        var within: ArraySlice<Int>
    }

    /// The tally's terms and durations, under `scope`, `entity` and `interval`.
    ///
    /// - Parameters:
    ///   - countsGreeters: the outlet has greeters, so triage is counted.
    ///   - countsGuides: guides help one customer at a time, so their requests are counted.
    func emit(into day: inout DayMetrics, _ scope: Scope, entity: Int, interval: Int = -1, targets: [Double],
              durations: Durations, countsGreeters: Bool, countsGuides: Bool) {
        func key(_ metric: Metric) -> MetricKey { MetricKey(scope, entity: entity, interval: interval, metric) }
        let n = Double(arrivals)
        let served = servedAtCounter
        day.put(key(.arrivals), n)
        for outcome in Outcome.allCases {
            let count = Double(outcomes[outcome.rawValue])
            day.put(key(.outcomeCount(outcome)), count)
            if n > 0 { day.put(key(.outcomeShare(outcome)), count, over: n) }
        }
        if n > 0 {
            let left = [Outcome.balked, .blocked, .reneged, .unserved].reduce(0) { $0 + outcomes[$1.rawValue] }
            day.put(key(.shareAbandoned), Double(left), over: n)
            day.put(key(.kioskShare), Double(outcomes[Outcome.servedAtKiosk.rawValue]), over: n)
            day.put(key(.timeInOutletMean), timeInOutletSum, over: n)
        }
        if kioskAttempts > 0 {
            day.put(key(.kioskSuccessRate), Double(outcomes[Outcome.servedAtKiosk.rawValue]), over: Double(kioskAttempts))
        }
        if served > 0 {
            day.put(key(.waitMean), waitSum, over: Double(served))
            day.put(key(.waitMax), waitMaximum)
        }
        if ticketHolders > 0 {
            day.put(key(.ticketWaitMean), ticketWaitSum, over: Double(ticketHolders))
            for (index, target) in zip(durations.within.indices, targets) {
                day.put(key(.shareServedWithin(target)), Double(durations.within[index]), over: Double(ticketHolders))
            }
        }
        if countsGreeters {
            day.put(key(.triaged), Double(triaged))
            if triaged > 0 { day.put(key(.greeterWaitMean), greeterWaitSum, over: Double(triaged)) }
            if n > 0 { day.put(key(.shareTriaged), Double(triaged), over: n) }
        }
        if countsGuides {
            day.put(key(.guideRequests), Double(guideRequests))
            if guideRequests > 0 {
                day.put(key(.shareHelped), Double(guideHelped), over: Double(guideRequests))
                day.put(key(.guideWaitMean), guideWaitSum, over: Double(guideRequests))
            }
        }
        if !durations.wait.isEmpty { day.durations[DurationKey(scope, entity: entity, interval: interval, .wait)] = durations.wait }
        if !durations.timeInOutlet.isEmpty {
            day.durations[DurationKey(scope, entity: entity, interval: interval, .timeInOutlet)] = durations.timeInOutlet
        }
    }
}
