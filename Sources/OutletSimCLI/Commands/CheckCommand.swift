import ArgumentParser
import Evaluation
import Foundation
import Measurement
import OutletEngine
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

    @Argument(help: "Scenario files or folders (searched recursively for .yaml and .yml).")
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
        var invalid = false
        var reports: [ScenarioCheck] = []
        var skipped: [String] = []
        for (file, named) in try scenarioFiles() {
            let scenario: Scenario
            do {
                scenario = try ScenarioLoader.load(path: file)
            } catch {
                Diagnostics.printProblems(error.problems)
                invalid = true
                continue
            }
            guard !scenario.targets.isEmpty else {
                if named {
                    FileHandle.standardError.write(Data("\(file):1:1: error: targets: found no targets; allowed: a scenario with a targets list for check to judge\n".utf8))
                    invalid = true
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
            for result in report.results where result.estimate == nil {
                FileHandle.standardError.write(Data("\(file): error: targets: found the target '\(result.target.name)', which could not be measured in \(report.days) days (\(Self.unmeasuredReason(result, scenario))); allowed: targets on what the scenario produces\n".utf8))
                invalid = true
            }
        }
        if !skipped.isEmpty {
            print("skipped \(skipped.count) scenario\(skipped.count == 1 ? "" : "s") without targets: \(skipped.joined(separator: ", "))")
        }
        guard !reports.isEmpty || invalid else {
            FileHandle.standardError.write(Data("outletsim: check: found no scenario with targets in \(paths.joined(separator: ", ")); allowed: scenario files (.yaml, .yml) that declare targets\n".utf8))
            throw ExitCode(ExitStatus.badInput)
        }
        let all = reports.flatMap(\.results)
        let failed = all.filter { $0.verdict == .fail }.count
        let inconclusive = all.filter { $0.verdict == .inconclusive }.count
        for file in reportFiles {
            let text = switch file.option {
            case "--junit": CheckReports.junit(reports, strict: strict)
            case "--markdown": CheckReports.markdown(reports, strict: strict)
            default: CheckReports.json(reports, strict: strict).rendered()
            }
            try OutputFile.write(text, to: file.path, option: file.option, marker: file.marker)
        }
        if inconclusive > 0 {
            print(strict ? "--strict: inconclusive targets fail the check" : "inconclusive targets do not fail the check without --strict")
        }
        print(ScenarioCheck.tally(all))
        if invalid { throw ExitCode(ExitStatus.badInput) }
        if failed > 0 || (strict && inconclusive > 0) { throw ExitCode(ExitStatus.targetsFailed) }
    }

    /// Why a target has no value: what it needs that the days never produced.
    static func unmeasuredReason(_ result: TargetResult, _ scenario: Scenario) -> String {
        switch result.target.measure {
        case .meanWait, .waitPercentile, .shareServedWithin: "no customer it covers took a ticket"
        case .abandonment: "no customer it covers arrived"
        case .windowUtilisation: "no window it covers was open"
        case .maxStanding, .overtime: "the day was never measured"
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
                let scenarios = found.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
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

    /// All replications, or as many as the budget allows (in rounds of ten,
    /// at least two), each day folded into the statistics and not kept.
    func evaluateWithinBudget(_ scenario: Scenario, started: Date, stop: StopRequest) throws -> PlanEvaluation {
        let evaluator = PlanEvaluator(seed: seed, jobs: threads.count, stop: stop)
        var accumulator = RunAccumulator(plannedDays: replications)
        guard let budget else {
            try evaluator.accumulate(scenario, days: 0..<replications, into: &accumulator)
            return PlanEvaluation(scenario: scenario, statistics: accumulator.statistics())
        }
        while accumulator.days < replications {
            let next = min(replications, max(accumulator.days + 10, 2))
            try evaluator.accumulate(scenario, days: accumulator.days..<next, into: &accumulator)
            if Date().timeIntervalSince(started) > budget { break }
        }
        return PlanEvaluation(scenario: scenario, statistics: accumulator.statistics())
    }
}

/// One scenario's checked targets.
struct ScenarioCheck {
    let file: String
    let scenario: Scenario
    let results: [TargetResult]
    let days: Int
    let seconds: Double

    /// The value that decided, its interval, where, and the bound it had to meet.
    static func describe(_ result: TargetResult, _ scenario: Scenario) -> String {
        guard let estimate = result.estimate else { return "no value measured; bound \(result.target.boundText)" }
        let value = String(format: "%.4g", estimate.mean)
        let interval = "[\(String(format: "%.4g", estimate.low)), \(String(format: "%.4g", estimate.high))]"
        let place = result.interval.map { " in the \(ClockTime(minutes: scenario.intervalStart($0))) interval" } ?? ""
        return "\(value) \(interval)\(place); bound \(result.target.boundText)"
    }

    /// "3 passed, 2 inconclusive, 1 failed": inconclusive is never counted as passed.
    static func tally(_ results: [TargetResult]) -> String {
        let count = { (verdict: Verdict) in results.filter { $0.verdict == verdict }.count }
        return "\(count(.pass)) passed, \(count(.inconclusive)) inconclusive, \(count(.fail)) failed"
    }

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

/// JUnit XML and Markdown renderings of a check.
enum CheckReports {
    /// The text each report starts with, by which an earlier report is recognised and replaced.
    static let junitMarker = "<testsuites name=\"outletsim check\""
    static let markdownMarker = "| scenario | target | verdict | value [95% CI] |"
    static let jsonMarker = "\"format\": \"outletsim-check\""

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func junit(_ reports: [ScenarioCheck], strict: Bool) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let all = reports.flatMap(\.results)
        let failures = all.filter { $0.verdict == .fail || (strict && $0.verdict == .inconclusive) }.count
        xml += "<testsuites name=\"outletsim check\" tests=\"\(all.count)\" failures=\"\(failures)\">\n"
        for report in reports {
            let failed = report.results.filter { $0.verdict == .fail || (strict && $0.verdict == .inconclusive) }.count
            let skipped = strict ? 0 : report.results.filter { $0.verdict == .inconclusive }.count
            xml += "  <testsuite name=\"\(escape(report.scenario.name))\" tests=\"\(report.results.count)\" failures=\"\(failed)\" skipped=\"\(skipped)\" time=\"\(String(format: "%.3f", report.seconds))\" file=\"\(escape(report.file))\">\n"
            for result in report.results {
                let detail = escape(ScenarioCheck.describe(result, report.scenario))
                xml += "    <testcase classname=\"\(escape(report.scenario.name))\" name=\"\(escape(result.target.name))\">"
                switch result.verdict {
                case .pass: xml += "<system-out>\(detail)</system-out>"
                case .fail: xml += "<failure message=\"\(detail)\"/>"
                case .inconclusive where strict: xml += "<failure message=\"inconclusive: \(detail)\"/>"
                case .inconclusive: xml += "<skipped message=\"inconclusive: \(detail)\"/>"
                }
                xml += "</testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    /// One object per scenario, one row per target (and per interval for
    /// per-interval targets, whose verdict is the worst interval's).
    static func json(_ reports: [ScenarioCheck], strict: Bool) -> JSONValue {
        .object([
            ("format", .string("outletsim-check")), ("version", .integer(1)), ("strict", .bool(strict)),
            ("scenarios", .array(reports.map { report in
                .object([
                    ("name", .string(report.scenario.name)), ("file", .string(report.file)), ("days", .integer(report.days)),
                    ("targets", .array(report.results.map { result in
                        let bound: (low: Double?, high: Double?) = switch result.target.judgedBound {
                        case .atLeast(let low): (low, nil)
                        case .atMost(let high): (nil, high)
                        case .between(let low, let high): (low, high)
                        }
                        let start = result.interval.map { JSONValue.string(ClockTime(minutes: report.scenario.intervalStart($0)).description) }
                        return .object([
                            ("name", .string(result.target.name)),
                            ("metric", .string((result.estimate?.key.metric ?? result.target.key(interval: nil).metric).name)),
                            ("per_interval", .bool(result.target.perInterval)),
                            ("interval", start ?? .null),
                            ("verdict", .string(result.verdict.rawValue)),
                            ("value", result.estimate.map { .finite($0.mean) } ?? .null),
                            ("ci_low", result.estimate.map { .finite($0.low) } ?? .null),
                            ("ci_high", result.estimate.map { .finite($0.high) } ?? .null),
                            ("at_least", bound.low.map(JSONValue.number) ?? .null),
                            ("at_most", bound.high.map(JSONValue.number) ?? .null),
                            ("suggested_replications", result.suggestedReplications.map(JSONValue.integer) ?? .null),
                        ])
                    })),
                ])
            })),
        ])
    }

    static func markdown(_ reports: [ScenarioCheck], strict: Bool) -> String {
        var text = "| scenario | target | verdict | value [95% CI] |\n| --- | --- | --- | --- |\n"
        for report in reports {
            for result in report.results {
                let verdict = result.verdict == .inconclusive && strict ? "fail (inconclusive)" : result.verdict.rawValue
                let mark = result.verdict == .pass ? "✅" : result.verdict == .fail || strict ? "❌" : "⚠️"
                text += "| \(report.scenario.name) | \(result.target.name) | \(mark) \(verdict) | \(ScenarioCheck.describe(result, report.scenario)) |\n"
            }
        }
        return text + "\n\(ScenarioCheck.tally(reports.flatMap(\.results)))\(strict ? " (--strict: inconclusive fails)" : "")\n"
    }
}
