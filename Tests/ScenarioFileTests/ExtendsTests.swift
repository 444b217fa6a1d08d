import Foundation
import Testing
import ScenarioFile

@Suite("Scenario variants with extends")
struct ExtendsTests {
    let folder = fixtures.appendingPathComponent("extends")

    func problems(_ name: String) -> [ScenarioProblem] {
        do {
            _ = try ScenarioLoader.load(path: folder.appendingPathComponent(name).path)
            return []
        } catch {
            return error.problems
        }
    }

    @Test("a variant overrides only what it names: a window plan is replaced whole, segments merge by name")
    func variant() throws {
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("more-windows.yaml").path)
        #expect(scenario.name == "small-branch-more-windows")
        #expect(scenario.windowGroups[0].open.value(at: 540) == 4 && scenario.windowGroups[0].open.value(at: 640) == 4)
        #expect(scenario.windowGroups[1].open.value(at: 540) == 1)
        #expect(scenario.segments.map(\.name) == ["regular", "VIP"])
        #expect(scenario.segments[0].patience != nil)  // kept from the base
        #expect(scenario.transactionTypes.map(\.name) == ["cash", "开户"])
        #expect(scenario.waitingZone.seats == 10)
        if case .total(_, let shares) = scenario.arrivals.rates { #expect(shares == [0.7, 0.3]) } else { Issue.record("rates") }
    }

    @Test("a null removes what the base gives: the weekday example on a floor plan drops the base's walking and standing places")
    func nullRemoves() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let base = try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path)
        let plan = try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/bank-branch-weekday-floor-plan.yaml").path)
        #expect(base.walking.entranceToReception != nil && base.waitingZone.standing == 16)
        #expect(plan.walking.entranceToReception == nil && plan.walking.waitingToWindow == nil)
        // 60 m² less 24 seats of 0.8 m², at 0.65 m² a standing person.
        #expect(plan.waitingZone.seats == 24 && plan.waitingZone.standing == 62)
        #expect(plan.floorPlan?.zones.count == 6 && plan.selfService.guideAssist?.asks == 0.4)
        #expect(plan.targets.count == base.targets.count)
    }

    @Test("demand growth: arrivals.scale multiplies the base's walk-in rates and keeps its schedule")
    func demandGrowth() throws {
        let base = try ScenarioLoader.load(path: folder.appendingPathComponent("base.yaml").path)
        let grown = try ScenarioLoader.load(path: folder.appendingPathComponent("demand-growth.yaml").path)
        #expect(base.arrivals.scale == 1 && grown.arrivals.scale == 1.3)
        for time in stride(from: 540.0, to: 720, by: 15) {
            for segment in base.segments.indices {
                let ratio = grown.arrivals.rate(ofSegment: segment, at: time) / base.arrivals.rate(ofSegment: segment, at: time)
                #expect(abs(ratio - 1.3) < 1e-12)
            }
        }
        #expect(grown.arrivals.rateChanges == base.arrivals.rateChanges)
    }

    @Test("a mistake in the variant names the variant, and the base it extends")
    func overrideProblem() {
        let found = problems("bad-override.yaml")
        #expect(found.count == 1)
        #expect(found.first?.file.hasSuffix("bad-override.yaml") == true)
        #expect((found.first?.line, found.first?.column) == (5, 10))
        #expect(found.first?.hint?.contains("in a scenario extending") == true)
        #expect(found.first?.hint?.contains("base.yaml") == true)
    }

    @Test("a key that is not a name is reported, not dropped by the merge: doubled braces make a mapping the key")
    func mappingKey() {
        let found = problems("mapping-key.yaml")
        #expect(found.count == 1)
        #expect(found.first?.file.hasSuffix("mapping-key.yaml") == true)
        #expect((found.first?.line, found.first?.column) == (5, 13))
        #expect(found.first?.found.contains("unknown key") == true)
    }

    @Test("a mistake in the base names the base, and the variant that inherits it")
    func inheritedProblem() {
        let found = problems("extends-broken-base.yaml")
        #expect(found.count == 1)
        #expect(found.first?.file.hasSuffix("/broken-base.yaml") == true)
        #expect(found.first?.keyPath == "waiting_zone.standing")
        #expect(found.first?.hint?.contains("inherited by") == true)
        #expect(found.first?.hint?.contains("extends-broken-base.yaml") == true)
    }

    @Test("cycles and missing bases are clear errors")
    func cyclesAndMissingBases() {
        let cycle = problems("cycle-a.yaml")
        #expect(cycle.count == 1 && cycle.first?.found.contains("a cycle: cycle-a.yaml extends cycle-b.yaml extends cycle-a.yaml") == true)
        let missing = problems("missing-base.yaml")
        #expect(missing.first?.found.contains("the missing base 'no-such-base.yaml'") == true)
        #expect((missing.first?.line, missing.first?.column) == (2, 10))
    }
}
