import Distributions
import Scenario
import Yams

/// The floor plan (`layout:`): zones that fit in the hall, doors that join
/// every zone, distances from points or given, and the floor kiosks and
/// seats take. Every misfit is a located problem.
extension ScenarioReader {
    mutating func readLayout(_ node: Node, seats: Int?, kiosks: Int, hasReception: Bool) -> FloorPlan? {
        guard let entries = nodes.object(node, "layout", Grammar.layout) else { return nil }
        let hall = entries["area"].flatMap { nodes.number($0, "layout.area", .area.from(0.01)) }
        var zones: [FloorPlan.Zone] = [], zoneNodes: [FloorPlan.ZoneKind: Node] = [:], areaNodes: [FloorPlan.ZoneKind: Node] = [:]
        if let zonesNode = entries["zones"], let given = nodes.object(zonesNode, "layout.zones", Grammar.layoutZones) {
            for kind in FloorPlan.ZoneKind.allCases {
                guard let zoneNode = given[kind.name] else { continue }
                let path = "layout.zones.\(kind.name)"
                guard let zone = nodes.object(zoneNode, path, Grammar.layoutZone),
                      let area = zone["area"].flatMap({ nodes.number($0, "\(path).area", .area.from(0.01)) }) else { continue }
                var position: FloorPlan.Point?
                if let atNode = zone["at"] {
                    guard case .sequence(let pair) = atNode, pair.count == 2 else {
                        nodes.report(atNode, "\(path).at", found: NodeReader.describe(atNode), allowed: "[x, y] in metres")
                        continue
                    }
                    guard let x = nodes.number(pair[0], "\(path).at[0]", .metres), let y = nodes.number(pair[1], "\(path).at[1]", .metres) else { continue }
                    position = FloorPlan.Point(x: x, y: y)
                }
                zones.append(FloorPlan.Zone(kind: kind, area: area, position: position))
                zoneNodes[kind] = zoneNode
                areaNodes[kind] = zone["area"]
            }
            if hasReception && given["reception"] == nil {
                nodes.report(zonesNode, "layout.zones", found: "no reception zone for the reception's greeters", allowed: "a reception zone")
            }
            if kiosks > 0 && given["self_service"] == nil {
                nodes.report(zonesNode, "layout.zones", found: "no self_service zone for \(kiosks) kiosks", allowed: "a self_service zone")
            }
            let total = zones.reduce(0) { $0 + $1.area }
            if let hall, total > hall {
                nodes.report(zonesNode, "layout.zones", found: "zones of \(NodeReader.format(total)) m² in a hall of \(NodeReader.format(hall)) m²",
                             allowed: "zones that together fit in layout.area")
            }
        }
        let doors = readDoors(entries, zones: zones, zoneNodes: zoneNodes)
        let standing = entries["standing_space"].map { nodes.number($0, "layout.standing_space", .area.from(0.01)) } ?? 0.65
        let seatSpace = entries["seat_space"].map { nodes.number($0, "layout.seat_space", .area) } ?? 0.8
        let kioskSpace = entries["kiosk_space"].map { nodes.number($0, "layout.kiosk_space", .area) } ?? 2
        let speed = entries["walking_speed"].map { nodes.distribution($0, "layout.walking_speed", signed: false) }
            ?? (try? Distribution.normal(mean: 1.2, sd: 0.2))
        func zone(_ kind: FloorPlan.ZoneKind) -> FloorPlan.Zone? { zones.first { $0.kind == kind } }
        if let zone = zone(.selfService), let zoneNode = areaNodes[.selfService], let kioskSpace, Double(kiosks) * kioskSpace > zone.area {
            nodes.report(zoneNode, "layout.zones.self_service.area",
                         found: "\(NodeReader.format(zone.area)) m² for \(kiosks) kiosks of \(NodeReader.format(kioskSpace)) m²",
                         allowed: "at least \(NodeReader.format(Double(kiosks) * kioskSpace)) m² (kiosks × layout.kiosk_space)")
        }
        if let zone = zone(.waiting), let zoneNode = areaNodes[.waiting], let seats, let seatSpace, Double(seats) * seatSpace > zone.area {
            nodes.report(zoneNode, "layout.zones.waiting.area",
                         found: "\(NodeReader.format(zone.area)) m² for \(seats) seats of \(NodeReader.format(seatSpace)) m²",
                         allowed: "at least \(NodeReader.format(Double(seats) * seatSpace)) m² (waiting_zone.seats × layout.seat_space)")
        }
        guard let hall, let doors, let standing, let seatSpace, let kioskSpace, let speed else { return nil }
        let plan = FloorPlan(hallArea: hall, zones: zones, doors: doors, walkingSpeed: speed, standingSpace: standing,
                             seatSpace: seatSpace, kioskSpace: kioskSpace)
        return plan
    }

