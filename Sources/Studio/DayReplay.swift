import Foundation
import OutletEngine
import OutputKit
import Replications
import Report
import Results
import Scenario

/// One simulated day to watch: the day's customers as `run --trace`
/// writes them in customers.csv (the same rows, by the same code), the
/// windows open per interval, and the stage to replay them on.
public enum DayReplay {
    /// The most day numbers a replay may ask for, as `run` allows.
    public static let days = 0..<DayShard.mostDays

    /// - Throws: ``SimulationStopped`` when `stop` is requested first.
    /// - Complexity: O(customers of the day).
    static func json(_ scenario: Scenario, day: Int, seed: UInt64, stop: StopRequest) throws -> JSONValue {
        var records: [CustomerRecord] = []
        try ReplicationRunner.run(scenario, seed: seed, days: day..<(day + 1), jobs: 1, targets: scenario.waitTargets,
                                  keepRecords: day..<(day + 1), stop: stop) { records = $0.records }
        let starts = (0..<scenario.intervalCount).map(scenario.intervalStart)
        return .object([
            ("day", .integer(day)), ("seed", .string(String(seed))),
            ("opens", .number(scenario.opening)), ("closes", .number(scenario.closing)),
            ("interval_minutes", .number(scenario.intervalMinutes)),
            ("max_overtime_minutes", .number(scenario.maxOvertime)),
            ("intervals", .array(starts.map { .string(ClockTime(minutes: $0).description) })),
            ("segments", .array(scenario.segments.map { .string($0.name) })),
            ("window_groups", .array(scenario.windowGroups.map { .string($0.name) })),
            ("kiosk_types", .array(scenario.selfService.kioskTypes.map { .string($0.name) })),
            ("open", .array(scenario.windowGroups.map { group in .array(starts.map { .integer(group.open.value(at: $0)) }) })),
            ("seats", .integer(scenario.waitingZone.seats)),
            ("stage", ReplayStage(scenario: scenario).json()),
            ("customers_csv", .string(TraceTables.customers(records, scenario: scenario).rendered())),
        ])
    }
}

extension Studio {
    /// One day of the plan on screen, to watch; the same page's next replay supersedes it.
    public func replay(_ relative: String, _ draft: PlanDraft, day: Int, client: String?) async throws -> JSONValue {
        guard DayReplay.days.contains(day) else {
            throw StudioRefusal(.badRequest, "day", found: "\(day)", allowed: "a day number from 0 to \(DayReplay.days.upperBound - 1)")
        }
        let scenario = try variant(of: relative, draft).scenario
        let seed = evaluator.seed
        return try await desk.run(client: client.map { $0 + "/replay" }) { stop in
            try DayReplay.json(scenario, day: day, seed: seed, stop: stop)
        }
    }
}
