import Foundation
import Measurement
import OutputKit
import Replications
import Report
import Results
import Scenario

/// What the studio shows for one plan, made by the code `run` uses: the
/// statistics of the same days and seed, judged by the same targets and
/// drawn by the Report module, so every figure is the one `run` prints and
/// report.html shows for that plan.
public struct PlanAnswer: Sendable {
    public let document: ResultsDocument
    /// Seconds the evaluation took, simulation and drawing.
    public let seconds: Double

    public init(document: ResultsDocument, seconds: Double) {
        self.document = document
        self.seconds = seconds
    }

    public var scenario: Scenario { document.scenario }

    /// The answer as the page reads it.
    /// - Parameter settled: whether it answers the plan's latest edit on all its days.
    /// - Complexity: O(metrics + intervals × charts).
    public func json(settled: Bool) -> JSONValue {
        let report = RunReport(document: document)
        let results = TargetJudge.judge(scenario, document.statistics)
        func count(_ verdict: Verdict) -> JSONValue { .integer(results.filter { $0.verdict == verdict }.count) }
        let summary = document.summary()
        func member(_ value: JSONValue, _ name: String) -> JSONValue {
            if case .object(let members) = value, let found = members.first(where: { $0.0 == name }) { return found.1 }
            return .null
        }
        let day = member(summary, "day")
        let cost = document.statistics.estimate(MetricKey(.day, .cost(nil)))
        let floorPlan = report.floorPlanChart()
        return .object([
            ("settled", .bool(settled)),
            ("scenario", .string(scenario.name)),
            ("days", .integer(document.statistics.days)),
            ("seed", .string(String(document.seed))),
            ("seconds", .number((seconds * 1000).rounded() / 1000)),
            ("verdicts", .object([("pass", count(.pass)), ("inconclusive", count(.inconclusive)), ("fail", count(.fail))])),
            ("cost", cost.map { .object([("mean", .finite($0.mean)), ("ci_low", .finite($0.low)), ("ci_high", .finite($0.high))]) } ?? .null),
            ("day", day),
            // The staff and layout simulated, per interval: with a shift menu, those the covering shifts put on duty.
            ("on_duty", member(member(summary, "scenario"), "plan")),
            ("notes", .array((scenario.readingNotes + scenario.inputsWithoutEffect.map { "no effect: " + $0 }).map { .string($0) })),
            ("key_figures_html", .string(report.keyFigures())),
            ("cost_html", .string(report.costTable())),
            ("targets_html", .string(report.targetTables())),
            ("floor_plan_svg", floorPlan.isEmpty ? .null : .string(floorPlan)),
            ("charts_svg", .array(report.charts().filter { $0 != floorPlan }.map { .string($0) })),
        ])
    }
}
