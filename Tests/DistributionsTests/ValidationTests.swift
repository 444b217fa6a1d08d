import Testing
import Distributions

@Suite("Distribution validation")
struct ValidationTests {
    @Test("a negative, zero or NaN mean is refused")
    func badMeans() {
        #expect(throws: DistributionError.invalidParameter(distribution: "exponential", parameter: "mean", found: -3, allowed: "a finite number > 0")) {
            _ = try Distribution.exponential(mean: -3)
        }
        #expect(throws: DistributionError.self) { _ = try Distribution.exponential(mean: 0) }
        #expect(throws: DistributionError.self) { _ = try Distribution.exponential(mean: .nan) }
        #expect(throws: DistributionError.self) { _ = try Distribution.exponential(mean: .infinity) }
        #expect(throws: DistributionError.self) { _ = try Distribution.gamma(mean: -1, sd: 1) }
        #expect(throws: DistributionError.self) { _ = try Distribution.normal(mean: -1, sd: 1) }
    }

    @Test("a zero sd for lognormal, gamma or normal is refused")
    func zeroSpread() {
        #expect(throws: DistributionError.invalidParameter(distribution: "lognormal", parameter: "sd", found: 0, allowed: "a finite number > 0")) {
            _ = try Distribution.lognormal(mean: 5, sd: 0)
        }
        #expect(throws: DistributionError.self) { _ = try Distribution.gamma(mean: 5, sd: 0) }
        #expect(throws: DistributionError.self) { _ = try Distribution.normal(mean: 5, sd: 0) }
    }

    @Test("Erlang needs at least one phase; Weibull a positive shape and scale")
    func shapes() {
        #expect(throws: DistributionError.self) { _ = try Distribution.erlang(phases: 0, mean: 5) }
        #expect(throws: DistributionError.self) { _ = try Distribution.weibull(shape: 0, scale: 5) }
        #expect(throws: DistributionError.self) { _ = try Distribution.weibull(shape: 2, scale: -1) }
    }

    @Test("bounds must be ordered")
    func bounds() {
        #expect(throws: DistributionError.self) { _ = try Distribution.uniform(min: 5, max: 2) }
        #expect(throws: DistributionError.self) { _ = try Distribution.uniform(min: -1, max: 2) }
        #expect(throws: DistributionError.self) { _ = try Distribution.triangular(min: 2, mode: 1, max: 5) }
        #expect(throws: DistributionError.self) { _ = try Distribution.triangular(min: 2, mode: 6, max: 5) }
        #expect(throws: DistributionError.self) { _ = try Distribution.triangular(min: 2, mode: 2, max: 2) }
        #expect(throws: DistributionError.self) { _ = try Distribution.deterministic(-1) }
    }

    @Test("empirical tables: weights summing to 0, mismatched lengths, empty, negative or NaN entries")
    func tables() {
        #expect(throws: DistributionError.invalidTable(distribution: "empirical", problem: "weights must sum to a finite number > 0, found 0")) {
            _ = try Distribution.empirical(values: [1, 2], weights: [0, 0])
        }
        #expect(throws: DistributionError.self) { _ = try Distribution.empirical(values: [1, 2], weights: [1]) }
        #expect(throws: DistributionError.self) { _ = try Distribution.empirical(values: [], weights: []) }
        #expect(throws: DistributionError.self) { _ = try Distribution.empirical(values: [1, 2], weights: [1, -1]) }
        #expect(throws: DistributionError.self) { _ = try Distribution.empirical(values: [1, .nan], weights: [1, 1]) }
        #expect(throws: DistributionError.self) { _ = try Distribution.empirical(samplePoints: [3]) }
        #expect(throws: DistributionError.self) { _ = try Distribution.empirical(samplePoints: [3, -2]) }
    }

    @Test("times beyond a million minutes are refused, so every draw is finite and a day always ends")
    func hugeTimes() {
        #expect(throws: DistributionError.invalidParameter(distribution: "lognormal", parameter: "mean", found: 1e300, allowed: "at most 1000000 in size (minutes, or customers in a group)")) {
            _ = try Distribution.lognormal(mean: 1e300, sd: 1e300)
        }
        #expect(throws: DistributionError.self) { _ = try Distribution.deterministic(2e6) }
        #expect(throws: DistributionError.self) { _ = try Distribution.signedNormal(mean: -5e6, sd: 1) }
        #expect((try? Distribution.empirical(values: [1, 2], weights: [1e9, 3e9])) != nil)
    }

    @Test("messages name the distribution, the parameter, what is allowed and what was found")
    func messages() {
        do {
            _ = try Distribution.lognormal(mean: 5, sd: .nan)
            Issue.record("NaN sd was accepted")
        } catch {
            #expect(error.description == "lognormal: sd must be a finite number > 0, found NaN")
        }
        do {
            _ = try Distribution.uniform(min: 5, max: 2.5)
            Issue.record("max < min was accepted")
        } catch {
            #expect(error.description == "uniform: max must be a number >= min (5), found 2.5")
        }
    }
}
