import Foundation
import Testing
import Measurement
import Replications
import Scenario
import ScenarioFile

/// `arrivals.day_factor`: one factor F a day multiplies every walk-in rate,
/// so a day's arrivals are mixed Poisson. With Λ the day's expected
/// arrivals at F = 1, a count N has E[N] = Λ·E[F] and
/// Var[N] = Λ·E[F] + Λ²·Var(F); the customer-weighted mean wait is Erlang C
/// averaged over F, E[F·Wq(λF)] / E[F]. Both are computed here and checked
/// at the day and in each interval, through the same path as `outletsim run`.
@Suite("Arrivals with a day factor (mixed Poisson)")
struct DayFactorTests {
    static let days = 3000

    /// The Erlang C theory scenario (48 an hour, 2-hour intervals, 8 measured hours) with `factor` added.
    static func scenario(factor: String?, edits: [(String, String)] = []) throws -> Scenario {
        let file = TheoryScenarioTests.root.appendingPathComponent("scenarios/theory/erlang-c.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        for (old, new) in edits {
            #expect(text.contains(old), "\(old) is not in erlang-c.yaml")
            text = text.replacingOccurrences(of: old, with: new)
        }
        if let factor {
            #expect(text.contains("  per_hour: 48\n"))
            text = text.replacingOccurrences(of: "  per_hour: 48\n", with: "  per_hour: 48\n  day_factor: \(factor)\n")
        }
        return try ScenarioLoader.read(text, file: file.path, directory: file.deletingLastPathComponent().path)
    }

