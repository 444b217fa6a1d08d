import Foundation
import OutletEngine
import OutputKit
import Replications
import Report
import Results
import Scenario
import ScenarioFile

/// The results folder of a run, whether its days ran here (`run`) or came
/// from shards (`merge`): one writer, so the two are the same byte for byte.
enum RunFolder {
    /// Writes every file of the run into `folder` (not yet committed) and
    /// returns its document; `metadata` makes run.json from the scenario's SHA-256.
    static func write(_ folder: ResultsFolder, scenario: Scenario, statistics: RunStatistics, seed: UInt64, targets: [Double],
                      scenarioFile: String, scenarioSHA256: String, scenarioText: String, traceText: String?, stop: StopRequest?,
                      metadata: (String) -> JSONValue) throws -> ResultsDocument {
        func checkStop() throws {
            if let stop, stop.isRequested { throw SimulationStopped(signal: stop.signal) }
        }
        let erlang = ErlangEstimates.compute(scenario, statistics, targets: targets)
        let document = ResultsDocument(scenario: scenario, statistics: statistics, erlang: erlang, seed: seed, targets: targets,
                                       scenarioSHA256: scenarioSHA256)
        for (name, text) in document.files() + [("report.html", RunReport(document: document).html())] {
            try folder.write(name, text)
            try checkStop()
        }
        try folder.write(scenarioFile.hasSuffix(".yml") ? "scenario.yml" : "scenario.yaml", scenarioText)
        if let traceText { try folder.write(StandaloneScenario.traceName, traceText) }
        try folder.write("run.json", metadata(scenarioSHA256).rendered())
        try checkStop()
        return document
    }

    /// run.json: the run's provenance, alike for a run and a merge (which
    /// names its shards in `merged_from` and has no thread count).
    static func metadata(scenarioFile: String, scenarioSHA256: String, seed: UInt64, days: Int, jobs: Int?, precision: String?,
                         targets: [Double], trace: Bool, queueLog: Bool, mergedFrom: [String]?, started: Date) -> JSONValue {
        let format = ISO8601DateFormatter()
        var members: [(String, JSONValue)] = [
            ("format", .string("outletsim-run")), ("version", .integer(1)),
            ("outletsim_version", .string(OutletSim.version)),
            ("scenario_file", .string(scenarioFile)), ("scenario_sha256", .string(scenarioSHA256)),
            ("seed", .string(String(seed))), ("replications", .integer(days)), ("jobs", jobs.map(JSONValue.integer) ?? .null),
            ("precision", precision.map { .string($0) } ?? .null),
            ("wait_targets", .array(targets.map { .number($0) })), ("trace", .bool(trace)), ("queue_log", .bool(queueLog)),
        ]
        if let mergedFrom { members.append(("merged_from", .array(mergedFrom.map { .string($0) }))) }
        members += [("command", .string(CommandLine.arguments.joined(separator: " "))),
                    ("started", .string(format.string(from: started))), ("finished", .string(format.string(from: Date())))]
        return .object(members)
    }
}
