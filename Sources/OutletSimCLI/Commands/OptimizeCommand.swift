import ArgumentParser
import Evaluation
import Foundation
import Optimizer
import OptimizerOutput
import OutputKit
import Replications
import Report
import Results
import Scenario
import ScenarioFile

/// `outletsim optimize FILE`: the cheapest plan within the scenario's
/// search bounds that meets its targets.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Find the cheapest staffing plan and layout within the scenario's search bounds that meets its targets.",
        discussion: """
            Starts from the SIPP staffing (Erlang C per interval on loads measured with every window \
            open), refines it by simulation with common random numbers, searches the layout around \
            the incumbent, selects among the finalists with Kim-Nelson ranking and selection, covers \
            the staffing with the cheapest shifts (GLPK), and validates the plan on fresh days, \
            adding days (up to 32 times --validation-days) while a target is inconclusive. \
            Exit status: 0 with a plan whose every target passes, 1 when some target cannot be met \
            even at the upper bounds (nothing is written) or the plan found fails a target or leaves \
            one inconclusive on validation, 2 on invalid input.
            """
    )

    @Argument(help: "Scenario file with a search block, costs and targets.")
    var file: String

    @Option(help: "Most seconds for the search, up to 1000000; the best plan so far is then validated.")
    var budget: Double?

    @Option(help: "Most plan evaluations for the search, up to 1000000.")
    var maxEvaluations: Int?

    @Option(help: "Seed of the search days; validation uses fresh days from a seed derived from it, and prints the `run` command that gives today's plan's figures on them.")
    var seed: UInt64 = 1

    @Option(help: "Days every candidate plan is simulated on, 2 to 10000.")
    var searchDays: Int = 100

    @Option(help: "Fresh days the chosen plan is validated on, 2 to 10000000.")
    var validationDays: Int = 200

    @OptionGroup var threads: ThreadOptions

    @OptionGroup var output: OutputFolderOptions

    @Flag(help: "Also write the frontier of cost against service level (pareto.csv and a chart in the report).")
    var pareto = false

    @Flag(help: "Print nothing but errors: no progress, no plan (it is in the results folder).")
    var quiet = false

    func validate() throws {
        if let budget, !(budget > 0 && budget <= 1_000_000) {
            throw ValidationError("--budget must be seconds > 0 and at most 1000000, found \(budget)")
        }
        if let maxEvaluations, !(1...1_000_000).contains(maxEvaluations) {
            throw ValidationError("--max-evaluations must be from 1 to 1000000, found \(maxEvaluations)")
        }
        guard (2...10_000).contains(searchDays) else { throw ValidationError("--search-days must be from 2 to 10000, found \(searchDays)") }
        guard (2...RunCommand.mostDays).contains(validationDays) else {
            throw ValidationError("--validation-days must be from 2 to \(RunCommand.mostDays), found \(validationDays)")
        }
    }

    func run() throws {
        let scenario = try ScenarioLoader.load(path: file)
        if !quiet { ReadingNotes.show([scenario]) }
        guard !scenario.search.isEmpty, !scenario.targets.isEmpty else {
            let missing = scenario.search.isEmpty ? "search" : "targets"
            FileHandle.standardError.write(Data("\(file):1:1: error: \(missing): found no '\(missing)'; allowed: a scenario with a search block, costs and targets to optimize (see docs/optimizer.md)\n".utf8))
            throw ExitCode(2)
        }
        let replacement = output.replacement
        let targetPath = output.out ?? ResultsFolder.defaultPath(prefix: "optimize-", name: scenario.name)
        // Refuse an unusable --out before the search, not after it.
        try ResultsFolder.check(targetPath, replacement: replacement)
        let settings = OptimizerSettings(seed: seed, jobs: threads.count, searchDays: searchDays, validationDays: validationDays,
                                         budgetSeconds: budget, maxEvaluations: maxEvaluations, stop: Interruption.install())
        let reporter = ProgressReporter(quiet: quiet, budget: budget, maxEvaluations: maxEvaluations)
        var optimization = Optimization(scenario: scenario, settings: settings) { reporter.report($0) }
        let result = try optimization.run()

        guard result.unreachable.isEmpty, let planned = result.planned, let validation = result.validation else {
            var text = "\(scenario.name): no plan within the search bounds meets every target. Out of reach even with every decision at its upper bound:\n"
            let verdicts = result.upperBounds.verdicts
            for index in result.unreachable {
                let target = scenario.targets[index]
                let detail = verdicts.first { $0.target == target }.map { ScenarioCheck.describe($0, scenario) } ?? "not measured"
                text += "  \(target.name): \(detail)\n"
            }
            text += "Raise the bounds in search:, or relax these targets.\n"
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(1)
        }

        let output = OptimizationOutput(files: OptimizationFiles(scenario: scenario, file: file, result: result, planned: planned,
                                                                 validation: validation, optimization: optimization, pareto: pareto))
        let folder = try ResultsFolder(target: targetPath, replacement: replacement)
        do {
            for (name, text) in try output.contents(folder: folder.target) { try folder.write(name, text) }
            try folder.commit(replacement: replacement)
        } catch {
            folder.discard()
            throw error
        }
        if !quiet {
            print(output.terminalSummary())
            print("\nResults in \(folder.target.path); run the plan with `outletsim run \(folder.target.appendingPathComponent("plan.yaml").path)`.")
        }
        let failed = validation.count(.fail)
        if failed > 0 {
            FileHandle.standardError.write(Data("\(scenario.name): the best plan found fails \(failed) target(s) on the fresh validation days; give the search more time (--budget, --max-evaluations) or more --search-days.\n".utf8))
            throw ExitCode(1)
        }
        // A plan whose target sits on its bound is not a plan that meets it.
        let open = validation.verdicts.filter { $0.verdict == .inconclusive }
        if !open.isEmpty {
            var text = "\(scenario.name): the best plan found leaves \(open.count) target(s) inconclusive after \(validation.statistics.days) fresh validation days, so it is not known to meet them:\n"
            for result in open { text += "  \(result.target.name): \(ScenarioCheck.describe(result, validation.scenario))\n" }
            text += "Its estimate sits on the bound even on that many days: tighten the target a little to get a plan that clears it.\n"
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(1)
        }
    }
}

