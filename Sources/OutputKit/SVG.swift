import Foundation

/// Building blocks for inline SVG charts: escaping, number formatting, a
/// linear scale with round ticks, and the chart frame with axes, titles and
/// a legend. Charts are 760 × 320 user units and scale to the page width.
public enum SVG {
    public static func escape(_ text: String) -> String {
        // Most labels hold none of the four, whose bytes no other
        // character's UTF-8 holds; each replacement is a Foundation call.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A coordinate with one decimal, as `String(format: "%.1f")` writes it.
    public static func number(_ value: Double) -> String {
        formatted(value, "%.1f")
    }

    public static func label(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e6 { return String(Int(value)) }
        return abs(value) >= 10 ? formatted(value, "%.0f") : formatted(value, "%.2g")
    }

    /// `value` in one of C's printf conversions, as `String(format:)` writes
    /// it (Foundation hands a double to the C library's printf too), without
    /// Foundation's formatter: a report writes thousands of coordinates,
    /// and each cost some 12,000 instructions there.
    ///
    /// - Parameter format: a single conversion of one double.
    public static func formatted(_ value: Double, _ format: StaticString) -> String {
        // A literal of more than one character is kept as a C string, ended by a zero byte.
        guard format.hasPointerRepresentation else { return String(format: "\(format)", value) }
        let conversion = UnsafeRawPointer(format.utf8Start).assumingMemoryBound(to: CChar.self)
        // Wide enough for any double in %f: 309 digits, sign, point, decimals.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer -> String in
            guard let start = buffer.baseAddress else { return String(format: "\(format)", value) }
            let written = withVaList([value]) { vsnprintf(start, buffer.count, conversion, $0) }
            guard written >= 0, Int(written) < buffer.count else { return String(format: "\(format)", value) }
            return String(decoding: UnsafeRawBufferPointer(start: start, count: Int(written)), as: UTF8.self)
        }
    }

    /// The palette, colour-blind safe (Okabe–Ito).
    public static let colours = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
}

/// Maps a domain of values onto a range of pixels.
public struct LinearScale {
    public let low: Double
    public let high: Double
    public let start: Double
    public let end: Double

    /// A scale from 0 (or the data's minimum, if negative) to a round
    /// value above the data's maximum.
    public init(values: [Double], start: Double, end: Double, includeZero: Bool = true) {
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

    public static func step(for span: Double, ticks: Double = 5) -> Double {
        let raw = span / ticks
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2, 2.5, 5, 10] where factor * magnitude >= raw { return factor * magnitude }
        return 10 * magnitude
    }

    public func callAsFunction(_ value: Double) -> Double {
        start + (value - low) / (high - low) * (end - start)
    }

    public var ticks: [Double] {
        let step = Self.step(for: high - low)
        return stride(from: low, through: high + step * 1e-9, by: step).map { $0 }
    }
}

/// The frame every chart is drawn in. A legend too long for one row
/// wraps into more, and the plot moves down to make room, so no entry is
/// drawn outside the chart.
public struct ChartFrame {
    public typealias LegendEntry = (name: String, colour: String, line: Bool)
    public let width = 760.0
    public let left = 68.0, right = 70.0, bottom = 62.0
    /// Rows the legend needs (at least 1).
    public let legendRows: Int
    /// One legend row's height.
    public static let legendRowHeight = 16.0
    public var top: Double { 48 + Self.legendRowHeight * Double(legendRows - 1) }
    public var height: Double { 320 + Self.legendRowHeight * Double(legendRows - 1) }

    /// A frame for a chart with this legend.
    public init(legend: [LegendEntry] = []) {
        legendRows = Self.rows(legend, width: width - left - right).count
    }

    /// The legend laid out left to right in rows that fit `width`: each entry's x offset in its row.
    public static func rows(_ entries: [LegendEntry], width: Double) -> [[(entry: LegendEntry, x: Double)]] {
        var rows: [[(entry: LegendEntry, x: Double)]] = [[]]
        var x = 0.0
        for entry in entries {
            let size = entryWidth(entry.name)
            if x + size > width, !(rows.last?.isEmpty ?? true) {
                rows.append([])
                x = 0
            }
            rows[rows.count - 1].append((entry, x))
            x += size
        }
        return rows
    }

