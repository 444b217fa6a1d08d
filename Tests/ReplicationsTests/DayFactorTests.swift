import Foundation
import Testing
import Measurement
import Replications
import Scenario
import ScenarioFile

/// `arrivals.day_factor`: one factor F a day multiplies every walk-in rate,
/// so a day's arrivals are mixed Poisson. With Λ the day's expected
/// arrivals at F = 1, a count N has E[N] = Λ·E[F] and
/// Var[N] = Λ·E[F] + Λ²·Var(F), computed here, at the day and in each
/// interval, through the same path as `outletsim run`.
@Suite("Arrivals with a day factor (mixed Poisson)")
struct DayFactorTests {
    static let days = 3000

    /// The Erlang C theory scenario (48 an hour, 2-hour intervals, 8 measured hours) with `factor` added.
    static func scenario(factor: String?) throws -> Scenario {
        let file = TheoryScenarioTests.root.appendingPathComponent("scenarios/theory/erlang-c.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
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