/// Progress on standard error: a line when the phase changes, when the best
/// cost improves, and every 25 evaluations, with the time spent and, when
/// the search has a bound (--budget, --max-evaluations), the total and the
/// time left. A search without one ends when no move improves the plan, so
/// it has no total to show.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let quiet: Bool
    private let budget: Double?
    private let maxEvaluations: Int?
    private let started = Date()
    private var phase: SearchPhase?
    private var best: Double?

    init(quiet: Bool, budget: Double?, maxEvaluations: Int?) {
        self.quiet = quiet
        self.budget = budget
        self.maxEvaluations = maxEvaluations
    }

    /// "of at most 200, 12.3 s elapsed, about 37 s left" (the tighter bound's).
    func timing(_ done: Int) -> String {
        let elapsed = Date().timeIntervalSince(started)
        var lefts: [Double] = []
        if let budget { lefts.append(max(0, budget - elapsed)) }
        if let maxEvaluations, done > 0 { lefts.append(Double(max(0, maxEvaluations - done)) * elapsed / Double(done)) }
        let total = maxEvaluations.map { " of at most \($0)" } ?? ""
        let left = lefts.min().map { String(format: ", about %.0f s left", $0) } ?? ", no fixed total (until no move improves the plan)"
        return "\(total), \(String(format: "%.1f", elapsed)) s elapsed\(left)"
    }

    func report(_ progress: SearchProgress) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        let improved = progress.bestCost.map { cost in best.map { cost < $0 } ?? true } ?? false
        guard progress.phase != phase || improved || progress.evaluation % 25 == 0 else { return }
        phase = progress.phase
        if improved { best = progress.bestCost }
        let cost = best.map { String(format: "%.0f", $0) } ?? "none yet"
        FileHandle.standardError.write(Data("evaluation \(progress.evaluation)\(timing(progress.evaluation)) [\(progress.phase.rawValue)]: best cost \(cost) yuan a day, targets met \(progress.targetsMet)/\(progress.targets)\n".utf8))
    }
}
