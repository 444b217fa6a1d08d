import Foundation
import OutletEngine
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
}
