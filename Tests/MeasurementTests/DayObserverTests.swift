import Foundation
import Testing
import Distributions
import Measurement
@testable import OutletEngine
import Replications
import Scenario
import Statistics

/// Planted records through the observer and the run's estimators: what is
/// counted where, exactly.
@Suite("Day observer and run estimators")
struct DayObserverTests {
    /// One window group, one segment and type, 09:00-11:00 in 30-minute intervals.
    static func scenario(warmUp: Double = 0) throws -> Scenario {
        var scenario = Scenario(
            name: "planted", opening: 540, closing: 660, intervalMinutes: 30, maxOvertime: 60,
            transactionTypes: [TransactionType(name: "service", counterService: try .exponential(mean: 5))],
            segments: [Segment(name: "everyone", mix: [1])],
            arrivals: ArrivalPlan(rates: .total(.constant(10), shares: [1])), reception: nil, selfService: SelfServiceZone(),
            waitingZone: WaitingZone(seats: 10, standing: 0),
            windowGroups: [WindowGroup(name: "general", transactions: [true], segments: [true], helpsWith: [false], open: .constant(1))],
            calling: CallingPolicy(), appointments: nil, walking: WalkingTimes(), waitTargets: [0, 10])
        scenario.warmUp = warmUp
        return scenario
    }

    /// A customer served at a window after waiting `wait` minutes.
    static func served(arrival: Double, wait: Double, service: Double = 5) -> CustomerRecord {
        let call = arrival + wait
        return CustomerRecord(day: 0, customer: 1, segment: 0, transactionType: 0, hasAppointment: false, arrival: arrival,
                              triageEnd: .nan, kioskStart: .nan, kioskEnd: .nan, ticket: arrival, call: call, serviceStart: call,
                              serviceEnd: call + service, exit: call + service, windowGroup: 0, window: 0, kioskType: -1,
                              outcome: .servedAtCounter, fallback: .none, passedOver: 0, seated: true)
    }

    static func totals(_ scenario: Scenario) -> DayTotals {
        let zeros = Array(repeating: 0.0, count: scenario.intervalCount)
        return DayTotals(day: 0, arrivals: Array(repeating: 0, count: scenario.intervalCount), outcomes: Array(repeating: 0, count: 7),
                         waitingOccupancyArea: zeros, waitingOccupancyMaximum: zeros, waitingAtEnd: zeros, insideArea: zeros,
                         insideAtEnd: zeros, standingArea: zeros, standingMinutes: zeros, windowOpenMinutes: [zeros],
                         windowBusyMinutes: [zeros], queueArea: [zeros], flexibleStaffMinutes: [0], kioskBusyMinutes: [], kioskDownMinutes: [],
                         kioskFailures: [], greeterOnDutyMinutes: zeros, greeterBusyMinutes: zeros, guideMinutes: zeros,
                         lastExit: scenario.closing, overtime: 0)
    }

    /// The day's rows after the planted records.
    static func day(_ scenario: Scenario, _ records: [CustomerRecord]) -> DayResult {
        var observer = DayObserver(scenario: scenario, targets: scenario.waitTargets)
        for record in records { observer.record(record) }
        return DayResult(day: 0, metrics: observer.metrics(totals: totals(scenario), scenario: scenario), records: [])
    }

    @Test("a wait of exactly T counts as within T; a hair longer does not; 0 is P(no wait)")
    func exactlyWithin() throws {
        let scenario = try Self.scenario()
        let result = Self.day(scenario, [Self.served(arrival: 545, wait: 10), Self.served(arrival: 546, wait: 10.000001),
                                         Self.served(arrival: 547, wait: 0), Self.served(arrival: 548, wait: 3)])
        #expect(result.metrics.value(MetricKey(.day, .shareServedWithin(10))) == 0.75)
        #expect(result.metrics.value(MetricKey(.day, .shareServedWithin(0))) == 0.25)
        let statistics = RunStatistics([result, result])
        #expect(statistics.estimate(MetricKey(.interval, entity: 0, .shareServedWithin(10)))?.mean == 0.75)
    }

