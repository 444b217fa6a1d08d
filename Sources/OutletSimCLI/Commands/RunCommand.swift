import ArgumentParser
import Foundation
import Measurement
import OutletEngine
import Replications
import Report
import Results
import Scenario
import ScenarioFile

/// `outletsim run FILE`: independent days in parallel, statistics with 95%
/// confidence intervals, and a results folder written atomically.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario for independent days and write its results folder.",
        discussion: """
            Each replication is one independent day. Every metric gets a 95% Student t \
            interval across the days; percentiles get the interval of the days' \
            percentiles. Results are the same for any --jobs. The folder is written \
            into a temporary folder and renamed, so an interrupted run leaves nothing \
            half-written.
            """
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: "Independent days (replications).")
    var replications: Int = 30

    @Option(help: "Seed of the random streams; the same seed gives the same results.")
    var seed: UInt64 = 1

    @Option(help: "Threads to use (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Results folder (default: results/<scenario name>/).")
    var out: String?

    @Option(help: "Target waits in minutes, comma-separated, whose service levels are measured (default: the scenario's wait_targets).")
    var waitTargets: String?

    @Option(help: ArgumentHelp("Keep adding days until a day metric's 95% half-width is at most the given value, e.g. wait_p90=0.5.",
                               valueName: "metric=half-width"))
    var precision: String?

    @Option(help: "Most days --precision may run.")
    var maxReplications: Int = 5_000

    @Flag(help: "Also write customers.csv and events.csv with every customer of every day.")
    var trace = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print summary.json instead of the table.")
    var json = false

    func validate() throws {
        guard replications >= 2 else { throw ValidationError("--replications must be at least 2, found \(replications)") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
        if let waitTargets, targets == nil {
            throw ValidationError("--wait-targets must be minutes from 0 to 1000000 separated by commas, e.g. 5,10,15; found '\(waitTargets)'")
        }
        if precision != nil && precisionGoal == nil {
            throw ValidationError("--precision must be METRIC=HALFWIDTH with a day metric's name and a half-width > 0, e.g. wait_p90=0.5; found '\(precision ?? "")'")
        }
        guard precision == nil || maxReplications >= replications else {
            throw ValidationError("--max-replications must be at least --replications (\(replications)), found \(maxReplications)")
        }
    }

    /// The day metric and half-width asked for by --precision.
    var precisionGoal: (metric: Metric, halfWidth: Double)? {
        guard let precision else { return nil }
        let parts = precision.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let metric = Metric.named(parts[0]), let width = Double(parts[1]), width > 0, width.isFinite
        else { return nil }
        return (metric, width)
    }

    /// The waits given with --wait-targets, if any.
    var targets: [Double]? {
        guard let waitTargets else { return nil }
        let values = waitTargets.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? -1) >= 0 && ($0 ?? .infinity) <= 1_000_000 }) else { return nil }
        return values.compactMap { $0 }
    }

    func run() throws {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(path: file)
        } catch {
            Diagnostics.printProblems(error.problems)
            throw ExitCode(2)
        }
        let targets = self.targets ?? scenario.waitTargets
        let interruption = Interruption.install()
        let started = Date()
        let progress = Progress(total: replications, enabled: !quiet && isatty(STDERR_FILENO) == 1, started: started)
        var results = try ReplicationRunner.run(scenario, seed: seed, days: 0..<replications, jobs: jobs, targets: targets,
                                                keepRecords: trace ? 0..<replications : 0..<0) { done in
            progress.update(done)
            return !interruption.happened
        }
        var statistics = RunStatistics(results)
        var precisionReport: String?
        if let goal = precisionGoal {
            // Each round asks for the days that the current half-width says are
            // needed (n·(h/goal)²), at least 10% more, within the cap: the same
            // inputs always take the same rounds, so results stay reproducible.
            while !interruption.happened {
                guard let estimate = statistics.estimate(MetricKey(.day, goal.metric)) else {
                    FileHandle.standardError.write(Data("outletsim: --precision: no day metric '\(goal.metric)'\n".utf8))
                    throw ExitCode(2)
                }
                let halfWidth = estimate.halfWidth
                let days = results.count
                if halfWidth <= goal.halfWidth || days >= maxReplications {
                    precisionReport = halfWidth <= goal.halfWidth
                        ? "precision reached: \(goal.metric) ± \(String(format: "%.4g", halfWidth)) after \(days) days"
                        : "precision NOT reached: \(goal.metric) ± \(String(format: "%.4g", halfWidth)) after \(days) days (the --max-replications cap)"
                    break
                }
                let wanted = Int((Double(days) * pow(halfWidth / goal.halfWidth, 2)).rounded(.up))
                let next = min(maxReplications, max(wanted, days + max(1, days / 10)))
                results += try ReplicationRunner.run(scenario, seed: seed, days: days..<next, jobs: jobs, targets: targets,
                                                     keepRecords: trace ? days..<next : 0..<0) { _ in !interruption.happened }
                statistics = RunStatistics(results)
            }
        }
        progress.finish()
        if interruption.happened { try interrupted() }
        let erlang = ErlangEstimates.compute(scenario, statistics, targets: targets)
        let scenarioData = FileManager.default.contents(atPath: file) ?? Data()
        let document = ResultsDocument(scenario: scenario, statistics: statistics, erlang: erlang, seed: seed,
                                       targets: targets, scenarioSHA256: SHA256.hex(scenarioData))
        let target = URL(fileURLWithPath: out ?? "results/\(scenario.name)")
        let folder = try ResultsFolder(target: target)
        do {
            for (name, text) in document.files() + [("report.html", RunReport(document: document).html())] {
                try folder.write(name, text)
                if interruption.happened { break }
            }
            if trace && !interruption.happened {
                let records = results.flatMap(\.records)
                try folder.write("customers.csv", TraceTables.customers(records, scenario: scenario).rendered())
                try folder.write("events.csv", TraceTables.events(records).rendered())
            }
            try folder.copy(URL(fileURLWithPath: file), as: "scenario" + (file.hasSuffix(".yml") ? ".yml" : ".yaml"))
            try folder.write("run.json", runMetadata(scenarioSHA256: document.scenarioSHA256, days: statistics.days,
                                                     waitTargetsUsed: targets, started: started).rendered())
        } catch {
            folder.discard()
            throw error
        }
        if interruption.happened {
            folder.discard()
            try interrupted()
        }
        try folder.commit()

        if json {
            print(document.summary().rendered(), terminator: "")
        } else if !quiet {
            print(SummaryTable(document: document).render())
            let seconds = Date().timeIntervalSince(started)
            if let precisionReport { print("\n" + precisionReport) }
            print("\nResults in \(target.path) (\(statistics.days) days in \(String(format: "%.2f", seconds)) s).")
        }
    }

    func interrupted() throws -> Never {
        FileHandle.standardError.write(Data("outletsim: interrupted; no results were written\n".utf8))
        throw ExitCode(130)
    }

    func runMetadata(scenarioSHA256: String, days: Int, waitTargetsUsed: [Double], started: Date) -> JSONValue {
        let format = ISO8601DateFormatter()
        return .object([
            ("format", .string("outletsim-run")), ("version", .integer(1)),
            ("outletsim_version", .string(OutletSim.version)),
            ("scenario_file", .string(file)), ("scenario_sha256", .string(scenarioSHA256)),
            ("seed", .string(String(seed))), ("replications", .integer(days)), ("jobs", .integer(jobs)),
            ("precision", precision.map { .string($0) } ?? .null),
            ("wait_targets", .array(waitTargetsUsed.map { .number($0) })), ("trace", .bool(trace)),
            ("command", .string(CommandLine.arguments.joined(separator: " "))),
            ("started", .string(format.string(from: started))), ("finished", .string(format.string(from: Date()))),
        ])
    }
}

/// SIGINT and SIGTERM set a flag that the run checks between days and files.
final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    private var sources: [DispatchSourceSignal] = []

    static func install() -> Interruption {
        let interruption = Interruption()
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { interruption.set() }
            source.resume()
            interruption.sources.append(source)
        }
        return interruption
    }

    private func set() {
        lock.lock()
        flag = true
        lock.unlock()
    }

    var happened: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }
}

/// "12/100 days, 250 days/s, ETA 0.4 s" on standard error, only on a terminal.
final class Progress: @unchecked Sendable {
    let total: Int
    let enabled: Bool
    let started: Date
    private let lock = NSLock()

    init(total: Int, enabled: Bool, started: Date) {
        self.total = total
        self.enabled = enabled
        self.started = started
    }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let elapsed = max(Date().timeIntervalSince(started), 1e-6)
        let rate = Double(done) / elapsed
        let remaining = Double(total - done) / max(rate, 1e-9)
        FileHandle.standardError.write(Data("\r\(done)/\(total) days, \(Int(rate)) days/s, ETA \(String(format: "%.1f", remaining)) s   ".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
