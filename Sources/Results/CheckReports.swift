import Foundation
import Measurement
import OutputKit
import Replications
import Scenario

/// One scenario's checked targets, as check reports them.
public struct ScenarioCheck: Sendable {
    public let file: String
    public let scenario: Scenario
    public let results: [TargetResult]
    public let days: Int
    public let seconds: Double

    public init(file: String, scenario: Scenario, results: [TargetResult], days: Int, seconds: Double) {
        self.file = file
        self.scenario = scenario
        self.results = results
        self.days = days
        self.seconds = seconds
    }

    /// The value that decided, its interval, where, and the bound it had to meet.
    public static func describe(_ result: TargetResult, _ scenario: Scenario) -> String {
        guard let estimate = result.estimate else { return "no value measured; bound \(result.target.boundText)" }
        let value = result.target.valueUnit.text(estimate.mean, low: estimate.low, high: estimate.high)
        let place = result.interval.map { first in
            guard result.target.isPerPeriod else { return " in the \(ClockTime(minutes: scenario.intervalStart(first))) interval" }
            let last = result.target.periodIntervals(from: first, intervalCount: scenario.intervalCount).upperBound
            return " from \(ClockTime(minutes: scenario.intervalStart(first))) to \(ClockTime(minutes: scenario.intervalStart(last) + scenario.intervalMinutes))"
        } ?? ""
        return "\(value)\(place); bound \(result.target.boundText)"
    }

    /// "3 passed, 2 inconclusive, 1 failed": inconclusive is never counted as passed.
    public static func tally(_ results: [TargetResult], errors: [CheckError] = []) -> String {
        let count = { (verdict: Verdict) in results.filter { $0.verdict == verdict }.count }
        let counted = "\(count(.pass)) passed, \(count(.inconclusive)) inconclusive, \(count(.fail)) failed"
        guard !errors.isEmpty else { return counted }
        return counted + ", \(errors.count) error\(errors.count == 1 ? "" : "s") (\(Set(errors.map(\.file)).count) file\(Set(errors.map(\.file)).count == 1 ? "" : "s") that could not be checked)"
    }
}

/// A file that check could not judge: it could not be read or validated,
/// it declares no targets although named, or a target could not be
/// measured. CI reports count it as an error, never as a pass.
public struct CheckError: Sendable, Equatable {
    /// The scenario file, as given.
    public let file: String
    /// What went wrong: one located message per problem.
    public let messages: [String]

    public init(file: String, messages: [String]) {
        self.file = file
        self.messages = messages
    }
}

/// The reports of a check for CI: JUnit XML, a Markdown table for a pull
/// request, and JSON.
public enum CheckReports {
    /// The text each report starts with, by which an earlier report is recognised and replaced.
    public static let junitMarker = "<testsuites name=\"outletsim check\""
    public static let markdownMarker = "| scenario | target | verdict | value [95% CI] |"
    public static let jsonMarker = "\"format\": \"outletsim-check\""

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    public static func junit(_ reports: [ScenarioCheck], errors: [CheckError] = [], strict: Bool) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let all = reports.flatMap(\.results)
        let failures = all.filter { $0.verdict == .fail || (strict && $0.verdict == .inconclusive) }.count
        xml += "<testsuites name=\"outletsim check\" tests=\"\(all.count + errors.count)\" failures=\"\(failures)\" errors=\"\(errors.count)\">\n"
        for error in errors {
            let detail = escape(error.messages.joined(separator: "\n"))
            xml += "  <testsuite name=\"\(escape(error.file))\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" file=\"\(escape(error.file))\">\n"
            xml += "    <testcase classname=\"\(escape(error.file))\" name=\"check\"><error message=\"\(escape(error.messages.first ?? "could not be checked"))\">\(detail)</error></testcase>\n"
            xml += "  </testsuite>\n"
        }
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
    public static func json(_ reports: [ScenarioCheck], errors: [CheckError] = [], strict: Bool) -> JSONValue {
        .object([
            ("format", .string("outletsim-check")), ("version", .integer(1)), ("strict", .bool(strict)),
            ("errors", .array(errors.map { error in
                .object([("file", .string(error.file)), ("messages", .array(error.messages.map(JSONValue.string)))])
            })),
            ("scenarios", .array(reports.map { report in
                .object([
                    ("name", .string(report.scenario.name)), ("file", .string(report.file)), ("days", .integer(report.days)),
                    ("targets", .array(report.results.map { result in
                        let bound = result.target.judgedBound.limits
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
                            ("unit", .string(result.target.valueUnit.rawValue)), ("bound_text", .string(result.target.boundText)),
                            ("suggested_replications", result.suggestedReplications.map(JSONValue.integer) ?? .null),
                        ])
                    })),
                ])
            })),
        ])
    }

    public static func markdown(_ reports: [ScenarioCheck], errors: [CheckError] = [], strict: Bool) -> String {
        var text = "| scenario | target | verdict | value [95% CI] |\n| --- | --- | --- | --- |\n"
        for error in errors {
            let first = (error.messages.first ?? "could not be checked").replacingOccurrences(of: "|", with: "\\|")
            let more = error.messages.count > 1 ? " (and \(error.messages.count - 1) more)" : ""
            text += "| \(error.file) | — | ❌ error | \(first)\(more) |\n"
        }
        for report in reports {
            for result in report.results {
                let verdict = result.verdict == .inconclusive && strict ? "fail (inconclusive)" : result.verdict.rawValue
                let mark = result.verdict == .pass ? "✅" : result.verdict == .fail || strict ? "❌" : "⚠️"
                text += "| \(report.scenario.name) | \(result.target.name) | \(mark) \(verdict) | \(ScenarioCheck.describe(result, report.scenario)) |\n"
            }
        }
        return text + "\n\(ScenarioCheck.tally(reports.flatMap(\.results), errors: errors))\(strict ? " (--strict: inconclusive fails)" : "")\n"
    }
}
