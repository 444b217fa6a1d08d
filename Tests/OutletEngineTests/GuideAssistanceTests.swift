import Foundation
import Testing
import Distributions
import OutletEngine
import Scenario

/// Guides as people (`self_service.guide_assist`): one customer at a time
/// each, a queue with patience, and the guide effect for those helped only.
@Suite("Guides who help one customer at a time")
struct GuideAssistanceTests {
    /// The branch without a greeter (cash is the kiosk-capable need), where
    /// 80% of cash customers ask a guide for a 3-minute assist and wait 2
    /// minutes on average for one.
    static func branch(guides: Int, assist: Bool = true) throws -> Scenario {
        var scenario = try Fixtures.branch()
        scenario.reception = nil
        scenario.selfService.guides = .constant(guides)
        if assist {
            scenario.selfService.guideAssist = GuideAssist(asks: 0.8, time: try .exponential(mean: 3), patience: try .exponential(mean: 2))
        }
        return scenario
    }

    /// Most assists in progress at once on any day.
    static func mostAtOnce(_ records: [CustomerRecord]) -> Int {
        var most = 0
        for day in Set(records.map(\.day)) {
            var changes: [(Double, Int)] = []
            for record in records where record.day == day && record.wasHelped {
                changes += [(record.guideWaitEnd, 1), (record.assistEnd, -1)]
            }
            var now = 0
            for (_, change) in changes.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
                now += change
                most = max(most, now)
            }
        }
        return most
    }

    @Test("a second guide helps while the first is busy: more of those who ask are helped, and more use the kiosks")
    func secondGuide() throws {
        let (one, _) = try Fixtures.simulate(try Self.branch(guides: 1), days: 60)
        let (two, _) = try Fixtures.simulate(try Self.branch(guides: 2), days: 60)
        #expect(Self.mostAtOnce(one) == 1)
        #expect(Self.mostAtOnce(two) == 2)
        func helped(_ records: [CustomerRecord]) -> (share: Double, asked: Double) {
            let asked = records.filter { !$0.guideAsked.isNaN }
            return (Double(asked.filter(\.wasHelped).count) / Double(asked.count), Double(asked.count))
        }
        let (shareOne, n) = helped(one), (shareTwo, _) = helped(two)
        // Far apart against the binomial error of either share (at most 0.5/√n).
        #expect(shareTwo - shareOne > 8 * 0.5 / n.squareRoot(), "helped \(shareOne) with one guide, \(shareTwo) with two")
        let kiosk = { (records: [CustomerRecord]) in Double(records.filter { $0.outcome == .servedAtKiosk }.count) }
        #expect(kiosk(two) > kiosk(one) + 4 * kiosk(one).squareRoot(), "served at a kiosk: \(kiosk(one)) and \(kiosk(two))")
        // Nobody waits for a guide beyond the moment one became free: with a guide idle, askers are helped at once.
        for record in two where record.wasHelped { #expect(record.guideWaitEnd >= record.guideAsked) }
    }

    @Test("the guide effect goes to those helped: adoption 0.6 when helped, 0.4 for those who asked in vain or never asked")
    func effectForTheHelped() throws {
        let (records, _) = try Fixtures.simulate(try Self.branch(guides: 1), days: 150)
        let cash = records.filter { $0.transactionType == 0 && $0.segment == 0 }
        func adoption(_ group: [CustomerRecord]) -> (Double, Double) {
            (Double(group.filter { !$0.kioskStart.isNaN || $0.fallback != .none }.count) / Double(group.count), Double(group.count))
        }
        let (helped, nHelped) = adoption(cash.filter(\.wasHelped))
        let (alone, nAlone) = adoption(cash.filter { !$0.wasHelped })
        #expect(abs(helped - 0.6) < 4 * (0.24 / nHelped).squareRoot(), "adoption when helped \(helped) of \(nHelped)")
        #expect(abs(alone - 0.4) < 4 * (0.24 / nAlone).squareRoot(), "adoption alone \(alone) of \(nAlone)")
        // Only cash can be done at a kiosk: nobody else asks.
        #expect(records.allSatisfy { $0.transactionType == 0 || $0.guideAsked.isNaN })
    }

    @Test("without guide_assist a guide is a switch: a second guide changes nothing, to the record")
    func switchRule() throws {
        let (one, _) = try Fixtures.simulate(try Self.branch(guides: 1, assist: false), days: 10)
        let (two, _) = try Fixtures.simulate(try Self.branch(guides: 2, assist: false), days: 10)
        #expect(one == two)
        #expect(one.allSatisfy { $0.guideAsked.isNaN && !$0.wasHelped })
    }

    @Test("with no guide on duty nobody asks, and those waiting when guides leave choose alone")
    func guidesLeave() throws {
        var scenario = try Self.branch(guides: 1)
        scenario.selfService.guides = StepSchedule(steps: [(540, 1), (780, 0)])
        let (records, _) = try Fixtures.simulate(scenario, days: 20)
        #expect(records.allSatisfy { $0.guideAsked.isNaN || $0.guideAsked < 780 })
        #expect(records.allSatisfy { $0.guideWaitEnd.isNaN || $0.guideWaitEnd <= 780 || $0.wasHelped })
        #expect(records.contains { !$0.guideAsked.isNaN })
    }

    @Test("greeters: a customer waits for a greeter only in the queue at the desk; with no queue allowed, nobody waits")
    func greeterWaits() throws {
        var scenario = try Fixtures.branch()
        scenario.reception?.maxQueue = 0
        let (alone, _) = try Fixtures.simulate(scenario, days: 20)
        #expect(alone.allSatisfy { $0.greeterWait.isNaN || $0.greeterWait == 0 })
        scenario.reception?.maxQueue = 5
        scenario.reception?.triageTime = try .exponential(mean: 1.5)
        let (queued, _) = try Fixtures.simulate(scenario, days: 20)
        let triaged = queued.filter { !$0.greeterWait.isNaN }
        #expect(triaged.contains { $0.greeterWait > 0 } && triaged.allSatisfy { $0.greeterWait >= 0 })
        #expect(triaged.count > queued.count / 2 && triaged.allSatisfy { !$0.triageEnd.isNaN })
    }

    @Test("with no kiosk that can do a need, nobody with that need asks a guide or walks to self-service; those the kiosks serve still do")
    func noKiosks() throws {
        var scenario = try Self.branch(guides: 2)
        for kiosk in scenario.selfService.kioskTypes.indices { scenario.selfService.kioskTypes[kiosk].count = 0 }
        let (none, _) = try Fixtures.simulate(scenario, days: 20)
        #expect(!none.isEmpty && none.allSatisfy { $0.guideAsked.isNaN && $0.kioskStart.isNaN && $0.fallback == .none })
        // With kiosks back, the same customers (common random numbers) ask and use them.
        let (some, _) = try Fixtures.simulate(try Self.branch(guides: 2), days: 20)
        #expect(some.contains { !$0.guideAsked.isNaN } && some.contains { !$0.kioskStart.isNaN })
    }
}