    /// Doors as pairs of zone names, each with its metres: given in
    /// `distances`, else the straight line between the zones' points.
    mutating func readDoors(_ entries: [String: Node], zones: [FloorPlan.Zone], zoneNodes: [FloorPlan.ZoneKind: Node]) -> [FloorPlan.Door]? {
        guard let doorsNode = entries["doors"] else { return nil }
        guard case .sequence(let list) = doorsNode, !list.isEmpty else {
            nodes.report(doorsNode, "layout.doors", found: NodeReader.describe(doorsNode), allowed: "a list of zone pairs, e.g. [[entrance, waiting]]")
            return nil
        }
        var given: [String: [String: (Double, Node)]] = [:]
        if let distancesNode = entries["distances"] {
            for (from, _, value) in nodes.namedEntries(distancesNode, "layout.distances", what: "zone") {
                for (to, _, metresNode) in nodes.namedEntries(value, "layout.distances.\(from)", what: "zone") {
                    if let metres = nodes.number(metresNode, "layout.distances.\(from).\(to)", .metres) { given[from, default: [:]][to] = (metres, metresNode) }
                }
            }
        }
        let names = zones.map(\.kind.name)
        var doors: [FloorPlan.Door] = [], valid = true
        for (index, item) in list.enumerated() {
            let path = "layout.doors[\(index)]"
            guard case .sequence(let pair) = item, pair.count == 2,
                  let first = nodes.text(pair[0], "\(path)[0]"), let second = nodes.text(pair[1], "\(path)[1]") else {
                if case .sequence(let pair) = item, pair.count == 2 { valid = false; continue }
                nodes.report(item, path, found: NodeReader.describe(item), allowed: "a pair of zone names, e.g. [entrance, reception]")
                valid = false
                continue
            }
            var kinds: [FloorPlan.ZoneKind] = []
            for (position, name) in [first, second].enumerated() {
                guard let kind = zones.first(where: { $0.kind.name == name })?.kind else {
                    nodes.report(pair[position], "\(path)[\(position)]", found: "the zone '\(name)', which the layout does not have",
                                 allowed: "one of " + names.joined(separator: ", "),
                                 hint: DidYouMean.suggestion(for: name, among: names).map { "did you mean '\($0)'?" })
                    valid = false
                    continue
                }
                kinds.append(kind)
            }
            guard kinds.count == 2 else { continue }
            guard kinds[0] != kinds[1] else {
                nodes.report(item, path, found: "a door from \(first) to itself", allowed: "a door between two zones")
                valid = false
                continue
            }
            if let (metres, _) = given[first]?[second] ?? given[second]?[first] {
                doors.append(FloorPlan.Door(from: kinds[0], to: kinds[1], metres: metres))
            } else if let a = zones.first(where: { $0.kind == kinds[0] })?.position, let b = zones.first(where: { $0.kind == kinds[1] })?.position {
                doors.append(FloorPlan.Door(from: kinds[0], to: kinds[1], metres: a.distance(to: b)))
            } else {
                nodes.report(item, path, found: "no distance for the door between \(first) and \(second)",
                             allowed: "`at` points for both zones, or layout.distances.\(first).\(second)")
                valid = false
            }
        }
        for zone in zones where !doors.contains(where: { $0.from == zone.kind || $0.to == zone.kind }) && valid {
            nodes.report(zoneNodes[zone.kind] ?? doorsNode, "layout.zones.\(zone.kind.name)", found: "no door to \(zone.kind.name)",
                         allowed: "every zone in at least one of layout.doors")
            valid = false
        }
        // Customers must be able to walk entrance → waiting → counters.
        if valid {
            for zone in zones where FloorPlan.metres(from: .entrance, to: zone.kind, through: doors) == nil {
                nodes.report(doorsNode, "layout.doors", found: "no way through doors from the entrance to \(zone.kind.name)",
                             allowed: "doors that join every zone to the entrance")
                valid = false
            }
        }
        return valid ? doors : nil
    }

    /// The optimizer may not try a layout the floor cannot hold: its most kiosks must fit in the
    /// self-service zone (with the kiosk types it does not search at their count), its most seats in the waiting zone.
    mutating func checkSearchFits(_ plan: FloorPlan, _ search: SearchSpace, kioskTypes: [KioskType], _ searchNode: Node) {
        if !search.kiosks.isEmpty, let zone = plan.zone(.selfService) {
            let most = kioskTypes.indices.reduce(0) { $0 + (search.kiosks[$1]?.top ?? kioskTypes[$1].count) }
            if Double(most) * plan.kioskSpace > zone.area {
                nodes.report(searchNode["kiosks"] ?? searchNode, "search.kiosks",
                             found: "up to \(most) kiosks of \(NodeReader.format(plan.kioskSpace)) m² in a self_service zone of \(NodeReader.format(zone.area)) m²",
                             allowed: "at most \(Int((zone.area / max(plan.kioskSpace, 1e-9)).rounded(.down))) kiosks in all")
            }
        }
        if let seats = search.seats, let zone = plan.zone(.waiting), Double(seats.top) * plan.seatSpace > zone.area {
            nodes.report(searchNode["seats"] ?? searchNode, "search.seats",
                         found: "up to \(seats.top) seats of \(NodeReader.format(plan.seatSpace)) m² in a waiting zone of \(NodeReader.format(zone.area)) m²",
                         allowed: "at most \(Int((zone.area / max(plan.seatSpace, 1e-9)).rounded(.down))) seats")
        }
    }
}
