import Foundation
import Measurement
import OutputKit
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
        /// How its values and differences are shown.
        public let unit: ValueUnit
        public let values: [Double]
        /// Per plan after the first: (difference, low, high, significant).
        public let differences: [(Double, Double, Double, Bool)]

        public init(metric: String, unit: ValueUnit, values: [Double], differences: [(Double, Double, Double, Bool)]) {
            self.metric = metric
            self.unit = unit
            self.values = values
            self.differences = differences
        }
    }

    let scenarios: [Scenario]
    let statistics: [RunStatistics]
    let rows: [Row]
    /// Every plan judged on every target any plan declares.
    let targets: [Comparison.TargetRow]
    /// Notes on plans that changed nothing.
    var notes: [String] = []
    /// Each later plan's changes from the first.
    var changes: [(name: String, changes: PlanChanges)] = []
    let days: Int
    let seed: UInt64

    public init(scenarios: [Scenario], statistics: [RunStatistics], rows: [Row], targets: [Comparison.TargetRow], days: Int, seed: UInt64) {
        self.scenarios = scenarios
        self.statistics = statistics
        self.rows = rows
        self.targets = targets
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
        for row in rows {
            html += "<tr><td>\(SVG.escape(row.metric))</td>" + row.values.map { "<td>\(row.unit.number($0))</td>" }.joined()
            html += row.differences.map { difference, low, high, significant in
                guard difference.isFinite else { return "<td>–</td>" }
                let text = "\(row.unit.difference(difference)) [\(row.unit.difference(low)), \(row.unit.difference(high))]"
                return "<td class=\"\(significant ? "significant" : "")\">\(SVG.escape(text))\(significant ? " *" : "")</td>"
            }.joined() + "</tr>"
        }
        return html + "</tbody></table><p class=\"note\">pp: percentage points. *: the paired 95% interval excludes no difference.</p>"
    }

    /// Every target any plan declares, with each plan's verdict and value:
    /// a plan is judged on the others' targets too.
    func targetTable() -> String {
        guard !targets.isEmpty else { return "" }
        var html = "<h2>Targets: every plan on every target any plan declares</h2><table class=\"targets\"><thead><tr><th>target</th><th>bound</th><th>declared by</th>"
        html += scenarios.map { "<th>\(SVG.escape($0.name))</th>" }.joined() + "</tr></thead><tbody>"
        for row in targets {
            let declared = row.declaredBy.count == scenarios.count ? "every plan" : row.declaredBy.map { scenarios[$0].name }.joined(separator: ", ")
            html += "<tr><td>\(SVG.escape(row.target.name))</td><td>\(SVG.escape(row.target.boundText))</td><td>\(SVG.escape(declared))</td>"
            for cell in row.cells {
                switch cell {
                case .judged(let result):
                    let value = result.estimate.map { " " + SVG.escape(result.target.valueUnit.text($0.mean, low: $0.low, high: $0.high)) } ?? " (not measured)"
                    html += "<td class=\"\(result.verdict.rawValue)\">\(result.verdict.rawValue)\(value)</td>"
                case .notMeasurable(let reason):
                    html += "<td class=\"inconclusive\" title=\"\(SVG.escape(reason))\">not measurable: \(SVG.escape(reason))</td>"
                }
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// What each plan changes from the first: staff per role (changed intervals), kiosks, seats and costs.
    func changesTables() -> String {
        changes.map { name, changes in
            PlanChangesTable.html(changes, title: "What changes from \(scenarios[0].name) to \(name)", before: scenarios[0].name, after: name)
        }.joined()
    }

    /// The page's tables: no-effect notes, the day differences, what each plan changes, and the targets.
    public func tables() -> String {
        notes.map { "<p class=\"note\"><strong>No effect:</strong> \(SVG.escape($0))</p>" }.joined()
            + table() + changesTables() + targetTable()
    }

    /// The page's charts: each plan's line per interval.
    public func charts() -> [String] {
        [
            chart("p90 wait per interval, by plan", "90th percentile of the wait for a window of customers arriving in each interval, one line per plan.",
                  metric: .waitPercentile(90), label: "wait (minutes)"),
            chart("Mean wait per interval, by plan", "Mean wait for a window per interval, one line per plan.",
                  metric: .waitMean, label: "wait (minutes)"),
            chart("Windows open per interval, by plan", "Average number of windows open in each interval, one line per plan.",
                  metric: .openWindows, label: "windows open"),
            chart("Waiting-zone occupancy per interval, by plan", "Time-average number of customers waiting for a window, one line per plan.",
                  metric: .occupancyMean, label: "customers waiting"),
        ]
    }

    public func html() -> String {
        let title = "OutletSim comparison: " + scenarios.map(\.name).joined(separator: " vs ")
        let meta = "Every plan simulated on the same \(days) days (seed \(seed)) with the same random streams, so the differences are paired; * marks a difference whose 95% interval excludes 0."
        return ReportPage.html(title: title, meta: meta, table: tables(), charts: charts())
    }
}

extension ComparisonReport {
    /// The side-by-side page, with the day metrics shown in the terminal table.
    public init(comparison: Comparison) {
        let shown = Comparison.shown
        let all = comparison.differencesByPlan
        let rows: [ComparisonReport.Row] = comparison.keys.filter { $0.scope == .day && shown.contains($0.metric) }.compactMap { key in
            // A plan without the metric (no costs: section) keeps its column, shown as "–".
            let others = all.map { rows in rows.first { $0.key == key } }
            guard let first = others.compactMap({ $0 }).first?.first else { return nil }
            return ComparisonReport.Row(metric: key.metric.label, unit: key.metric.unit, values: [first.mean] + others.map { $0?.plan.mean ?? .nan },
                                        differences: others.map { $0.map { ($0.difference, $0.low, $0.high, $0.isSignificant) } ?? (.nan, .nan, .nan, false) })
        }
        self.init(scenarios: comparison.scenarios, statistics: comparison.statistics, rows: rows, targets: comparison.grid,
                  days: comparison.days, seed: comparison.seed)
        notes = comparison.noEffect.map(\.why)
            + comparison.inputsWithoutEffect.map { "\(comparison.names[$0.plan]): \($0.why)" }
        changes = comparison.scenarios.indices.dropFirst().map { (comparison.names[$0], comparison.changes($0)) }
    }
}
