import Foundation
import Measurement
import Replications
import Results
import Scenario

/// `comparison.html`: the plans side by side per interval (one line per
/// plan) and the day differences against the first plan with paired 95%
/// intervals. Self-contained, like the run report.
public struct ComparisonReport {
    /// One day metric's row: the values per plan and the differences.
    public struct Row {
        public let metric: String
        public let values: [Double]
        /// Per plan after the first: (difference, low, high, significant).
        public let differences: [(Double, Double, Double, Bool)]

        public init(metric: String, values: [Double], differences: [(Double, Double, Double, Bool)]) {
            self.metric = metric
            self.values = values
            self.differences = differences
        }
    }

    let scenarios: [Scenario]
    let statistics: [RunStatistics]
    let rows: [Row]
    /// Each plan's targets, judged.
    let verdicts: [[TargetResult]]
    let days: Int
    let seed: UInt64

    public init(scenarios: [Scenario], statistics: [RunStatistics], rows: [Row], verdicts: [[TargetResult]], days: Int, seed: UInt64) {
        self.scenarios = scenarios
        self.statistics = statistics
        self.rows = rows
        self.verdicts = verdicts
        self.days = days
        self.seed = seed
    }

    var labels: [String] { (0..<scenarios[0].intervalCount).map { ClockTime(minutes: scenarios[0].intervalStart($0)).description } }

    func chart(_ title: String, _ description: String, metric: Metric, label: String) -> String {
        let series = statistics.enumerated().map { plan, statistics in
            Series(name: scenarios[plan].name, values: (0..<scenarios[0].intervalCount).map {
                statistics.estimate(MetricKey(.interval, entity: $0, metric))?.mean ?? .nan
            })
        }
        return LineChart(title: title, description: description, categories: labels, categoryLabel: "interval start (clock time)",
                         valueLabel: label, series: series).render()
    }

    func table() -> String {
        let names = scenarios.map(\.name)
        var html = "<table><thead><tr><th>day metric</th>" + names.map { "<th>\(SVG.escape($0))</th>" }.joined()
        html += names.dropFirst().map { "<th>\(SVG.escape($0)) − \(SVG.escape(names[0])) [95% CI]</th>" }.joined() + "</tr></thead><tbody>"
        func show(_ value: Double) -> String { value.isFinite ? String(format: abs(value) >= 100 ? "%.0f" : "%.3g", value) : "–" }
        for row in rows {
            html += "<tr><td>\(SVG.escape(row.metric))</td>" + row.values.map { "<td>\(show($0))</td>" }.joined()
            html += row.differences.map { difference, low, high, significant in
                "<td class=\"\(significant ? "significant" : "")\">\(show(difference)) [\(show(low)), \(show(high))]\(significant ? " *" : "")</td>"
            }.joined() + "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// Every target of any plan, with each plan's verdict and value.
    func targetTable() -> String {
        var names: [String] = []
        for results in verdicts { for result in results where !names.contains(result.target.name) { names.append(result.target.name) } }
        guard !names.isEmpty else { return "" }
        func show(_ value: Double) -> String { value.isFinite ? String(format: abs(value) >= 100 ? "%.0f" : "%.3g", value) : "–" }
        var html = "<h2>Targets, plan by plan</h2><table class=\"targets\"><thead><tr><th>target</th>"
        html += scenarios.map { "<th>\(SVG.escape($0.name))</th>" }.joined() + "</tr></thead><tbody>"
        for name in names {
            html += "<tr><td>\(SVG.escape(name))</td>"
            for results in verdicts {
                guard let result = results.first(where: { $0.target.name == name }) else { html += "<td>–</td>"; continue }
                let value = result.estimate.map { " \(show($0.mean))" } ?? ""
                html += "<td class=\"\(result.verdict.rawValue)\" title=\"\(SVG.escape(result.target.boundText))\">\(result.verdict.rawValue)\(value)</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    public func html() -> String {
        let names = scenarios.map(\.name)
        let title = "OutletSim comparison: " + names.joined(separator: " vs ")
        let charts = [
            chart("p90 wait per interval, by plan", "90th percentile of the wait for a window of customers arriving in each interval, one line per plan.",
                  metric: .waitPercentile(90), label: "wait (minutes)"),
            chart("Mean wait per interval, by plan", "Mean wait for a window per interval, one line per plan.",
                  metric: .waitMean, label: "wait (minutes)"),
            chart("Windows open per interval, by plan", "Average number of windows open in each interval, one line per plan.",
                  metric: .openWindows, label: "windows open"),
            chart("Waiting-zone occupancy per interval, by plan", "Time-average number of customers waiting for a window, one line per plan.",
                  metric: .occupancyMean, label: "customers waiting"),
        ]
        let meta = "Every plan simulated on the same \(days) days (seed \(seed)) with the same random streams, so the differences are paired; * marks a difference whose 95% interval excludes 0."
        return ReportPage.html(title: title, meta: meta, table: table() + targetTable(), charts: charts)
    }
}

extension ComparisonReport {
    /// The side-by-side page, with the day metrics shown in the terminal table.
    public init(comparison: Comparison) {
        let shown = Comparison.shown
        let all = comparison.differencesByPlan
        let rows: [ComparisonReport.Row] = comparison.keys.filter { $0.scope == .day && shown.contains($0.metric) }.compactMap { key in
            guard let first = all.first?.first(where: { $0.key == key }) else { return nil }
            let others = all.compactMap { $0.first { $0.key == key } }
            return ComparisonReport.Row(metric: key.metric.label, values: [first.first.mean] + others.map(\.plan.mean),
                                        differences: others.map { ($0.difference, $0.low, $0.high, $0.isSignificant) })
        }
        self.init(scenarios: comparison.scenarios, statistics: comparison.statistics, rows: rows, verdicts: comparison.verdicts,
                  days: comparison.days, seed: comparison.seed)
    }
}
