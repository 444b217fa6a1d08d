import Foundation
import OutputKit
import Scenario

/// The stage a day is replayed on: the hall's zones (placed as the floor
/// plan places them, or in a plain row when the scenario has no
/// `layout:`), each window of each group and each kiosk, drawn as SVG,
/// with the place of every zone, window and kiosk for the page to move
/// customers between. Coordinates are in the SVG's 1000 × 600 view box.
public struct ReplayStage {
    public struct Box: Sendable {
        public let x: Double, y: Double, width: Double, height: Double
        func json() -> JSONValue {
            .object([("x", .number(x.rounded())), ("y", .number(y.rounded())), ("width", .number(width.rounded())),
                     ("height", .number(height.rounded()))])
        }
    }

    let scenario: Scenario
    public static let width = 1000.0
    public static let height = 600.0
    static let windowSize = (width: 26.0, height: 18.0)

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// The zones a customer passes: reception (with the entrance), self-service, waiting, counters.
    static let zones: [FloorPlan.ZoneKind] = [.reception, .selfService, .waiting, .counters]

    /// Each zone's box: from the floor plan's squares when it has them, else a plain row.
    /// - Complexity: O(zones).
    func boxes() -> [FloorPlan.ZoneKind: Box] {
        let row: [FloorPlan.ZoneKind: Box] = [
            .reception: Box(x: 20, y: 220, width: 170, height: 170), .selfService: Box(x: 220, y: 20, width: 420, height: 170),
            .waiting: Box(x: 220, y: 220, width: 420, height: 360), .counters: Box(x: 680, y: 20, width: 300, height: 560),
        ]
        guard let plan = scenario.floorPlan else { return row }
        let chart = FloorPlanChart(plan: plan, intervals: [], labels: [], estimate: { _, _ in nil })
        let squares = chart.squares()
        let (minX, minY, _, _) = chart.extent(squares)
        let scale = chart.scale(width: Self.width - 40, height: Self.height - 40)
        var boxes = row
        for square in squares where Self.zones.contains(square.zone.kind) || square.zone.kind == .entrance {
            let side = square.side * scale
            let box = Box(x: 20 + (square.x - square.side / 2 - minX) * scale, y: 20 + (square.y - square.side / 2 - minY) * scale,
                          width: side, height: side)
            // The entrance stands for reception when a plan has no reception of its own.
            let kind: FloorPlan.ZoneKind = square.zone.kind == .entrance ? .reception : square.zone.kind
            if square.zone.kind == .entrance, plan.zones.contains(where: { $0.kind == .reception }) { continue }
            boxes[kind] = box
        }
        return boxes
    }

    /// The windows of each group, as the engine numbers them: the most its
    /// schedule opens, then its flexible ones; a trace's `window` counts
    /// on from the groups before.
    func windowCounts() -> [Int] {
        scenario.windowGroups.map { ($0.open.steps.map(\.value).max() ?? 0) + ($0.flexible?.maxWindows ?? 0) }
    }

    /// The trace's number of each group's first window.
    func firstWindows() -> [Int] {
        var firsts: [Int] = []
        var next = 0
        for count in windowCounts() {
            firsts.append(next)
            next += count
        }
        return firsts
    }

    /// Every window's box: one column per group inside the counters zone.
    func windowBoxes(_ counters: Box) -> [[Box]] {
        let counts = windowCounts()
        let columnWidth = counters.width / Double(max(counts.count, 1))
        return counts.enumerated().map { group, count in
            let step = min(Self.windowSize.height + 6, (counters.height - 60) / Double(max(count, 1)))
            return (0..<count).map { window in
                Box(x: counters.x + Double(group) * columnWidth + (columnWidth - Self.windowSize.width) / 2,
                    y: counters.y + 40 + Double(window) * step, width: Self.windowSize.width, height: min(Self.windowSize.height, step - 2))
            }
        }
    }

