import Foundation
import Scenario
import ScenarioFile
import Testing

@Suite("Floor plans (layout)")
struct FloorPlanTests {
    static let layout = """
        layout:
          area: 120
          walking_speed: 1
          standing_space: 0.5
          seat_space: 1
          zones:
            entrance: { area: 10, at: [0, 0] }
            reception: { area: 8, at: [3, 4] }
            self_service: { area: 12, at: [9, 4] }
            waiting: { area: 30, at: [3, 12] }
            counters: { area: 40, at: [15, 12] }
          doors:
            - [entrance, reception]
            - [reception, self_service]
            - [reception, waiting]
            - [waiting, counters]
          distances:
            waiting: { counters: 10 }

        """

    /// The small branch (10 seats, 5 standing) with its standing places and walking given by `layout` instead.
    static func scenario(_ layout: String = layout) throws -> Scenario {
        var text = try String(contentsOf: fixtures.appendingPathComponent("small-branch.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "  standing: 5\n", with: "")
        return try ScenarioLoader.read(text + "\n" + layout, file: "floor-plan.yaml", directory: fixtures.path)
    }

    @Test("distances run through doors: straight lines between centres, or as given; a missing reception is the entrance")
    func distances() throws {
        let plan = try #require(try Self.scenario().floorPlan)
        func near(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }
        #expect(near(plan.metres(from: .entrance, to: .reception), 5))             // a 3-4-5 triangle
        #expect(near(plan.metres(from: .reception, to: .waiting), 8))
        #expect(near(plan.metres(from: .waiting, to: .counters), 10))              // given, not the 12 m straight line
        #expect(near(plan.metres(from: .selfService, to: .waiting), 6 + 8))        // back through reception
        #expect(zip(plan.walks, [5.0, 6, 8, 14, 10]).allSatisfy { near($0, $1) })
        var withoutReception = plan
        withoutReception.zones.removeAll { $0.kind == .reception }
        #expect(withoutReception.walks[0] == 0)
    }

    @Test("the waiting zone's area gives the standing places besides its seats")
    func standing() throws {
        let scenario = try Self.scenario()
        // (30 m² − 10 seats × 1 m²) / 0.5 m² a person.
        #expect(scenario.waitingZone.seats == 10 && scenario.waitingZone.standing == 40)
    }

    @Test("grades follow the queuing bands: A from 1.21 m² a person, C from 0.65, F below 0.19")
    func grades() {
        #expect(CrowdingGrade(density: 0) == .a)
        #expect(CrowdingGrade(density: 1 / 1.21) == .a)
        #expect(CrowdingGrade(density: 1 / 1.2) == .b)
        #expect(CrowdingGrade(density: 1 / 0.65) == .c)
        #expect(CrowdingGrade(density: 1 / 0.64) == .d)
        #expect(CrowdingGrade(density: 1 / 0.19) == .e)
        #expect(CrowdingGrade(density: 6) == .f)
        #expect(CrowdingGrade.c < .d && CrowdingGrade.a < .b)
    }

    @Test("a crowding target reads a grade as a bound on persons per m² at the fullest")
    func gradeTarget() throws {
        let scenario = try Self.scenario(Self.layout.replacingOccurrences(of: "layout:", with: """
            targets:
              - { metric: waiting_grade, grade: C, per: interval }
            layout:
            """))
        let target = try #require(scenario.targets.first)
        #expect(target.measure == .crowding(.waiting) && target.bound == .atMost(1 / 0.65) && target.perInterval)
        #expect(target.name == "waiting zone at grade C or better in every interval")
    }

    @Test("any zone where customers queue or are served can carry a grade or a peak density; the zone is located when wrong")
    func zoneTargets() throws {
        func read(_ targets: String) throws -> Scenario {
            try Self.scenario(Self.layout.replacingOccurrences(of: "layout:", with: "targets:\n" + targets + "\nlayout:"))
        }
        let scenario = try read("""
              - { metric: crowding_grade, zone: reception, grade: D, per: interval }
              - { metric: density_peak, zone: self_service, at_most: 1 }
            """)
        #expect(scenario.targets.map(\.measure) == [.crowding(.reception), .crowding(.selfService)])
        #expect(scenario.targets[0].name == "reception zone at grade D or better in every interval")
        for (target, expected) in [
            ("  - { metric: crowding_grade, grade: C }", "targets[0].zone: found no 'zone'; allowed: the zone crowding_grade is about"),
            ("  - { metric: density_peak, zone: lobby, at_most: 1 }", "targets[0].zone: found the zone 'lobby'; allowed: one of reception, self_service, waiting, counters"),
            ("  - { metric: density_peak, zone: display, at_most: 1 }", "targets[0].zone: found the zone 'display'"),
            ("  - { metric: waiting_grade, zone: waiting, grade: C }", "targets[0].zone: found a zone for waiting_grade; allowed: zone only with density_peak and crowding_grade"),
        ] {
            do {
                _ = try read(target)
                Issue.record("accepted: \(target)")
            } catch let error as ScenarioProblems {
                #expect(error.problems.contains { $0.description.contains(expected) }, "\(error.problems.map(\.description))")
            }
        }
    }
}
