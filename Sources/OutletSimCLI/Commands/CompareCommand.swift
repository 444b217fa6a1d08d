import ArgumentParser
import Evaluation
import Foundation
import Measurement
import Replications
import Report
import Results
import Scenario
import ScenarioFile

/// `outletsim compare A B [C ...]`: plans run on the same days with the
/// same streams, so that their differences are paired.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare plans on the same simulated days: each metric's difference from the first plan, with a paired 95% interval.",
        discussion: """
            Every plan is run with the same seed; since each purpose draws from its own \
            random stream, day d of every plan sees the same customers (common random \
            numbers), and the per-day differences give a paired interval, far narrower \
            than comparing two independent runs. A difference is significant when its \
            interval excludes 0.
            """
    )

    @Argument(help: "Scenario files, the first being the reference plan.")
    var files: [String]

    @Option(help: "Days simulated for every plan, 2 to 10000000.")
    var replications: Int = 30

    @Option(help: "Seed shared by all plans.")
    var seed: UInt64 = 1

    @OptionGroup var threads: ThreadOptions

    @OptionGroup var output: OutputFolderOptions

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        // Each plan holds a block of days in memory while they are paired.
        guard (2...100).contains(files.count) else {
            throw ValidationError("compare needs 2 to 100 scenario files, found \(files.count)")
        }
        guard (2...RunCommand.mostDays).contains(replications) else {
            throw ValidationError("--replications must be from 2 to \(RunCommand.mostDays), found \(replications)")
        }
    }

    func run() throws {
        var scenarios: [Scenario] = []
        var problems: [ScenarioProblem] = []
        for file in files {
            do { scenarios.append(try ScenarioLoader.load(path: file)) } catch { problems += error.problems }
        }
        guard problems.isEmpty else { throw ScenarioProblems(problems) }
        let differences = Comparability.differences(scenarios)
        guard differences.isEmpty else { throw ValidationError(IncomparablePlans(differences: differences).description) }
        let replacement = output.replacement
        let targetPath = output.out ?? ResultsFolder.defaultPath(prefix: "compare-", name: "\(scenarios[0].name)-vs-\(scenarios[1].name)")
        try ResultsFolder.check(targetPath, replacement: replacement)
        let targets = Array(Set(scenarios.flatMap(\.waitTargets))).sorted()
        let evaluator = PlanEvaluator(seed: seed, jobs: threads.count, stop: Interruption.install())
        var paired = PairedAccumulator(plans: scenarios.count, plannedDays: replications)
        try evaluator.compare(scenarios, days: 0..<replications, waits: targets, into: &paired)
        let comparison = Comparison(scenarios: scenarios, paired: paired, seed: seed)
        let folder = try ResultsFolder(target: targetPath, replacement: replacement)
        do {
            try folder.write("comparison.json", comparison.json().rendered())
            try folder.write("comparison.csv", comparison.table().rendered())
            try folder.write("comparison.html", comparison.report().html())
            try folder.commit(replacement: replacement)
        } catch {
            folder.discard()
            throw error
        }
        if !quiet {
            print(comparison.terminalTable())
            print("\nResults in \(folder.target.path).")
        }
    }
}

/// The metrics compared: every day metric and every interval metric; the
/// interval where the first plan's p90 wait is worst is named for reports.
struct Comparison {
    let scenarios: [Scenario]
    /// Each plan's estimates.
    let statistics: [RunStatistics]
    /// The days every plan was simulated on.
    let days: Int
    let seed: UInt64
    let worstInterval: Int?
    let keys: [MetricKey]
    /// For each plan after the first, its differences against the first.
    let differencesByPlan: [[PlanDifference]]

    init(scenarios: [Scenario], paired: PairedAccumulator, seed: UInt64) {
        self.scenarios = scenarios
        self.seed = seed
        days = paired.days
        let statistics = scenarios.indices.map { paired.statistics(plan: $0) }
        self.statistics = statistics
        let first = statistics[0]
        worstInterval = first.estimates.filter { $0.key.scope == .interval && $0.key.metric == .waitPercentile(90) }
            .max { $0.mean < $1.mean }?.key.entity
        let day = first.estimates.map(\.key).filter { $0.scope == .day }
        // Estimates are in key order: by interval, then metric name.
        let intervals = first.estimates.map(\.key).filter { $0.scope == .interval }
        let keys = day + intervals
        self.keys = keys
        differencesByPlan = scenarios.indices.dropFirst().map { paired.differences(plan: $0, keys: keys, statistics: statistics) }
    }

    var names: [String] { scenarios.map(\.name) }

    /// The day metrics shown in the terminal and the page.
    static let shown: [Metric] = [.arrivals, .shareAbandoned, .waitMean, .waitPercentile(90), .shareServedWithin(10),
                                  .windowUtilisation, .occupancyMax, .overtimeMinutes, .staffHours, .cost(nil)]

    func differences(_ plan: Int) -> [PlanDifference] { differencesByPlan[plan - 1] }

    /// "HH:MM" start of an interval metric's interval; empty for day metrics.
    func intervalStart(_ key: MetricKey) -> String {
        key.scope == .day ? "" : ClockTime(minutes: scenarios[0].intervalStart(key.entity)).description
    }

