import Foundation
import Testing
import QueueingTheory

/// Erlang C by its defining sum, P(wait) = (a^c/c!)·c/(c−a) / (Σ_{k<c} a^k/k! + (a^c/c!)·c/(c−a)),
/// independent of the Erlang B recursion used by the library.
func erlangCBySum(servers c: Int, load a: Double) -> Double {
    var term = 1.0, sum = 0.0
    for k in 0..<c {
        if k > 0 { term *= a / Double(k) }
        sum += term
    }
    let top = term * a / Double(c) * Double(c) / (Double(c) - a)
    return top / (sum + top)
}

@Suite("Queueing theory")
struct QueueingTheoryTests {
    @Test("Erlang C agrees with its defining sum and with M/M/2's closed form")
    func erlangC() {
        for (c, a) in [(1, 0.5), (2, 1.0), (4, 3.6), (10, 9.0), (50, 45.0)] {
            let queue = ErlangC(arrivalRate: a / 5, meanServiceTime: 5, servers: c)
            #expect(abs(queue.probabilityOfWaiting - erlangCBySum(servers: c, load: a)) < 1e-12)
        }
        // M/M/2 at ρ = 0.5: P(wait) = 2ρ²/(1 + ρ) = 1/3; Wq = P(wait)/(2μ − λ).
        let twoWindows = ErlangC(arrivalRate: 0.2, meanServiceTime: 5, servers: 2)
        #expect(abs(twoWindows.probabilityOfWaiting - 1.0 / 3) < 1e-12)
        #expect(abs(twoWindows.meanWait - (1.0 / 3) / 0.2) < 1e-12)
        // M/M/1: Wq = ρ/(μ − λ) and P(W > t) = ρ·exp(−(μ − λ)t).
        let one = ErlangC(arrivalRate: 0.15, meanServiceTime: 5, servers: 1)
        #expect(abs(one.meanWait - 0.75 / 0.05) < 1e-12)
        #expect(abs(one.probabilityOfWaitingLongerThan(10) - 0.75 * exp(-0.5)) < 1e-12)
    }

    @Test("an unstable queue waits forever")
    func unstable() {
        let queue = ErlangC(arrivalRate: 1, meanServiceTime: 5, servers: 4)
        #expect(!queue.isStable && queue.meanWait == .infinity && queue.probabilityOfWaiting == 1)
    }

    @Test("the birth-death solver reproduces Erlang C, M/M/1/K and the infinite-patience limit")
    func birthDeath() {
        let unlimited = MarkovianMultiServerQueue(arrivalRate: 0.72, meanServiceTime: 5, servers: 4)
        let closedForm = ErlangC(arrivalRate: 0.72, meanServiceTime: 5, servers: 4)
        #expect(abs(unlimited.probabilityAllServersBusy - closedForm.probabilityOfWaiting) < 1e-9)
        #expect(abs(unlimited.meanWait - closedForm.meanWait) < 1e-7)

        // M/M/1/K: P(blocked) = (1 − ρ)ρ^K / (1 − ρ^(K+1)).
        let rho = 0.9, k = 6
        let small = MarkovianMultiServerQueue(arrivalRate: rho / 5, meanServiceTime: 5, servers: 1, capacity: k)
        let blocking = (1 - rho) * pow(rho, Double(k)) / (1 - pow(rho, Double(k + 1)))
        #expect(abs(small.blockingProbability - blocking) < 1e-12)

        let patient = MarkovianMultiServerQueue(arrivalRate: 0.72, meanServiceTime: 5, servers: 4, meanPatience: 1e9)
        #expect(abs(patient.probabilityAllServersBusy - closedForm.probabilityOfWaiting) < 1e-6)
    }

    @Test("Erlang A with patience equal to the service time is an infinite-server queue: Poisson(a) customers present")
    func erlangAPoisson() {
        let a = 4.2, c = 5
        let queue = MarkovianMultiServerQueue(arrivalRate: a / 4, meanServiceTime: 4, servers: c, meanPatience: 4)
        var term = exp(-a), belowC = 0.0
        for n in 0..<c {
            if n > 0 { term *= a / Double(n) }
            belowC += term
        }
        #expect(abs(queue.probabilityAllServersBusy - (1 - belowC)) < 1e-12)
        // Mean number waiting is E[(N − c)+]; abandonment = Lq·θ/λ.
        var lq = 0.0
        term = exp(-a)
        for n in 0..<200 {
            if n > 0 { term *= a / Double(n) }
            lq += Double(max(n - c, 0)) * term
        }
        #expect(abs(queue.abandonmentProbability - lq / 4 / (a / 4)) < 1e-12)
    }

    @Test("priority waits conserve work: their arrival-weighted mean is the FIFO wait")
    func priorityConservation() {
        let queue = PriorityErlangC(arrivalRates: [0.15, 0.4], meanServiceTime: 5, servers: 3)
        let weighted = (0.15 * queue.meanWait(ofClass: 0) + 0.4 * queue.meanWait(ofClass: 1)) / 0.55
        #expect(abs(weighted - queue.pooled.meanWait) < 1e-12)
        #expect(queue.meanWait(ofClass: 0) < queue.pooled.meanWait)
        let single = PriorityErlangC(arrivalRates: [0.55], meanServiceTime: 5, servers: 3)
        #expect(abs(single.meanWait(ofClass: 0) - single.pooled.meanWait) < 1e-12)
    }

    @Test("Pollaczek-Khinchine: M/M/1 for cs² = 1, half of it for fixed times")
    func pollaczekKhinchine() {
        let markovian = GeneralService.pollaczekKhinchineWait(arrivalRate: 0.2, meanServiceTime: 4, squaredCoefficientOfVariation: 1)
        #expect(abs(markovian - 0.8 / (0.25 - 0.2)) < 1e-12)
        let fixed = GeneralService.pollaczekKhinchineWait(arrivalRate: 0.2, meanServiceTime: 4, squaredCoefficientOfVariation: 0)
        #expect(abs(fixed - markovian / 2) < 1e-12)
        let approximate = GeneralService.approximateWait(arrivalRate: 0.2, meanServiceTime: 4, servers: 1, squaredCoefficientOfVariation: 0)
        #expect(abs(approximate - fixed) < 1e-12)
    }
}
