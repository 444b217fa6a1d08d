import Foundation
import Testing
import Scenario
import ScenarioFile

@Suite("Plan variants (plan.yaml)")
struct PlanVariantTests {
    @Test("every key the writer writes is a key of the grammar")
    func keysAreTheGrammars() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(ScenarioSchema.json().utf8)) as? [String: Any])
        for path in PlanVariant.keyPaths {
            var node: [String: Any]? = schema
            for key in path {
                switch key {
                case "<name>": node = node?["additionalProperties"] as? [String: Any]
                case "[]": node = node?["items"] as? [String: Any]
                default: node = (node?["properties"] as? [String: Any])?[key] as? [String: Any]
                }
            }
            #expect(node != nil, "\(path.joined(separator: ".")) is not in the grammar")
        }
    }

    @Test("a plan written as a variant reads back as the same plan: open windows, kiosks, seats, guides and roster")
    func roundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-variant-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("plans"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let basePath = folder.appendingPathComponent("base.yaml")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("small-branch-rostered.yaml"), to: basePath)
        let base = try ScenarioLoader.load(path: basePath.path)
        let planFolder = folder.appendingPathComponent("plans")

        var variant = PlanVariant(name: "small-branch \"planned\": 名字", extends: PlanVariant.relativePath(of: basePath.path, from: planFolder))
        variant.comments = ["A plan with a line\nbreak in its comment"]
        variant.open = [1: [0, 1, 1, 2, 2, 1]]
        variant.kiosks = [0: 3]
        variant.seats = 14
        variant.guides = [0, 0, 1, 1, 1, 0]
        variant.roster = Roster(shifts: [
            .windows(group: 0): [Roster.Shift(kind: 0, start: 540, breakStart: 630, staff: 3), Roster.Shift(kind: 1, start: 600, breakStart: nil, staff: 1)],
            .greeters: [Roster.Shift(kind: 1, start: 540, breakStart: nil, staff: 1), Roster.Shift(kind: 1, start: 660, breakStart: nil, staff: 2)],
        ])
        let path = planFolder.appendingPathComponent("plan.yaml").path
        try variant.yaml(base: base).write(toFile: path, atomically: true, encoding: .utf8)
        let read = try ScenarioLoader.load(path: path)

        func perInterval(_ schedule: StepSchedule<Int>?) -> [Int] {
            (0..<read.intervalCount).map { schedule?.value(at: read.intervalStart($0)) ?? -1 }
        }
        #expect(read.name == variant.name)
        // One price: the roles the variant gives by `open` are paid for the cheapest shifts that cover
        // them, at least as many on duty as it asks; the roles it rosters work exactly its shifts.
        #expect(zip(perInterval(read.windowGroups[1].open), [0, 1, 1, 2, 2, 1]).allSatisfy { $0 >= $1 })
        #expect(read.selfService.kioskTypes[0].count == 3 && read.waitingZone.seats == 14)
        #expect(zip(perInterval(read.selfService.guides), [0, 0, 1, 1, 1, 0]).allSatisfy { $0 >= $1 })
        #expect(read.roster?.shifts[.windows(group: 0)] == variant.roster?.shifts[.windows(group: 0)])
        #expect(read.roster?.shifts[.greeters] == variant.roster?.shifts[.greeters])
        #expect(read.roster?.roles == [.windows(group: 0), .windows(group: 1), .greeters, .guides])
        #expect(read.readingNotes.filter { $0.contains("roles not in `roster` are paid for the cheapest shifts that cover them (window group 'VIP' ")
            && $0.contains(", guides ") }.count == 1, "\(read.readingNotes)")
        // The roster gives the staff on duty: morning ×3 (break 10:30-11:00) and a short shift at 10:00; greeters short shifts.
        #expect(perInterval(read.windowGroups[0].open) == [3, 3, 4, 1, 3, 3])
        #expect(perInterval(read.reception?.greeters) == [1, 1, 0, 0, 2, 2])
        // The rest is the base's.
        #expect(read.segments.map(\.name) == base.segments.map(\.name) && read.transactionTypes.map(\.name) == base.transactionTypes.map(\.name))
    }
}
