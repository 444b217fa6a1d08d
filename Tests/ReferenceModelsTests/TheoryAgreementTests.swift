import Foundation
import Testing
import Distributions
import ReferenceModels
import Statistics

/// Runs `replications` independent replications and returns the 99%
/// interval of each measured quantity.
func intervals(_ model: MultiServerQueueModel, replications: Int = 20, seed: UInt64 = 20261123,
               _ measures: [(MultiServerQueueStatistics) -> Double]) throws -> [ConfidenceInterval] {
    var summaries = Array(repeating: SampleSummary(), count: measures.count)
    for replication in 0..<replications {
        let statistics = try MultiServerQueue.simulate(model, seed: seed, replication: replication)
        for (index, measure) in measures.enumerated() { summaries[index].add(measure(statistics)) }
    }
    return summaries.map { $0.confidenceInterval(level: 0.99) }
}

/// Each test asserts two things: the theory lies inside the 99% interval of
/// independent replications, and the interval is narrow enough (a stated
/// share of the value) that a bias of that size would be caught.
@Suite("Reference models against queueing theory")
struct TheoryAgreementTests {
    @Test("Erlang C: M/M/4 at ρ = 0.9, mean wait and P(W > 10 min)")
    func erlangC() throws {
        let lambda = 43.2 / 60, s = 5.0, c = 4
        let waitProbability = Analytic.erlangC(servers: c, load: lambda * s)
        let meanWait = Analytic.erlangCWait(servers: c, arrivalRate: lambda, meanService: s)
        let longerThan10 = waitProbability * exp(-(Double(c) / s - lambda) * 10)
        let model = try MultiServerQueueModel(arrivalsPerHour: [43.2], servers: c, serviceTime: .exponential(mean: s),
                                              warmUpCustomers: 10_000, measuredCustomers: 150_000, waitThresholds: [10])
        let found = try intervals(model, [{ $0.pooled.meanWaitOfServed }, { $0.pooled.shareWaitingLongerThan(thresholdAt: 0) }])
        #expect(found[0].contains(meanWait), "mean wait \(found[0]) vs \(meanWait)")
        #expect(found[1].contains(longerThan10), "P(W > 10) \(found[1]) vs \(longerThan10)")
        #expect(found[0].relativeHalfWidth < 0.06 && found[1].relativeHalfWidth < 0.05)
    }

    @Test("M/M/3/8 at ρ = 0.95: blocking probability and mean wait")
    func finiteWaitingRoom() throws {
        let lambda = 28.5 / 60, s = 6.0, c = 3, k = 8
        let p = Analytic.finiteRoom(servers: c, capacity: k, load: lambda * s)
        let blocking = p[k]
        let queueLength = p.enumerated().reduce(0) { $0 + Double(max($1.offset - c, 0)) * $1.element }
        let meanWait = queueLength / (lambda * (1 - blocking))
        let model = try MultiServerQueueModel(arrivalsPerHour: [28.5], servers: c, serviceTime: .exponential(mean: s),
                                              waitingRoom: k - c, warmUpCustomers: 5_000, measuredCustomers: 50_000)
        let found = try intervals(model, [{ $0.pooled.blockingProbability }, { $0.pooled.meanWaitOfServed }])
        #expect(found[0].contains(blocking), "blocking \(found[0]) vs \(blocking)")
        #expect(found[1].contains(meanWait), "mean wait \(found[1]) vs \(meanWait)")
        #expect(found[0].relativeHalfWidth < 0.04 && found[1].relativeHalfWidth < 0.03)
    }

    @Test("Erlang A: M/M/5+M at ρ = 0.95 with 10-minute patience, abandonment and P(wait > 0)")
    func erlangA() throws {
        let lambda = 71.25 / 60, s = 4.0, c = 5, patience = 10.0
        let p = Analytic.erlangA(servers: c, arrivalRate: lambda, meanService: s, meanPatience: patience)
        let waiting = p.dropFirst(c).reduce(0, +)
        let queueLength = p.enumerated().reduce(0) { $0 + Double(max($1.offset - c, 0)) * $1.element }
        let abandonment = queueLength / patience / lambda
        let model = try MultiServerQueueModel(arrivalsPerHour: [71.25], servers: c, serviceTime: .exponential(mean: s),
                                              patience: .exponential(mean: patience),
                                              warmUpCustomers: 5_000, measuredCustomers: 50_000)
        let found = try intervals(model, [{ $0.pooled.abandonmentProbability }, { $0.pooled.probabilityOfWaiting }])
        #expect(found[0].contains(abandonment), "abandonment \(found[0]) vs \(abandonment)")
        #expect(found[1].contains(waiting), "P(wait > 0) \(found[1]) vs \(waiting)")
        #expect(found[0].relativeHalfWidth < 0.03 && found[1].relativeHalfWidth < 0.015)
    }

    @Test("Non-preemptive priority M/M/3: VIP and regular mean waits (Cobham)")
    func priority() throws {
        let rates = [9.0 / 60, 24.0 / 60], s = 5.0, c = 3
        let capacity = Double(c) / s
        let sigma1 = rates[0] / capacity, sigma2 = (rates[0] + rates[1]) / capacity
        let base = Analytic.erlangC(servers: c, load: (rates[0] + rates[1]) * s) / capacity
        let vipWait = base / (1 - sigma1), regularWait = base / ((1 - sigma1) * (1 - sigma2))
        let model = try MultiServerQueueModel(arrivalsPerHour: [9, 24], servers: c, serviceTime: .exponential(mean: s),
                                              discipline: .priority, warmUpCustomers: 10_000, measuredCustomers: 150_000)
        let found = try intervals(model, [{ $0.perClass[0].meanWaitOfServed }, { $0.perClass[1].meanWaitOfServed }])
        #expect(found[0].contains(vipWait), "VIP \(found[0]) vs \(vipWait)")
        #expect(found[1].contains(regularWait), "regular \(found[1]) vs \(regularWait)")
        #expect(found[0].relativeHalfWidth < 0.02 && found[1].relativeHalfWidth < 0.06)
        // FIFO would give both classes the pooled wait; the interval rules that out.
        let fifoWait = Analytic.erlangCWait(servers: c, arrivalRate: rates[0] + rates[1], meanService: s)
        #expect(!found[0].contains(fifoWait) && !found[1].contains(fifoWait))
    }

    @Test("M/D/1 at ρ = 0.8 against Pollaczek-Khinchine, and not against M/M/1")
    func deterministicService() throws {
        let lambda = 12.0 / 60, d = 4.0, rho = lambda * d
        let wait = rho * d / (2 * (1 - rho))
        let model = try MultiServerQueueModel(arrivalsPerHour: [12], servers: 1, serviceTime: .deterministic(d),
                                              warmUpCustomers: 5_000, measuredCustomers: 50_000)
        let found = try intervals(model, [{ $0.pooled.meanWaitOfServed }])
        #expect(found[0].contains(wait), "mean wait \(found[0]) vs \(wait)")
        #expect(found[0].relativeHalfWidth < 0.04)
        #expect(!found[0].contains(2 * wait), "an exponential-service M/M/1 wait must be excluded")
    }
}
