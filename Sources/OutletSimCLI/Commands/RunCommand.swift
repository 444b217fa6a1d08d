import ArgumentParser
import Foundation
import Measurement
import OutletEngine
import OutputKit
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
            Each replication is one independent day. Every metric is estimated across \
            the days as theory and service targets mean it (customer- or time-weighted), \
            with a 95% interval; percentiles pool the days' customers, with an interval \
            from sections of days. The summary ends with the day's cost by component \
            and every declared target's verdict. Results are the same for any --jobs. \
            The folder is written into a temporary folder and renamed, so an \
            interrupted run leaves nothing half-written.
            """
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: "Independent days (replications), 2 to 10000000.")
    var replications: Int = 30

    @Option(help: ArgumentHelp("Simulate only days FROM to TO−1 (numbered from 0, as --replications N runs 0..N) and write them as a shard for `outletsim merge` (--out names the file).",
                               valueName: "FROM..TO"))
    var days: String?

    @Option(help: "Seed of the random streams; the same seed gives the same results.")
    var seed: UInt64 = 1

    @OptionGroup var threads: ThreadOptions

    @OptionGroup var output: OutputFolderOptions

    @Option(help: "Target waits in minutes, comma-separated, whose service levels are measured (default: the scenario's wait_targets).")
    var waitTargets: String?

    @Option(help: ArgumentHelp("Keep adding days until a day metric's 95% half-width is at most the given value, e.g. wait_p90=0.5.",
                               valueName: "metric=half-width"))
    var precision: PrecisionGoal?

    @Option(help: "Most days --precision may run, up to 10000000.")
    var maxReplications: Int = 5_000

    @Flag(help: "Also write customers.csv and events.csv with every customer of every day.")
    var trace = false

    @Flag(help: "Also write queue-log.csv: the days as the ticket machine would log them, in the columns `outletsim fit` reads.")
    var queueLog = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print summary.json instead of the table.")
    var json = false

    /// The most days one run may ask for.
    static let mostDays = DayShard.mostDays

    func validate() throws {
        guard (2...Self.mostDays).contains(replications) else {
            throw ValidationError("--replications must be from 2 to \(Self.mostDays), found \(replications)")
        }
        if let waitTargets, WaitTargetsOption.parse(waitTargets) == nil {
            throw ValidationError(WaitTargetsOption.problem(waitTargets))
        }
        if let days {
            guard dayRange != nil else {
                throw ValidationError("--days must be FROM..TO with 0 <= FROM < TO <= \(Self.mostDays), e.g. 0..50; found '\(days)'")
            }
            for (flag, given) in [("--precision", precision != nil), ("--trace", trace), ("--queue-log", queueLog), ("--json", json)] where given {
                throw ValidationError("--days writes a shard of per-day rows; \(flag) belongs to a whole run (merge the shards, then use the results folder)")
            }
        }
        guard precision == nil || (replications...Self.mostDays).contains(maxReplications) else {
            throw ValidationError("--max-replications must be from --replications (\(replications)) to \(Self.mostDays), found \(maxReplications)")
        }
    }

    /// The days asked for by --days, FROM..<TO.
    var dayRange: Range<Int>? {
        guard let days else { return nil }
        let parts = days.components(separatedBy: "..")
        guard parts.count == 2, let from = Int(parts[0]), let to = Int(parts[1]), from >= 0, from < to, to <= Self.mostDays else { return nil }
        return from..<to
    }

    func run() throws {
        let (scenario, standalone) = try ScenarioLoader.loadStandalone(path: file)
        if !quiet {
            ReadingNotes.show([scenario])
            for note in scenario.inputsWithoutEffect { FileHandle.standardError.write(Data("\(file): note: no effect: \(note)\n".utf8)) }
        }
        let targets = waitTargets.flatMap(WaitTargetsOption.parse) ?? scenario.waitTargets
        if let range = dayRange {
            try writeShard(scenario, standalone: standalone, targets: targets, days: range)
            return
        }
        let replacement = output.replacement
        let folder = try ResultsFolder(target: output.out ?? ResultsFolder.defaultPath(name: scenario.name), replacement: replacement)
        do {
            try simulate(scenario, standalone: standalone, targets: targets, folder: folder, replacement: replacement)
        } catch {
            folder.discard()
            throw error
        }
    }

    func simulate(_ scenario: Scenario, standalone: StandaloneScenario, targets: [Double], folder: ResultsFolder,
                  replacement: ResultsFolder.Replacement) throws {
        let stop = Interruption.install()
        let started = Date()
        let progress = Progress(total: replications, enabled: !quiet && isatty(STDERR_FILENO) == 1, started: started)
        let traceWriter = trace ? try TraceWriter(folder: folder, scenario: scenario) : nil
        defer { traceWriter?.close() }
        let queueLogWriter = queueLog ? try QueueLogWriter(folder: folder, scenario: scenario) : nil
        defer { queueLogWriter?.close() }
        // Days are folded in day order as they finish: memory holds the
        // estimators, not the days.
        let rule: StoppingRule = precision.map { .precision($0, first: replications, most: maxReplications) } ?? .days(replications)
        var accumulator = RunAccumulator(plannedDays: rule.mostDays)
        func simulateDays(_ days: Range<Int>, progress: @escaping @Sendable (Int) -> Void) throws {
            try ReplicationRunner.run(scenario, seed: seed, days: days, jobs: threads.count, targets: targets,
                                      keepRecords: trace || queueLog ? days : 0..<0, stop: stop, onDayFinished: progress) { day in
                accumulator.add(day.metrics)
                try traceWriter?.append(day.records)
                try queueLogWriter?.append(day.records)
            }
        }
        try simulateDays(rule.firstDays) { progress.update($0) }
        var statistics = accumulator.statistics()
        func nextDays() throws -> Range<Int>? {
            do {
                return try rule.nextDays(after: accumulator.days, statistics: statistics, elapsed: Date().timeIntervalSince(started))
            } catch {
                throw ValidationError("--precision: \(error)")
            }
        }
        while let days = try nextDays() {
            try simulateDays(days) { _ in }
            statistics = accumulator.statistics()
        }
        let precisionReport = try precision.map { goal throws -> String in
            do { return try goal.outcome(statistics) } catch { throw ValidationError("--precision: \(error)") }
        }
        progress.finish()
        let scenarioData = FileManager.default.contents(atPath: file) ?? Data()
        let traceText = try standalone.traceFile.map { path throws -> String in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ResultsFolder.Failure.cannotWrite(folder.target.path, "cannot read the arrival trace \(path)")
            }
            return String(decoding: data, as: UTF8.self)
        }
        let document = try RunFolder.write(folder, scenario: scenario, statistics: statistics, seed: seed, targets: targets,
                                           scenarioFile: file, scenarioSHA256: SHA256.hex(scenarioData), scenarioText: standalone.text,
                                           traceText: traceText, stop: stop) {
            RunFolder.metadata(scenarioFile: file, scenarioSHA256: $0, seed: seed, days: statistics.days, jobs: threads.count,
                               precision: precision?.description, targets: targets, trace: trace, queueLog: queueLog, mergedFrom: nil, started: started)
        }
        try folder.commit(replacement: replacement)

        if json {
            print(document.summary().rendered(), terminator: "")
        } else if !quiet {
            print(SummaryTable(document: document).render())
            let seconds = Date().timeIntervalSince(started)
            if let precisionReport { print("\n" + precisionReport) }
            print("\nResults in \(folder.target.path) (\(statistics.days) days in \(String(format: "%.2f", seconds)) s).")
        }
    }

    /// `--days`: the days' rows as a shard, written beside its target and renamed into place.
    func writeShard(_ scenario: Scenario, standalone: StandaloneScenario, targets: [Double], days range: Range<Int>) throws {
        let stop = Interruption.install()
        let started = Date()
        let scenarioData = FileManager.default.contents(atPath: file) ?? Data()
        let traceText = try standalone.traceFile.map { path throws -> String in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ResultsFolder.Failure.cannotWrite(path, "cannot read the arrival trace \(path)")
            }
            return String(decoding: data, as: UTF8.self)
        }
        let header = DayShard.Header(outletsimVersion: OutletSim.version, scenarioFile: file, scenarioSHA256: SHA256.hex(scenarioData),
                                     scenarioText: standalone.text, traceText: traceText, seed: seed, waitTargets: targets,
                                     firstDay: range.lowerBound, endDay: range.upperBound)
        let path = output.out ?? ResultsFolder.defaultPath(name: scenario.name) + ".days-\(range.lowerBound)-\(range.upperBound).shard"
        var shard = try ShardFile(target: path, header: header, replacement: output.replacement)
        let progress = Progress(total: range.count, enabled: !quiet && isatty(STDERR_FILENO) == 1, started: started)
        do {
            try ReplicationRunner.run(scenario, seed: seed, days: range, jobs: threads.count, targets: targets, stop: stop,
                                      onDayFinished: { progress.update($0) }) { day in
                try shard.append(day: day.day, day.metrics)
            }
            if stop.isRequested { throw SimulationStopped(signal: stop.signal) }
            try shard.commit()
        } catch {
            shard.discard()
            throw error
        }
        progress.finish()
        if !quiet {
            print("Days \(range.lowerBound) to \(range.upperBound - 1) of '\(scenario.name)' (seed \(seed)) in \(shard.target.path) "
                  + "(\(String(format: "%.2f", Date().timeIntervalSince(started))) s); merge the shards with `outletsim merge`.")
        }
    }
}