    @Test("a day with no customers in an interval does not bias the interval's mean, which weighs customers, not days")
    func emptyDays() throws {
        let scenario = try Self.scenario()
        // Interval 1 (09:30-10:00): day A one customer waiting 10, day B three waiting 2, day C none.
        let a = Self.day(scenario, [Self.served(arrival: 575, wait: 10)])
        let b = Self.day(scenario, [Self.served(arrival: 571, wait: 2), Self.served(arrival: 572, wait: 2), Self.served(arrival: 573, wait: 2)])
        let c = Self.day(scenario, [Self.served(arrival: 545, wait: 1)])
        let statistics = RunStatistics([a, b, c])
        let mean = try #require(statistics.estimate(MetricKey(.interval, entity: 1, .waitMean)))
        #expect(abs(mean.mean - 16.0 / 4) < 1e-12, "customer-weighted 4, not the days' 6 or 4 with day C as 0")
        #expect(mean.days == 2)
        // Arrivals per day in the interval count day C's zero.
        #expect(abs((statistics.estimate(MetricKey(.interval, entity: 1, .arrivals))?.mean ?? 0) - 4.0 / 3) < 1e-12)
        // The pooled median of the four waits is 2.
        #expect(abs((statistics.estimate(MetricKey(.interval, entity: 1, .waitPercentile(50)))?.mean ?? 0) - 2) < 0.002)
    }

    @Test("customers arriving in the warm-up are not measured, and its intervals have no rows")
    func warmUp() throws {
        let scenario = try Self.scenario(warmUp: 30)
        let result = Self.day(scenario, [Self.served(arrival: 545, wait: 20), Self.served(arrival: 575, wait: 4)])
        #expect(result.metrics.value(MetricKey(.day, .arrivals)) == 1)
        #expect(result.metrics.value(MetricKey(.day, .waitMean)) == 4)
        #expect(result.metrics.terms[MetricKey(.interval, entity: 0, .arrivals)] == nil)
        #expect(result.metrics.terms[MetricKey(.interval, entity: 0, .occupancyMean)] == nil)
        #expect(result.metrics.value(MetricKey(.interval, entity: 1, .arrivals)) == 1)
    }

    @Test("every metric's name is unique and reads back to the metric")
    func names() {
        let all = Metric.catalogue(waits: [0, 7.5, 10])
        #expect(Set(all.map(\.name)).count == all.count)
        for metric in all { #expect(Metric.named(metric.name, waits: [0, 7.5, 10]) == metric, "\(metric.name)") }
        #expect(Metric.named("wait_p99") == nil && Metric.named("share_served_within_x") == nil)
        #expect(Metric.named("share_served_within_12.5") == .shareServedWithin(12.5))
    }
}

@Suite("Targets judged on days")
struct DaysMeetingTests {
    @Test("each day's own p90 is held against the bound; the run estimates the share of days it held, with a Wilson interval")
    func p90OnDays() throws {
        var scenario = try DayObserverTests.scenario()
        let target = ServiceTarget(name: "p90 ≤ 10 on 80% of days", measure: .waitPercentile(90), bound: .atMost(10), onDays: 0.8)
        scenario.targets = [target]
        let key = MetricKey(.day, .daysMeeting(target: 0))
        // Day A: every wait 5 minutes (p90 5, held); day B: every wait 20 (p90 20, not held).
        let good = DayObserverTests.day(scenario, (0..<10).map { DayObserverTests.served(arrival: 545 + Double($0), wait: 5) })
        let bad = DayObserverTests.day(scenario, (0..<10).map { DayObserverTests.served(arrival: 545 + Double($0), wait: 20) })
        #expect(good.metrics.value(key) == 1 && bad.metrics.value(key) == 0)
        // A day without customers has no p90: it is not counted either way.
        #expect(DayObserverTests.day(scenario, []).metrics.terms[key] == nil)
        let statistics = RunStatistics([good, bad, good, good, DayObserverTests.day(scenario, [])])
        let estimate = try #require(statistics.estimate(key))
        let expected = Estimate.wilson(successes: 3, trials: 4, level: 0.95)
        #expect(abs(estimate.mean - 0.75) < 1e-12 && abs(estimate.low - expected.low) < 1e-12 && abs(estimate.high - expected.high) < 1e-12)
        // Judged against its share of days, not against the mean p90.
        let result = try #require(TargetJudge.judge(scenario, statistics).first)
        #expect(result.verdict == .inconclusive && result.estimate?.key == key)
        #expect(target.boundText == "≤ 10 min on ≥ 80% of days")
    }
}

/// Targets judged over periods of several intervals: one value per period,
/// from all its customers, not the mean of its intervals.
@Suite("Per-period targets")
struct PeriodTargetTests {
    /// 09:00-11:00 in 30-minute intervals, every target judged per hour (2 intervals).
    static func scenario() throws -> Scenario {
        var scenario = try DayObserverTests.scenario()
        scenario.targets = [
            ServiceTarget(name: "P(no wait) every hour", measure: .shareServedWithin(minutes: 0), bound: .atLeast(0.5), perInterval: true,
                          intervalsPerPeriod: 2),
            ServiceTarget(name: "p90 every hour", measure: .waitPercentile(90), bound: .atMost(8), perInterval: true, intervalsPerPeriod: 2),
            ServiceTarget(name: "mean wait every hour on 60% of days", measure: .meanWait, bound: .atMost(4), perInterval: true,
                          intervalsPerPeriod: 2, onDays: 0.6),
        ]
        return scenario
    }

