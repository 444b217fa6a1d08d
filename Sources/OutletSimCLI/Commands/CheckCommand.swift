import ArgumentParser
import Evaluation
import Foundation
import Measurement
import OutletEngine
import OutputKit
import Replications
import Results
import Scenario
import ScenarioFile

/// `outletsim check PATH...`: scenarios' service targets judged like tests.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every scenario that declares targets and judge each target with its confidence interval.",
        discussion: """
            A target passes when its whole 95% interval is on the right side of the bound, \
            fails when it is wholly on the wrong side, and is inconclusive otherwise (with \
            the replications that would likely settle it). Exit status: 0 when all pass, \
            1 when any fails (or, with --strict, is inconclusive), 2 on invalid input.
            """
    )

    @Argument(help: "Scenario files or folders (searched recursively for .yaml and .yml; network files, *.network.yaml, are skipped).")
    var paths: [String]

    @Option(help: "Replications per scenario, 2 to 10000000.")
    var replications: Int = 30

    @Option(help: "Seed; fixed so that a check is reproducible.")
    var seed: UInt64 = 1

    @OptionGroup var threads: ThreadOptions

    @Option(help: "Most seconds to spend on one scenario, up to 1000000; fewer replications are judged if it runs out.")
    var budget: Double?

    @Flag(help: "Count inconclusive targets as failures.")
    var strict = false

    @Option(help: "Write JUnit XML here.")
    var junit: String?

    @Option(help: "Write a Markdown table here (for a pull-request comment).")
    var markdown: String?

    @Option(help: "Write every target's verdict, value and interval here as JSON (for notebooks and scripts).")
    var json: String?

    func validate() throws {
        guard (2...RunCommand.mostDays).contains(replications) else {
            throw ValidationError("--replications must be from 2 to \(RunCommand.mostDays), found \(replications)")
        }
        if let budget, !(budget > 0 && budget <= 1_000_000) {
            throw ValidationError("--budget must be seconds > 0 and at most 1000000, found \(budget)")
        }
    }

    /// The report files asked for: option, path, what it holds, and the text
    /// OutletSim starts it with (so that only such a file is replaced).
    var reportFiles: [(option: String, path: String, marker: String)] {
        [("--junit", junit, CheckReports.junitMarker), ("--markdown", markdown, CheckReports.markdownMarker),
         ("--json", json, CheckReports.jsonMarker)].compactMap { option, path, marker in path.map { (option, $0, marker) } }
    }

    func run() throws {
        // Unusable report paths are refused before any simulation.
        for file in reportFiles { try OutputFile.check(file.path, option: file.option, marker: file.marker) }
        let stop = Interruption.install()
        var errors: [CheckError] = []
        var reports: [ScenarioCheck] = []
        var skipped: [String] = []
        for (file, named) in try scenarioFiles() {
            let scenario: Scenario
            do {
                scenario = try ScenarioLoader.load(path: file)
            } catch {
                Diagnostics.printProblems(error.problems)
                errors.append(CheckError(file: file, messages: error.problems.prefix(Diagnostics.mostPerFile).map(\.description)))
                continue
            }
            ReadingNotes.show([scenario])
            guard !scenario.targets.isEmpty else {
                if named {
                    let message = "\(file):1:1: error: targets: found no targets; allowed: a scenario with a targets list for check to judge"
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                    errors.append(CheckError(file: file, messages: [message]))
                } else {
                    skipped.append(file)
                }
                continue
            }
            let started = Date()
            let evaluation = try evaluateWithinBudget(scenario, started: started, stop: stop)
            let report = ScenarioCheck(file: file, scenario: scenario, results: evaluation.verdicts,
                                       days: evaluation.statistics.days, seconds: Date().timeIntervalSince(started))
            report.printLines(strict: strict)
            reports.append(report)
            let unmeasured = report.results.filter { $0.estimate == nil }.map { result in
                "\(file): error: targets: found the target '\(result.target.name)', which could not be measured in \(report.days) days (\(Self.unmeasuredReason(result, scenario))); allowed: targets on what the scenario produces"
            }
            if !unmeasured.isEmpty {
                FileHandle.standardError.write(Data(unmeasured.map { $0 + "\n" }.joined().utf8))
                errors.append(CheckError(file: file, messages: unmeasured))
            }
        }
        if !skipped.isEmpty {
            print("skipped \(skipped.count) scenario\(skipped.count == 1 ? "" : "s") without targets: \(skipped.joined(separator: ", "))")
        }
        guard !reports.isEmpty || !errors.isEmpty else {
            FileHandle.standardError.write(Data("outletsim: check: found no scenario with targets in \(paths.joined(separator: ", ")); allowed: scenario files (.yaml, .yml) that declare targets\n".utf8))
            throw ExitCode(ExitStatus.badInput)
        }
        let all = reports.flatMap(\.results)
        let failed = all.filter { $0.verdict == .fail }.count
        let inconclusive = all.filter { $0.verdict == .inconclusive }.count
        for file in reportFiles {
            let text = switch file.option {
            case "--junit": CheckReports.junit(reports, errors: errors, strict: strict)
            case "--markdown": CheckReports.markdown(reports, errors: errors, strict: strict)
            default: CheckReports.json(reports, errors: errors, strict: strict).rendered()
            }
            try OutputFile.write(text, to: file.path, option: file.option, marker: file.marker)
        }
        if inconclusive > 0 {
            print(strict ? "--strict: inconclusive targets fail the check" : "inconclusive targets do not fail the check without --strict")
        }
        print(ScenarioCheck.tally(all, errors: errors))
        if !errors.isEmpty { throw ExitCode(ExitStatus.badInput) }
        if failed > 0 || (strict && inconclusive > 0) { throw ExitCode(ExitStatus.targetsFailed) }
    }

    /// Why a target has no value: what it needs that the days never produced.
    static func unmeasuredReason(_ result: TargetResult, _ scenario: Scenario) -> String {
        switch result.target.measure {
        case .meanWait, .waitPercentile, .shareServedWithin: "no customer it covers took a ticket"
        case .abandonment: "no customer it covers arrived"
        case .windowUtilisation: "no window it covers was open"
        case .maxStanding, .overtime: "the day was never measured"
        case .greeterUtilisation: "no greeter was on duty"
        case .guideUtilisation: "no guide was on duty"
        case .greeterWait: "no customer it covers was triaged by a greeter"
        case .shareTriaged: "no customer it covers arrived"
        case .guideWait, .shareHelped: "no customer it covers asked a guide"
        case .crowding: "the day was never measured"
        }
    }

    /// The scenario files named, and those found in folders (recursively, in
    /// a stable order), each with whether it was named on its own.
    func scenarioFiles() throws -> [(file: String, named: Bool)] {
        var files: [(String, Bool)] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard !path.isEmpty, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ValidationError("\(path.isEmpty ? "''" : path): found no such file or folder; allowed: scenario files or folders")
            }
            if isFolder.boolValue {
                let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
                // A network file (*.network.yaml, for outletsim-network) lists outlets; it is not a scenario.
                let scenarios = found.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasSuffix(".network.yaml") }.sorted()
                guard !scenarios.isEmpty else {
                    throw ValidationError("\(path): found a folder without scenario files; allowed: folders holding .yaml or .yml scenario files")
                }
                files += scenarios.map { ((path as NSString).appendingPathComponent($0), false) }
            } else {
                files.append((path, true))
            }
        }
        return files
    }

    /// All replications, or as many as the budget allows (``StoppingRule/timeBudget(days:seconds:)``),
    /// each day folded into the statistics and not kept.
    func evaluateWithinBudget(_ scenario: Scenario, started: Date, stop: StopRequest) throws -> PlanEvaluation {
        let evaluator = PlanEvaluator(seed: seed, jobs: threads.count, stop: stop)
        let rule: StoppingRule = budget.map { .timeBudget(days: replications, seconds: $0) } ?? .days(replications)
        // A check reads only its targets' estimates, so only those are folded.
        var accumulator = RunAccumulator(plannedDays: rule.mostDays, measuring: TargetJudge.judgedKeys(scenario))
        var days: Range<Int>? = rule.firstDays
        var statistics = accumulator.statistics()
        while let next = days {
            try evaluator.accumulate(scenario, days: next, into: &accumulator)
            statistics = accumulator.statistics()
            days = try rule.nextDays(after: accumulator.days, statistics: statistics, elapsed: Date().timeIntervalSince(started))
        }
        return PlanEvaluation(scenario: scenario, statistics: statistics)
    }
}

/// The terminal lines of one scenario's check.
extension ScenarioCheck {
    func printLines(strict: Bool) {
        let failing = results.filter { $0.verdict != .pass }
        if failing.isEmpty {
            print("PASS \(scenario.name): \(results.count) target\(results.count == 1 ? "" : "s") met (\(days) days)")
            return
        }
        for result in failing {
            let label = result.verdict == .fail ? "FAIL" : (strict ? "FAIL (inconclusive)" : "INCONCLUSIVE")
            var line = "\(label) \(scenario.name): \(result.target.name): \(Self.describe(result, scenario))"
            if let needed = result.suggestedReplications { line += "; about \(needed) replications would settle it" }
            print(line)
        }
        let passed = results.count - failing.count
        if passed > 0 { print("     \(scenario.name): \(passed) other target\(passed == 1 ? "" : "s") met (\(days) days)") }
    }
}
