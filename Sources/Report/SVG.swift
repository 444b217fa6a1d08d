import Foundation

/// Building blocks for inline SVG charts: escaping, number formatting, a
/// linear scale with round ticks, and the chart frame with axes, titles and
/// a legend. Charts are 760 × 320 user units and scale to the page width.
enum SVG {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func label(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e6 { return String(Int(value)) }
        return abs(value) >= 10 ? String(format: "%.0f", value) : String(format: "%.2g", value)
    }

    /// The palette, colour-blind safe (Okabe–Ito).
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
}

/// Maps a domain of values onto a range of pixels.
struct LinearScale {
    let low: Double
    let high: Double
    let start: Double
    let end: Double

    /// A scale from 0 (or the data's minimum, if negative) to a round
    /// value above the data's maximum.
    init(values: [Double], start: Double, end: Double, includeZero: Bool = true) {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if includeZero { low = min(low, 0); high = max(high, 0) }
        if high - low < 1e-9 { high = low + 1 }
        let step = Self.step(for: high - low)
        self.low = (low / step).rounded(.down) * step
        self.high = (high / step).rounded(.up) * step
        self.start = start
        self.end = end
    }

    static func step(for span: Double, ticks: Double = 5) -> Double {
        let raw = span / ticks
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2, 2.5, 5, 10] where factor * magnitude >= raw { return factor * magnitude }
        return 10 * magnitude
    }

    func callAsFunction(_ value: Double) -> Double {
        start + (value - low) / (high - low) * (end - start)
    }

    var ticks: [Double] {
        let step = Self.step(for: high - low)
        return stride(from: low, through: high + step * 1e-9, by: step).map { $0 }
    }
}

/// The frame every chart is drawn in.
struct ChartFrame {
    let width = 760.0, height = 320.0
    let left = 68.0, right = 70.0, top = 48.0, bottom = 62.0
    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom }

    /// Opening tag, title, and the background of the plot area.
    func open(title: String, description: String) -> String {
        """
        <svg class="chart" role="img" viewBox="0 0 \(Int(width)) \(Int(height))" xmlns="http://www.w3.org/2000/svg" aria-labelledby="t d">
        <title>\(SVG.escape(title))</title><desc>\(SVG.escape(description))</desc>
        <text class="chart-title" x="\(SVG.number(left))" y="24">\(SVG.escape(title))</text>
        """
    }

    /// A left (or right) value axis with grid lines and its label.
    func valueAxis(_ scale: LinearScale, label: String, onRight: Bool = false) -> String {
        var text = ""
        let x = onRight ? plotRight : plotLeft
        for tick in scale.ticks {
            let y = SVG.number(scale(tick))
            if !onRight {
                text += "<line class=\"grid\" x1=\"\(SVG.number(plotLeft))\" x2=\"\(SVG.number(plotRight))\" y1=\"\(y)\" y2=\"\(y)\"/>"
            }
            text += "<text class=\"tick\" x=\"\(SVG.number(onRight ? x + 6 : x - 6))\" y=\"\(y)\" dy=\"4\" text-anchor=\"\(onRight ? "start" : "end")\">\(SVG.label(tick))</text>"
        }
        let labelX = onRight ? width - 14 : 16
        let middle = (plotTop + plotBottom) / 2
        text += "<text class=\"axis-label\" transform=\"translate(\(SVG.number(labelX)),\(SVG.number(middle))) rotate(-90)\" text-anchor=\"middle\">\(SVG.escape(label))</text>"
        text += "<line class=\"axis\" x1=\"\(SVG.number(x))\" x2=\"\(SVG.number(x))\" y1=\"\(SVG.number(plotTop))\" y2=\"\(SVG.number(plotBottom))\"/>"
        return text
    }

    /// A category axis along the bottom, labelling every `every`-th category.
    func categoryAxis(_ labels: [String], label: String, every: Int) -> String {
        var text = "<line class=\"axis\" x1=\"\(SVG.number(plotLeft))\" x2=\"\(SVG.number(plotRight))\" y1=\"\(SVG.number(plotBottom))\" y2=\"\(SVG.number(plotBottom))\"/>"
        for (index, name) in labels.enumerated() where index % max(every, 1) == 0 {
            text += "<text class=\"tick\" x=\"\(SVG.number(center(index, of: labels.count)))\" y=\"\(SVG.number(plotBottom + 18))\" text-anchor=\"middle\">\(SVG.escape(name))</text>"
        }
        text += "<text class=\"axis-label\" x=\"\(SVG.number((plotLeft + plotRight) / 2))\" y=\"\(SVG.number(height - 12))\" text-anchor=\"middle\">\(SVG.escape(label))</text>"
        return text
    }

    func center(_ index: Int, of count: Int) -> Double {
        plotLeft + (Double(index) + 0.5) * (plotRight - plotLeft) / Double(max(count, 1))
    }

    /// Width of one category's slot.
    func slot(_ count: Int) -> Double { (plotRight - plotLeft) / Double(max(count, 1)) }

    /// "x,y" points of the finite `values` over `count` categories, for a
    /// polyline or polygon; reversed for the lower edge of a band.
    func points(_ values: [Double], count: Int, on scale: LinearScale, reversed: Bool = false) -> [String] {
        let finite = values.enumerated().filter { $0.element.isFinite }
        return (reversed ? finite.reversed() : finite).map { "\(SVG.number(center($0.offset, of: count))),\(SVG.number(scale($0.element)))" }
    }

    /// A legend along the top right.
    func legend(_ entries: [(name: String, colour: String, line: Bool)]) -> String {
        var text = "<g class=\"legend\">"
        var x = plotRight
        for entry in entries.reversed() {
            let width = Double(entry.name.count) * 7 + 26
            x -= width
            text += entry.line
                ? "<line x1=\"\(SVG.number(x))\" x2=\"\(SVG.number(x + 14))\" y1=\"34\" y2=\"34\" stroke=\"\(entry.colour)\" stroke-width=\"2.5\"/>"
                : "<rect x=\"\(SVG.number(x))\" y=\"28\" width=\"12\" height=\"12\" fill=\"\(entry.colour)\"/>"
            text += "<text class=\"legend-label\" x=\"\(SVG.number(x + 18))\" y=\"38\">\(SVG.escape(entry.name))</text>"
        }
        return text + "</g>"
    }
}
