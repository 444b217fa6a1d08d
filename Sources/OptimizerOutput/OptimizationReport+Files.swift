import Evaluation
import Optimizer
import OutputKit
import Report
import Results
import Scenario

extension OptimizationReport {
    /// The page for an optimization: its validation run, and the plan's
    /// staffing, roster, findings and evaluated plans from its files.
    public init(files: OptimizationFiles, document: ResultsDocument) {
        let frontier = ParetoFrontier.frontier(of: files.optimization.trace)
        self.init(run: RunReport(document: document), findings: files.findings().map(\.sentence), staffing: Self.staffingGrid(files),
                  roster: Self.rosterTimeline(files), pareto: Self.paretoChart(files, frontier))
        changes = files.changes
    }

    /// Staff on duty for the page: one row per interval, a column per role.
    static func staffingGrid(_ files: OptimizationFiles) -> (header: [String], rows: [[String]]) {
        let header = ["interval"] + files.roles.map(\.name)
        let rows = (0..<files.scenario.intervalCount).map { interval in [files.start(interval)] + files.roles.map { String(files.onDuty($0.role, interval)) } }
        return (header, rows)
    }

    /// The roster's shifts for the timeline, role by role.
    static func rosterTimeline(_ files: OptimizationFiles) -> RosterTimeline? {
        guard !files.result.shifts.isEmpty else { return nil }
        let kinds = files.scenario.shifts?.kinds ?? []
        let bars = files.result.shifts.sorted { $0.key < $1.key }.flatMap { role, cover in
            cover.assignments.map { pattern, staff in
                let kind = kinds[pattern.kind]
                return RosterTimeline.Bar(role: files.roleName(role), shift: kind.name, start: pattern.start, end: pattern.start + kind.length,
                                          breakStart: pattern.breakStart, breakEnd: pattern.breakStart.map { $0 + (kind.breakRule?.length ?? 0) },
                                          staff: staff, cost: pattern.cost * Double(staff))
            }
        }
        return RosterTimeline(bars: bars, opening: files.scenario.opening, closing: files.scenario.closing)
    }

    /// Every plan evaluated on a linear cost axis, the frontier, the chosen plan and today's.
    static func paretoChart(_ files: OptimizationFiles, _ frontier: [TraceEntry]) -> ParetoChart {
        let wait = files.optimization.serviceLevelWait
        func point(_ entry: TraceEntry) -> ParetoChart.Point {
            ParetoChart.Point(cost: entry.cost, serviceLevel: entry.serviceLevel, feasible: entry.feasible)
        }
        func validated(_ evaluation: PlanEvaluation?) -> ParetoChart.Point? {
            guard let evaluation else { return nil }
            return ParetoChart.Point(cost: evaluation.cost, serviceLevel: evaluation.mean(.shareServedWithin(wait)),
                                     feasible: evaluation.count(.fail) == 0)
        }
        let searched = files.optimization.trace.filter { $0.phase != .validation }
        return ParetoChart(plans: searched.map(point), frontier: frontier.map(point), chosen: validated(files.validation),
                           current: validated(files.result.current), wait: wait)
    }

    /// What the plan costs against today's plan, and how the search ended.
}
