import Foundation
import OutputKit
import Results
import Scenario

/// What one plan changes from another, as the pages show it: staff on
/// duty per role (its changed intervals), kiosks and seats, then the day's
/// cost by component for both plans.
public enum PlanChangesTable {
    public static func html(_ changes: PlanChanges, title: String, before: String, after: String) -> String {
        var html = "<h2>\(SVG.escape(title))</h2><table class=\"changes\"><thead><tr><th>what</th><th>\(SVG.escape(before)) → \(SVG.escape(after))</th></tr></thead><tbody>"
        if changes.isEmpty { html += "<tr><td>staff on duty, kiosks and seats</td><td>no change</td></tr>" }
        for (role, summary) in changes.staffSummary() { html += "<tr><td>\(SVG.escape(role))</td><td>\(SVG.escape(summary))</td></tr>" }
        for change in changes.layout { html += "<tr><td>\(SVG.escape(change.item))</td><td>\(change.before) → \(change.after)</td></tr>" }
        guard !changes.costs.isEmpty else { return html + "</tbody></table><p>Costs are not compared: a plan gives no <code>costs:</code>.</p>" }
        html += "</tbody></table><table class=\"changes\"><thead><tr><th>cost (yuan a day)</th><th>\(SVG.escape(before))</th>"
            + "<th>\(SVG.escape(after))</th><th>change</th></tr></thead><tbody>"
        for cost in changes.costs where cost.before != 0 || cost.after != 0 {
            html += "<tr><td>\(SVG.escape(cost.label))</td><td>\(ValueUnit.yuan.number(cost.before))</td>"
                + "<td>\(ValueUnit.yuan.number(cost.after))</td><td>\(ValueUnit.yuan.difference(cost.difference))</td></tr>"
        }
        return html + "</tbody></table>"
    }
}
