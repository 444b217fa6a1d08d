import Foundation
import Testing
import Distributions
import OutletEngine
import Scenario
import Statistics

/// Degenerate outlets reduce to textbook queues; each test computes the
/// closed form here and requires it inside the 99% interval of independent
/// days (after a warm-up within each day), and the interval to be narrow.
@Suite("Outlet engine against queueing theory")
struct TheoryReductionTests {
    /// Per-day means of `measure` over customers arriving after `warmUp` minutes.
    func dailyInterval(_ scenario: Scenario, days: Int, warmUp: Double,
                       _ measure: ([CustomerRecord]) -> Double) throws -> ConfidenceInterval {
        var engine = try OutletEngine(scenario: scenario, seed: 99)
        var summary = SampleSummary()
        for day in 0..<days {
            var sink = CollectingSink()
            _ = engine.run(day: day, into: &sink)
            summary.add(measure(sink.records.filter { $0.arrival >= warmUp }))
        }
        return summary.confidenceInterval(level: 0.99)
    }

    func erlangC(servers c: Int, load a: Double) -> Double {
        var term = 1.0, sum = 0.0
        for k in 0..<c { if k > 0 { term *= a / Double(k) }; sum += term }
        let top = term * a / Double(c) * Double(c) / (Double(c) - a)
        return top / (sum + top)
    }

    @Test("one segment, one window group, no kiosks, no greeter: M/M/4 at ρ = 0.9 (Erlang C)")
    func multiServer() throws {
        let lambda = 43.2 / 60, s = 5.0, c = 4
        let waitProbability = erlangC(servers: c, load: lambda * s)
        let meanWait = waitProbability / (Double(c) / s - lambda)
        let scenario = try Fixtures.multiServer(servers: c, arrivalsPerHour: 43.2, meanService: s, minutes: 80_000)
        let found = try dailyInterval(scenario, days: 30, warmUp: 2_000) { records in
            let waits = records.map(\.waitForCounter)
            return waits.reduce(0, +) / Double(waits.count)
        }
        #expect(found.contains(meanWait), "mean wait \(found) vs \(meanWait)")
        #expect(found.relativeHalfWidth < 0.06)
        let delayed = try dailyInterval(scenario, days: 30, warmUp: 2_000) { records in
            Double(records.filter { $0.waitForCounter > 0 }.count) / Double(records.count)
        }
        #expect(delayed.contains(waitProbability), "P(wait > 0) \(delayed) vs \(waitProbability)")
    }

    @Test("exponential patience: M/M/5+M at ρ = 0.95 (Erlang A)")
    func erlangA() throws {
        let lambda = 71.25 / 60, s = 4.0, c = 5, patience = 10.0
        var weights = [1.0]
        for n in 1...400 {
            let death = Double(min(n, c)) / s + Double(max(n - c, 0)) / patience
            weights.append(weights[n - 1] * lambda / death)
        }
        let total = weights.reduce(0, +)
        let p = weights.map { $0 / total }
        let waiting = p.dropFirst(c).reduce(0, +)
        let queueLength = p.enumerated().reduce(0) { $0 + Double(max($1.offset - c, 0)) * $1.element }
        let abandonment = queueLength / patience / lambda
        let scenario = try Fixtures.multiServer(servers: c, arrivalsPerHour: 71.25, meanService: s,
                                                patience: .exponential(mean: patience), minutes: 30_000)
        let reneged = try dailyInterval(scenario, days: 20, warmUp: 1_000) { records in
            Double(records.filter { $0.outcome == .reneged }.count) / Double(records.count)
        }
        let delayed = try dailyInterval(scenario, days: 20, warmUp: 1_000) { records in
            Double(records.filter { $0.waitForCounter > 0 }.count) / Double(records.count)
        }
        #expect(reneged.contains(abandonment), "abandonment \(reneged) vs \(abandonment)")
        #expect(delayed.contains(waiting), "P(wait > 0) \(delayed) vs \(waiting)")
        #expect(reneged.relativeHalfWidth < 0.04 && delayed.relativeHalfWidth < 0.02)
    }

    @Test("seats and standing room as the only limit: M/M/3/8 at ρ = 0.95")
    func finiteRoom() throws {
        let lambda = 28.5 / 60, s = 6.0, c = 3, k = 8
        var weights = [1.0]
        for n in 1...k { weights.append(weights[n - 1] * lambda * s / Double(min(n, c))) }
        let total = weights.reduce(0, +)
        let p = weights.map { $0 / total }
        let blocking = p[k]
        let queueLength = p.enumerated().reduce(0) { $0 + Double(max($1.offset - c, 0)) * $1.element }
        let meanWait = queueLength / (lambda * (1 - blocking))
        let scenario = try Fixtures.multiServer(servers: c, arrivalsPerHour: 28.5, meanService: s,
                                                seats: 3, standing: 2, minutes: 30_000)
        let blocked = try dailyInterval(scenario, days: 20, warmUp: 1_000) { records in
            Double(records.filter { $0.outcome == .blocked }.count) / Double(records.count)
        }
        let waits = try dailyInterval(scenario, days: 20, warmUp: 1_000) { records in
            let served = records.filter { $0.outcome == .servedAtCounter }
            return served.reduce(0) { $0 + $1.waitForCounter } / Double(served.count)
        }
        #expect(blocked.contains(blocking), "blocking \(blocked) vs \(blocking)")
        #expect(waits.contains(meanWait), "mean wait \(waits) vs \(meanWait)")
        #expect(blocked.relativeHalfWidth < 0.05 && waits.relativeHalfWidth < 0.04)
    }

