import Distributions
import Optimizer
import Scenario
import Testing

@Suite("Layout moves on a floor plan")
struct FloorPlanMovesTests {
    @Test("trading seats for standing room: on a floor plan a plan's seats leave the rest of the waiting zone to standing")
    func seatsForStanding() throws {
        var scenario = try TimeVaryingStaffingTests.scenario(meanService: 6)
        scenario.floorPlan = FloorPlan(
            hallArea: 200,
            zones: [FloorPlan.Zone(kind: .entrance, area: 10), FloorPlan.Zone(kind: .waiting, area: 30), FloorPlan.Zone(kind: .counters, area: 60)],
            doors: [FloorPlan.Door(from: .entrance, to: .waiting, metres: 5), FloorPlan.Door(from: .waiting, to: .counters, metres: 5)],
            walkingSpeed: try .deterministic(1.2), standingSpace: 0.5, seatSpace: 1, kioskSpace: 2)
        var plan = OutletPlan(scenario: scenario)
        for (seats, standing) in [(0, 60), (10, 40), (24, 12), (30, 0)] {
            plan.layout.seats = seats
            let applied = plan.applied(to: scenario)
            #expect(applied.waitingZone.seats == seats && applied.waitingZone.standing == standing, "\(seats) seats")
        }
    }
}
