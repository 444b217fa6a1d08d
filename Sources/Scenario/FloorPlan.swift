import Distributions

/// The hall as drawn (`layout:`): its zones with their area (m²) and place,
/// the doors between them, and how people move and stand. Walking times
/// come from the distances, standing room from the waiting zone's area,
/// and crowding is measured as persons per m².
public struct FloorPlan: Sendable {
    /// The hall's zones, in the planner's words.
    public enum ZoneKind: Int, CaseIterable, Sendable, Comparable {
        case entrance, reception, selfService, waiting, counters, display

        /// The zone's key in `layout.zones`.
        public var name: String {
            switch self {
            case .entrance: "entrance"
            case .reception: "reception"
            case .selfService: "self_service"
            case .waiting: "waiting"
            case .counters: "counters"
            case .display: "display"
            }
        }

        public static func < (lhs: ZoneKind, rhs: ZoneKind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A point on the plan, metres from its origin.
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }

        /// Metres in a straight line to `other`.
        public func distance(to other: Point) -> Double { ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot() }
    }

    public struct Zone: Sendable {
        public var kind: ZoneKind
        /// Floor area, m².
        public var area: Double
        /// The zone's centre, when given.
        public var position: Point?

        public init(kind: ZoneKind, area: Double, position: Point? = nil) {
            self.kind = kind
            self.area = area
            self.position = position
        }
    }

    /// A door between two zones, and the metres walked from one's centre to the other's through it.
    public struct Door: Sendable {
        public var from: ZoneKind
        public var to: ZoneKind
        public var metres: Double

        public init(from: ZoneKind, to: ZoneKind, metres: Double) {
            self.from = from
            self.to = to
            self.metres = metres
        }
    }

    /// The hall's floor area, m².
    public var hallArea: Double
    /// The zones given, in ``ZoneKind`` order.
    public var zones: [Zone]
    public var doors: [Door]
    /// Walking speed, m/s, drawn once per customer.
    public var walkingSpeed: Distribution
    /// Floor a standing person needs in the waiting zone, m².
    public var standingSpace: Double
    /// Floor a seat takes with its share of the aisle, m².
    public var seatSpace: Double
    /// Floor a kiosk takes with the customer using it, m².
    public var kioskSpace: Double

    public init(hallArea: Double, zones: [Zone], doors: [Door], walkingSpeed: Distribution, standingSpace: Double,
                seatSpace: Double, kioskSpace: Double) {
        self.hallArea = hallArea
        self.zones = zones.sorted { $0.kind < $1.kind }
        self.doors = doors
        self.walkingSpeed = walkingSpeed
        self.standingSpace = standingSpace
        self.seatSpace = seatSpace
        self.kioskSpace = kioskSpace
    }

    /// The zone of `kind`, if the plan has it.
    public func zone(_ kind: ZoneKind) -> Zone? { zones.first { $0.kind == kind } }

    /// Standing places the waiting zone holds besides `seats`: its free floor at ``standingSpace`` each.
    public func standingPlaces(besides seats: Int) -> Int {
        guard let waiting = zone(.waiting), standingSpace > 0 else { return 0 }
        let free = waiting.area - Double(seats) * seatSpace
        return free > 0 ? Int((free / standingSpace).rounded(.down)) : 0
    }

    /// Metres along the shortest way through doors between two zones; 0 from a zone to itself, nil when no doors connect them.
    ///
    /// - Complexity: O(zones²) (Dijkstra on at most six zones).
    public func metres(from start: ZoneKind, to end: ZoneKind) -> Double? { Self.metres(from: start, to: end, through: doors) }

    /// Metres along the shortest way through `doors` between two zones.
    ///
    /// - Complexity: O(zones² × doors).
    public static func metres(from start: ZoneKind, to end: ZoneKind, through doors: [Door]) -> Double? {
        var best = Array(repeating: Double.infinity, count: ZoneKind.allCases.count)
        var done = Array(repeating: false, count: best.count)
        best[start.rawValue] = 0
        while let next = best.indices.filter({ !done[$0] && best[$0].isFinite }).min(by: { best[$0] < best[$1] }) {
            done[next] = true
            for door in doors {
                let other: ZoneKind? = door.from.rawValue == next ? door.to : door.to.rawValue == next ? door.from : nil
                if let other, best[next] + door.metres < best[other.rawValue] { best[other.rawValue] = best[next] + door.metres }
            }
        }
        return best[end.rawValue].isFinite ? best[end.rawValue] : nil
    }

    /// The customers' five walks in metres (entrance to reception, reception
    /// to self-service, reception to waiting, self-service to waiting,
    /// waiting to the counters); a missing reception is the entrance itself.
    public var walks: [Double] {
        let reception: ZoneKind = zone(.reception) == nil ? .entrance : .reception
        let routes: [(ZoneKind, ZoneKind)] = [(.entrance, reception), (reception, .selfService), (reception, .waiting),
                                               (.selfService, .waiting), (.waiting, .counters)]
        return routes.map { zone($0.0) != nil && zone($0.1) != nil ? metres(from: $0.0, to: $0.1) ?? 0 : 0 }
    }
}

/// Level of service of a queuing area by the floor each person has
/// (Fruin's queuing bands, as the Highway Capacity Manual uses them for
/// waiting areas): A from 1.21 m² a person, B 0.93, C 0.65, D 0.28, E 0.19,
/// F below.
public enum CrowdingGrade: String, CaseIterable, Sendable, Comparable {
    case a = "A", b = "B", c = "C", d = "D", e = "E", f = "F"

    /// The least floor per person, m², of each grade but F.
    public var leastSpace: Double {
        switch self {
        case .a: 1.21
        case .b: 0.93
        case .c: 0.65
        case .d: 0.28
        case .e: 0.19
        case .f: 0
        }
    }

    /// The most persons per m² at this grade or better.
    public var mostDensity: Double { leastSpace > 0 ? 1 / leastSpace : .infinity }

    /// The grade of `density` persons per m².
    public init(density: Double) {
        self = Self.allCases.first { density <= $0.mostDensity } ?? .f
    }

    public static func < (lhs: CrowdingGrade, rhs: CrowdingGrade) -> Bool { lhs.leastSpace > rhs.leastSpace }
}
