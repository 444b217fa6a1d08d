import ArgumentParser
import Evaluation
import Foundation
import Measurement
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

    @Option(help: "Replications per scenario.")
    var replications: Int = 30

    @Option(help: "Seed; fixed so that a check is reproducible.")
    var seed: UInt64 = 1

    @Option(help: "Threads to use (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Most seconds to spend on one scenario; fewer replications are judged if it runs out.")
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
        guard replications >= 2 else { throw ValidationError("--replications must be at least 2, found \(replications)") }
        if let budget, !(budget > 0) { throw ValidationError("--budget must be a number of seconds > 0") }
    }

    func run() throws {
        var invalid = false
        var reports: [ScenarioCheck] = []
        for file in try scenarioFiles() {
            let scenario: Scenario
            do {
                scenario = try ScenarioLoader.load(path: file)
            } catch {
                Diagnostics.printProblems(error.problems)
                invalid = true
                continue
            }
            guard !scenario.targets.isEmpty else { continue }
            let started = Date()
            let evaluation = try evaluateWithinBudget(scenario, started: started)
            let report = ScenarioCheck(file: file, scenario: scenario, results: evaluation.verdicts,
                                       days: evaluation.statistics.days, seconds: Date().timeIntervalSince(started))
            report.printLines(strict: strict)
            reports.append(report)
        }
        let all = reports.flatMap(\.results)
        let failed = all.filter { $0.verdict == .fail || (strict && $0.verdict == .inconclusive) }.count
        let inconclusive = all.filter { $0.verdict == .inconclusive }.count
        if let junit { try CheckReports.junit(reports, strict: strict).write(toFile: junit, atomically: true, encoding: .utf8) }
        if let markdown { try CheckReports.markdown(reports, strict: strict).write(toFile: markdown, atomically: true, encoding: .utf8) }
        if let json { try CheckReports.json(reports, strict: strict).rendered().write(toFile: json, atomically: true, encoding: .utf8) }
        if inconclusive > 0 && !strict { print("\(inconclusive) inconclusive (counted as passed; --strict fails them)") }
        print("\(all.count - failed) passed, \(failed) failed")
        if invalid { throw ExitCode(2) }
        if failed > 0 { throw ExitCode(1) }
    }

    /// The scenario files named, folders searched recursively, in a stable order.
    func scenarioFiles() throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("\(path):0:0: error: found no such file or folder; allowed: scenario files or folders\n".utf8))
                throw ExitCode(2)
            }
            if isFolder.boolValue {
                let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
                files += found.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// All replications, or as many as the budget allows (in rounds of ten, at least two).
    func evaluateWithinBudget(_ scenario: Scenario, started: Date) throws -> PlanEvaluation {
        let evaluator = PlanEvaluator(seed: seed, jobs: jobs)
        guard let budget else { return try evaluator.evaluate(scenario, days: 0..<replications) }
        var results: [DayResult] = []
        while results.count < replications {
            let next = min(replications, max(results.count + 10, 2))
            results += try evaluator.evaluate(scenario, days: results.count..<next).days
            if Date().timeIntervalSince(started) > budget { break }
        }
        return PlanEvaluation(scenario: scenario, days: results)
    }
}

/// One scenario's checked targets.
struct ScenarioCheck {
    let file: String
    let scenario: Scenario
    let results: [TargetResult]
    let days: Int
    let seconds: Double

    static func describe(_ result: TargetResult, _ scenario: Scenario) -> String {
        guard let estimate = result.estimate else { return "no value measured" }
        let value = String(format: "%.4g", estimate.mean)
        let interval = "[\(String(format: "%.4g", estimate.low)), \(String(format: "%.4g", estimate.high))]"
        let place = result.interval.map { " in the \(ClockTime(minutes: scenario.intervalStart($0))) interval" } ?? ""
        return "\(value) \(interval)\(place)"
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
                        let bound: (low: Double?, high: Double?) = switch result.target.bound {
                        case .atLeast(let low): (low, nil)
                        case .atMost(let high): (nil, high)
                        case .between(let low, let high): (low, high)
                        }
                        let start = result.interval.map { JSONValue.string(ClockTime(minutes: report.scenario.intervalStart($0)).description) }
                        return .object([
                            ("name", .string(result.target.name)),
                            ("metric", .string((result.estimate?.key.metric ?? TargetJudge.key(for: result.target, interval: nil).metric).name)),
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
        let all = reports.flatMap(\.results)
        let failed = all.filter { $0.verdict == .fail || (strict && $0.verdict == .inconclusive) }.count
        return text + "\n\(all.count - failed) passed, \(failed) failed\n"
    }
}
