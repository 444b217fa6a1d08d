import ArgumentParser
import Foundation
import OutletEngine
import Scenario
import ScenarioFile
import Statistics

/// `outletsim run FILE`: simulates independent days and prints day metrics
/// with 95% confidence intervals across them.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario for independent days and print day metrics with 95% confidence intervals."
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: "Independent days (replications).")
    var replications: Int = 30

    @Option(help: "Seed of the random streams; the same seed gives the same days.")
    var seed: UInt64 = 1

    func validate() throws {
        guard replications >= 2 else { throw ValidationError("--replications must be at least 2, found \(replications)") }
    }

    func run() throws {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(path: file)
        } catch {
            Diagnostics.printProblems(error.problems)
            throw ExitCode(2)
        }
        let started = Date()
        var engine = try OutletEngine(scenario: scenario, seed: seed)
        var metrics = DayMetrics()
        var bySegment = GroupMetrics(names: scenario.segments.map(\.name))
        var byType = GroupMetrics(names: scenario.transactionTypes.map(\.name))
        for day in 0..<replications {
            var collector = WaitCollector()
            let totals = engine.run(day: day, into: &collector)
            metrics.add(day: totals, waits: collector, scenario: scenario)
            bySegment.add(day: collector.records, group: \.segment)
            byType.add(day: collector.records, group: \.transactionType)
        }
        print("\(scenario.name): \(replications) days, seed \(seed)\n")
        print(TextTable.render([["metric", "mean", "95% CI"]] + metrics.rows()))
        print("\nBy segment (means per day):\n")
        print(TextTable.render([["segment"] + GroupMetrics.columns] + bySegment.rows()))
        print("\nBy transaction type (means per day):\n")
        print(TextTable.render([["transaction type"] + GroupMetrics.columns] + byType.rows()))
        let seconds = Date().timeIntervalSince(started)
        print("\n\(metrics.customers) customers in \(String(format: "%.2f", seconds)) s.")
    }
}

/// One day's customers, kept for percentiles and breakdowns.
struct WaitCollector: CustomerRecordSink {
    var counterWaits: [Double] = []
    var timesInOutlet: [Double] = []
    var records: [CustomerRecord] = []

    mutating func record(_ record: CustomerRecord) {
        if record.outcome == .servedAtCounter { counterWaits.append(record.waitForCounter) }
        timesInOutlet.append(record.exit - record.arrival)
        records.append(record)
    }

    /// The `p` quantile (0...1) of `values` by the nearest-rank method.
    static func quantile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
    }
}

/// Per-day values of each reported metric.
struct DayMetrics {
    private(set) var names: [String] = []
    private var summaries: [String: SampleSummary] = [:]
    private(set) var customers = 0

    mutating func add(_ name: String, _ value: Double) {
        if summaries[name] == nil { names.append(name) }
        summaries[name, default: SampleSummary()].add(value)
    }

    mutating func add(day totals: DayTotals, waits: WaitCollector, scenario: Scenario) {
        let arrivals = Double(totals.totalArrivals)
        customers += totals.totalArrivals
        add("customers per day", arrivals)
        for outcome in Outcome.allCases {
            add("share \(outcome)", arrivals > 0 ? Double(totals.count(of: outcome)) / arrivals : 0)
        }
        add("mean wait for a window (min)", waits.counterWaits.isEmpty ? 0 : waits.counterWaits.reduce(0, +) / Double(waits.counterWaits.count))
        add("p50 wait for a window (min)", WaitCollector.quantile(waits.counterWaits, 0.5))
        add("p90 wait for a window (min)", WaitCollector.quantile(waits.counterWaits, 0.9))
        add("max wait for a window (min)", waits.counterWaits.max() ?? 0)
        add("mean time in outlet (min)", waits.timesInOutlet.isEmpty ? 0 : waits.timesInOutlet.reduce(0, +) / Double(waits.timesInOutlet.count))
        let open = totals.windowOpenMinutes.flatMap { $0 }.reduce(0, +), busy = totals.windowBusyMinutes.flatMap { $0 }.reduce(0, +)
        add("window utilisation", open > 0 ? busy / open : 0)
        let dayLength = max(totals.lastExit, scenario.closing) - scenario.opening
        add("mean waiting-zone occupancy", totals.waitingOccupancyArea.reduce(0, +) / dayLength)
        add("max waiting-zone occupancy", totals.waitingOccupancyMaximum.max() ?? 0)
        add("minutes with customers standing", totals.standingMinutes.reduce(0, +))
        add("kiosk breakdowns", Double(totals.kioskFailures.reduce(0, +)))
        add("flexible window staff-minutes", totals.flexibleStaffMinutes.reduce(0, +))
        add("overtime (min)", totals.overtime)
    }

    func rows() -> [[String]] {
        names.compactMap { name in
            guard let interval = summaries[name]?.confidenceInterval(level: 0.95) else { return nil }
            return [name, format(interval.estimate), "\(format(interval.low)) – \(format(interval.high))"]
        }
    }

    private func format(_ value: Double) -> String {
        abs(value) >= 100 ? String(format: "%.0f", value) : abs(value) >= 1 ? String(format: "%.2f", value) : String(format: "%.3f", value)
    }
}

/// Per-day customers, outcome shares and waits for each segment or
/// transaction type, averaged over the days.
struct GroupMetrics {
    static let columns = ["customers", "served", "at kiosk", "left (balked, blocked, reneged, unserved)", "mean wait (min)"]
    let names: [String]
    private var customers: [SampleSummary]
    private var served: [SampleSummary]
    private var kiosk: [SampleSummary]
    private var left: [SampleSummary]
    private var waits: [SampleSummary]

    init(names: [String]) {
        self.names = names
        customers = Array(repeating: SampleSummary(), count: names.count)
        served = customers
        kiosk = customers
        left = customers
        waits = customers
    }

    mutating func add(day records: [CustomerRecord], group: KeyPath<CustomerRecord, Int>) {
        for index in names.indices {
            let mine = records.filter { $0[keyPath: group] == index }
            let count = Double(mine.count)
            customers[index].add(count)
            guard count > 0 else { continue }
            served[index].add(Double(mine.filter { $0.outcome == .servedAtCounter || $0.outcome == .servedAtKiosk || $0.outcome == .resolvedAtReception }.count) / count)
            kiosk[index].add(Double(mine.filter { $0.outcome == .servedAtKiosk }.count) / count)
            left[index].add(Double(mine.filter { [.balked, .blocked, .reneged, .unserved].contains($0.outcome) }.count) / count)
            let counter = mine.filter { $0.outcome == .servedAtCounter }
            if !counter.isEmpty { waits[index].add(counter.reduce(0) { $0 + $1.waitForCounter } / Double(counter.count)) }
        }
    }

    func rows() -> [[String]] {
        names.indices.map { index in
            [names[index], String(format: "%.1f", customers[index].mean), percent(served[index]), percent(kiosk[index]),
             percent(left[index]), waits[index].count > 0 ? String(format: "%.2f", waits[index].mean) : "-"]
        }
    }

    private func percent(_ summary: SampleSummary) -> String {
        summary.count > 0 ? String(format: "%.1f%%", 100 * summary.mean) : "-"
    }
}