    /// Sample mean and variance of `values`, and the standard errors of each
    /// (the variance's from the sample's fourth central moment).
    static func moments(_ values: [Double]) -> (mean: Double, variance: Double, meanError: Double, varianceError: Double) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let fourth = values.reduce(0) { $0 + pow($1 - mean, 4) } / n
        return (mean, variance, (variance / n).squareRoot(), ((fourth - variance * variance) / n).squareRoot())
    }

    @Test("daily and per-interval arrivals have Λ·E[F] and Λ·E[F] + Λ²·Var(F), and the factor's own stream leaves the others alone")
    func mixedPoisson() throws {
        let mean = 1.0, sd = 0.2
        let scenario = try Self.scenario(factor: "gamma(mean=\(mean), sd=\(sd))")
        let results = try ReplicationRunner.results(scenario, seed: 17, days: 0..<Self.days, jobs: 2, targets: scenario.waitTargets)
        let measured = scenario.firstMeasuredInterval..<scenario.intervalCount
        var places: [(String, MetricKey, Double)] = [("day", MetricKey(.day, .arrivals), 48.0 * Double(measured.count) * 2)]
        for interval in measured { places.append(("interval \(interval)", MetricKey(.interval, entity: interval, .arrivals), 48.0 * 2)) }
        for (place, key, lambda) in places {
            let counts = results.map { $0.metrics.terms[key]?.numerator ?? 0 }
            let found = Self.moments(counts)
            let expectedMean = lambda * mean, expectedVariance = lambda * mean + lambda * lambda * sd * sd
            #expect(abs(found.mean - expectedMean) <= 3.3 * found.meanError, "\(place): mean \(found.mean) vs \(expectedMean) ± \(found.meanError)")
            #expect(abs(found.variance - expectedVariance) <= 3.3 * found.varianceError,
                    "\(place): variance \(found.variance) vs \(expectedVariance) ± \(found.varianceError)")
            // Narrow enough to tell mixed from plain Poisson (variance Λ) and from a factor applied twice (Λ + 4Λ²σ²… ).
            #expect(3.3 * found.varianceError < 0.2 * (expectedVariance - lambda), "\(place): ± \(found.varianceError) is too wide")
        }
        // Common random numbers: without the factor every other stream draws what it drew before, so a
        // factor of exactly 1 gives the same days, arrival for arrival, as no factor.
        let plain = try ReplicationRunner.results(try Self.scenario(factor: nil), seed: 17, days: 0..<50, jobs: 2, targets: scenario.waitTargets)
        let unit = try ReplicationRunner.results(try Self.scenario(factor: "deterministic(value=1)"), seed: 17, days: 0..<50, jobs: 2,
                                                 targets: scenario.waitTargets)
        #expect(zip(plain, unit).allSatisfy { $0.metrics.terms == $1.metrics.terms })
    }

    /// Erlang C's mean wait in queue for M/M/5 with service rate 0.2 a minute at `lambda` a minute.
    static func erlangCWait(_ lambda: Double) -> Double {
        let servers = 5, mu = 0.2, offered = lambda / mu
        guard offered < Double(servers) else { return .infinity }
        var term = 1.0, below = 0.0
        for k in 0..<servers { if k > 0 { term *= offered / Double(k) }; below += term }
        let top = term * offered / Double(servers) * Double(servers) / (Double(servers) - offered)
        return top / (below + top) / (Double(servers) * mu - lambda)
    }

    @Test("the mean wait is Erlang C averaged over the factor, customer-weighted: E[F·Wq(λF)] / E[F], at the day and in each interval")
    func erlangCOverTheFactor() throws {
        let cv = 0.05
        // A day at factor f is an M/M/5 at 0.8·f a minute, in steady state after the warm-up; each of
        // its customers waits Wq(0.8·f) on average, and a day at f has f times the customers. Busy days
        // (ρ near 0.95) take longer than the file's 2 hours to forget the empty morning: 6 hours here.
        let scenario = try Self.scenario(factor: "gamma(mean=1, cv=\(cv))",
                                         edits: [("closes: \"10:00\"", "closes: \"14:00\""), ("warm_up_minutes: 120", "warm_up_minutes: 360")])
        let shape = 1 / (cv * cv), scale = cv * cv
        var weighted = 0.0, weights = 0.0
        let steps = 40_000
        for step in 1..<steps {
            let f = 2 * Double(step) / Double(steps)
            let density = exp((shape - 1) * log(f) - f / scale - lgamma(shape) - shape * log(scale))
            let wait = Self.erlangCWait(0.8 * f)
            guard wait.isFinite else { continue }  // ρ ≥ 1 needs f ≥ 1.25, five sds out: no weight
            weighted += f * wait * density
            weights += f * density
        }
        let mixed = weighted / weights, plain = Self.erlangCWait(0.8)
        #expect(mixed > plain * 1.08, "the factor should lengthen the wait: \(mixed) against \(plain)")
        let results = try ReplicationRunner.results(scenario, seed: 23, days: 0..<4000, jobs: 2, targets: scenario.waitTargets)
        let statistics = RunStatistics(results)
        let day = try #require(statistics.estimate(MetricKey(.day, .waitMean)))
        #expect(day.contains(mixed), "day: \(day) against E[F·Wq(λF)]/E[F] = \(mixed)")
        // Narrow enough to tell the mixed wait from plain Erlang C.
        #expect(day.halfWidth < (mixed - plain) / 2, "day: ± \(day.halfWidth) cannot tell \(mixed) from \(plain)")
        for interval in scenario.firstMeasuredInterval..<scenario.intervalCount {
            // Four intervals beside the day: each held at 99% (the 95% half-width × 2.576 / 1.96), so that the
            // five checks together do not fail by chance one time in four.
            let estimate = try #require(statistics.estimate(MetricKey(.interval, entity: interval, .waitMean)))
            #expect(abs(estimate.mean - mixed) <= estimate.halfWidth * 2.576 / 1.96, "interval \(interval): \(estimate) against \(mixed)")
        }
    }

    @Test("a day factor's mean outside 0.1 to 10, or on trace-only arrivals, is a located error")
    func limits() throws {
        do {
            _ = try Self.scenario(factor: "gamma(mean=20, sd=1)")
            Issue.record("a mean of 20 was accepted")
        } catch let error as ScenarioProblems {
            let messages = error.problems.map(\.description)
            #expect(messages.contains { $0.contains("error: arrivals.day_factor: found a day factor with mean 20") && $0.contains("mean from 0.1 to 10") },
                    "\(messages)")
        }
    }
}
