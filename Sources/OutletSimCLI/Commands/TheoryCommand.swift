import ArgumentParser
import Foundation
import Measurement
import ReferenceModels
import Replications
import ScenarioFile
import Statistics

/// `outletsim theory`: simulated values next to queueing theory.
struct TheoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theory",
        abstract: "Run the theory scenarios as users' runs are run and compare every level with queueing theory.",
        discussion: """
            Reads each scenario of the theory folder (Erlang C, Erlang A, M/M/c/K, \
            two-class priority, M/D/c, Mt/M/∞, the guides' M/M/c+M, the greeters' M/M/c/K), simulates it with the same reader, \
            engine and estimators as `outletsim run`, and prints every estimate (day, \
            each measured interval, each segment) with its confidence interval next \
            to the closed form computed from the scenario's own values. The intervals \
            hold jointly at 99% (each at 1 − 0.01/m for m rows, Bonferroni). \
            With --kernel, the textbook models on the bare event kernel instead.
            """
    )

    @Option(help: "The folder of theory scenarios.")
    var folder: String = "scenarios/theory"

    @Option(help: "Days (replications) per scenario.")
    var days: Int = 2_000

    @OptionGroup var threads: ThreadOptions

    @Option(help: "Seed of the random streams.")
    var seed: UInt64 = 2026

    @Flag(help: "Check the bare event kernel's reference models instead.")
    var kernel = false

    @Option(help: "With --kernel: independent replications per model.")
    var replications: Int = 20

    @Option(help: "With --kernel: customers measured per replication, after a warm-up of a tenth as many.")
    var customers: Int = 50_000

    func validate() throws {
        guard (2...1_000_000).contains(days) else { throw ValidationError("--days must be from 2 to 1000000, found \(days)") }
        guard (2...100_000).contains(replications) else { throw ValidationError("--replications must be from 2 to 100000, found \(replications)") }
        guard (100...100_000_000).contains(customers) else { throw ValidationError("--customers must be from 100 to 100000000, found \(customers)") }
    }

    func run() throws {
        if kernel { try runKernel() } else { try runScenarios() }
    }

    func runScenarios() throws {
        let stop = Interruption.install()
        let started = Date()
        var cases: [TheoryScenario] = []
        for model in TheoryScenario.Model.allCases {
            let path = (folder as NSString).appendingPathComponent(model.rawValue + ".yaml")
            cases.append(TheoryScenario(model: model, scenario: try ScenarioLoader.load(path: path)))
        }
        let expectations = cases.map { $0.expectations() }
        let comparisons = expectations.reduce(0) { $0 + $1.count }
        let level = 1 - 0.01 / Double(comparisons)
        var rows: [[String]] = [["scenario", "level", "metric", "simulated", "interval", "theory", "inside"]]
        var outside = 0
        for (theory, expected) in zip(cases, expectations) {
            let scenario = theory.scenario
            var accumulator = RunAccumulator(plannedDays: days)
            try ReplicationRunner.run(scenario, seed: seed, days: 0..<days, jobs: threads.count,
                                      targets: scenario.waitTargets, stop: stop) { accumulator.add($0.metrics) }
            let statistics = accumulator.statistics(level: level)
            for (index, expectation) in expected.enumerated() {
                let estimate = statistics.estimate(expectation.key)
                let inside = estimate.map { $0.contains(expectation.theory) } ?? false
                if !inside { outside += 1 }
                rows.append([index == 0 ? scenario.name : "", expectation.level, expectation.label,
                             estimate.map { format($0.mean) } ?? "-",
                             estimate.map { "\(format($0.low)) – \(format($0.high))" } ?? "-",
                             format(expectation.theory), inside ? "yes" : "NO"])
            }
        }
        print(TextTable.render(rows))
        let seconds = Date().timeIntervalSince(started)
        print("\(days) days per scenario, seed \(seed); \(comparisons) intervals at \(String(format: "%.4f", level * 100))% each, 99% jointly; \(String(format: "%.1f", seconds)) s.")
        if outside > 0 {
            print("\(outside) theoretical value(s) fell outside their interval.")
            throw ExitCode(1)
        }
    }

    func runKernel() throws {
        let started = Date()
        var rows: [[String]] = [["model", "metric", "simulated (99% CI)", "theory", "inside"]]
        var outside = 0
        for theoryCase in try TheoryCase.catalogue(measuredCustomers: customers) {
            var summaries = Array(repeating: SampleSummary(), count: theoryCase.metrics.count)
            for replication in 0..<replications {
                let statistics = try MultiServerQueue.simulate(theoryCase.model, seed: seed, replication: replication)
                for (index, metric) in theoryCase.metrics.enumerated() {
                    summaries[index].add(metric.measure(statistics))
                }
            }
            for (index, metric) in theoryCase.metrics.enumerated() {
                let interval = summaries[index].confidenceInterval(level: 0.99)
                let inside = interval.contains(metric.theory)
                if !inside { outside += 1 }
                rows.append([index == 0 ? theoryCase.name : "", metric.name,
                             "\(format(interval.estimate)) ± \(format(interval.halfWidth))",
                             format(metric.theory), inside ? "yes" : "NO"])
            }
        }
        print(TextTable.render(rows))
        let seconds = Date().timeIntervalSince(started)
        print("\(replications) replications of \(customers) customers per model, seed \(seed), \(String(format: "%.1f", seconds)) s.")
        if outside > 0 {
            print("\(outside) theoretical value(s) fell outside the 99% interval.")
            throw ExitCode(1)
        }
    }

    private func format(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        return String(format: abs(value) < 0.1 ? "%.4f" : "%.3f", value)
    }
}
