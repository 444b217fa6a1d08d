import ArgumentParser
import Foundation
import ReferenceModels
import Statistics

/// `outletsim theory`: simulated values next to queueing theory.
struct TheoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theory",
        abstract: "Simulate textbook queues on the event kernel and compare them with queueing theory.",
        discussion: """
            Runs Erlang C, M/M/c/K, Erlang A, priority M/M/c and M/D/1 models in \
            independent replications and prints each simulated value with its 99% \
            confidence interval next to the closed-form value.
            """
    )

    @Option(help: "Independent replications per model.")
    var replications: Int = 20

    @Option(help: "Customers measured per replication, after a warm-up of a tenth as many.")
    var customers: Int = 50_000

    @Option(help: "Seed of the random streams.")
    var seed: UInt64 = 2026

    func validate() throws {
        guard replications >= 2 else { throw ValidationError("--replications must be at least 2, found \(replications)") }
        guard customers >= 100 else { throw ValidationError("--customers must be at least 100, found \(customers)") }
    }

    func run() throws {
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
        String(format: value < 0.1 ? "%.4f" : "%.3f", value)
    }
}
