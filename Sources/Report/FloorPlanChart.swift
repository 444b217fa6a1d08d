import Foundation
import Measurement
import OutputKit
import Replications
import Scenario

/// The hall drawn to scale: each zone a square of its area around its
/// centre, doors as lines between centres, zones coloured by how crowded
/// they are (persons per m², queueing or served, time average) at the
/// busiest interval, each zone where customers are labelled with its
/// crowding grade at its fullest. A small multiple of the day follows, one
/// plan per interval.
struct FloorPlanChart {
    let plan: FloorPlan
    /// Intervals drawn, with their labels.
    let intervals: [Int]
    let labels: [String]
    /// The estimate of a metric in an interval.
    let estimate: (Int, Metric) -> MetricEstimate?

    /// Persons per m² in a zone and interval, time average; nil where the zone is not measured (entrance, display).
    func density(_ zone: FloorPlan.ZoneKind, _ interval: Int) -> Double? {
        switch zone {
        case .waiting: estimate(interval, .waitingDensityMean)?.mean
        case .reception, .selfService, .counters: estimate(interval, .zoneDensityMean(zone.rawValue))?.mean
        case .entrance, .display: nil
        }
    }

    /// Persons per m² in a zone and interval at its fullest; nil where the zone is not measured.
    func peak(_ zone: FloorPlan.ZoneKind, _ interval: Int) -> Double? {
        switch zone {
        case .waiting: estimate(interval, .waitingDensityPeak)?.mean
        case .reception, .selfService, .counters: estimate(interval, .zoneDensityPeak(zone.rawValue))?.mean
        case .entrance, .display: nil
        }
    }

    /// The interval with the most customers per m² in the waiting zone at its fullest.
    var busiest: Int? {
        intervals.max { (estimate($0, .waitingDensityPeak)?.mean ?? 0) < (estimate($1, .waitingDensityPeak)?.mean ?? 0) }
    }

    /// White for empty to deep red for 1.5 customers per m² (grade C's limit at the fullest) and above.
    func colour(_ density: Double?) -> String {
        guard let density, density.isFinite else { return "#eeeeee" }
        let t = min(max(density / CrowdingGrade.c.mostDensity, 0), 1)
        return "rgb(\(Int(255 - 40 * t)),\(Int(250 - 210 * t)),\(Int(240 - 210 * t)))"
    }

    /// Each zone's square, in metres: centre and side. Zones without a centre are set in a row below the rest.
    func squares() -> [(zone: FloorPlan.Zone, x: Double, y: Double, side: Double)] {
        var placed: [(FloorPlan.Zone, Double, Double, Double)] = []
        let bottom = plan.zones.compactMap { zone in zone.position.map { $0.y + zone.area.squareRoot() / 2 } }.max() ?? 0
        var rowX = 0.0
        for zone in plan.zones {
            let side = zone.area.squareRoot()
            if let at = zone.position {
                placed.append((zone, at.x, at.y, side))
            } else {
                placed.append((zone, rowX + side / 2, bottom + 2 + side / 2, side))
                rowX += side + 1
            }
        }
        return placed
    }

    /// The plan's corner and size, metres.
    func extent(_ squares: [(zone: FloorPlan.Zone, x: Double, y: Double, side: Double)]) -> (minX: Double, minY: Double, width: Double, height: Double) {
        let minX = squares.map { $0.x - $0.side / 2 }.min() ?? 0, maxX = squares.map { $0.x + $0.side / 2 }.max() ?? 1
        let minY = squares.map { $0.y - $0.side / 2 }.min() ?? 0, maxY = squares.map { $0.y + $0.side / 2 }.max() ?? 1
        return (minX, minY, max(maxX - minX, 1), max(maxY - minY, 1))
    }

    /// Pixels per metre, the same both ways, for the plan to fit a box of `width` × `height` pixels.
    func scale(width: Double, height: Double) -> Double {
        let size = extent(squares())
        return min(width / size.width, height / size.height)
    }

    /// One plan in the box (x, y, width, height), coloured for `interval`.
    func drawing(interval: Int, x left: Double, y top: Double, width: Double, height: Double, labelled: Bool) -> String {
        let squares = squares()
        let (minX, minY, _, _) = extent(squares)
        let scale = scale(width: width, height: height)
        func px(_ x: Double, _ y: Double) -> (String, String) { (SVG.number(left + (x - minX) * scale), SVG.number(top + (y - minY) * scale)) }
        var svg = ""
        for door in plan.doors {
            guard let a = squares.first(where: { $0.zone.kind == door.from }), let b = squares.first(where: { $0.zone.kind == door.to }) else { continue }
            let (x1, y1) = px(a.x, a.y), (x2, y2) = px(b.x, b.y)
            svg += "<line class=\"door\" x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"#777777\" stroke-dasharray=\"3 2\"/>"
        }
        for square in squares {
            let value = density(square.zone.kind, interval)
            let (x, y) = px(square.x - square.side / 2, square.y - square.side / 2)
            let side = SVG.number(square.side * scale)
            var title = "\(square.zone.kind.name), \(SVG.label(square.zone.area)) m²"
            if let value { title += String(format: ": %.2f persons per m²", value) }
            let fullest = peak(square.zone.kind, interval).flatMap { $0.isFinite ? $0 : nil }
            if let fullest {
                title += String(format: "; at the fullest %.2f per m², grade %@", fullest, CrowdingGrade(density: fullest).rawValue)
            }
            svg += "<rect class=\"zone\" data-zone=\"\(square.zone.kind.name)\" x=\"\(x)\" y=\"\(y)\" width=\"\(side)\" height=\"\(side)\" fill=\"\(colour(value))\" stroke=\"#333333\"><title>\(SVG.escape(title))</title></rect>"
            if labelled {
                let (cx, cy) = px(square.x, square.y)
                let name = square.zone.kind.name.replacingOccurrences(of: "_", with: " ")
                svg += Self.label(name: name, grade: fullest.map { CrowdingGrade(density: $0).rawValue }, x: cx, y: cy,
                                  side: square.side * scale)
            }
        }
        return svg
    }

