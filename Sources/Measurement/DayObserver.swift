import OutletEngine
import Scenario
import Statistics

/// Watches one day's customers as they leave, per day, per arrival
/// interval, per segment, per transaction type and per window group that
/// served them; then turns them and the day's time integrals into that
/// day's ``DayMetrics``. Customers arriving during the warm-up are not
/// measured.
///
/// Each customer counts in up to five groups. Their tallies are plain
/// values in one flat array, and the customer's two durations go once
/// into the day's list, to be split by group when the day's metrics
/// are made: an array of tallies each holding arrays cost some twenty
/// uniqueness checks per customer, 7% of a check.
///
/// One observer is reused day after day: memory does not grow with days.
public struct DayObserver: CustomerRecordSink {
    let opening: Double
    let intervalMinutes: Double
    let intervalCount: Int
    let measuredFrom: Double
    /// Waits, minutes, whose service levels are measured.
    let targets: [Double]
    /// Whether guides help one customer at a time, so their requests are counted.
    let countsGuides: Bool
    /// Whether the outlet has greeters, so triage is counted.
    let countsGreeters: Bool
    /// Where each kind of group starts in `tallies`: the day is tally 0.
    let firstInterval: Int, firstSegment: Int, firstType: Int, firstGroup: Int
    let typeCount: Int
    /// The day's tallies: the day, then each interval, segment, type and window group.
    var tallies: [CustomerTally]
    /// Ticket holders served within each wait target: row `tally`, column `target`.
    var within: [Int]
    /// The day's measured customers, in the order they left.
    var observed: [ObservedCustomer] = []
    /// Tickets taken per ticket interval (row) and transaction type: the load on the counters.
    var tickets: [Int]
    /// About how many terms a day has, so that a day's table is sized once.
    let expectedTerms: Int
    /// The slots of the days' terms, kept from day to day (``DayMetrics``).
    var layout = MetricLayout()

    /// What the day's durations need of one customer: its groups and its durations as sketch buckets.
    struct ObservedCustomer {
        /// Tallies of the interval, segment, type and window group (−1 without one).
        var interval: Int32, segment: Int32, type: Int32, group: Int32
        var waitBucket: UInt16
        var timeInOutletBucket: UInt16
        var servedAtCounter: Bool
    }

    public init(scenario: Scenario, targets: [Double]) {
        opening = scenario.opening
        intervalMinutes = scenario.intervalMinutes
        intervalCount = scenario.intervalCount
        measuredFrom = scenario.measuredFrom
        self.targets = targets
        countsGuides = scenario.selfService.guideAssist != nil
        countsGreeters = scenario.reception != nil
        firstInterval = 1
        firstSegment = firstInterval + scenario.intervalCount
        firstType = firstSegment + scenario.segments.count
        firstGroup = firstType + scenario.transactionTypes.count
        typeCount = scenario.transactionTypes.count
        let tallyCount = firstGroup + scenario.windowGroups.count
        tallies = Array(repeating: CustomerTally(), count: tallyCount)
        within = Array(repeating: 0, count: tallyCount * targets.count)
        tickets = Array(repeating: 0, count: scenario.intervalCount * scenario.transactionTypes.count)
        expectedTerms = tallyCount * (26 + targets.count) + scenario.intervalCount * (12 + 2 * scenario.windowGroups.count) + 64
    }

    func interval(at time: Double) -> Int {
        min(max(Int((time - opening) / intervalMinutes), 0), intervalCount - 1)
    }

    /// - Complexity: O(targets), no allocation once the day's list has grown.
    public mutating func record(_ record: CustomerRecord) {
        guard record.arrival >= measuredFrom else { return }
        let wait = record.waitForCounter, timeInOutlet = record.exit - record.arrival
        let customer = ObservedCustomer(
            interval: Int32(firstInterval + interval(at: record.arrival)), segment: Int32(firstSegment + record.segment),
            type: Int32(firstType + record.transactionType), group: record.windowGroup >= 0 ? Int32(firstGroup + record.windowGroup) : -1,
            waitBucket: QuantileSketch.bucket(wait), timeInOutletBucket: QuantileSketch.bucket(timeInOutlet),
            servedAtCounter: record.outcome == .servedAtCounter)
        tallies[0].add(record, wait: wait, timeInOutlet: timeInOutlet)
        tallies[Int(customer.interval)].add(record, wait: wait, timeInOutlet: timeInOutlet)
        tallies[Int(customer.segment)].add(record, wait: wait, timeInOutlet: timeInOutlet)
        tallies[Int(customer.type)].add(record, wait: wait, timeInOutlet: timeInOutlet)
        if customer.group >= 0 { tallies[Int(customer.group)].add(record, wait: wait, timeInOutlet: timeInOutlet) }
        if customer.servedAtCounter {
            let targetCount = targets.count
            for (position, target) in targets.enumerated() where wait <= target {
                within[position] += 1
                within[Int(customer.interval) * targetCount + position] += 1
                within[Int(customer.segment) * targetCount + position] += 1
                within[Int(customer.type) * targetCount + position] += 1
                if customer.group >= 0 { within[Int(customer.group) * targetCount + position] += 1 }
            }
        }
        observed.append(customer)
        if !record.ticket.isNaN { tickets[interval(at: record.ticket) * typeCount + record.transactionType] += 1 }
    }

