import OutletEngine
import Scenario

/// Watches one day's customers as they leave, per day, per arrival
/// interval, per segment, per transaction type and per window group that
/// served them, in histograms and counts of fixed size; then turns them and
/// the day's time integrals into that replication's metrics.
///
/// One observer is reused day after day: memory does not grow with days.
public struct DayObserver: CustomerRecordSink {
    let opening: Double
    let intervalMinutes: Double
    let intervalCount: Int
    var day = CustomerTally()
    var perInterval: [CustomerTally]
    var perSegment: [CustomerTally]
    var perType: [CustomerTally]
    var perGroup: [CustomerTally]
    /// Tickets taken per ticket interval and transaction type: the load on the counters.
    var tickets: [[Int]]

    public init(scenario: Scenario) {
        opening = scenario.opening
        intervalMinutes = scenario.intervalMinutes
        intervalCount = scenario.intervalCount
        perInterval = Array(repeating: CustomerTally(), count: scenario.intervalCount)
        perSegment = Array(repeating: CustomerTally(), count: scenario.segments.count)
        perType = Array(repeating: CustomerTally(), count: scenario.transactionTypes.count)
        perGroup = Array(repeating: CustomerTally(), count: scenario.windowGroups.count)
        tickets = Array(repeating: Array(repeating: 0, count: scenario.transactionTypes.count), count: scenario.intervalCount)
    }

    func interval(at time: Double) -> Int {
        min(max(Int((time - opening) / intervalMinutes), 0), intervalCount - 1)
    }

    public mutating func record(_ record: CustomerRecord) {
        day.add(record)
        perInterval[interval(at: record.arrival)].add(record)
        perSegment[record.segment].add(record)
        perType[record.transactionType].add(record)
        if record.windowGroup >= 0 { perGroup[record.windowGroup].add(record) }
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

    /// Every metric of the day: customer outcomes and waits (with the share
    /// served within each of `targets` minutes), crowding, utilisation,
    /// staff-hours and overtime.
    public func metrics(totals: DayTotals, scenario: Scenario, targets: [Double]) -> [MetricKey: Double] {
        var values: [MetricKey: Double] = [:]
        day.emit(into: &values, .day, entity: 0, targets: targets)
        for (index, tally) in perInterval.enumerated() { tally.emit(into: &values, .interval, entity: index, targets: targets) }
        for (index, tally) in perSegment.enumerated() { tally.emit(into: &values, .segment, entity: index, targets: targets) }
        for (index, tally) in perType.enumerated() { tally.emit(into: &values, .transaction, entity: index, targets: targets) }
        for (index, tally) in perGroup.enumerated() { tally.emit(into: &values, .windowGroup, entity: index, targets: targets) }
        TimeMetrics(totals: totals, scenario: scenario, tickets: tickets).emit(into: &values)
        return values
    }
}
