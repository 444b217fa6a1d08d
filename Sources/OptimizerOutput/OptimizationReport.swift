import OutputKit
import Report
import Results
/// The optimizer's report.html: the plan a planner can read. It opens with
/// what the plan costs against today's plan (a paired interval) and why
/// the search stopped; then the staffing per interval and role, the roster
/// as a timeline, the cost by component, every target's verdict per
/// interval, the plans on a cost axis; then the validation run's charts.
public struct OptimizationReport {
    let run: RunReport
    /// Sentences for the head of the page: cost, saving, how the search ended.
    let findings: [String]
    /// Staff on duty per interval: a header and one row per interval.
    let staffing: (header: [String], rows: [[String]])
    let roster: RosterTimeline?
    let pareto: ParetoChart?
    /// Today's plan against this one.
    var changes: PlanChanges?

    public init(run: RunReport, findings: [String], staffing: (header: [String], rows: [[String]]), roster: RosterTimeline?,
                pareto: ParetoChart?) {
        self.run = run
        self.findings = findings
        self.staffing = staffing
        self.roster = roster
        self.pareto = pareto
    }

    func staffingTable() -> String {
        var html = "<h2>Staffing per interval</h2><div class=\"scroll\"><table class=\"staffing\"><thead><tr>"
        html += staffing.header.map { "<th>\(SVG.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in staffing.rows { html += "<tr>" + row.map { "<td>\(SVG.escape($0))</td>" }.joined() + "</tr>" }
        return html + "</tbody></table></div>"
    }

    /// What changes from today's plan: staff per role (changed intervals), kiosks, seats and costs.
    func changesTable() -> String {
        changes.map { PlanChangesTable.html($0, title: "What changes from today's plan", before: "today", after: "plan") } ?? ""
    }

    public func html() -> String {
        let document = run.document
        let title = "OutletSim plan: \(document.scenario.name)"
        let meta = "Validated on \(document.statistics.days) fresh days (seed \(document.seed)), which the search never saw. Intervals are 95% confidence intervals across days."
        var body = "<ul class=\"findings\">" + findings.map { "<li>\(SVG.escape($0))</li>" }.joined() + "</ul>"
        body += changesTable() + staffingTable()
        var charts: [String] = []
        if let roster { charts.append(roster.render()) }
        body += run.costTable() + run.targetTables()
        if let pareto { charts.append(pareto.render()) }
        return ReportPage.html(title: title, meta: meta, table: body, charts: charts + run.charts())
    }
}
