import ArgumentParser
import Foundation
import Measurement
import OutletEngine
import OutputKit
import Replications
import Results
import Scenario
import ScenarioFile

/// `outletsim merge SHARD...`: the results folder of the run whose days the
/// shards hold, the same as if one `run` had simulated them all.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge shards written by `run --days FROM..TO` into the results folder of the whole run.",
        discussion: """
            Each day's random streams depend only on the seed, the day and the purpose, so \
            shards simulated on any machines, in any order and with any --jobs merge into \
            exactly the results folder that `run --replications N` writes (every file but \
            run.json's provenance is byte-identical). The shards must be of the same scenario \
            file, seed, wait targets and OutletSim version, and cover days 0..N with no gap \
            or overlap; otherwise nothing is written and the exit status is 2.
            """
    )

    @Argument(help: "Shard files, in any order.")
    var shards: [String] = []

    @Option(name: .customLong("shard-list"), help: ArgumentHelp(
        "A file naming more shard files, one per line, relative to the current folder.",
        discussion: "For more shards than a command line holds; blank lines are skipped.", valueName: "FILE"))
    var shardList: String?

    /// The largest --shard-list file read, in bytes.
    static let largestShardList = 64 << 20

    @OptionGroup var output: OutputFolderOptions

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print summary.json instead of the table.")
    var json = false

    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    func run() throws {
        let stop = Interruption.install()
        let started = Date()
        let shards = try allShards()
        var decoders: [(path: String, decoder: ShardDecoder)] = []
        for path in shards {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw Refusal(description: "\(path): error: found no such file; allowed: a shard written by `outletsim run --days FROM..TO`")
            }
            // A device or a FIFO could be read for ever.
            guard info.st_mode & S_IFMT == S_IFREG else {
                let kind = info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "something that is not a regular file (a device or a FIFO)"
                throw Refusal(description: "\(path): error: found \(kind); allowed: a shard written by `outletsim run --days FROM..TO`")
            }
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
                throw Refusal(description: "\(path): error: found a file that cannot be read; allowed: a shard written by `outletsim run --days FROM..TO`")
            }
            do {
                decoders.append((path, try ShardDecoder(data)))
            } catch {
                throw Refusal(description: "\(path): error: found \(error); allowed: a shard written by `outletsim run --days FROM..TO`")
            }
        }
        decoders.sort { $0.decoder.header.firstDay < $1.decoder.header.firstDay }
        guard let first = decoders.first?.decoder.header else {
            throw Refusal(description: "merge: error: found no shards; allowed: shard files as arguments or in --shard-list FILE")
        }
        // One run: the same scenario, seed, waits and version, days 0..N without gaps or overlaps.
        var expectedDay = 0
        for (path, decoder) in decoders {
            let header = decoder.header
            let differences: [(String, Bool)] = [
                ("OutletSim version \(header.outletsimVersion), not \(OutletSim.version)", header.outletsimVersion != OutletSim.version),
                ("another scenario (SHA-256 \(header.scenarioSHA256.prefix(12)) against \(first.scenarioSHA256.prefix(12)))",
                 header.scenarioSHA256 != first.scenarioSHA256 || header.scenarioText != first.scenarioText || header.traceText != first.traceText),
                ("seed \(header.seed), not \(first.seed)", header.seed != first.seed),
                ("other wait targets", header.waitTargets.map(\.bitPattern) != first.waitTargets.map(\.bitPattern)),
            ]
            if let difference = differences.first(where: \.1) {
                throw Refusal(description: "\(path): error: found \(difference.0); allowed: shards of one run (\(decoders[0].path) is the first)")
            }
            guard header.firstDay == expectedDay else {
                let what = header.firstDay < expectedDay ? "days \(header.firstDay)..\(header.endDay), which overlap days before them"
                    : "days from \(header.firstDay), leaving days \(expectedDay)..\(header.firstDay) missing"
                throw Refusal(description: "\(path): error: found \(what); allowed: shards covering days 0..N once each")
            }
            expectedDay = header.endDay
        }
        let total = expectedDay
        guard total >= 2 else { throw Refusal(description: "\(decoders[0].path): error: found 1 day; allowed: at least 2 days in all") }

        let scenario = try Self.scenario(of: first)
        let replacement = output.replacement
        let folder = try ResultsFolder(target: output.out ?? ResultsFolder.defaultPath(name: scenario.name), replacement: replacement)
        let document: ResultsDocument
        do {
            var accumulator = RunAccumulator(plannedDays: total)
            for index in decoders.indices {
                do {
                    while let day = try decoders[index].decoder.next() {
                        accumulator.add(day.metrics)
                        if stop.isRequested { throw SimulationStopped(signal: stop.signal) }
                    }
                } catch let failure as DayShard.ShardFailure {
                    throw Refusal(description: "\(decoders[index].path): error: found \(failure); allowed: a shard written whole by `outletsim run --days FROM..TO`")
                }
            }
            let statistics = accumulator.statistics()
            document = try RunFolder.write(folder, scenario: scenario, statistics: statistics, seed: first.seed, targets: first.waitTargets,
                                           scenarioFile: first.scenarioFile, scenarioSHA256: first.scenarioSHA256,
                                           scenarioText: first.scenarioText, traceText: first.traceText, stop: stop) { sha in
                RunFolder.metadata(scenarioFile: first.scenarioFile, scenarioSHA256: sha, seed: first.seed, days: total, jobs: nil,
                                   precision: nil, targets: first.waitTargets, trace: false, queueLog: false, mergedFrom: shards,
                                   started: started)
            }
            try folder.commit(replacement: replacement)
        } catch {
            folder.discard()
            throw error
        }
        if json {
            print(document.summary().rendered(), terminator: "")
        } else if !quiet {
            print(SummaryTable(document: document).render())
            print("\nResults in \(folder.target.path) (\(total) days merged from \(decoders.count) shard(s)).")
        }
    }

    /// The shards named as arguments, then those in --shard-list.
    func allShards() throws -> [String] {
        guard let shardList else { return shards }
        let text = try InputFile.text(of: shardList, largest: Self.largestShardList, what: "a list of shard files, one per line")
        let listed = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return shards + listed
    }

    /// The scenario the shards ran, read from the text they carry (its
    /// trace, if any, in a temporary folder OutletSim makes and removes).
    static func scenario(of header: DayShard.Header) throws -> Scenario {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-merge-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        if let trace = header.traceText {
            try Data(trace.utf8).write(to: folder.appendingPathComponent(StandaloneScenario.traceName))
        }
        return try ScenarioLoader.read(header.scenarioText, file: header.scenarioFile, directory: folder.path)
    }
}