    /// A zone's label inside its square of `side` px centred on (x, y): its
    /// name, and its grade on a second line, in the largest font up to 11 px
    /// that fits (at least 6 px).
    ///
    /// - Complexity: O(label length).
    static func label(name: String, grade: String?, x: String, y: String, side: Double) -> String {
        // Generous for the page's sans-serif: an average glyph is about 0.55 em.
        let em = 0.62, room = max(side - 8, 1)
        let lines = grade.map { [name, "grade \($0)"] } ?? [name]
        let widest = Double(lines.map(\.count).max() ?? 1)
        let size = max(6, min(11, room / (widest * em), room / (Double(lines.count) * 1.2)))
        let first = -Double(lines.count - 1) * size * 0.6 + size * 0.35
        var text = "<text class=\"zone-label\" x=\"\(x)\" y=\"\(y)\" text-anchor=\"middle\" font-size=\"\(SVG.number(size))\">"
        for (index, line) in lines.enumerated() {
            text += "<tspan x=\"\(x)\" dy=\"\(SVG.number(index == 0 ? first : size * 1.2))\">\(SVG.escape(line))</tspan>"
        }
        return text + "</text>"
    }

    func render() -> String {
        guard let busiest else { return "" }
        let label = labels[intervals.firstIndex(of: busiest) ?? 0]
        var svg = """
        <svg class="chart floor-plan" role="img" viewBox="0 0 760 420" xmlns="http://www.w3.org/2000/svg" aria-labelledby="t d">
        <title>Floor plan at the busiest interval</title><desc>\(SVG.escape("Zones drawn to scale, coloured by persons per m² queueing or served (time average) in the \(label) interval; each zone where customers are shows its crowding grade at its fullest (A roomiest to F)."))</desc>
        <text class="chart-title" x="68" y="24">\(SVG.escape("Floor plan at the busiest interval (\(label))"))</text>
        """
        svg += drawing(interval: busiest, x: 68, y: 48, width: 560, height: 330, labelled: true)
        // The scale bar: 5 m.
        let metre = scale(width: 560, height: 330)
        svg += "<line x1=\"68\" y1=\"400\" x2=\"\(SVG.number(68 + 5 * metre))\" y2=\"400\" stroke=\"#000000\" stroke-width=\"2\"/><text class=\"tick\" x=\"\(SVG.number(74 + 5 * metre))\" y=\"404\">5 m</text>"
        for (index, value) in [0, 0.5, 1.0].enumerated() {
            let y = 60.0 + Double(index) * 22
            svg += "<rect x=\"650\" y=\"\(SVG.number(y))\" width=\"14\" height=\"14\" fill=\"\(colour(value * CrowdingGrade.c.mostDensity))\" stroke=\"#333333\"/>"
            svg += "<text class=\"legend-label\" x=\"670\" y=\"\(SVG.number(y + 11))\">\(String(format: "%.2f", value * CrowdingGrade.c.mostDensity)) per m²</text>"
        }
        svg += "</svg>"
        // The day as small multiples.
        let columns = 6.0, cell = 760 / columns
        let rows = (Double(intervals.count) / columns).rounded(.up)
        svg += "<svg class=\"chart floor-plan-day\" role=\"img\" viewBox=\"0 0 760 \(Int(40 + rows * cell))\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"t d\">"
        svg += "<title>The floor plan through the day</title><desc>One plan per interval, coloured as above.</desc>"
        svg += "<text class=\"chart-title\" x=\"8\" y=\"24\">The floor plan through the day</text>"
        for (position, interval) in intervals.enumerated() {
            let x = Double(position % Int(columns)) * cell, y = 40 + Double(position / Int(columns)) * cell
            svg += "<g class=\"floor-plan-interval\" data-interval=\"\(SVG.escape(labels[position]))\">"
            svg += drawing(interval: interval, x: x + 8, y: y + 18, width: cell - 16, height: cell - 26, labelled: false)
            svg += "<text class=\"tick\" x=\"\(SVG.number(x + 8))\" y=\"\(SVG.number(y + 12))\">\(SVG.escape(labels[position]))</text></g>"
        }
        return svg + "</svg>"
    }
}