    @Test("a period's places are its first measured interval; warm-up cuts the first period, closing the last")
    func places() throws {
        var scenario = try Self.scenario()
        #expect(scenario.targets[0].places(in: scenario) == [0, 2])
        #expect(scenario.targets[0].key(interval: 2) == MetricKey(.period, entity: 2, interval: 3, .shareServedWithin(0)))
        scenario.warmUp = 30
        #expect(scenario.targets[0].places(in: scenario) == [1, 2])
        #expect(scenario.targets[0].periodIntervals(from: 1, intervalCount: scenario.intervalCount) == 1...1)
        scenario.targets[0].intervalsPerPeriod = 3
        #expect(scenario.targets[0].places(in: scenario) == [1, 3])
        #expect(scenario.targets[0].periodIntervals(from: 3, intervalCount: scenario.intervalCount) == 3...3)
    }

    @Test("a period pools its customers: 1 of 4 unwaited in the first hour, whatever the intervals' own shares")
    func pooled() throws {
        let scenario = try Self.scenario()
        // 09:00-09:30: one customer, no wait; 09:30-10:00: three customers who wait 6, 7 and 12.
        // The intervals' shares are 1 and 0: their mean is 0.5, the hour's customers say 0.25.
        let records = [DayObserverTests.served(arrival: 545, wait: 0), DayObserverTests.served(arrival: 575, wait: 6),
                       DayObserverTests.served(arrival: 580, wait: 7), DayObserverTests.served(arrival: 585, wait: 12)]
        let day = DayObserverTests.day(scenario, records)
        #expect(day.metrics.value(scenario.targets[0].key(interval: 0)) == 0.25)
        #expect(day.metrics.value(scenario.targets[2].key(interval: 0)) == 25.0 / 4)
        #expect(day.metrics.value(scenario.targets[2].judgedKey(interval: 0, index: 2)) == 0)
        #expect(day.metrics.terms[scenario.targets[0].key(interval: 2)] == nil)  // nobody came in the second hour

        let statistics = RunStatistics([day, day])
        let judged = TargetJudge.placeVerdicts(scenario.targets[0], scenario, statistics)
        #expect(judged.map(\.interval) == [0])
        #expect(judged.first?.estimate.mean == 0.25)
        #expect(judged.first?.verdict == .fail)
        // The hour's p90 comes from its four waits, the largest of which is 12.
        let p90 = try #require(statistics.estimate(scenario.targets[1].key(interval: 0)))
        #expect(abs(p90.mean - 12) < 0.2)
    }
}