    /// Forgets the day, keeping the storage.
    public mutating func reset() {
        for index in tallies.indices { tallies[index] = CustomerTally() }
        for index in within.indices { within[index] = 0 }
        for index in tickets.indices { tickets[index] = 0 }
        observed.removeAll(keepingCapacity: true)
    }

    /// Every term of the day: customer outcomes and waits (with the share
    /// served within each measured wait), crowding, utilisation,
    /// staff-hours, overtime and cost.
    public mutating func metrics(totals: DayTotals, scenario: Scenario) -> DayMetrics {
        var metrics = layout.keys.isEmpty ? DayMetrics(capacity: expectedTerms) : DayMetrics(layout: layout)
        defer { layout = metrics.layout }
        let durations = groupDurations()
        func emit(_ tally: Int, _ scope: Scope, entity: Int) {
            tallies[tally].emit(into: &metrics, scope, entity: entity, targets: targets, durations: durations[tally],
                                countsGreeters: countsGreeters, countsGuides: countsGuides)
        }
        emit(0, .day, entity: 0)
        for index in scenario.firstMeasuredInterval..<intervalCount { emit(firstInterval + index, .interval, entity: index) }
        for index in scenario.segments.indices { emit(firstSegment + index, .segment, entity: index) }
        for index in scenario.transactionTypes.indices { emit(firstType + index, .transaction, entity: index) }
        for index in scenario.windowGroups.indices { emit(firstGroup + index, .windowGroup, entity: index) }
        let ticketRows = (0..<intervalCount).map { Array(tickets[$0 * typeCount..<($0 + 1) * typeCount]) }
        TimeMetrics(totals: totals, scenario: scenario, tickets: ticketRows).emit(into: &metrics)
        metrics.putPeriods(scenario)
        metrics.putDaysMeeting(scenario)
        return metrics
    }

    /// Each tally's durations, split from the day's list in the order the
    /// customers left, and its served-within counts.
    ///
    /// - Complexity: O(customers + tallies × targets).
    func groupDurations() -> [CustomerTally.Durations] {
        // Each tally's share of two flat lists: it counted its customers.
        var waitStart = [0], timeStart = [0]
        for tally in tallies {
            waitStart.append(waitStart[waitStart.count - 1] + tally.servedAtCounter)
            timeStart.append(timeStart[timeStart.count - 1] + tally.arrivals)
        }
        var waits = [UInt16](repeating: 0, count: waitStart[tallies.count])
        var times = [UInt16](repeating: 0, count: timeStart[tallies.count])
        // Where each tally's next wait and next time go.
        let next = UnsafeMutableBufferPointer<(wait: Int, time: Int)>.allocate(capacity: tallies.count)
        defer { next.deallocate() }
        for tally in tallies.indices { next[tally] = (waitStart[tally], timeStart[tally]) }
        waits.withUnsafeMutableBufferPointer { waits in
            times.withUnsafeMutableBufferPointer { times in
                @inline(__always) func place(_ customer: ObservedCustomer, in tally: Int) {
                    if customer.servedAtCounter {
                        waits[next[tally].wait] = customer.waitBucket
                        next[tally].wait += 1
                    }
                    times[next[tally].time] = customer.timeInOutletBucket
                    next[tally].time += 1
                }
                for customer in observed {
                    place(customer, in: 0)
                    place(customer, in: Int(customer.interval))
                    place(customer, in: Int(customer.segment))
                    place(customer, in: Int(customer.type))
                    if customer.group >= 0 { place(customer, in: Int(customer.group)) }
                }
            }
        }
        return tallies.indices.map { tally in
            CustomerTally.Durations(wait: Array(waits[waitStart[tally]..<waitStart[tally + 1]]),
                                    timeInOutlet: Array(times[timeStart[tally]..<timeStart[tally + 1]]),
                                    within: within[tally * targets.count..<(tally + 1) * targets.count])
        }
    }
}
