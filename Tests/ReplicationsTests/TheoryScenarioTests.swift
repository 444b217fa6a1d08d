import Foundation
import Testing
import Measurement
import OutletEngine
import Replications
import Scenario
import ScenarioFile

/// The scenario files of `scenarios/theory/`, read, simulated and estimated
/// exactly as `outletsim run` does (ScenarioLoader → ReplicationRunner →
/// RunStatistics), against closed forms computed here. Every estimate is
/// checked at every level users read: the day, each measured interval and
/// each segment. Each test's intervals are Bonferroni-corrected to a 99%
/// family (level 1 − 0.01/m for m comparisons), and each asserts its
/// intervals narrow enough that the bias of averaging days' means would be
/// caught.
@Suite("Theory scenarios through the users' path")
struct TheoryScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        let scenario: Scenario
        let days: [DayResult]
        let statistics: RunStatistics
        var measured: Range<Int> { scenario.firstMeasuredInterval..<scenario.intervalCount }

        func estimate(_ key: MetricKey) throws -> MetricEstimate { try #require(statistics.estimate(key), "\(key) not measured") }
    }

    static func run(_ file: String, days: Int, comparisons: Int) throws -> Run {
        let scenario = try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/theory/\(file)").path)
        let results = try ReplicationRunner.results(scenario, seed: 2026, days: 0..<days, jobs: 2, targets: scenario.waitTargets)
        return Run(scenario: scenario, days: results, statistics: RunStatistics(results, level: 1 - 0.01 / Double(comparisons)))
    }

    /// Asserts the interval holds `theory` and its half-width is at most `relative` of it.
    func check(_ estimate: MetricEstimate, _ theory: Double, relative: Double, _ what: String) {
        #expect(estimate.low <= theory && theory <= estimate.high,
                "\(what): \(estimate.mean) [\(estimate.low), \(estimate.high)] vs theory \(theory)")
        #expect(estimate.halfWidth <= relative * theory, "\(what): half-width \(estimate.halfWidth) over \(relative * theory)")
    }

    // MARK: Closed forms

    /// Erlang C probability of waiting, c servers, a erlangs.
    func erlangC(_ c: Int, _ a: Double) -> Double {
        var term = 1.0, sum = 0.0
        for k in 0..<c { if k > 0 { term *= a / Double(k) }; sum += term }
        let top = term * a / Double(c) * Double(c) / (Double(c) - a)
        return top / (sum + top)
    }

    /// The stationary law of a birth-death chain with birth rate `birth` and death rate `death(n)`, truncated at `limit`.
    func birthDeath(birth: Double, limit: Int, death: (Int) -> Double) -> [Double] {
        var weights = [1.0]
        for n in 1...limit { weights.append(weights[n - 1] * birth / death(n)) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    @Test("Erlang C (M/M/5, ρ = 0.8): mean wait, P(wait ≤ 0, 2, 5 min) and p50/p90/p95 at day, interval and segment level; days' means would fail")
    func erlangCScenario() throws {
        let lambda = 0.8, mu = 0.2, c = 5
        let waiting = erlangC(c, lambda / mu), rate = Double(c) * mu - lambda
        let meanWait = waiting / rate
        func within(_ t: Double) -> Double { 1 - waiting * exp(-rate * t) }
        func quantile(_ p: Double) -> Double { waiting > 1 - p ? log(waiting / (1 - p)) / rate : 0 }
        // Day: 3 shares, mean, 3 percentiles; 4 intervals and 2 segments: mean and 3 shares.
        let run = try Self.run("erlang-c.yaml", days: 10_000, comparisons: 7 + 6 * 4)
        // Half-widths: a day's or a segment's mean wait within 3%, an interval's (a quarter of
        // the customers) within 5%; days' means are 3-4% low, so they are caught.
        func checkCustomers(_ scope: Scope, entity: Int, _ label: String, relative: Double) throws {
            check(try run.estimate(MetricKey(scope, entity: entity, .waitMean)), meanWait, relative: relative, "\(label) mean wait")
            check(try run.estimate(MetricKey(scope, entity: entity, .ticketWaitMean)), meanWait, relative: relative, "\(label) ticket wait")
            for t in [0.0, 2, 5] {
                check(try run.estimate(MetricKey(scope, entity: entity, .shareServedWithin(t))), within(t), relative: 0.02,
                      "\(label) P(wait ≤ \(t))")
            }
        }
        try checkCustomers(.day, entity: 0, "day", relative: 0.03)
        for p in [90, 95] {
            check(try run.estimate(MetricKey(.day, .waitPercentile(p))), quantile(Double(p) / 100), relative: 0.04, "day p\(p)")
        }
        // The median is 0.514 min, just above the wait's atom at 0: an absolute bound.
        let median = try run.estimate(MetricKey(.day, .waitPercentile(50)))
        #expect(median.contains(quantile(0.5)) && median.halfWidth < 0.1, "p50 \(median) vs \(quantile(0.5))")
        for segment in 0..<2 { try checkCustomers(.segment, entity: segment, "segment \(segment)", relative: 0.04) }
        for interval in run.measured { try checkCustomers(.interval, entity: interval, "interval \(interval)", relative: 0.05) }

        // The estimator this replaced, the mean of each day's interval mean, is biased low
        // (busy intervals, with more customers, wait longer): it misses the theory.
        var missed = 0
        for interval in run.measured {
            let key = MetricKey(.interval, entity: interval, .waitMean)
            let daily = run.days.compactMap { $0.metrics.terms[key] }.filter { $0.denominator > 0 }.map(\.value)
            let naive = daily.reduce(0, +) / Double(daily.count)
            let found = try run.estimate(key)
            if naive < found.low { missed += 1 }
        }
        #expect(missed == run.measured.count, "days' means fell below the interval in \(missed) of \(run.measured.count) intervals")
    }

    @Test("Erlang A (M/M/5+M): abandonment, P(no wait) and every ticket holder's mean wait at day and interval level")
    func erlangAScenario() throws {
        let lambda = 71.25 / 60, s = 4.0, c = 5, theta = 1.0 / 10
        let p = birthDeath(birth: lambda, limit: 600) { Double(min($0, c)) / s + Double(max($0 - c, 0)) * theta }
        let queue = p.enumerated().reduce(0) { $0 + Double(max($1.offset - c, 0)) * $1.element }
        let abandonment = theta * queue / lambda, noWait = p.prefix(c).reduce(0, +), ticketWait = queue / lambda
        let run = try Self.run("erlang-a.yaml", days: 10_000, comparisons: 3 * 5)
        for interval in [nil] + run.measured.map(Optional.some) {
            let label = interval.map { "interval \($0)" } ?? "day"
            func key(_ metric: Metric) -> MetricKey { interval.map { MetricKey(.interval, entity: $0, metric) } ?? MetricKey(.day, metric) }
            check(try run.estimate(key(.shareAbandoned)), abandonment, relative: 0.04, "\(label) abandonment")
            check(try run.estimate(key(.shareServedWithin(0))), noWait, relative: 0.02, "\(label) P(no wait)")
            check(try run.estimate(key(.ticketWaitMean)), ticketWait, relative: 0.03, "\(label) mean wait of ticket holders")
        }
    }

    @Test("guides who help one at a time: the queue for a guide is M/M/3+M (Erlang A) at day and interval level, the crowd at self-service on the floor plan too")
    func guideQueueScenario() throws {
        let lambda = 40.0 / 60, s = 4.0, c = 3, theta = 1.0 / 5
        let p = birthDeath(birth: lambda, limit: 600) { Double(min($0, c)) / s + Double(max($0 - c, 0)) * theta }
        let queue = p.enumerated().reduce(0) { $0 + Double(max($1.offset - c, 0)) * $1.element }
        let helped = 1 - theta * queue / lambda, wait = queue / lambda, busy = lambda * helped * s / Double(c)
        // The self-service zone's 200 m² hold the guides' queue and those they help, and those at kiosks:
        // helped customers take one with propensity 0.5 + 0.3, the rest 0.5, each for 3 minutes.
        let present = p.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
        let atKiosks = lambda * (helped * 0.8 + (1 - helped) * 0.5) * 3, area = 200.0
        let run = try Self.run("guide-queue.yaml", days: 10_000, comparisons: 2 * 5 + 2 * 3)
        for interval in [nil] + run.measured.map(Optional.some) {
            let label = interval.map { "interval \($0)" } ?? "day"
            func key(_ metric: Metric) -> MetricKey { interval.map { MetricKey(.interval, entity: $0, metric) } ?? MetricKey(.day, metric) }
            check(try run.estimate(key(.shareHelped)), helped, relative: 0.01, "\(label) share helped")
            check(try run.estimate(key(.guideWaitMean)), wait, relative: 0.03, "\(label) mean wait for a guide")
        }
        // The guides' busy share, a time average, in the intervals before closing (after it guides idle while the last customers finish).
        for interval in run.measured.dropLast() {
            check(try run.estimate(MetricKey(.staff, entity: 1, interval: interval, .utilisation)), busy, relative: 0.01,
                  "interval \(interval) guides' busy share")
            check(try run.estimate(MetricKey(.interval, entity: interval, .zoneDensityMean(FloorPlan.ZoneKind.selfService.rawValue))),
                  (present + atKiosks) / area, relative: 0.01, "interval \(interval) persons per m² at self-service")
        }
        // Everyone asked, so the requests per interval are the interval's arrivals.
        let requests = try run.estimate(MetricKey(.interval, entity: 2, .guideRequests))
        #expect(requests.contains(lambda * 120), "requests \(requests.mean) vs \(lambda * 120)")
    }

    @Test("greeters who triage one at a time with room for 3 waiting: the desk is M/M/2/5 at day, interval and segment level, its crowd on the floor plan too")
    func greeterQueueScenario() throws {
        let lambda = 50.0 / 60, s = 2.0, c = 2, k = 5
        let p = birthDeath(birth: lambda, limit: k) { Double(min($0, c)) / s }
        let queue = p.enumerated().reduce(0) { $0 + Double(max($1.offset - c, 0)) * $1.element }
        let triaged = 1 - p[k], wait = queue / (lambda * triaged), busy = lambda * triaged * s / Double(c)
        let present = p.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }, area = 10.0
        let run = try Self.run("greeter-queue.yaml", days: 10_000, comparisons: 2 * 6 + 2 * 3)
        let places = [("day", MetricKey(.day, .arrivals)), ("segment everyone", MetricKey(.segment, entity: 0, .arrivals))]
            + run.measured.map { ("interval \($0)", MetricKey(.interval, entity: $0, .arrivals)) }
        for (label, place) in places {
            func key(_ metric: Metric) -> MetricKey { place.with(metric) }
            check(try run.estimate(key(.shareTriaged)), triaged, relative: 0.01, "\(label) share triaged")
            check(try run.estimate(key(.greeterWaitMean)), wait, relative: 0.03, "\(label) mean wait for a greeter")
        }
        for interval in run.measured.dropLast() {
            check(try run.estimate(MetricKey(.staff, entity: 0, interval: interval, .utilisation)), busy, relative: 0.01,
                  "interval \(interval) greeters' busy share")
            // The crowd at the desk, queue and triage both, on the floor plan's 10 m².
            check(try run.estimate(MetricKey(.interval, entity: interval, .zoneDensityMean(FloorPlan.ZoneKind.reception.rawValue))),
                  present / area, relative: 0.015, "interval \(interval) persons per m² at reception")
        }
        // An interval triages its arrivals less those who found the desk full.
        let counted = try run.estimate(MetricKey(.interval, entity: 2, .triaged))
        #expect(counted.contains(lambda * 120 * triaged), "triaged \(counted.mean) vs \(lambda * 120 * triaged)")
    }

    @Test("M/M/3/8: blocking and the mean wait of those served at day and interval level")
    func finiteRoomScenario() throws {
        let lambda = 28.5 / 60, s = 6.0, c = 3, k = 8
        let p = birthDeath(birth: lambda, limit: k) { Double(min($0, c)) / s }
        let queue = p.enumerated().reduce(0) { $0 + Double(max($1.offset - c, 0)) * $1.element }
        let blocking = p[k], meanWait = queue / (lambda * (1 - blocking))
        let run = try Self.run("mmck.yaml", days: 10_000, comparisons: 2 * 5)
        for interval in [nil] + run.measured.map(Optional.some) {
            let label = interval.map { "interval \($0)" } ?? "day"
            func key(_ metric: Metric) -> MetricKey { interval.map { MetricKey(.interval, entity: $0, metric) } ?? MetricKey(.day, metric) }
            check(try run.estimate(key(.outcomeShare(.blocked))), blocking, relative: 0.03, "\(label) blocking")
            check(try run.estimate(key(.waitMean)), meanWait, relative: 0.02, "\(label) mean wait")
        }
    }

    @Test("two-class priority M/M/3 (Cobham): each segment's mean wait, and the day's, pooled over classes")
    func priorityScenario() throws {
        let rates = [12.0 / 60, 24.0 / 60], s = 4.0, c = 3
        let capacity = Double(c) / s, waiting = erlangC(c, rates.reduce(0, +) * s)
        let high = rates[0] / capacity, both = high + rates[1] / capacity
        let vip = waiting / (capacity * (1 - high)), regular = waiting / (capacity * (1 - high) * (1 - both))
        let day = (rates[0] * vip + rates[1] * regular) / rates.reduce(0, +)
        let run = try Self.run("priority.yaml", days: 10_000, comparisons: 3 + 4)
        check(try run.estimate(MetricKey(.segment, entity: 0, .waitMean)), vip, relative: 0.03, "VIP mean wait")
        check(try run.estimate(MetricKey(.segment, entity: 1, .waitMean)), regular, relative: 0.03, "regular mean wait")
        check(try run.estimate(MetricKey(.day, .waitMean)), day, relative: 0.03, "day mean wait")
        for interval in run.measured {
            check(try run.estimate(MetricKey(.interval, entity: interval, .waitMean)), day, relative: 0.04, "interval \(interval) mean wait")
        }
    }

    @Test("M/D/3: mean wait and P(no wait) from the exact embedded chain, at day and interval level")
    func deterministicScenario() throws {
        let lambda = 38.25 / 60, d = 4.0, c = 3
        // N(t + d) = max(N(t) − c, 0) + Poisson(λd) holds exactly for every t, so
        // the stationary law of N at any time is the fixed point of this map.
        let m = lambda * d, size = 300
        var poisson = [exp(-m)]
        for k in 1..<size { poisson.append(poisson[k - 1] * m / Double(k)) }
        var law = [1.0] + Array(repeating: 0.0, count: size - 1)
        for _ in 0..<5_000 {
            var next = Array(repeating: 0.0, count: size)
            for (n, probability) in law.enumerated() where probability > 1e-300 {
                let base = max(n - c, 0)
                for k in 0..<(size - base) { next[base + k] += probability * poisson[k] }
            }
            law = next
        }
        let inside = law.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
        let meanWait = inside / lambda - d, noWait = law.prefix(c).reduce(0, +)
        let run = try Self.run("mdc.yaml", days: 10_000, comparisons: 2 * 5)
        for interval in [nil] + run.measured.map(Optional.some) {
            let label = interval.map { "interval \($0)" } ?? "day"
            func key(_ metric: Metric) -> MetricKey { interval.map { MetricKey(.interval, entity: $0, metric) } ?? MetricKey(.day, metric) }
            check(try run.estimate(key(.waitMean)), meanWait, relative: interval == nil ? 0.03 : 0.045, "\(label) mean wait")
            check(try run.estimate(key(.shareServedWithin(0))), noWait, relative: 0.02, "\(label) P(no wait)")
        }
    }

    @Test("Mt/M/∞: customers inside, hourly time averages and end-of-hour counts, against the infinite-server mean m(t)")
    func infiniteServerScenario() throws {
        let run = try Self.run("mt-m-infinity.yaml", days: 4_000, comparisons: 2 * 8)
        let scenario = run.scenario, s = 10.0
        // λ(t) per minute from the scenario's own schedule and peak, piecewise constant between change points.
        let changes = [0.0, 120, 180, 240, 360, 480]
        let pieces = zip(changes, changes.dropFirst()).map { ($0, $1, scenario.arrivals.rate(ofSegment: 0, at: $0) / 60) }
        #expect(pieces.map(\.2) == [1, 2.5, 3.75, 1.5, 2], "rates \(pieces.map(\.2))")
        func m(_ t: Double) -> Double {
            pieces.reduce(0) { sum, piece in
                guard piece.0 < t else { return sum }
                return sum + piece.2 * s * (exp(-(t - min(t, piece.1)) / s) - exp(-(t - piece.0) / s))
            }
        }
        func average(_ a: Double, _ b: Double) -> Double {  // Simpson's rule, 600 panels
            let n = 600, h = (b - a) / Double(n)
            var sum = m(a) + m(b)
            for i in 1..<n { sum += m(a + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
            return sum * h / 3 / (b - a)
        }
        for interval in 0..<scenario.intervalCount {
            let start = scenario.intervalStart(interval), end = start + 60
            // The last interval's time average runs on until the last customer leaves, past m's hour: not compared.
            if interval < scenario.intervalCount - 1 {
                check(try run.estimate(MetricKey(.interval, entity: interval, .inOutletMean)), average(start, end), relative: 0.02,
                      "interval \(interval) customers inside, time average")
            }
            check(try run.estimate(MetricKey(.interval, entity: interval, .inOutletAtEnd)), m(end), relative: 0.03,
                  "interval \(interval) customers inside at its end")
        }
    }
}
