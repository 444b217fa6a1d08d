import OutputKit
import Results
/// The roster as a timeline: one bar per shift worked (its unpaid break a
/// gap), grouped by role, on the clock.
public struct RosterTimeline {
    /// Staff working one shift pattern.
    public struct Bar: Sendable {
        public let role: String
        public let shift: String
        /// Minutes after midnight.
        public let start: Double
        public let end: Double
        public let breakStart: Double?
        public let breakEnd: Double?
        public let staff: Int
        /// Yuan a day, for all its staff.
        public let cost: Double

        public init(role: String, shift: String, start: Double, end: Double, breakStart: Double?, breakEnd: Double?, staff: Int, cost: Double) {
            self.role = role
            self.shift = shift
            self.start = start
            self.end = end
            self.breakStart = breakStart
            self.breakEnd = breakEnd
            self.staff = staff
            self.cost = cost
        }
    }

    let bars: [Bar]
    /// Opening and closing, minutes after midnight.
    let opening: Double
    let closing: Double

    public init(bars: [Bar], opening: Double, closing: Double) {
        self.bars = bars
        self.opening = opening
        self.closing = closing
    }

    public func render() -> String {
        let left = 230.0, right = 20.0, top = 56.0, row = 24.0, width = 760.0
        let height = top + Double(bars.count) * row + 50
        let from = min(opening, bars.map(\.start).min() ?? opening), until = max(closing, bars.map(\.end).max() ?? closing)
        let x = LinearScale(values: [from / 60, until / 60], start: left, end: width - right, includeZero: false)
        func at(_ minutes: Double) -> String { SVG.number(x(minutes / 60)) }
        let title = "Roster: who works when"
        let description = "Each shift of the plan as a bar from its start to its end, the gap its unpaid break; rows grouped by role, with the staff on it and its cost."
        var svg = """
            <svg class="chart roster" role="img" viewBox="0 0 \(Int(width)) \(Int(height))" xmlns="http://www.w3.org/2000/svg">
            <title>\(SVG.escape(title))</title><desc>\(SVG.escape(description))</desc>
            <text class="chart-title" x="16" y="24">\(SVG.escape(title))</text>
            """
        let bottom = top + Double(bars.count) * row
        for tick in x.ticks where tick * 60 >= from - 1e-9 && tick * 60 <= until + 1e-9 {
            let hour = Int(tick.rounded(.down)), minute = Int(((tick - tick.rounded(.down)) * 60).rounded())
            svg += "<line class=\"grid\" x1=\"\(SVG.number(x(tick)))\" x2=\"\(SVG.number(x(tick)))\" y1=\"\(SVG.number(top - 6))\" y2=\"\(SVG.number(bottom))\"/>"
            svg += "<text class=\"tick\" x=\"\(SVG.number(x(tick)))\" y=\"\(SVG.number(bottom + 16))\" text-anchor=\"middle\">\(String(format: "%02d:%02d", hour, minute))</text>"
        }
        svg += "<rect x=\"\(at(opening))\" y=\"\(SVG.number(top - 10))\" width=\"\(SVG.number(x(closing / 60) - x(opening / 60)))\" height=\"4\" fill=\"#bbb\"><title>opening hours</title></rect>"
        let roles = bars.reduce(into: [String]()) { if !$0.contains($1.role) { $0.append($1.role) } }
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * row
            let colour = SVG.colours[(roles.firstIndex(of: bar.role) ?? 0) % SVG.colours.count]
            let label = "\(bar.role): \(bar.staff) × \(bar.shift)"
            svg += "<text class=\"tick\" x=\"\(SVG.number(left - 8))\" y=\"\(SVG.number(y + row / 2))\" dy=\"4\" text-anchor=\"end\">\(SVG.escape(label))</text>"
            var pieces: [(Double, Double)] = [(bar.start, bar.end)]
            if let breakStart = bar.breakStart, let breakEnd = bar.breakEnd { pieces = [(bar.start, breakStart), (breakEnd, bar.end)] }
            for (start, end) in pieces {
                svg += "<rect class=\"shift\" x=\"\(at(start))\" y=\"\(SVG.number(y + 4))\" width=\"\(SVG.number(x(end / 60) - x(start / 60)))\" height=\"\(SVG.number(row - 8))\" fill=\"\(colour)\"><title>\(SVG.escape("\(label), \(SVG.label(bar.cost)) yuan"))</title></rect>"
            }
        }
        svg += "<text class=\"axis-label\" x=\"\(SVG.number((left + width - right) / 2))\" y=\"\(SVG.number(height - 10))\" text-anchor=\"middle\">time of day</text>"
        return svg + "</svg>"
    }
}
