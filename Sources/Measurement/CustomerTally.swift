import OutletEngine
import Statistics

/// One day's sums and counts for one group of customers (the day, an
/// interval, a segment, ...), reused day after day. It keeps sums, not
/// means, so that days combine into customer-weighted estimates, and each
/// customer's durations as sketch buckets, for percentiles over the pooled
/// customers of all days.
struct CustomerTally {
    var outcomes = Array(repeating: 0, count: Outcome.allCases.count)
    var arrivals = 0
    var kioskAttempts = 0
    /// Waits for a window of customers served at a counter, minutes: sum and maximum.
    var waitSum = 0.0
    var waitMaximum = 0.0
    /// Ticket holders, including those who gave up, and their waits until called or gone, minutes.
    var ticketHolders = 0
    var ticketWaitSum = 0.0
    /// Ticket holders served with a wait ≤ each measured wait target, exactly.
    var within: [Int]
    var timeInOutletSum = 0.0
    /// The waits of customers served at a counter, as sketch buckets.
    var waitBuckets: [UInt16] = []
    /// Every customer's time in the outlet, as sketch buckets.
    var timeInOutletBuckets: [UInt16] = []
    /// Whether guides help one customer at a time, so their requests are counted.
    let countsGuides: Bool
    /// Whether the outlet has greeters, so triage is counted.
    let countsGreeters: Bool
    /// Customers a greeter triaged, and their waits for one, minutes.
    var triaged = 0
    var greeterWaitSum = 0.0
    /// Customers who asked a guide, those a guide helped, and their waits for one, minutes.
    var guideRequests = 0
    var guideHelped = 0
    var guideWaitSum = 0.0

    init(targets: Int, countsGuides: Bool = false, countsGreeters: Bool = false) {
        within = Array(repeating: 0, count: targets)
        self.countsGuides = countsGuides
        self.countsGreeters = countsGreeters
    }

    /// - Complexity: O(targets), no allocation once the day's buffers have grown.
    @inline(__always)
    mutating func add(_ record: CustomerRecord, wait: Double, waitBucket: UInt16, timeInOutlet: Double,
                      timeInOutletBucket: UInt16, targets: [Double]) {
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
            waitBuckets.append(waitBucket)
            for (index, target) in targets.enumerated() where wait <= target { within[index] += 1 }
        }
        timeInOutletSum += timeInOutlet
        timeInOutletBuckets.append(timeInOutletBucket)
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

    mutating func reset() {
        for index in outcomes.indices { outcomes[index] = 0 }
        for index in within.indices { within[index] = 0 }
        arrivals = 0
        kioskAttempts = 0
        waitSum = 0
        waitMaximum = 0
        ticketHolders = 0
        ticketWaitSum = 0
        timeInOutletSum = 0
        guideRequests = 0
        guideHelped = 0
        triaged = 0
        greeterWaitSum = 0
        guideWaitSum = 0
        waitBuckets.removeAll(keepingCapacity: true)
        timeInOutletBuckets.removeAll(keepingCapacity: true)
    }

    /// The tally's terms and durations, under `scope`, `entity` and `interval`.
    func emit(into day: inout DayMetrics, _ scope: Scope, entity: Int, interval: Int = -1, targets: [Double]) {
        func key(_ metric: Metric) -> MetricKey { MetricKey(scope, entity: entity, interval: interval, metric) }
        let n = Double(arrivals)
        let served = outcomes[Outcome.servedAtCounter.rawValue]
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
            for (index, target) in targets.enumerated() {
                day.put(key(.shareServedWithin(target)), Double(within[index]), over: Double(ticketHolders))
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
        if !waitBuckets.isEmpty { day.durations[DurationKey(scope, entity: entity, interval: interval, .wait)] = waitBuckets }
        if !timeInOutletBuckets.isEmpty {
            day.durations[DurationKey(scope, entity: entity, interval: interval, .timeInOutlet)] = timeInOutletBuckets
        }
    }
}
