import Testing
import Distributions
import ScenarioFile

@Suite("Distribution syntax in scenario files")
struct DistributionSyntaxTests {
    func read(_ text: String, signed: Bool = false) throws -> Distribution {
        var yaml = try String(contentsOf: fixtures.appendingPathComponent("small-branch.yaml"), encoding: .utf8)
        let key = signed ? "lateness" : "triage"
        if signed {
            yaml = yaml.replacingOccurrences(of: "windows:\n", with: "appointments:\n  bookings:\n    - { segment: VIP, time: \"10:00\" }\n  lateness: \"\(text)\"\nwindows:\n")
            return try #require(ScenarioLoader.read(yaml, file: "t.yaml", directory: "").appointments?.lateness)
        }
        yaml = yaml.replacingOccurrences(of: "  \(key): uniform(min=0.2, max=1)", with: "  \(key): \"\(text)\"")
        return try #require(ScenarioLoader.read(yaml, file: "t.yaml", directory: "").reception?.triageTime)
    }

    @Test("every form reads to the distribution with the stated moments")
    func forms() throws {
        let cases: [(String, Double, Double)] = [
            ("exponential(mean=5)", 5, 25), ("erlang(k=4, mean=8)", 8, 16), ("gamma(mean=6, sd=3)", 6, 9),
            ("lognormal(mean=7, sd=2)", 7, 4), ("uniform(min=2, max=8)", 5, 3), ("triangular(min=1, mode=3, max=8)", 4, 39.0 / 18),
            ("deterministic(value=4)", 4, 0), ("4.5", 4.5, 0), ("empirical(values=[1, 3], weights=[1, 1])", 2, 1),
            ("empirical(points=[0, 2])", 1, 1.0 / 3), ("gamma(mean: 6, sd: 3)", 6, 9), ("  gamma( mean = 6 , sd = 3 ) ", 6, 9),
            // A coefficient of variation instead of the sd: sd = cv × mean.
            ("gamma(mean=6, cv=0.5)", 6, 9), ("lognormal(mean=7, cv=0.25)", 7, 49.0 / 16),
        ]
        for (text, mean, variance) in cases {
            let distribution = try read(text)
            #expect(abs(distribution.mean - mean) < 1e-9, "\(text)")
            #expect(abs(distribution.variance - variance) < 1e-9, "\(text)")
        }
    }

    @Test("signed offsets may be negative: an appointment's lateness")
    func signed() throws {
        let early = try read("normal(mean=-3, sd=5)", signed: true)
        #expect(early.mean == -3 && early.isSigned)
        let window = try read("uniform(min=-10, max=15)", signed: true)
        #expect(window.mean == 2.5)
        #expect(abs(window.variance - 625.0 / 12) < 1e-9)
    }

    @Test("a distribution's description reads back to the same distribution")
    func roundTrip() throws {
        for text in ["gamma(mean=6, sd=3)", "erlang(k=3, mean=9)", "weibull(shape=1.5, scale=4)", "normal(mean=5, sd=1)"] {
            let first = try read(text)
            let second = try read(first.description)
            #expect(first == second, "\(text) → \(first.description)")
        }
    }
}
