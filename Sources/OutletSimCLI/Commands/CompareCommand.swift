import ArgumentParser
import Evaluation
import Foundation
import Measurement
import OutputKit
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
        if !quiet { ReadingNotes.show(scenarios) }
        let replacement = output.replacement
        let targetPath = output.out ?? ResultsFolder.defaultPath(prefix: "compare-", name: "\(scenarios[0].name)-vs-\(scenarios[1].name)")
        try ResultsFolder.check(targetPath, replacement: replacement)
        let waits = Array(Set(scenarios.flatMap(\.waitTargets))).sorted()
        // Every plan is simulated with every target any plan declares, so that each is judged on all of them.
        let targets = TargetUnion(scenarios)
        let evaluator = PlanEvaluator(seed: seed, jobs: threads.count, stop: Interruption.install())
        var paired = PairedAccumulator(plans: scenarios.count, plannedDays: replications)
        try evaluator.compare(targets.scenarios, days: 0..<replications, waits: waits, into: &paired)
        let comparison = Comparison(targets: targets, paired: paired, seed: seed)
        let folder = try ResultsFolder(target: targetPath, replacement: replacement)
        do {
            try folder.write("comparison.json", comparison.json().rendered())
            try folder.write("comparison.csv", comparison.table().rendered())
            try folder.write("changes.csv", comparison.changesTable().rendered())
            try folder.write("comparison.html", ComparisonReport(comparison: comparison).html())
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

/// The terminal table of a comparison.
extension Comparison {
    func terminalTable() -> String {
        let shown = Self.shown
        var text = "Plans compared on the same \(days) days (seed \(seed)); differences against \(names[0]), paired 95% intervals.\n"
        for plan in scenarios.indices.dropFirst() {
            var rows: [[String]] = [["day metric", names[0], names[plan], "difference [95% CI]", "significant", "± if unpaired"]]
            for row in differences(plan) where row.key.scope == .day && shown.contains(row.key.metric) {
                let unit = row.key.metric.unit
                rows.append([row.key.metric.label, unit.number(row.first.mean), unit.number(row.plan.mean),
                             "\(unit.difference(row.difference)) [\(unit.difference(row.low)), \(unit.difference(row.high))]",
                             row.isSignificant ? "yes" : "no", unit.difference(row.unpairedHalfWidth).replacingOccurrences(of: "+", with: "±")])
            }
            text += "\n" + TextTable.render(rows) + "\n"
            text += "pp: percentage points. ± if unpaired: the half-width the interval would have without common random numbers.\n"
        }
        for plan in scenarios.indices.dropFirst() {
            text += "\nWhat changes from \(names[0]) to \(names[plan])\n"
            text += changes(plan).terminalText(beforeName: names[0], afterName: names[plan])
        }
        for finding in noEffect { text += "\nNO EFFECT: \(finding.why)\n" }
        for finding in inputsWithoutEffect { text += "\nNO EFFECT in \(names[finding.plan]): \(finding.why)\n" }
        // Every plan on every target any plan declares, judged as check and run judge them.
        let grid = self.grid
        guard !grid.isEmpty else { return text }
        text += "\nTargets: every plan judged on every target any plan declares (95% intervals).\n"
        var rows: [[String]] = [["target", "declared by"] + names]
        for row in grid {
            let cells = row.cells.map { cell -> String in
                switch cell {
                case .judged(let result):
                    guard let estimate = result.estimate else { return "\(result.verdict.rawValue) (not measured)" }
                    return "\(result.verdict.rawValue) \(result.target.valueUnit.text(estimate.mean))"
                case .notMeasurable: return "not measurable"
                }
            }
            let declared = row.declaredBy.count == names.count ? "all" : row.declaredBy.map { names[$0] }.joined(separator: ", ")
            rows.append(["\(row.target.name) (\(row.target.boundText))", declared] + cells)
        }
        text += TextTable.render(rows) + "\n"
        for row in grid {
            for (plan, cell) in row.cells.enumerated() {
                switch cell {
                case .judged(let result) where result.verdict != .pass:
                    text += "  \(result.verdict.rawValue.uppercased()) \(names[plan]), \(result.target.name)"
                        + "\(row.declaredBy.contains(plan) ? "" : " (declared by \(row.declaredBy.map { names[$0] }.joined(separator: ", ")))")"
                        + ": \(ScenarioCheck.describe(result, scenarios[plan]))\n"
                case .notMeasurable(let reason):
                    text += "  NOT MEASURABLE \(names[plan]), \(row.target.name): \(reason)\n"
                default: break
                }
            }
        }
        return text
    }
}
