import Scenario
import ShiftCovering
import Testing

@Suite("Shift covering")
struct ShiftCoveringTests {
    /// A day of 10 half hours from 09:00, and a menu of a long shift with a
    /// movable break, a short shift and a middle one, priced unevenly.
    static let menu = ShiftMenu(kinds: [
        ShiftMenu.Kind(name: "long", starts: [540, 570, 600], length: 240,
                       breakRule: ShiftMenu.BreakRule(length: 30, earliestStart: 60, latestStart: 150), cost: 380),
        ShiftMenu.Kind(name: "short", starts: stride(from: 540.0, through: 810, by: 30).map { $0 }, length: 90, cost: 170),
        ShiftMenu.Kind(name: "middle", starts: [600, 660, 720], length: 150),
    ])
    static let patterns = ShiftPattern.all(of: menu, opening: 540, intervalMinutes: 30, intervalCount: 10, wagePerHour: 100)

    /// The exact optimum by enumeration: some pattern must cover the first
    /// interval still short of staff, so branch on those, cutting any branch
    /// that already costs at least the best found.
    static func enumerate(_ requirement: [Int]) -> Double {
        var best = Double.infinity
        func search(_ need: [Int], _ cost: Double) {
            guard cost < best - 1e-9 else { return }
            guard let first = need.firstIndex(where: { $0 > 0 }) else { best = cost; return }
            for pattern in patterns where pattern.covers.contains(first) {
                var rest = need
                for interval in pattern.covers { rest[interval] -= 1 }
                search(rest, cost + pattern.cost)
            }
        }
        search(requirement, 0)
        return best
    }

    @Test("patterns: every start and break position, covering only whole intervals, priced by paid hours by default")
    func patterns() {
        let long = Self.patterns.filter { $0.kind == 0 }
        #expect(long.count == 3 * 4)  // breaks 1, 1.5, 2 or 2.5 hours in
        let first = long.first { $0.start == 540 && $0.breakStart == 600 }
        #expect(first?.covers == [0, 1, 3, 4, 5, 6, 7])
        #expect(Self.patterns.first { $0.kind == 2 }?.cost == 250)  // 2.5 paid hours at 100
        // A short shift starting at 16:30 runs past the last interval (16:30-17:00): it covers one.
        #expect(Self.patterns.first { $0.kind == 1 && $0.start == 810 }?.covers == [9])
    }

    @Test("GLPK's cover is optimal on 40 random instances whose optimum is known by enumeration")
    func optimalAgainstEnumeration() throws {
        var state: UInt64 = 20_261_123
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<40 {
            let requirement = (0..<10).map { _ in next(4) }
            let cover = try ShiftCovering.cheapest(requirement: requirement, patterns: Self.patterns)
            let exact = Self.enumerate(requirement)
            #expect(abs(cover.cost - exact) < 1e-6, "requirement \(requirement): GLPK \(cover.cost), enumeration \(exact)")
            #expect(zip(cover.onDuty, requirement).allSatisfy { $0 >= $1 })
            #expect(abs(cover.assignments.reduce(0) { $0 + Double($1.staff) * $1.pattern.cost } - cover.cost) < 1e-9)
        }
    }

    @Test("a flat all-day requirement is covered at the enumerated optimum")
    func flat() throws {
        // Two staff all day (10 half hours): shorts cost 170 per 3 intervals, longs 380 per 7.
        let cover = try ShiftCovering.cheapest(requirement: Array(repeating: 2, count: 10), patterns: Self.patterns)
        #expect(cover.cost == Self.enumerate(Array(repeating: 2, count: 10)))
        #expect(cover.onDuty.allSatisfy { $0 >= 2 })
    }

    @Test("nothing to cover costs nothing; an interval no shift covers is named")
    func edges() throws {
        #expect(try ShiftCovering.cheapest(requirement: Array(repeating: 0, count: 10), patterns: Self.patterns).cost == 0)
        let morningOnly = Self.patterns.filter { $0.covers.allSatisfy { $0 < 4 } }
        #expect(throws: ShiftCoveringError.uncoverable(intervals: [8])) {
            try ShiftCovering.cheapest(requirement: [1, 0, 0, 0, 0, 0, 0, 0, 1, 0], patterns: morningOnly)
        }
    }
}
