import Foundation
import Testing
import Scenario
import ScenarioFile

@Suite("The roster block")
struct RosterTests {
    @Test("a roster gives the rostered roles' staff on duty, breaks taken out, and prices them shift by shift")
    func rosterRead() throws {
        let scenario = try ScenarioLoader.load(path: fixtures.appendingPathComponent("small-branch-rostered.yaml").path)
        func onDuty(_ schedule: StepSchedule<Int>?) -> [Int] {
            (0..<scenario.intervalCount).map { schedule?.value(at: scenario.intervalStart($0)) ?? -1 }
        }
        // Two on the morning shift (break 10:00-10:30) and one short shift at 11:00.
        #expect(onDuty(scenario.windowGroups[0].open) == [2, 2, 0, 2, 3, 3])
        // The VIP window is not in the roster: one price means it is paid for the cheapest shifts that
        // cover its `open` (three short shifts, 270, against 250 + 90 for a morning and a short over its
        // break), its `open` standing, and a note says so at `shifts`.
        #expect(onDuty(scenario.windowGroups[1].open) == [1, 1, 1, 1, 1, 1])
        #expect(onDuty(scenario.reception?.greeters) == [1, 1, 1, 0, 1, 1])
        // Morning: 2.5 paid hours at 100 (windows) or 80 (greeters); short: 90 as priced.
        #expect(abs((scenario.rosterCost(of: .windows(group: 0)) ?? .nan) - (2 * 250 + 90)) < 1e-9)
        #expect(abs((scenario.rosterCost(of: .greeters) ?? .nan) - 200) < 1e-9)
        #expect(abs((scenario.rosterCost(of: .windows(group: 1)) ?? .nan) - 3 * 90) < 1e-9)
        #expect(scenario.roster?.roles == [.windows(group: 0), .windows(group: 1), .greeters])
        #expect(scenario.readingNotes.count == 1)
        #expect(scenario.readingNotes.allSatisfy { $0.contains(":50:3: note: shifts: roles not in `roster` are paid for the cheapest shifts that cover them (window group 'VIP' 270 yuan a day), with as many on duty as stated") },
                "\(scenario.readingNotes)")
    }

    @Test("without a roster every staffed role is paid in shifts, more staff on duty where the shifts give more; a menu that cannot cover is a located error")
    func pricedInShifts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-roster-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try String(contentsOf: fixtures.appendingPathComponent("small-branch-rostered.yaml"), encoding: .utf8)
        let withoutRoster = String(base[..<(try #require(base.range(of: "roster:"))).lowerBound])
        let path = folder.appendingPathComponent("menu.yaml").path
        try withoutRoster.write(toFile: path, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: path)
        func onDuty(_ schedule: StepSchedule<Int>?) -> [Int] {
            (0..<scenario.intervalCount).map { schedule?.value(at: scenario.intervalStart($0)) ?? -1 }
        }
        // General asks 2, 2, 2, 3, 3, 3 from 09:00. By hand: shorts alone (2 at 09:00, 3 at 10:00, 3 at 11:00)
        // cost 720; a morning with its break at 10:00 (250) and shorts 1, 2, 2 cost 700, exactly on the ask;
        // two mornings need three shorts more (770); a morning with its break at 10:30 needs six (790).
        let general = try #require(scenario.roster?.shifts[.windows(group: 0)])
        let menu = try #require(scenario.shifts)
        #expect(onDuty(scenario.windowGroups[0].open) == [2, 2, 2, 3, 3, 3])
        #expect(abs((scenario.rosterCost(of: .windows(group: 0)) ?? .nan) - 700) < 1e-9)
        #expect(general.filter { menu.kinds[$0.kind].name == "morning" }.map { [$0.breakStart, Double($0.staff)] } == [[600, 1]])
        #expect(scenario.roster?.roles == [.windows(group: 0), .windows(group: 1), .greeters])
        #expect(scenario.readingNotes.count == 1)
        #expect(scenario.readingNotes.first?.contains("(window group 'general' 700, window group 'VIP' 270, greeters ") == true, "\(scenario.readingNotes)")

        // Shifts that end at 11:00 cannot cover the general windows at 11:00 and 11:30.
        let short = withoutRoster.replacingOccurrences(
            of: "  - { name: morning, starts: [\"09:00\"], hours: 3, break: { minutes: 30, earliest_after_hours: 1, latest_after_hours: 1.5 } }\n  - { name: short, starts: [\"09:00\", \"10:00\", \"11:00\"], hours: 1, cost: 90 }\n",
            with: "  - { name: early, starts: [\"09:00\"], hours: 2 }\n")
        #expect(short != withoutRoster)
        let bad = folder.appendingPathComponent("short-menu.yaml").path
        try short.write(toFile: bad, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.load(path: bad)
            Issue.record("a menu that cannot cover the staffing was accepted")
        } catch {
            let messages = error.problems.map(\.description)
            #expect(messages.count == 1 && messages[0].contains(":50:3: error: shifts: found window group 'general' staffed at 11:00, 11:30, which no shift covers"), "\(messages)")
        }
    }

    @Test("a variant's roster replaces its base's open windows, and the resolved scenario keeps it")
    func rosterInVariant() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-roster-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try String(contentsOf: fixtures.appendingPathComponent("small-branch-rostered.yaml"), encoding: .utf8)
        let withoutRoster = String(base[..<(try #require(base.range(of: "roster:"))).lowerBound])
        try withoutRoster.write(to: folder.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        let variant = """
            extends: base.yaml
            name: rostered-variant
            roster:
              windows:
                VIP:
                  - { shift: short, start: "09:00", staff: 1 }
                  - { shift: short, start: "11:00", staff: 2 }

            """
        let path = folder.appendingPathComponent("variant.yaml").path
        try variant.write(toFile: path, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: path)
        #expect((0..<6).map { scenario.windowGroups[1].open.value(at: scenario.intervalStart($0)) } == [1, 1, 0, 0, 2, 2])
        #expect(abs((scenario.rosterCost(of: .windows(group: 1)) ?? .nan) - 3 * 90) < 1e-9)
        let standalone = try StandaloneScenario(path: path)
        let copy = folder.appendingPathComponent("resolved.yaml").path
        try standalone.text.write(toFile: copy, atomically: true, encoding: .utf8)
        let resolved = try ScenarioLoader.load(path: copy)
        #expect(resolved.roster == scenario.roster)
        #expect(resolved.windowGroups[1].open == scenario.windowGroups[1].open)
    }

    @Test("a rostered window group needs no `open`; any other group without one is a located error")
    func openOptionalWhenRostered() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-roster-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: fixtures.appendingPathComponent("small-branch-rostered.yaml"), encoding: .utf8)
        let withoutOpen = text.replacingOccurrences(of: "    open: { \"09:00\": 2, \"10:30\": 3 }\n", with: "")
        #expect(withoutOpen != text)
        let path = folder.appendingPathComponent("no-open.yaml").path
        try withoutOpen.write(toFile: path, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: path)
        #expect((0..<6).map { scenario.windowGroups[0].open.value(at: scenario.intervalStart($0)) } == [2, 2, 0, 2, 3, 3])

        let vipWithoutOpen = withoutOpen.replacingOccurrences(of: "    segments: [VIP]\n    open: 1\n", with: "    segments: [VIP]\n")
        #expect(vipWithoutOpen != withoutOpen)
        let bad = folder.appendingPathComponent("vip-no-open.yaml").path
        try vipWithoutOpen.write(toFile: bad, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.load(path: bad)
            Issue.record("a group with neither open nor a roster was accepted")
        } catch {
            let messages = error.problems.map(\.description)
            #expect(messages.contains { $0.contains("windows.VIP.open: found no 'open'") && $0.contains("unless roster.windows") }, "\(messages)")
            #expect(error.problems.allSatisfy { $0.line > 0 })
        }
    }
}
