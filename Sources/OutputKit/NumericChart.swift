/// A chart over a numeric x axis: histogram bars, lines, step lines and
/// points, for distributions (a histogram with its fitted density, a Q-Q
/// plot, a survival curve).
public struct NumericChart {
    public enum Layer {
        /// Bars from x to x + width, of height y.
        case bars(name: String, bins: [(x: Double, width: Double, height: Double)])
        case line(name: String, points: [(x: Double, y: Double)])
        /// A staircase: each y holds until the next x.
        case steps(name: String, points: [(x: Double, y: Double)])
        case points(name: String, points: [(x: Double, y: Double)])
        /// A dashed reference line between two points.
        case reference(name: String, from: (x: Double, y: Double), to: (x: Double, y: Double))
    }

    public let title: String
    public let description: String
    public let xLabel: String
    public let yLabel: String
    public let layers: [Layer]

    public init(title: String, description: String, xLabel: String, yLabel: String, layers: [Layer]) {
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.layers = layers
    }

    public func render() -> String {
        let legend: [ChartFrame.LegendEntry] = layers.enumerated().map { index, layer in
            let colour = SVG.colours[index % SVG.colours.count]
            switch layer {
            case .bars(let name, _), .points(let name, _): return (name, colour, false)
            case .line(let name, _), .steps(let name, _): return (name, colour, true)
            case .reference(let name, _, _): return (name, "#D55E00", true)
            }
        }
        let frame = ChartFrame(legend: legend)
        var xs: [Double] = [], ys: [Double] = []
        for layer in layers {
            switch layer {
            case .bars(_, let bins): xs += bins.flatMap { [$0.x, $0.x + $0.width] }; ys += bins.map(\.height)
            case .line(_, let points), .steps(_, let points), .points(_, let points): xs += points.map(\.x); ys += points.map(\.y)
            case .reference(_, let from, let to): xs += [from.x, to.x]; ys += [from.y, to.y]
            }
        }
        let x = LinearScale(values: xs, start: frame.plotLeft, end: frame.plotRight)
        let y = LinearScale(values: ys, start: frame.plotBottom, end: frame.plotTop)
        var svg = frame.open(title: title, description: description) + frame.valueAxis(y, label: yLabel)
        svg += "<line class=\"axis\" x1=\"\(SVG.number(frame.plotLeft))\" x2=\"\(SVG.number(frame.plotRight))\" y1=\"\(SVG.number(frame.plotBottom))\" y2=\"\(SVG.number(frame.plotBottom))\"/>"
        for tick in x.ticks {
            svg += "<text class=\"tick\" x=\"\(SVG.number(x(tick)))\" y=\"\(SVG.number(frame.plotBottom + 18))\" text-anchor=\"middle\">\(SVG.label(tick))</text>"
        }
        svg += "<text class=\"axis-label\" x=\"\(SVG.number((frame.plotLeft + frame.plotRight) / 2))\" y=\"\(SVG.number(frame.height - 12))\" text-anchor=\"middle\">\(SVG.escape(xLabel))</text>"
        for (index, layer) in layers.enumerated() {
            let colour = SVG.colours[index % SVG.colours.count]
            switch layer {
            case .bars(let name, let bins):
                for bin in bins {
                    let left = x(bin.x), right = x(bin.x + bin.width), top = y(bin.height)
                    svg += "<rect class=\"bar\" x=\"\(SVG.number(left))\" y=\"\(SVG.number(top))\" width=\"\(SVG.number(max(right - left - 1, 0.5)))\" height=\"\(SVG.number(max(frame.plotBottom - top, 0)))\" fill=\"\(colour)\" opacity=\"0.55\"/>"
                }
            case .line(let name, let points):
                let text = points.filter { $0.x.isFinite && $0.y.isFinite }.map { "\(SVG.number(x($0.x))),\(SVG.number(y($0.y)))" }
                svg += "<polyline class=\"series\" fill=\"none\" stroke=\"\(colour)\" points=\"\(text.joined(separator: " "))\"><title>\(SVG.escape(name))</title></polyline>"
            case .steps(let name, let points):
                var text: [String] = []
                for (position, point) in points.enumerated() where point.x.isFinite && point.y.isFinite {
                    if position > 0 { text.append("\(SVG.number(x(point.x))),\(SVG.number(y(points[position - 1].y)))") }
                    text.append("\(SVG.number(x(point.x))),\(SVG.number(y(point.y)))")
                }
                svg += "<polyline class=\"series\" fill=\"none\" stroke=\"\(colour)\" points=\"\(text.joined(separator: " "))\"><title>\(SVG.escape(name))</title></polyline>"
            case .points(let name, let points):
                for point in points where point.x.isFinite && point.y.isFinite {
                    svg += "<circle cx=\"\(SVG.number(x(point.x)))\" cy=\"\(SVG.number(y(point.y)))\" r=\"2.2\" fill=\"\(colour)\"/>"
                }
            case .reference(let name, let from, let to):
                svg += "<line class=\"target\" x1=\"\(SVG.number(x(from.x)))\" y1=\"\(SVG.number(y(from.y)))\" x2=\"\(SVG.number(x(to.x)))\" y2=\"\(SVG.number(y(to.y)))\"><title>\(SVG.escape(name))</title></line>"
            }
        }
        return svg + frame.legend(legend) + "</svg>"
    }
}
