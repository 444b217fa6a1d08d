/// One series of values per category, with an optional confidence band.
public struct Series {
    public let name: String
    public let values: [Double]
    public var low: [Double]? = nil
    public var high: [Double]? = nil

    public init(name: String, values: [Double], low: [Double]? = nil, high: [Double]? = nil) {
        self.name = name
        self.values = values
        self.low = low
        self.high = high
    }
}

/// Lines over the intervals, with shaded confidence bands and horizontal
/// reference lines (declared targets, the seats available).
public struct LineChart {
    public let title: String
    public let description: String
    public let categories: [String]
    public let categoryLabel: String
    public let valueLabel: String
    public let series: [Series]
    public var references: [(value: Double, label: String)] = []

    public init(title: String, description: String, categories: [String], categoryLabel: String, valueLabel: String,
                series: [Series], references: [(value: Double, label: String)] = []) {
        self.title = title
        self.description = description
        self.categories = categories
        self.categoryLabel = categoryLabel
        self.valueLabel = valueLabel
        self.series = series
        self.references = references
    }

    /// Dash patterns for the target lines, one each, so that two targets are told apart.
    public static let targetDashes = ["6 4", "2 3", "12 4 2 4", "1 5"]

    public func render() -> String {
        var legend = series.enumerated().map { (name: $0.element.name, colour: SVG.colours[$0.offset % SVG.colours.count], line: true) }
        legend += references.map { (name: $0.label, colour: "#D55E00", line: true) }
        let frame = ChartFrame(legend: legend)
        var values = series.flatMap { $0.values + ($0.high ?? []) }
        values += references.map(\.value)
        let y = LinearScale(values: values, start: frame.plotBottom, end: frame.plotTop)
        var svg = frame.open(title: title, description: description) + frame.valueAxis(y, label: valueLabel)
        svg += frame.categoryAxis(categories, label: categoryLabel, every: max(1, categories.count / 10))
        for (index, line) in series.enumerated() {
            let colour = SVG.colours[index % SVG.colours.count]
            if let low = line.low, let high = line.high {
                let upper = frame.points(high, count: categories.count, on: y)
                let lower = frame.points(low, count: categories.count, on: y, reversed: true)
                svg += "<polygon class=\"band\" fill=\"\(colour)\" points=\"\((upper + lower).joined(separator: " "))\"/>"
            }
            let points = frame.points(line.values, count: categories.count, on: y)
            svg += "<polyline class=\"series\" fill=\"none\" stroke=\"\(colour)\" points=\"\(points.joined(separator: " "))\"><title>\(SVG.escape(line.name))</title></polyline>"
        }
        var dashes: [Int: String] = [:]
        for (number, reference) in references.enumerated() {
            let level = SVG.number(y(reference.value))
            let dash = Self.targetDashes[number % Self.targetDashes.count]
            dashes[series.count + number] = dash
            svg += "<line class=\"target\" style=\"stroke-dasharray: \(dash)\" x1=\"\(SVG.number(frame.plotLeft))\" x2=\"\(SVG.number(frame.plotRight))\" y1=\"\(level)\" y2=\"\(level)\"><title>\(SVG.escape(reference.label))</title></line>"
        }
        return svg + frame.legend(legend, dashes: dashes) + "</svg>"
    }
}

/// Bars per category: grouped side by side, or stacked (shares); an
/// optional line on a right-hand axis.
public struct BarChart {
    public let title: String
    public let description: String
    public let categories: [String]
    public let categoryLabel: String
    public let valueLabel: String
    public let series: [Series]
    public var stacked = false
    public var line: (series: Series, label: String)? = nil

    public init(title: String, description: String, categories: [String], categoryLabel: String, valueLabel: String,
                series: [Series], stacked: Bool = false, line: (series: Series, label: String)? = nil) {
        self.title = title
        self.description = description
        self.categories = categories
        self.categoryLabel = categoryLabel
        self.valueLabel = valueLabel
        self.series = series
        self.stacked = stacked
        self.line = line
    }

