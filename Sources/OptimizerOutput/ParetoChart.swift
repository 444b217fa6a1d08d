import OutputKit
import Results
/// The optimizer's plans on a linear cost axis against their service level:
/// every plan evaluated (feasible ones filled, infeasible ones hollow), the
/// frontier no plan beats on both, the chosen plan and today's plan.
public struct ParetoChart {
    /// One plan: its cost of the day (yuan) and share called within the wait.
    public struct Point: Sendable {
        public let cost: Double
        public let serviceLevel: Double
        public let feasible: Bool

        public init(cost: Double, serviceLevel: Double, feasible: Bool) {
            self.cost = cost
            self.serviceLevel = serviceLevel
            self.feasible = feasible
        }
    }

    let plans: [Point]
    let frontier: [Point]
    let chosen: Point?
    let current: Point?
    /// The wait that defines the service level, minutes.
    let wait: Double

    public init(plans: [Point], frontier: [Point], chosen: Point?, current: Point?, wait: Double) {
        self.plans = plans.filter { $0.cost.isFinite && $0.serviceLevel.isFinite }
        self.frontier = frontier.filter { $0.cost.isFinite && $0.serviceLevel.isFinite }.sorted { $0.cost < $1.cost }
        self.chosen = chosen
        self.current = current
        self.wait = wait
    }

    public func render() -> String {
        var legend: [ChartFrame.LegendEntry] = [("feasible", SVG.colours[0], false), ("infeasible", "#888", false), ("frontier", SVG.colours[2], true)]
        if chosen != nil { legend.append(("chosen", SVG.colours[3], false)) }
        if current != nil { legend.append(("today's plan", SVG.colours[1], false)) }
        let frame = ChartFrame(legend: legend)
        let marked = [chosen, current].compactMap { $0 }
        // The axis spans the plans that matter: up to the dearer of the chosen plan and today's
        // and nine plans in ten. The few far dearer ones (the upper bounds, early probes, the
        // frontier's costly tail) once squeezed the rest into 15% of the width; they are counted.
        let sorted = plans.map(\.cost).sorted()
        let typical = sorted.isEmpty ? 0 : sorted[Int(0.9 * Double(sorted.count - 1))]
        let reach = max(typical, marked.map(\.cost).max() ?? typical)
        let shown = plans.filter { $0.cost <= reach }
        let beyond = plans.filter { $0.cost > reach }
        let frontier = self.frontier.filter { $0.cost <= reach }
        let costs = (shown + marked + frontier).map(\.cost), levels = (shown + marked + frontier).map { $0.serviceLevel * 100 }
        let x = LinearScale(values: costs, start: frame.plotLeft, end: frame.plotRight, includeZero: false)
        let y = LinearScale(values: levels, start: frame.plotBottom, end: frame.plotTop, includeZero: false)
        let title = "Plans by cost and service level"
        let description = "Each plan the search evaluated, by its cost of the day (linear axis, up to the dearer of nine plans in ten and the chosen plan and today's; the few dearer ones are counted below it) and the share called within \(SVG.label(wait)) minutes; filled dots meet every target on the search days, hollow ones do not; the line joins the plans no other beats on both; the star is the chosen plan, the diamond today's plan (the scenario as run has it) (both on the validation days)."
        var svg = frame.open(title: title, description: description) + frame.valueAxis(y, label: "% called within \(SVG.label(wait)) min")
        svg += "<line class=\"axis\" x1=\"\(SVG.number(frame.plotLeft))\" x2=\"\(SVG.number(frame.plotRight))\" y1=\"\(SVG.number(frame.plotBottom))\" y2=\"\(SVG.number(frame.plotBottom))\"/>"
        for tick in x.ticks {
            svg += "<text class=\"tick\" x=\"\(SVG.number(x(tick)))\" y=\"\(SVG.number(frame.plotBottom + 18))\" text-anchor=\"middle\">\(SVG.label(tick))</text>"
        }
        svg += "<text class=\"axis-label\" x=\"\(SVG.number((frame.plotLeft + frame.plotRight) / 2))\" y=\"\(SVG.number(frame.height - 12))\" text-anchor=\"middle\">cost of the day (yuan)</text>"
        func at(_ point: Point) -> (String, String) { (SVG.number(x(point.cost)), SVG.number(y(point.serviceLevel * 100))) }
        if let dearest = beyond.map(\.cost).max() {
            svg += "<text class=\"tick beyond\" x=\"\(SVG.number(frame.plotRight))\" y=\"\(SVG.number(frame.plotBottom + 34))\" text-anchor=\"end\">→ \(beyond.count) dearer plan\(beyond.count == 1 ? "" : "s") (up to \(SVG.label(dearest)) yuan) beyond the axis</text>"
        }
        for plan in shown {
            let (cx, cy) = at(plan)
            svg += plan.feasible
                ? "<circle class=\"feasible\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"3\" fill=\"\(SVG.colours[0])\" fill-opacity=\"0.55\"/>"
                : "<circle class=\"infeasible\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"3\" fill=\"none\" stroke=\"#888\"/>"
        }
        if frontier.count > 1 {
            svg += "<polyline class=\"series\" fill=\"none\" stroke=\"\(SVG.colours[2])\" points=\"\(frontier.map { at($0) }.map { "\($0.0),\($0.1)" }.joined(separator: " "))\"><title>frontier</title></polyline>"
        }
        if let current {
            let top = SVG.number(y(current.serviceLevel * 100) - 8)
            svg += "<path class=\"current\" d=\"M \(at(current).0) \(top) l 8 8 l -8 8 l -8 -8 z\" fill=\"\(SVG.colours[1])\" stroke=\"#000\"><title>today's plan: \(SVG.label(current.cost)) yuan</title></path>"
        }
        if let chosen {
            let (cx, cy) = at(chosen)
            svg += "<text class=\"chosen\" x=\"\(cx)\" y=\"\(cy)\" dy=\"6\" text-anchor=\"middle\" font-size=\"20\" fill=\"\(SVG.colours[3])\">★<title>chosen plan: \(SVG.label(chosen.cost)) yuan</title></text>"
        }
        return svg + frame.legend(legend) + "</svg>"
    }
}
