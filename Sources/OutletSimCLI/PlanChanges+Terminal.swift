import Measurement
import OutputKit
import Results
import Scenario

extension PlanChanges {
    /// The terminal's lines: each role's changed intervals, the layout, and the cost table.
    public func terminalText(beforeName: String, afterName: String) -> String {
        var text = ""
        if isEmpty { text += "  Staff on duty, kiosks and seats: no change.\n" }
        for (role, summary) in staffSummary() { text += "  \(role): \(summary)\n" }
        for change in layout { text += "  \(change.item): \(change.before) → \(change.after)\n" }
        guard !costs.isEmpty else { return text + "  Costs: not compared (a plan gives no costs: section).\n" }
        var rows: [[String]] = [["cost (yuan a day)", beforeName, afterName, "change"]]
        for cost in costs where cost.before != 0 || cost.after != 0 {
            rows.append([cost.label, ValueUnit.yuan.number(cost.before),
                         ValueUnit.yuan.number(cost.after), ValueUnit.yuan.difference(cost.difference)])
        }
        return text + TextTable.render(rows) + "\n"
    }
}