    /// An entry's width at the legend's 11 px font: swatch, gap, label (wide characters such as Chinese count double).
    public static func entryWidth(_ name: String) -> Double {
        26 + name.unicodeScalars.reduce(0) { $0 + ($1.value < 0x2E80 ? 6.6 : 11.5) }
    }
    public var plotLeft: Double { left }
    public var plotRight: Double { width - right }
    public var plotTop: Double { top }
    public var plotBottom: Double { height - bottom }

    /// Opening tag, title, and the background of the plot area.
    public func open(title: String, description: String) -> String {
        """
        <svg class="chart" role="img" viewBox="0 0 \(Int(width)) \(Int(height))" xmlns="http://www.w3.org/2000/svg" aria-labelledby="t d">
        <title>\(SVG.escape(title))</title><desc>\(SVG.escape(description))</desc>
        <text class="chart-title" x="\(SVG.number(left))" y="24">\(SVG.escape(title))</text>
        """
    }

    /// A left (or right) value axis with grid lines and its label.
    public func valueAxis(_ scale: LinearScale, label: String, onRight: Bool = false) -> String {
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
    public func categoryAxis(_ labels: [String], label: String, every: Int) -> String {
        var text = "<line class=\"axis\" x1=\"\(SVG.number(plotLeft))\" x2=\"\(SVG.number(plotRight))\" y1=\"\(SVG.number(plotBottom))\" y2=\"\(SVG.number(plotBottom))\"/>"
        for (index, name) in labels.enumerated() where index % max(every, 1) == 0 {
            text += "<text class=\"tick\" x=\"\(SVG.number(center(index, of: labels.count)))\" y=\"\(SVG.number(plotBottom + 18))\" text-anchor=\"middle\">\(SVG.escape(name))</text>"
        }
        text += "<text class=\"axis-label\" x=\"\(SVG.number((plotLeft + plotRight) / 2))\" y=\"\(SVG.number(height - 12))\" text-anchor=\"middle\">\(SVG.escape(label))</text>"
        return text
    }

    public func center(_ index: Int, of count: Int) -> Double {
        plotLeft + (Double(index) + 0.5) * (plotRight - plotLeft) / Double(max(count, 1))
    }

    /// Width of one category's slot.
    public func slot(_ count: Int) -> Double { (plotRight - plotLeft) / Double(max(count, 1)) }

    /// "x,y" points of the finite `values` over `count` categories, for a
    /// polyline or polygon; reversed for the lower edge of a band.
    public func points(_ values: [Double], count: Int, on scale: LinearScale, reversed: Bool = false) -> [String] {
        let finite = values.enumerated().filter { $0.element.isFinite }
        return (reversed ? finite.reversed() : finite).map { "\(SVG.number(center($0.offset, of: count))),\(SVG.number(scale($0.element)))" }
    }

    /// The legend above the plot: along the top right when it fits in one
    /// row, else in rows from the left. `dashes` gives a line entry (by
    /// index) the dash pattern its line is drawn with.
    public func legend(_ entries: [LegendEntry], dashes: [Int: String] = [:]) -> String {
        var text = "<g class=\"legend\">"
        let rows = Self.rows(entries, width: plotRight - plotLeft)
        let shift = rows.count == 1 ? plotRight - (rows[0].last.map { $0.x + Self.entryWidth($0.entry.name) } ?? 0) : plotLeft
        var index = 0
        for (number, row) in rows.enumerated() {
            let y = 34 + Self.legendRowHeight * Double(number)
            for (entry, offset) in row {
                let x = shift + offset
                let dash = dashes[index].map { " stroke-dasharray=\"\($0)\"" } ?? ""
                text += entry.line
                    ? "<line x1=\"\(SVG.number(x))\" x2=\"\(SVG.number(x + 18))\" y1=\"\(SVG.number(y))\" y2=\"\(SVG.number(y))\" stroke=\"\(entry.colour)\" stroke-width=\"2.5\"\(dash)/>"
                    : "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(y - 6))\" width=\"12\" height=\"12\" fill=\"\(entry.colour)\"/>"
                text += "<text class=\"legend-label\" x=\"\(SVG.number(x + 22))\" y=\"\(SVG.number(y + 4))\">\(SVG.escape(entry.name))</text>"
                index += 1
            }
        }
        return text + "</g>"
    }
}