    public func render() -> String {
        var legend = series.enumerated().map { (name: $0.element.name, colour: SVG.colours[$0.offset % SVG.colours.count], line: false) }
        if let line { legend.append((name: line.series.name, colour: "#000000", line: true)) }
        let frame = ChartFrame(legend: legend)
        let totals = categories.indices.map { index in series.reduce(0) { $0 + max(0, $1.values[index].isFinite ? $1.values[index] : 0) } }
        // Stacked shares that fill each bar get an axis from 0 to exactly 1.
        let shares = stacked && totals.allSatisfy { $0 <= 1 + 1e-9 }
        let y = LinearScale(values: shares ? [0, 1] : stacked ? totals : series.flatMap(\.values),
                            start: frame.plotBottom, end: frame.plotTop)
        var svg = frame.open(title: title, description: description) + frame.valueAxis(y, label: valueLabel)
        svg += frame.categoryAxis(categories, label: categoryLabel, every: max(1, categories.count / 10))
        let slot = frame.slot(categories.count)
        let barWidth = stacked ? slot * 0.7 : slot * 0.8 / Double(max(series.count, 1))
        for index in categories.indices {
            var base = 0.0
            for (number, bar) in series.enumerated() {
                let value = bar.values[index].isFinite ? bar.values[index] : 0
                let colour = SVG.colours[number % SVG.colours.count]
                let x = stacked ? frame.center(index, of: categories.count) - barWidth / 2
                                : frame.center(index, of: categories.count) - slot * 0.4 + Double(number) * barWidth
                let top = y(base + value), bottom = y(base)
                svg += "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(top))\" width=\"\(SVG.number(barWidth))\" height=\"\(SVG.number(max(0, bottom - top)))\" fill=\"\(colour)\"><title>\(SVG.escape("\(categories[index]) · \(bar.name): \(SVG.label(value))"))</title></rect>"
                if stacked { base += value }
            }
        }
        if let line {
            let right = LinearScale(values: line.series.values, start: frame.plotBottom, end: frame.plotTop)
            svg += frame.valueAxis(right, label: line.label, onRight: true)
            let points = frame.points(line.series.values, count: categories.count, on: right)
            svg += "<polyline class=\"series\" fill=\"none\" stroke=\"#000000\" points=\"\(points.joined(separator: " "))\"><title>\(SVG.escape(line.series.name))</title></polyline>"
        }
        return svg + frame.legend(legend) + "</svg>"
    }
}

/// Values from 0 to 1 in a grid of rows (window groups) by columns (intervals).
public struct HeatMap {
    public let title: String
    public let description: String
    public let rows: [String]
    public let columns: [String]
    public let columnLabel: String
    public let values: [[Double]]

    public init(title: String, description: String, rows: [String], columns: [String], columnLabel: String, values: [[Double]]) {
        self.title = title
        self.description = description
        self.rows = rows
        self.columns = columns
        self.columnLabel = columnLabel
        self.values = values
    }

    public func colour(_ value: Double) -> String {
        guard value.isFinite else { return "#f0f0f0" }
        let t = min(max(value, 0), 1)
        // From pale yellow (idle) to deep red (saturated).
        let r = Int(255 - 40 * t), g = Int(245 - 200 * t), b = Int(200 - 170 * t)
        return "rgb(\(r),\(g),\(b))"
    }

    public func render() -> String {
        let frame = ChartFrame()
        let left = 120.0, top = frame.plotTop, bottom = frame.plotBottom, right = frame.plotRight
        let cellWidth = (right - left) / Double(max(columns.count, 1)), cellHeight = (bottom - top) / Double(max(rows.count, 1))
        var svg = frame.open(title: title, description: description)
        for (row, name) in rows.enumerated() {
            let y = top + Double(row) * cellHeight
            svg += "<text class=\"tick\" x=\"\(SVG.number(left - 6))\" y=\"\(SVG.number(y + cellHeight / 2))\" dy=\"4\" text-anchor=\"end\">\(SVG.escape(name))</text>"
            for (column, label) in columns.enumerated() {
                let value = values[row][column]
                svg += "<rect x=\"\(SVG.number(left + Double(column) * cellWidth))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(cellWidth))\" height=\"\(SVG.number(cellHeight))\" fill=\"\(colour(value))\" stroke=\"#ffffff\"><title>\(SVG.escape("\(name) \(label): \(value.isFinite ? SVG.formatted(value * 100, "%.0f") + "%" : "closed")"))</title></rect>"
                // The number itself, in percent, where the cell is wide enough to hold it.
                if value.isFinite, cellWidth >= 22, cellHeight >= 12 {
                    let ink = value > 0.6 ? "#ffffff" : "#222222"
                    svg += "<text class=\"cell-value\" x=\"\(SVG.number(left + (Double(column) + 0.5) * cellWidth))\" y=\"\(SVG.number(y + cellHeight / 2))\" dy=\"4\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(ink)\">\(SVG.formatted(value * 100, "%.0f"))</text>"
                }
            }
        }
        for (column, label) in columns.enumerated() where column % max(1, columns.count / 10) == 0 {
            svg += "<text class=\"tick\" x=\"\(SVG.number(left + (Double(column) + 0.5) * cellWidth))\" y=\"\(SVG.number(bottom + 18))\" text-anchor=\"middle\">\(SVG.escape(label))</text>"
        }
        svg += "<text class=\"axis-label\" x=\"\(SVG.number((left + right) / 2))\" y=\"\(SVG.number(frame.height - 12))\" text-anchor=\"middle\">\(SVG.escape(columnLabel))</text>"
        svg += frame.legend([(name: "0%", colour: colour(0), line: false), (name: "50%", colour: colour(0.5), line: false),
                             (name: "100% busy (cells: % busy)", colour: colour(1), line: false)])
        return svg + "</svg>"
    }
}
