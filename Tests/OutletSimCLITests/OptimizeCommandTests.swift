import Foundation
import Testing
import CommandTesting

@Suite("outletsim optimize")
struct OptimizeCommandTests {
    let fixtures = repository.appendingPathComponent("Tests/OutletSimCLITests/Fixtures/optimize")

    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-optimize-\(UUID())")
    }

    @Test("writes a plan that extends the input and passes check, with costs, staffing, shifts, trace and frontier")
    func plan() throws {
        let parent = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("small")
        let output = try CommandRunner.run(["optimize", fixtures.appendingPathComponent("small-branch-optimize.yaml").path,
                                            "--search-days", "40", "--validation-days", "60", "--pareto", "--out", out.path])
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardError.contains("[upper_bounds]") && output.standardError.contains("targets met"))
        for name in ["plan.yaml", "cost.csv", "staffing.csv", "shifts.csv", "optimization.json", "pareto.csv", "report.html", "summary.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) missing")
        }
        // The plan runs as a scenario: check judges it with no failure.
        let check = try CommandRunner.run(["check", out.appendingPathComponent("plan.yaml").path, "--replications", "40"])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        // Staffing: planned (after shifts) never below required; shifts cover what is planned.
        let staffing = try String(contentsOf: out.appendingPathComponent("staffing.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(staffing.count == 6 * 2)
        for row in staffing { #expect(Int(row[3]) ?? -1 >= Int(row[2]) ?? .max && row[3] == row[4] && Int(row[5]) != nil) }
        // Costs add up to the total.
        let costs = try String(contentsOf: out.appendingPathComponent("cost.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        let total = costs.first { $0[0] == "total" }.flatMap { Double($0[1]) } ?? .nan
        let parts = costs.filter { $0[0] != "total" }.compactMap { Double($0[1]) }.reduce(0, +)
        #expect(abs(parts - total) < 1e-6 * total)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("optimization.json"))) as? [String: Any])
        let trace = try #require(json["trace"] as? [[String: Any]])
        #expect(trace.count == json["evaluations"] as? Int && trace.count > 10)
        #expect(Set(trace.compactMap { $0["phase"] as? String }).isSuperset(of: ["upper_bounds", "analytic_start", "staffing", "validation"]))
    }

    @Test("targets out of reach at the upper bounds are named, with exit status 1 and no folder")
    func unreachable() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let output = try CommandRunner.run(["optimize", fixtures.appendingPathComponent("small-branch-impossible.yaml").path,
                                            "--search-days", "20", "--quiet", "--out", out.path])
        #expect(output.status == 1)
        #expect(output.standardError.contains("nobody waits more than a few seconds on average"))
        #expect(!output.standardError.contains("at most 5% leave"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("a scenario without a search block, or an invalid one, exits with status 2")
    func badInput() throws {
        let weekday = repository.appendingPathComponent("Tests/ScenarioFileTests/Fixtures/small-branch.yaml").path
        let plain = try CommandRunner.run(["optimize", weekday, "--quiet"])
        #expect(plain.status == 2 && plain.standardError.contains("search"))
        let invalid = repository.appendingPathComponent("Tests/ScenarioFileTests/Fixtures/invalid/search-max-below-min.yaml").path
        #expect(try CommandRunner.run(["optimize", invalid, "--quiet"]).status == 2)
    }
}
