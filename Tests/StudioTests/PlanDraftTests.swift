import Foundation
import Scenario
import ScenarioFile
import Studio
import Testing

/// A draft becomes a variant that names only what differs from its base,
/// and the reader reads it back as the plan the page showed.
@Suite struct PlanDraftTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")
    static let weekdayPath = folder.appendingPathComponent("bank-branch-weekday.yaml").path

    func weekday() throws -> Scenario { try ScenarioLoader.load(path: Self.weekdayPath) }

    func counts(_ schedule: StepSchedule<Int>, _ scenario: Scenario) -> [Int] {
        (0..<scenario.intervalCount).map { schedule.value(at: scenario.intervalStart($0)) }
    }

    func unchangedDraft(_ scenario: Scenario) -> PlanDraft {
        func numbers(_ values: [Int]) -> [DraftNumber] { values.map { DraftNumber(integerLiteral: $0) } }
        return PlanDraft(windows: Dictionary(uniqueKeysWithValues: scenario.windowGroups.map { ($0.name, numbers(counts($0.open, scenario))) }),
                         kiosks: Dictionary(uniqueKeysWithValues: scenario.selfService.kioskTypes.map { ($0.name, DraftNumber(integerLiteral: $0.count)) }),
                         seats: DraftNumber(integerLiteral: scenario.waitingZone.seats),
                         standing: DraftNumber(integerLiteral: scenario.waitingZone.standing),
                         greeters: scenario.reception.map { numbers(counts($0.greeters, scenario)) },
                         guides: numbers(counts(scenario.selfService.guides, scenario)))
    }

    @Test func anUnchangedDraftNamesOnlyItsBase() throws {
        let base = try weekday()
        let text = try unchangedDraft(base).variantText(base: base, extends: "bank-branch-weekday.yaml")
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines == ["extends: \"bank-branch-weekday.yaml\"", "name: \"bank-branch-weekday-studio\""])
    }

    @Test func changedValuesAreWrittenAndReadBack() throws {
        let base = try weekday()
        var draft = unchangedDraft(base)
        var general = counts(base.windowGroups[0].open, base)
        for index in 5..<9 { general[index] = 2 }
        draft.windows?[base.windowGroups[0].name] = general.map { DraftNumber(integerLiteral: $0) }
        draft.kiosks?[base.selfService.kioskTypes[0].name] = 3
        draft.seats = 30
        let text = try draft.variantText(base: base, extends: "bank-branch-weekday.yaml")
        #expect(text.contains("windows:\n  \"general\":\n    open: { \"09:00\": 3, \"11:30\": 2, \"13:30\": 3, \"16:00\": 4 }\n"))
        #expect(text.contains("    \"smart teller\": { count: 3 }\n"))
        #expect(text.contains("waiting_zone:\n  seats: 30\n"))
        #expect(!text.contains("cash"), "an unchanged group is left to the base")
        let variant = try ScenarioLoader.load(text: text, path: Self.folder.appendingPathComponent("studio-variant.yaml").path)
        #expect(counts(variant.windowGroups[0].open, variant)[5...8].allSatisfy { $0 >= 2 })
        #expect(variant.selfService.kioskTypes[0].count == 3)
        #expect(variant.waitingZone.seats == 30)
        #expect(counts(variant.windowGroups[1].open, variant) == counts(base.windowGroups[1].open, base))
    }

    @Test func numbersReachTheReaderAsWritten() throws {
        let decoded = try JSONDecoder().decode([DraftNumber].self, from: Data("[3, -1, 2.5, 1e300, -0]".utf8))
        #expect(decoded.map(\.text) == ["3", "-1", "2.5", "1e+300", "-0"])
        let base = try weekday()
        var draft = PlanDraft()
        draft.seats = decoded[2]
        let text = try draft.variantText(base: base, extends: "bank-branch-weekday.yaml")
        do {
            _ = try ScenarioLoader.load(text: text, path: Self.folder.appendingPathComponent("studio-variant.yaml").path)
            Issue.record("2.5 seats must be refused")
        } catch {
            let problem = try #require(error.problems.first)
            #expect(problem.keyPath == "waiting_zone.seats")
            #expect(problem.found == "2.5")
        }
    }

    @Test func aScheduleWithoutOneValuePerIntervalIsRefused() throws {
        let base = try weekday()
        var draft = PlanDraft()
        draft.guides = [1, 1]
        #expect(throws: StudioRefusal.self) { try draft.variantText(base: base, extends: "bank-branch-weekday.yaml") }
        draft = PlanDraft(kiosks: [String(repeating: "k", count: PlanDraft.longestName + 1): 1])
        #expect(throws: StudioRefusal.self) { try draft.variantText(base: base, extends: "bank-branch-weekday.yaml") }
    }
}