    @Test("arrivals per interval follow the piecewise rates (chi-square over 200 days)")
    func arrivalsPerInterval() throws {
        let scenario = try Fixtures.branch()
        var engine = try OutletEngine(scenario: scenario, seed: 5)
        let days = 200
        var counts = Array(repeating: 0, count: scenario.intervalCount)
        for day in 0..<days {
            let totals = engine.run(day: day)
            for (index, count) in totals.arrivals.enumerated() { counts[index] += count }
        }
        // Expected arrivals per interval: the rate at each minute, integrated exactly
        // (rates and the peak change only on interval boundaries here).
        var chiSquare = 0.0
        for interval in 0..<scenario.intervalCount {
            let start = scenario.intervalStart(interval)
            let perHour = (0..<scenario.segments.count).reduce(0.0) { $0 + scenario.arrivals.rate(ofSegment: $1, at: start) }
            let expected = perHour * scenario.intervalMinutes / 60 * Double(days)
            chiSquare += pow(Double(counts[interval]) - expected, 2) / expected
        }
        // 16 intervals → 16 degrees of freedom; the 99.9% quantile is 39.25.
        #expect(chiSquare < 39.25, "chi-square \(chiSquare)")
        // Power: a rate held 10% low in one interval would be flagged.
        #expect(Double(counts[6]) > 0.95 * 80 * 1.2 / 2 * Double(days))
    }
}

@Suite("Outlet engine against the time-varying infinite-server queue")
struct InfiniteServerTests {
    /// With far more windows than customers, windows busy at time t follow
    /// the M_t/M/∞ queue: mean m(t) = ∫ λ(u) e^{−(t−u)/s} du, which for
    /// piecewise-constant rates is Σ_k λ_k s (e^{−(t − min(t, e_k))/s} − e^{−(t − b_k)/s}).
    /// Busy window-minutes per interval are then ∫ m(t) dt over it.
    @Test("busy window-minutes per interval follow the M_t/M/∞ mean, through rate steps and a peak")
    func busyMinutes() throws {
        let s = 10.0
        var scenario = try Fixtures.multiServer(servers: 400, arrivalsPerHour: 0, meanService: s, minutes: 480)
        scenario.opening = 540
        scenario.closing = 1020
        scenario.intervalMinutes = 30
        let steps: [(start: Double, value: Double)] = [(540, 60), (660, 150), (780, 90), (900, 120)]
        scenario.arrivals = ArrivalPlan(rates: .total(StepSchedule(steps: steps), shares: [1]),
                                        peaks: [Peak(name: "lunch", from: 720, until: 780, factor: 1.5)])
        // Pieces of λ (per minute) between all change points.
        let changes = [540.0, 660, 720, 780, 900, 1020]
        let pieces = zip(changes, changes.dropFirst()).map { start, end in
            (start, end, scenario.arrivals.rate(ofSegment: 0, at: start) / 60)
        }
        func m(_ t: Double) -> Double {
            pieces.reduce(0) { sum, piece in
                guard piece.0 < t else { return sum }
                return sum + piece.2 * s * (exp(-(t - min(t, piece.1)) / s) - exp(-(t - piece.0) / s))
            }
        }
        func integral(_ a: Double, _ b: Double) -> Double {  // Simpson's rule, 600 panels
            let n = 600, h = (b - a) / Double(n)
            var sum = m(a) + m(b)
            for i in 1..<n { sum += m(a + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
            return sum * h / 3
        }
        var engine = try OutletEngine(scenario: scenario, seed: 11)
        let days = 200
        var perInterval = Array(repeating: [Double](), count: scenario.intervalCount)
        for day in 0..<days {
            let totals = engine.run(day: day)
            for interval in 0..<scenario.intervalCount { perInterval[interval].append(totals.windowBusyMinutes[0][interval]) }
        }
        // The last interval also holds the overtime, so it is left out.
        for interval in 0..<(scenario.intervalCount - 1) {
            let start = scenario.intervalStart(interval)
            let expected = integral(start, start + 30)
            let found = SampleSummary(perInterval[interval]).confidenceInterval(level: 0.999)
            #expect(found.contains(expected), "interval \(interval): \(found) vs \(expected)")
            #expect(found.relativeHalfWidth < 0.1)
        }
    }
}