    /// Every kiosk's box: a row per kiosk type inside the self-service zone.
    func kioskBoxes(_ area: Box) -> [[Box]] {
        let types = scenario.selfService.kioskTypes
        let rowHeight = (area.height - 24) / Double(max(types.count, 1))
        return types.enumerated().map { type, kiosk in
            let step = min(30, (area.width - 20) / Double(max(kiosk.count, 1)))
            return (0..<kiosk.count).map { index in
                Box(x: area.x + 10 + Double(index) * step, y: area.y + 22 + Double(type) * rowHeight, width: min(22, step - 4), height: min(18, rowHeight - 4))
            }
        }
    }

    /// The stage as SVG and the boxes as JSON, for the page.
    /// - Complexity: O(zones + windows + kiosks).
    public func json() -> JSONValue {
        let boxes = boxes()
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" class=\"stage\" role=\"img\">"
        svg += "<title>The hall: zones, windows and kiosks</title>"
        let names: [FloorPlan.ZoneKind: String] = [.reception: "reception", .selfService: "self-service", .waiting: "waiting zone", .counters: "windows"]
        for kind in Self.zones {
            guard let box = boxes[kind] else { continue }
            svg += "<rect class=\"zone\" data-zone=\"\(kind.name)\" x=\"\(SVG.number(box.x))\" y=\"\(SVG.number(box.y))\" width=\"\(SVG.number(box.width))\" height=\"\(SVG.number(box.height))\" fill=\"#f4f6f8\" stroke=\"#8a96a3\"/>"
            svg += "<text class=\"zone-name\" x=\"\(SVG.number(box.x + 6))\" y=\"\(SVG.number(box.y + 15))\" font-size=\"12\" fill=\"#5c6b7a\">\(SVG.escape(names[kind] ?? kind.name))</text>"
        }
        let counters = boxes[.counters] ?? Box(x: 680, y: 20, width: 300, height: 560)
        let windows = windowBoxes(counters)
        for (group, boxes) in windows.enumerated() {
            let name = scenario.windowGroups[group].name
            let columnWidth = counters.width / Double(max(windows.count, 1))
            svg += "<text x=\"\(SVG.number(counters.x + (Double(group) + 0.5) * columnWidth))\" y=\"\(SVG.number(counters.y + 32))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1d2733\">\(SVG.escape(name))</text>"
            for (index, box) in boxes.enumerated() {
                svg += "<rect class=\"window\" id=\"window-\(group)-\(index)\" x=\"\(SVG.number(box.x))\" y=\"\(SVG.number(box.y))\" width=\"\(SVG.number(box.width))\" height=\"\(SVG.number(box.height))\" fill=\"#cfd6dd\" stroke=\"#5c6b7a\"><title>\(SVG.escape(name)) window \(index + 1)</title></rect>"
            }
        }
        let selfService = boxes[.selfService] ?? Box(x: 220, y: 20, width: 420, height: 170)
        let kiosks = kioskBoxes(selfService)
        for (type, boxes) in kiosks.enumerated() {
            for (index, box) in boxes.enumerated() {
                svg += "<rect class=\"kiosk\" id=\"kiosk-\(type)-\(index)\" x=\"\(SVG.number(box.x))\" y=\"\(SVG.number(box.y))\" width=\"\(SVG.number(box.width))\" height=\"\(SVG.number(box.height))\" fill=\"#e9ecef\" stroke=\"#5c6b7a\"><title>\(SVG.escape(scenario.selfService.kioskTypes[type].name)) \(index + 1)</title></rect>"
            }
        }
        svg += "<g id=\"customers\"></g></svg>"
        return .object([
            ("svg", .string(svg)),
            ("zones", .object(Self.zones.compactMap { kind in boxes[kind].map { (kind.name, $0.json()) } })),
            ("windows", .array(windows.map { .array($0.map { $0.json() }) })),
            // The trace's number of each group's first window.
            ("first_window", .array(firstWindows().map { .integer($0) })),
            ("kiosks", .array(kiosks.map { .array($0.map { $0.json() }) })),
        ])
    }
}
