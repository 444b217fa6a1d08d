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
        // Staffing: one row per interval and role, on duty (after shifts) never below what the search required,
        // and no outlet-wide columns repeated on the roles' rows.
        let staffingText = try String(contentsOf: out.appendingPathComponent("staffing.csv"), encoding: .utf8)
        let staffing = staffingText.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(staffingText.hasPrefix("start,role,required,on_duty,utilisation,utilisation_ci_low,utilisation_ci_high\n"))
        #expect(staffing.count == 6 * 4)
        #expect(Set(staffing.map { $0[1] }) == ["general", "VIP", "greeters", "guides"])
        for row in staffing where !row[2].isEmpty { #expect(Int(row[3]) ?? -1 >= Int(row[2]) ?? .max) }
        // The saving against today's plan is a paired interval, and the search says why it stopped.
        #expect(output.standardOutput.contains("Today's plan costs") && output.standardOutput.contains("simulates and prices it"))
        #expect(output.standardOutput.contains("The search converged") || output.standardOutput.contains("budget was spent"))
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
        let current = try #require(json["current_plan"] as? [String: Any])
        let saving = try #require(current["saving"] as? [String: Any])
        let (low, high, saved) = (saving["ci_low"] as? Double ?? .nan, saving["ci_high"] as? Double ?? .nan, saving["yuan_per_day"] as? Double ?? .nan)
        #expect(low <= saved && saved <= high)
        #expect(abs(saved - ((current["cost"] as? Double ?? .nan) - total)) < 1e-6 * total)
        #expect((json["stop"] as? [String: Any])?["reason"] as? String == "converged")
        // What changed from today's plan, per interval and role, with the cost of each: terminal, changes.csv and the page.
        #expect(output.standardOutput.contains("What changes from today's plan"))
        let changes = try String(contentsOf: out.appendingPathComponent("changes.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(changes.first == ["kind", "what", "interval", "today", "plan", "difference"])
        #expect(changes.contains { $0[0] == "staff" } && changes.allSatisfy { $0.count == 6 })
        let totals = try #require(changes.first { $0[0] == "cost_yuan_per_day" && $0[1] == "total" })
        #expect(abs((Double(totals[3]) ?? .nan) - (current["cost"] as? Double ?? .nan)) < 1e-6 * total)
        #expect(abs((Double(totals[4]) ?? .nan) - total) < 1e-6 * total)
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("What changes from today's plan"))
        // The Pareto axis spans the plans that matter; the far dearer ones are counted, not squeezed in.
        #expect(page.contains("dearer plans (up to") && page.contains("beyond the axis"))

        // One price: run prices plan.yaml, roster and all, exactly as optimize did on its validation days.
        let plan = try String(contentsOf: out.appendingPathComponent("plan.yaml"), encoding: .utf8)
        #expect(plan.contains("roster:") && plan.contains("shift: \"morning\""))
        let settings = try #require(json["settings"] as? [String: Any])
        let seed = try #require(settings["validation_seed"] as? String)
        let validated = try #require(settings["validation_days_used"] as? Int)
        #expect(validated >= 60)
        // Exit 0 hands over a plan whose every target passed on validation: none inconclusive.
        let verdicts = try #require(json["validation"] as? [String: Any])
        #expect(!verdicts.isEmpty && verdicts.values.allSatisfy { ($0 as? [String: Any])?["verdict"] as? String == "pass" }, "\(verdicts)")
        let rerun = parent.appendingPathComponent("rerun")
        let run = try CommandRunner.run(["run", out.appendingPathComponent("plan.yaml").path, "--seed", seed,
                                         "--replications", "\(validated)", "--quiet", "--out", rerun.path])
        #expect(run.status == 0, "\(run.standardError)")
        func dayCosts(_ folder: URL) throws -> [String: Double] {
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("summary.json"))) as? [String: Any])
            let day = try #require(summary["day"] as? [String: Any])
            return day.compactMapValues { ($0 as? [String: Any])?["mean"] as? Double }.filter { $0.key.hasPrefix("cost") }
        }
        let optimized = try dayCosts(out), ran = try dayCosts(rerun)
        #expect(optimized.count >= 8 && optimized == ran, "optimize \(optimized) vs run \(ran)")
        // One price: today's plan in optimize is exactly what `run` prints for the scenario, at the seed given.
        let today = parent.appendingPathComponent("today")
        let runToday = try CommandRunner.run(["run", fixtures.appendingPathComponent("small-branch-optimize.yaml").path, "--seed", seed,
                                              "--replications", "\(validated)", "--quiet", "--out", today.path])
        #expect(runToday.status == 0, "\(runToday.standardError)")
        let todayCosts = try dayCosts(today)
        #expect(output.standardOutput.contains("--seed \(seed) --replications \(validated)`") && todayCosts["cost"] == current["cost"] as? Double, "run \(todayCosts) vs optimize \(current)")
        #expect(abs(total - (optimized["cost"] ?? .nan)) <= 1e-6 * total)
        // The shifts priced are those in the roster: windows cost their shifts plus hours after closing.
        let shifts = try String(contentsOf: out.appendingPathComponent("shifts.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let shiftCost = shifts.filter { !["greeters", "guides"].contains($0[0]) }.compactMap { Double($0[8]) }.reduce(0, +)
        #expect(shiftCost > 0 && (optimized["cost_windows"] ?? 0) >= shiftCost - 1e-9)
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
