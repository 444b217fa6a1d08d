import Foundation
import Testing
import ScenarioFile

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// Every file in Fixtures/invalid states on its second line the problems it
/// must produce, each as `FILE:LINE:COLUMN: error: KEY.PATH: found ...;
/// allowed: ...`, separated by ` || `.
struct InvalidCase: CustomTestStringConvertible, Sendable {
    let file: String
    var testDescription: String { file }

    static var all: [InvalidCase] {
        let folder = fixtures.appendingPathComponent("invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { InvalidCase(file: $0) }
    }
}

@Suite("Invalid scenario files")
struct InvalidScenarioTests {
    @Test("there are at least 40 distinct invalid files")
    func enough() {
        #expect(InvalidCase.all.count >= 40)
    }

    @Test("each file gets exactly its expected problems, with location, key path, found and allowed",
          arguments: InvalidCase.all)
    func problems(_ invalid: InvalidCase) throws {
        let path = fixtures.appendingPathComponent("invalid").appendingPathComponent(invalid.file).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let header = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().first ?? ""
        #expect(header.hasPrefix("# expect: "))
        let expected = header.dropFirst("# expect: ".count).components(separatedBy: " || ")
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("\(invalid.file) was accepted")
        } catch {
            let folder = fixtures.appendingPathComponent("invalid").path + "/"
            let found = error.problems.map { $0.description.replacingOccurrences(of: folder, with: "") }
            #expect(found == expected)
            #expect(error.problems.allSatisfy { $0.line > 0 && $0.column > 0 })
        }
    }
}

@Suite("Valid scenario files")
struct ValidScenarioTests {
    @Test("the small branch used as the base of the invalid files is valid")
    func base() throws {
        let scenario = try ScenarioLoader.load(path: fixtures.appendingPathComponent("small-branch.yaml").path)
        #expect(scenario.name == "small-branch")
        #expect(scenario.transactionTypes.map(\.name) == ["cash", "开户"])
        #expect(scenario.intervalCount == 6)
        #expect(scenario.windowGroups[0].open.value(at: 600) == 2 && scenario.windowGroups[0].open.value(at: 640) == 3)
        #expect(scenario.segments[1].priority == 1)
    }

    @Test("every example scenario in scenarios/ is valid")
    func examples() throws {
        let folder = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            do {
                _ = try ScenarioLoader.load(path: folder.appendingPathComponent(file).path)
            } catch {
                Issue.record("\(file): \(error)")
            }
        }
    }

    @Test("a trace file replaces generated arrivals, in time order, with names resolved")
    func trace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-trace-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "time,segment,transaction\n09:10,VIP,开户\n09:05:30,regular,\n10:00,regular,cash\n"
            .write(to: folder.appendingPathComponent("arrivals.csv"), atomically: true, encoding: .utf8)
        var text = try String(contentsOf: fixtures.appendingPathComponent("small-branch.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "  per_hour: { \"09:00\": 40, \"10:30\": 60 }",
                                         with: "  per_hour: 0\n  trace: arrivals.csv")
        let scenario = try ScenarioLoader.read(text, file: "traced.yaml", directory: folder.path)
        let trace = try #require(scenario.arrivals.trace)
        #expect(trace.map(\.time) == [545.5, 550, 600])
        #expect(trace.map(\.segment) == [0, 1, 0])
        #expect(trace.map(\.transactionType) == [nil, 1, 0])
    }
}
