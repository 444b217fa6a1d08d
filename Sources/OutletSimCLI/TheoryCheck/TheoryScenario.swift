import Foundation
import Measurement
import QueueingTheory
import Scenario

/// One scenario file of `scenarios/theory/` and what queueing theory says
/// it should give, at each level users read: the day, every measured
/// interval, every segment. The closed forms are computed from the
/// scenario's own values (rates, windows, service and patience times,
/// room), so editing a file moves its theory with it.
struct TheoryScenario {
    /// One compared quantity.
    struct Expectation {
        let level: String
        let label: String
        let key: MetricKey
        let theory: Double
    }

    /// The closed form a file is an instance of, by file name.
    enum Model: String, CaseIterable {
        case erlangC = "erlang-c", erlangA = "erlang-a", finiteRoom = "mmck", priority, deterministic = "mdc"
        case infiniteServer = "mt-m-infinity"
        case guideQueue = "guide-queue", greeterQueue = "greeter-queue"
    }

    let model: Model
    let scenario: Scenario

    /// Every expectation of this scenario.
    func expectations() -> [Expectation] {
        let start = scenario.measuredFrom
        let rates = scenario.segments.indices.map { scenario.arrivals.rate(ofSegment: $0, at: start) / 60 }
        let lambda = rates.reduce(0, +)
        let servers = scenario.windowGroups.reduce(0) { $0 + $1.open.value(at: start) }
        let service = scenario.transactionTypes[0].counterService.mean
        var found: [Expectation] = []
        /// The same value for the day and each measured interval.
        func everywhere(_ metric: Metric, _ label: String, _ theory: Double) {
            found.append(Expectation(level: "day", label: label, key: MetricKey(.day, metric), theory: theory))
            for interval in scenario.firstMeasuredInterval..<scenario.intervalCount {
                found.append(Expectation(level: "interval \(ClockTime(minutes: scenario.intervalStart(interval)))", label: label,
                                         key: MetricKey(.interval, entity: interval, metric), theory: theory))
            }
        }
        /// Staff's busy share, and the crowd of `present` persons in their zone on a floor plan, in each
        /// measured interval before the last: staff stay on duty after closing while the last customers
        /// finish, idle as arrivals have stopped, so the day's and the last interval's are not steady-state ones.
        func staffAndCrowd(role: Int, _ staff: String, busy: Double, zone: FloorPlan.ZoneKind, _ zoneLabel: String, present: Double) {
            let area = scenario.floorPlan?.zone(zone)?.area
            for interval in scenario.firstMeasuredInterval..<(scenario.intervalCount - 1) {
                let level = "interval \(ClockTime(minutes: scenario.intervalStart(interval)))"
                found.append(Expectation(level: level, label: "\(staff)' busy share",
                                         key: MetricKey(.staff, entity: role, interval: interval, .utilisation), theory: busy))
                if let area {
                    found.append(Expectation(level: level, label: "persons per m² at \(zoneLabel)",
                                             key: MetricKey(.interval, entity: interval, .zoneDensityMean(zone.rawValue)), theory: present / area))
                }
            }
        }
        switch model {
        case .erlangC:
            let queue = ErlangC(arrivalRate: lambda, meanServiceTime: service, servers: servers)
            everywhere(.waitMean, "mean wait (min)", queue.meanWait)
            for t in scenario.waitTargets { everywhere(.shareServedWithin(t), "P(wait ≤ \(Metric.minutes(t)) min)", queue.serviceLevel(within: t)) }
            for p in [90, 95] {
                let share = Double(p) / 100, waiting = queue.probabilityOfWaiting
                let quantile = waiting > 1 - share ? log(waiting / (1 - share)) * queue.meanWait / waiting : 0
                found.append(Expectation(level: "day", label: "p\(p) wait (min)", key: MetricKey(.day, .waitPercentile(p)), theory: quantile))
            }
            for (index, segment) in scenario.segments.enumerated() {
                found.append(Expectation(level: "segment \(segment.name)", label: "mean wait (min)",
                                         key: MetricKey(.segment, entity: index, .waitMean), theory: queue.meanWait))
            }
            // Little's law, Lq = λ·Wq, for the one window group's queue; the last
            // interval is left out, as its time average runs on while the queue drains.
            for interval in scenario.firstMeasuredInterval..<(scenario.intervalCount - 1) {
                found.append(Expectation(level: "interval \(ClockTime(minutes: scenario.intervalStart(interval)))",
                                         label: "queue length, window group \(scenario.windowGroups[0].name)",
                                         key: MetricKey(.windowGroup, entity: 0, interval: interval, .queueLength),
                                         theory: lambda * queue.meanWait))
            }
        case .erlangA:
            let patience = scenario.segments[0].patience?.mean ?? .infinity
            let queue = MarkovianMultiServerQueue(arrivalRate: lambda, meanServiceTime: service, servers: servers, meanPatience: patience)
            everywhere(.shareAbandoned, "share abandoned", queue.abandonmentProbability)
            everywhere(.shareServedWithin(0), "P(no wait)", 1 - queue.probabilityAllServersBusy)
            everywhere(.ticketWaitMean, "mean wait, all ticket holders (min)", queue.meanWait)
        case .finiteRoom:
            let room = servers + scenario.waitingZone.seats + scenario.waitingZone.standing
            let queue = MarkovianMultiServerQueue(arrivalRate: lambda, meanServiceTime: service, servers: servers, capacity: room)
            everywhere(.outcomeShare(.blocked), "share blocked", queue.blockingProbability)
            everywhere(.waitMean, "mean wait (min)", queue.meanQueueLength / queue.admittedRate)
        case .priority:
            let order = scenario.segments.indices.sorted { scenario.segments[$0].priority > scenario.segments[$1].priority }
            let queue = PriorityErlangC(arrivalRates: order.map { rates[$0] }, meanServiceTime: service, servers: servers)
            var pooled = 0.0
            for (rank, index) in order.enumerated() {
                let wait = queue.meanWait(ofClass: rank)
                pooled += rates[index] * wait / lambda
                found.append(Expectation(level: "segment \(scenario.segments[index].name)", label: "mean wait (min)",
                                         key: MetricKey(.segment, entity: index, .waitMean), theory: wait))
            }
            everywhere(.waitMean, "mean wait (min)", pooled)
        case .deterministic:
            let queue = DeterministicMultiServerQueue(arrivalRate: lambda, serviceTime: service, servers: servers)
            everywhere(.waitMean, "mean wait (min)", queue.meanWait)
            everywhere(.shareServedWithin(0), "P(no wait)", 1 - queue.probabilityOfWaiting)
        case .guideQueue:
            guard let assist = scenario.selfService.guideAssist else { return [] }
            let guides = scenario.selfService.guides.value(at: start)
            let queue = MarkovianMultiServerQueue(arrivalRate: lambda * assist.asks, meanServiceTime: assist.time.mean, servers: guides,
                                                  meanPatience: assist.patience?.mean ?? .infinity)
            let helped = 1 - queue.abandonmentProbability
            everywhere(.shareHelped, "share helped by a guide", helped)
            everywhere(.guideWaitMean, "mean wait for a guide (min)", queue.meanWait)
            // The self-service zone holds those waiting for or with a guide and those at kiosks (Little's
            // law; the kiosks are plentiful): helped askers take a kiosk with the guide's boost.
            let propensity = scenario.segments[0].selfServicePropensity, boost = scenario.selfService.guideAdoptionBoost
            let kioskRate = lambda * (assist.asks * (helped * (propensity + boost) + (1 - helped) * propensity) + (1 - assist.asks) * propensity)
            let kioskTime = scenario.transactionTypes[0].kiosk?.time.mean ?? 0
            staffAndCrowd(role: 1, "guides", busy: lambda * assist.asks * helped * assist.time.mean / Double(guides),
                          zone: .selfService, "self-service", present: queue.meanNumberPresent + kioskRate * kioskTime)
        case .greeterQueue:
            guard let reception = scenario.reception else { return [] }
            let greeters = reception.greeters.value(at: start)
            let desk = MarkovianMultiServerQueue(arrivalRate: lambda, meanServiceTime: reception.triageTime.mean, servers: greeters,
                                                 capacity: greeters + reception.maxQueue)
            everywhere(.shareTriaged, "share triaged by a greeter", 1 - desk.blockingProbability)
            everywhere(.greeterWaitMean, "mean wait for a greeter (min)", desk.meanWait)
            staffAndCrowd(role: 0, "greeters", busy: desk.admittedRate * reception.triageTime.mean / Double(greeters),
                          zone: .reception, "reception", present: desk.meanNumberPresent)
        case .infiniteServer:
            let queue = InfiniteServerQueue(pieces: ratePieces(), meanServiceTime: service)
            for interval in 0..<scenario.intervalCount {
                let from = scenario.intervalStart(interval), to = min(scenario.intervalStart(interval + 1), scenario.closing)
                let level = "interval \(ClockTime(minutes: from))"
                // The last interval's time average runs on until the last customer leaves.
                if interval < scenario.intervalCount - 1 {
                    found.append(Expectation(level: level, label: "customers inside, time average",
                                             key: MetricKey(.interval, entity: interval, .inOutletMean),
                                             theory: queue.averagePresent(from: from, to: to)))
                }
                found.append(Expectation(level: level, label: "customers inside at the end",
                                         key: MetricKey(.interval, entity: interval, .inOutletAtEnd), theory: queue.meanPresent(at: to)))
            }
        }
        return found
    }

    /// Walk-in rates per minute between their change points, opening to closing.
    func ratePieces() -> [(start: Double, end: Double, rate: Double)] {
        let inside = scenario.arrivals.rateChanges.filter { $0 > scenario.opening && $0 < scenario.closing }
        let bounds = [scenario.opening] + inside + [scenario.closing]
        return zip(bounds, bounds.dropFirst()).map { start, end in
            (start, end, scenario.segments.indices.reduce(0) { $0 + scenario.arrivals.rate(ofSegment: $1, at: start) } / 60)
        }
    }
}
