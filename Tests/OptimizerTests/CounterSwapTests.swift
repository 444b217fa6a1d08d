import Foundation
import Optimizer
import Scenario
import ScenarioFile
import Testing

/// The optimizer's counter-to-kiosk move: a counter closed for the day
/// makes room for kiosks on its floor.
@Suite("Counters turned into kiosks")
struct CounterSwapTests {
    /// A cash hall: every need can be done at a kiosk and most customers try
    /// one; a window-hour costs 100 and a kiosk-day 60.
    static func scenario(adoption: Double) throws -> Scenario {
        try ScenarioLoader.read(try text(adoption: adoption), file: "cash-hall.yaml", directory: "/")
    }

    static func text(adoption: Double) throws -> String {
        """
            name: cash-hall
            outlet: { opens: "09:00", closes: "13:00", interval_minutes: 60 }
            transactions:
              cash:
                counter_service: exponential(mean=4)
                kiosk: { time: exponential(mean=3), success: 1 }
            segments:
              everyone: { share: 1, mix: { cash: 1 }, self_service: \(adoption), patience: exponential(mean=30) }
            arrivals: { per_hour: 40 }
            self_service:
              kiosks:
                teller: { count: 2, transactions: [cash] }
              balk_to_counter_at: 3
            waiting_zone: { seats: 20, standing: 10 }
            windows:
              cash: { transactions: all, open: 3 }
            costs: { wage_per_hour: { windows: 100 }, kiosk_per_day: 60 }
            targets:
              - { metric: share_served_within, minutes: 10, at_least: 0.8 }
              - { metric: share_abandoned, at_most: 0.05 }
            search:
              windows:
                cash: { min: 0, max: 3 }
              counters_to_kiosks: { window_group: cash, kiosk_type: teller, kiosks_per_counter: 2, counters: { min: 0, max: 2 } }
            """
    }

    @Test("with customers who take to kiosks a counter becomes kiosks; the group then never opens that counter")
    func swapsWhenKiosksServe() throws {
        let scenario = try Self.scenario(adoption: 0.9)
        var optimization = Optimization(scenario: scenario, settings: OptimizerSettings(seed: 3, jobs: 2, searchDays: 100, validationDays: 200))
        let result = try optimization.run()
        let planned = try #require(result.planned)
        let swapped = try #require(planned.layout.swappedCounters)
        #expect(swapped >= 1, "counters turned into kiosks: \(swapped)")
        #expect(planned.windows[0]?.allSatisfy { $0 <= 3 - swapped } == true, "\(planned.windows)")
        #expect(planned.applied(to: scenario).selfService.kioskTypes[0].count == 2 + 2 * swapped)
    }

    @Test("a swap of more counters than the group may open, or of a group that does not exist, is a located error")
    func refused() throws {
        let text = try Self.text(adoption: 0.5)
        for (edit, expected) in [("counters: { min: 0, max: 2 }", "counters: { min: 0, max: 5 }", "search.counters_to_kiosks.counters.max: found 5 counters of a group with at most 3 windows"),
                                 ("window_group: cash", "window_group: general", "search.counters_to_kiosks.window_group: found the undefined window group 'general'")]
            .map({ (($0.0, $0.1), $0.2) }) {
            do {
                _ = try ScenarioLoader.read(text.replacingOccurrences(of: edit.0, with: edit.1), file: "cash-hall.yaml", directory: "/")
                Issue.record("accepted: \(expected)")
            } catch {
                #expect(error.problems.contains { $0.description.contains(expected) }, "\(error.problems.map(\.description))")
            }
        }
    }
}
