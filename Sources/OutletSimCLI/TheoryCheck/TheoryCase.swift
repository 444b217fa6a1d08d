import Distributions
import QueueingTheory
import ReferenceModels

/// One textbook queue, simulated and compared with its closed form.
struct TheoryCase {
    /// One compared quantity.
    struct Metric {
        let name: String
        let theory: Double
        /// Reads the quantity from one replication's statistics.
        let measure: @Sendable (MultiServerQueueStatistics) -> Double
    }

    let name: String
    let model: MultiServerQueueModel
    let metrics: [Metric]
}

extension TheoryCase {
    /// The bank-like cases the kernel is proven on: a few windows, service of
    /// minutes, utilisation 0.8 to 0.95.
    static func catalogue(measuredCustomers: Int) throws -> [TheoryCase] {
        let warmUp = max(measuredCustomers / 10, 1_000)
        return [
            try erlangC(warmUp: warmUp, measured: measuredCustomers),
            try finiteWaitingRoom(warmUp: warmUp, measured: measuredCustomers),
            try erlangA(warmUp: warmUp, measured: measuredCustomers),
            try priority(warmUp: warmUp, measured: measuredCustomers),
            try deterministicService(warmUp: warmUp, measured: measuredCustomers),
        ]
    }

    /// M/M/4, 5-minute services, 43.2 arrivals per hour (ρ = 0.9).
    static func erlangC(warmUp: Int, measured: Int) throws -> TheoryCase {
        let theory = ErlangC(arrivalRate: 43.2 / 60, meanServiceTime: 5, servers: 4)
        let model = try MultiServerQueueModel(
            arrivalsPerHour: [43.2], servers: 4, serviceTime: .exponential(mean: 5),
            warmUpCustomers: warmUp, measuredCustomers: measured, waitThresholds: [10])
        return TheoryCase(name: "Erlang C: M/M/4, rho 0.90", model: model, metrics: [
            Metric(name: "mean wait (min)", theory: theory.meanWait) { $0.pooled.meanWaitOfServed },
            Metric(name: "P(wait > 10 min)", theory: theory.probabilityOfWaitingLongerThan(10)) {
                $0.pooled.shareWaitingLongerThan(thresholdAt: 0)
            },
        ])
    }

    /// M/M/3/8: 3 windows, 5 waiting places, 6-minute services, ρ = 0.95.
    static func finiteWaitingRoom(warmUp: Int, measured: Int) throws -> TheoryCase {
        let theory = MarkovianMultiServerQueue(arrivalRate: 28.5 / 60, meanServiceTime: 6, servers: 3, capacity: 8)
        let model = try MultiServerQueueModel(
            arrivalsPerHour: [28.5], servers: 3, serviceTime: .exponential(mean: 6), waitingRoom: 5,
            warmUpCustomers: warmUp, measuredCustomers: measured)
        return TheoryCase(name: "M/M/3/8, rho 0.95", model: model, metrics: [
            Metric(name: "P(blocked)", theory: theory.blockingProbability) { $0.pooled.blockingProbability },
            Metric(name: "mean wait (min)", theory: theory.meanWait) { $0.pooled.meanWaitOfServed },
        ])
    }

    /// M/M/5+M: 4-minute services, ρ = 0.95, patience 10 minutes on average.
    static func erlangA(warmUp: Int, measured: Int) throws -> TheoryCase {
        let theory = MarkovianMultiServerQueue(arrivalRate: 71.25 / 60, meanServiceTime: 4, servers: 5, meanPatience: 10)
        let model = try MultiServerQueueModel(
            arrivalsPerHour: [71.25], servers: 5, serviceTime: .exponential(mean: 4),
            patience: .exponential(mean: 10), warmUpCustomers: warmUp, measuredCustomers: measured)
        return TheoryCase(name: "Erlang A: M/M/5+M, rho 0.95", model: model, metrics: [
            Metric(name: "P(abandon)", theory: theory.abandonmentProbability) { $0.pooled.abandonmentProbability },
            Metric(name: "P(wait > 0)", theory: theory.probabilityAllServersBusy) { $0.pooled.probabilityOfWaiting },
        ])
    }

    /// M/M/3 with VIPs (9 per hour) ahead of regulars (24 per hour), 5-minute services.
    static func priority(warmUp: Int, measured: Int) throws -> TheoryCase {
        let theory = PriorityErlangC(arrivalRates: [9.0 / 60, 24.0 / 60], meanServiceTime: 5, servers: 3)
        let model = try MultiServerQueueModel(
            arrivalsPerHour: [9, 24], servers: 3, serviceTime: .exponential(mean: 5), discipline: .priority,
            warmUpCustomers: warmUp, measuredCustomers: measured)
        return TheoryCase(name: "Priority M/M/3, rho 0.92", model: model, metrics: [
            Metric(name: "VIP mean wait (min)", theory: theory.meanWait(ofClass: 0)) { $0.perClass[0].meanWaitOfServed },
            Metric(name: "regular mean wait (min)", theory: theory.meanWait(ofClass: 1)) { $0.perClass[1].meanWaitOfServed },
        ])
    }

    /// M/D/1: one window, fixed 4-minute services, ρ = 0.8.
    static func deterministicService(warmUp: Int, measured: Int) throws -> TheoryCase {
        let wait = GeneralService.pollaczekKhinchineWait(arrivalRate: 12.0 / 60, meanServiceTime: 4,
                                                         squaredCoefficientOfVariation: 0)
        let model = try MultiServerQueueModel(
            arrivalsPerHour: [12], servers: 1, serviceTime: .deterministic(4),
            warmUpCustomers: warmUp, measuredCustomers: measured)
        return TheoryCase(name: "M/D/1 (Pollaczek-Khinchine), rho 0.80", model: model, metrics: [
            Metric(name: "mean wait (min)", theory: wait) { $0.pooled.meanWaitOfServed },
        ])
    }
}