    func json() -> JSONValue {
        var metrics: [JSONValue] = []
        let all = differencesByPlan
        for key in keys {
            guard let first = all.first?.first(where: { $0.key == key }) else { continue }
            var values: [JSONValue] = [.object([("plan", .string(names[0])), ("mean", .finite(first.first.mean)),
                                               ("ci_low", .finite(first.first.low)), ("ci_high", .finite(first.first.high))])]
            var differences: [JSONValue] = []
            for (offset, rows) in all.enumerated() {
                guard let row = rows.first(where: { $0.key == key }) else { continue }
                values.append(.object([("plan", .string(names[offset + 1])), ("mean", .finite(row.plan.mean)),
                                       ("ci_low", .finite(row.plan.low)), ("ci_high", .finite(row.plan.high))]))
                differences.append(.object([("plan", .string(names[offset + 1])), ("mean", .finite(row.difference)),
                                            ("ci_low", .finite(row.low)), ("ci_high", .finite(row.high)),
                                            ("significant", .bool(row.isSignificant)),
                                            ("unpaired_half_width", .finite(row.unpairedHalfWidth))]))
            }
            metrics.append(.object([("scope", .string(key.scope == .day ? "day" : "interval")),
                                    ("interval", key.scope == .day ? .null : .string(intervalStart(key))), ("metric", .string(key.metric.name)),
                                    ("values", .array(values)), ("differences", .array(differences))]))
        }
        return .object([
            ("format", .string("outletsim-comparison")), ("version", .integer(1)),
            ("plans", .array(names.map { .string($0) })), ("replications", .integer(days)), ("seed", .string(String(seed))),
            ("worst_interval", worstInterval.map { .string(ClockTime(minutes: scenarios[0].intervalStart($0)).description) } ?? .null),
            ("metrics", .array(metrics)),
            ("targets", .array(verdicts.enumerated().map { plan, results in
                .object([("plan", .string(names[plan])), ("verdicts", .array(results.map { result in
                    .object([("target", .string(result.target.name)), ("verdict", .string(result.verdict.rawValue)),
                             ("value", result.estimate.map { .finite($0.mean) } ?? .null),
                             ("ci_low", result.estimate.map { .finite($0.low) } ?? .null),
                             ("ci_high", result.estimate.map { .finite($0.high) } ?? .null),
                             ("interval", result.interval.map { .string(ClockTime(minutes: scenarios[plan].intervalStart($0)).description) } ?? .null),
                             ("bound", .string(result.target.boundText))])
                }))])
            })),
        ])
    }

    func table() -> CSVTable {
        var table = CSVTable(header: ["scope", "interval", "metric", "plan", "value", "ci_low", "ci_high", "difference", "difference_ci_low",
                                      "difference_ci_high", "significant"])
        for plan in scenarios.indices.dropFirst() {
            for row in differences(plan) {
                if plan == 1 {
                    table.append([row.key.scope == .day ? "day" : "interval", intervalStart(row.key), row.key.metric.name, names[0], CSVTable.cell(row.first.mean), CSVTable.cell(row.first.low),
                                  CSVTable.cell(row.first.high), "", "", "", ""])
                }
                table.append([row.key.scope == .day ? "day" : "interval", intervalStart(row.key), row.key.metric.name, names[plan], CSVTable.cell(row.plan.mean), CSVTable.cell(row.plan.low),
                              CSVTable.cell(row.plan.high), CSVTable.cell(row.difference), CSVTable.cell(row.low), CSVTable.cell(row.high),
                              row.isSignificant ? "true" : "false"])
            }
        }
        return table
    }

    func terminalTable() -> String {
        let shown = Self.shown
        var text = "Plans compared on the same \(days) days (seed \(seed)); differences against \(names[0]), paired 95% intervals.\n"
        for plan in scenarios.indices.dropFirst() {
            var rows: [[String]] = [["day metric", names[0], names[plan], "difference [95% CI]", "significant", "unpaired ±"]]
            for row in differences(plan) where row.key.scope == .day && shown.contains(row.key.metric) {
                rows.append([row.key.metric.label, format(row.first.mean), format(row.plan.mean),
                             "\(format(row.difference)) [\(format(row.low)), \(format(row.high))]",
                             row.isSignificant ? "yes" : "no", format(row.unpairedHalfWidth)])
            }
            text += "\n" + TextTable.render(rows) + "\n"
        }
        // Each plan's own targets, judged as check and run judge them.
        for (plan, verdicts) in verdicts.enumerated() where !verdicts.isEmpty {
            let count = { (verdict: Verdict) in verdicts.filter { $0.verdict == verdict }.count }
            text += "\nTargets of \(names[plan]): \(count(.pass)) pass, \(count(.inconclusive)) inconclusive, \(count(.fail)) fail\n"
            for result in verdicts where result.verdict != .pass {
                text += "  \(result.verdict.rawValue.uppercased()) \(result.target.name): \(ScenarioCheck.describe(result, scenarios[plan]))\n"
            }
        }
        return text
    }

    /// Each plan's targets judged on its own estimates.
    var verdicts: [[TargetResult]] { scenarios.indices.map { TargetJudge.judge(scenarios[$0], statistics[$0]) } }

    /// The side-by-side page, with the day metrics shown in the terminal table.
    func report() -> ComparisonReport {
        let shown = Self.shown
        let all = differencesByPlan
        let rows: [ComparisonReport.Row] = keys.filter { $0.scope == .day && shown.contains($0.metric) }.compactMap { key in
            guard let first = all.first?.first(where: { $0.key == key }) else { return nil }
            let others = all.compactMap { $0.first { $0.key == key } }
            return ComparisonReport.Row(metric: key.metric.label, values: [first.first.mean] + others.map(\.plan.mean),
                                        differences: others.map { ($0.difference, $0.low, $0.high, $0.isSignificant) })
        }
        return ComparisonReport(scenarios: scenarios, statistics: statistics, rows: rows, verdicts: verdicts, days: days, seed: seed)
    }

    func format(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        return abs(value) >= 100 ? String(format: "%.0f", value) : abs(value) >= 1 ? String(format: "%.2f", value) : String(format: "%.4f", value)
    }
}
