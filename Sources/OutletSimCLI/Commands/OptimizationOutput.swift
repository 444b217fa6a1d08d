import Evaluation
import Foundation
import Measurement
import Optimizer
import OptimizerOutput
import OutputKit
import Replications
import Report
import Results
import Scenario

/// What `outletsim optimize` writes and prints: the validation run's results
/// folder, the optimizer's files and page, and the terminal summary.
struct OptimizationOutput {
    let files: OptimizationFiles

    var scenario: Scenario { files.scenario }
    var result: OptimizationResult { files.result }
    var planned: OutletPlan { files.planned }
    var validation: PlanEvaluation { files.validation }
    var optimization: Optimization { files.optimization }
    var searchedGroups: [Int] { files.searchedGroups }

    func start(_ interval: Int) -> String { files.start(interval) }
    func schedule(_ counts: [Int]) -> String { files.schedule(counts) }

    /// Every file of the results folder, the page included.
    func contents(folder: URL) throws -> [(String, String)] {
        let data = FileManager.default.contents(atPath: files.file) ?? Data()
        let plannedScenario = files.plannedScenario
        let targets = plannedScenario.waitTargets
        let document = ResultsDocument(scenario: plannedScenario, statistics: validation.statistics,
                                       erlang: ErlangEstimates.compute(plannedScenario, validation.statistics, targets: targets),
                                       seed: optimization.validationSeed, targets: targets, scenarioSHA256: SHA256.hex(data))
        let frontier = ParetoFrontier.frontier(of: optimization.trace)
        var contents = document.files() + [("report.html", OptimizationReport(files: files, document: document).html())]
        contents.append(("plan.yaml", files.planYAML(folder: folder)))
        contents.append(("cost.csv", files.costTable().rendered()))
        contents.append(("staffing.csv", files.staffingTable().rendered()))
        if let changes = files.changes { contents.append(("changes.csv", changes.table(beforeName: "today", afterName: "plan").rendered())) }
        if !result.shifts.isEmpty { contents.append(("shifts.csv", files.shiftsTable().rendered())) }
        if files.pareto { contents.append(("pareto.csv", files.paretoTable(frontier).rendered())) }
        contents.append(("optimization.json", files.json(frontier: files.pareto ? frontier : nil).rendered()))
        return contents
    }

    // MARK: Terminal

    func terminalSummary() -> String {
        // Greeters and guides searched per interval are staffed like windows, so they get columns too.
        let staff = [("greeters", planned.layout.greeters, result.required?.layout.greeters),
                     ("guides", planned.layout.guides, result.required?.layout.guides)].filter { $0.1 != nil }
        var rows: [[String]] = [["interval"] + searchedGroups.map { scenario.windowGroups[$0].name } + staff.map(\.0)]
        for interval in 0..<scenario.intervalCount {
            // With shifts, the staff on duty are what was simulated and paid.
            func cell(_ planned: Int, _ required: Int) -> String {
                planned == required || self.planned.roster != nil ? String(planned) : "\(planned) (\(required) needed)"
            }
            rows.append([start(interval)]
                        + searchedGroups.map { cell(planned.windows[$0]?[interval] ?? 0, result.required?.windows[$0]?[interval] ?? 0) }
                        + staff.map { cell($0.1?[interval] ?? 0, $0.2?[interval] ?? 0) })
        }
        let title = staff.isEmpty ? "windows open per interval" : "staff on duty per interval"
        var text = "Plan for \(scenario.name): \(title)\n" + TextTable.render(rows) + "\n"
        if !result.shifts.isEmpty {
            var shiftRows: [[String]] = [["role", "shift", "start", "break", "staff", "cost"]]
            for row in files.shiftsTable().rows {
                shiftRows.append([row[0], row[1], "\(row[2])–\(row[3])", row[4].isEmpty ? "" : "\(row[4])–\(row[5])", row[6],
                                  String(format: "%.0f", Double(row[8]) ?? .nan)])
            }
            text += "\nRoster (every role works shifts, and is paid by them)\n" + TextTable.render(shiftRows) + "\n"
        }
        let layout = planned.layout
        var parts: [String] = layout.kiosks.sorted { $0.key < $1.key }.map { "\(scenario.selfService.kioskTypes[$0.key].name) kiosks \($0.value)" }
        if let seats = layout.seats { parts.append("seats \(seats)") }
        if let greeters = layout.greeters { parts.append("greeters \(schedule(greeters))") }
        if let guides = layout.guides { parts.append("guides \(schedule(guides))") }
        if !parts.isEmpty { text += "Layout: " + parts.joined(separator: ", ") + "\n" }
        if let changes = files.changes {
            text += "\nWhat changes from today's plan (the scenario as `run` simulates and prices it), on the same days\n"
            text += changes.terminalText(beforeName: "today", afterName: "plan")
        }
        var costRows: [[String]] = [["cost (yuan a day)", "mean", "95% CI"]]
        for row in files.costTable().rows {
            let label = Metric.CostComponent(rawValue: row[0])?.label ?? row[0]
            costRows.append([label, ValueUnit.yuan.number(Double(row[1]) ?? .nan),
                             "\(ValueUnit.yuan.number(Double(row[2]) ?? .nan)) – \(ValueUnit.yuan.number(Double(row[3]) ?? .nan))"])
        }
        text += "\n" + TextTable.render(costRows) + "\n"
        for finding in files.findings() {
            switch finding {
            case .today, .saving, .passedOver: text += "\n" + finding.sentence
            case .planCost, .validation, .stop: continue
            }
        }
        text += "\n"
        text += files.stopText() + "\n"
        text += "\nValidated on \(validation.statistics.days) fresh days: "
        text += "\(validation.count(.pass)) targets pass, \(validation.count(.inconclusive)) inconclusive, \(validation.count(.fail)) fail.\n"
        for verdict in validation.verdicts where verdict.verdict != .pass {
            text += "  \(verdict.verdict.rawValue.uppercased()) \(verdict.target.name): \(ScenarioCheck.describe(verdict, files.plannedScenario))\n"
        }
        text += "\(optimization.trace.count) plans evaluated, \(optimization.daysSimulated) simulated days, \(String(format: "%.1f", optimization.elapsed)) s."
        return text
    }
}
