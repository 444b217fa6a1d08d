import Results

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
            rows.append([cost.component, String(format: "%.0f", cost.before), String(format: "%.0f", cost.after),
                         String(format: "%+.0f", cost.difference)])
        }
        return text + TextTable.render(rows) + "\n"
    }
}
