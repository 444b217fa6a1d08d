import OutletEngine
import Scenario
import Statistics

/// Watches one day's customers as they leave, per day, per arrival
/// interval, per segment, per transaction type and per window group that
/// served them; then turns them and the day's time integrals into that
/// day's ``DayMetrics``. Customers arriving during the warm-up are not
/// measured.
///
/// One observer is reused day after day: memory does not grow with days.
public struct DayObserver: CustomerRecordSink {
    let opening: Double
    let intervalMinutes: Double
    let intervalCount: Int
    let measuredFrom: Double
    /// Waits, minutes, whose service levels are measured.
    let targets: [Double]
    var day: CustomerTally
    var perInterval: [CustomerTally]
    var perSegment: [CustomerTally]
    var perType: [CustomerTally]
    var perGroup: [CustomerTally]
    /// Tickets taken per ticket interval and transaction type: the load on the counters.
    var tickets: [[Int]]
    /// About how many terms a day has, so that a day's table is sized once.
    let expectedTerms: Int

    public init(scenario: Scenario, targets: [Double]) {
        opening = scenario.opening
        intervalMinutes = scenario.intervalMinutes
        intervalCount = scenario.intervalCount
        measuredFrom = scenario.measuredFrom
        self.targets = targets
        let empty = CustomerTally(targets: targets.count, countsGuides: scenario.selfService.guideAssist != nil,
                                  countsGreeters: scenario.reception != nil)
        day = empty
        perInterval = Array(repeating: empty, count: scenario.intervalCount)
        perSegment = Array(repeating: empty, count: scenario.segments.count)
        perType = Array(repeating: empty, count: scenario.transactionTypes.count)
        perGroup = Array(repeating: empty, count: scenario.windowGroups.count)
        tickets = Array(repeating: Array(repeating: 0, count: scenario.transactionTypes.count), count: scenario.intervalCount)
        let groups = 1 + scenario.intervalCount + scenario.segments.count + scenario.transactionTypes.count + scenario.windowGroups.count
        expectedTerms = groups * (26 + targets.count) + scenario.intervalCount * (12 + 2 * scenario.windowGroups.count) + 64
    }

    func interval(at time: Double) -> Int {
        min(max(Int((time - opening) / intervalMinutes), 0), intervalCount - 1)
    }

    /// - Complexity: O(targets), no allocation once the day's buffers have grown.
    public mutating func record(_ record: CustomerRecord) {
        guard record.arrival >= measuredFrom else { return }
        let wait = record.waitForCounter, timeInOutlet = record.exit - record.arrival
        let waitBucket = QuantileSketch.bucket(wait), timeBucket = QuantileSketch.bucket(timeInOutlet)
        day.add(record, wait: wait, waitBucket: waitBucket, timeInOutlet: timeInOutlet, timeInOutletBucket: timeBucket, targets: targets)
        perInterval[interval(at: record.arrival)].add(record, wait: wait, waitBucket: waitBucket, timeInOutlet: timeInOutlet,
                                                      timeInOutletBucket: timeBucket, targets: targets)
        perSegment[record.segment].add(record, wait: wait, waitBucket: waitBucket, timeInOutlet: timeInOutlet,
                                       timeInOutletBucket: timeBucket, targets: targets)
        perType[record.transactionType].add(record, wait: wait, waitBucket: waitBucket, timeInOutlet: timeInOutlet,
                                            timeInOutletBucket: timeBucket, targets: targets)
        if record.windowGroup >= 0 {
            perGroup[record.windowGroup].add(record, wait: wait, waitBucket: waitBucket, timeInOutlet: timeInOutlet,
                                             timeInOutletBucket: timeBucket, targets: targets)
        }
        if !record.ticket.isNaN { tickets[interval(at: record.ticket)][record.transactionType] += 1 }
    }

    /// Forgets the day, keeping the storage.
    public mutating func reset() {
        day.reset()
        for index in perInterval.indices { perInterval[index].reset() }
        for index in perSegment.indices { perSegment[index].reset() }
        for index in perType.indices { perType[index].reset() }
        for index in perGroup.indices { perGroup[index].reset() }
        for index in tickets.indices { for type in tickets[index].indices { tickets[index][type] = 0 } }
    }

    /// Every term of the day: customer outcomes and waits (with the share
    /// served within each measured wait), crowding, utilisation,
    /// staff-hours, overtime and cost.
    public func metrics(totals: DayTotals, scenario: Scenario) -> DayMetrics {
        var metrics = DayMetrics(capacity: expectedTerms)
        day.emit(into: &metrics, .day, entity: 0, targets: targets)
        for (index, tally) in perInterval.enumerated() where index >= scenario.firstMeasuredInterval {
            tally.emit(into: &metrics, .interval, entity: index, targets: targets)
        }
        for (index, tally) in perSegment.enumerated() { tally.emit(into: &metrics, .segment, entity: index, targets: targets) }
        for (index, tally) in perType.enumerated() { tally.emit(into: &metrics, .transaction, entity: index, targets: targets) }
        for (index, tally) in perGroup.enumerated() { tally.emit(into: &metrics, .windowGroup, entity: index, targets: targets) }
        TimeMetrics(totals: totals, scenario: scenario, tickets: tickets).emit(into: &metrics)
        metrics.putPeriods(scenario)
        metrics.putDaysMeeting(scenario)
        return metrics
    }
}
