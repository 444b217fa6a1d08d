import Foundation
import Testing
import CommandTesting

@Suite("outletsim check")
struct CheckCommandTests {
    let failing = repository.appendingPathComponent("Tests/OutletSimCLITests/Fixtures/failing").path

    /// The four examples; the network's outlets (scenarios/network/) are made to
    /// differ, some failing on purpose, and are judged by outletsim-network.
    @Test("every example scenario declares targets and passes them")
    func examplesPass() throws {
        let examples = ["after-sales-service-centre", "bank-branch-saturday", "bank-branch-weekday", "telecom-business-hall"]
            .map { repository.appendingPathComponent("scenarios/\($0).yaml").path }
        let output = try CommandRunner.run(["check"] + examples)
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("PASS ") }.count == 4)
        #expect(lines.last?.hasSuffix(" passed, 0 inconclusive, 0 failed") == true)
    }

    @Test("the understaffed branch fails, naming targets with values and intervals; exit status 1")
    func failingScenario() throws {
        let output = try CommandRunner.run(["check", failing])
        #expect(output.status == 1)
        #expect(output.standardOutput.contains("FAIL bank-branch-weekday-understaffed: p90 wait at most 20 minutes:"))
        #expect(output.standardOutput.contains("in the 13:00 interval"))
        // Inconclusive is counted apart from passed; each failure states its bound.
        #expect(output.standardOutput.split(separator: "\n").last == "0 passed, 2 inconclusive, 6 failed")
        #expect(output.standardOutput.contains("; bound ≤ 20"))
        let again = try CommandRunner.run(["check", failing])
        #expect(again.standardOutput == output.standardOutput)
    }

    @Test("--strict fails inconclusive targets; JUnit XML and Markdown are written")
    func strictAndReports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-check-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let junit = folder.appendingPathComponent("check.xml").path, markdown = folder.appendingPathComponent("check.md").path
        let json = folder.appendingPathComponent("check.json").path
        let output = try CommandRunner.run(["check", failing, "--strict", "--junit", junit, "--markdown", markdown, "--json", json])
        #expect(output.status == 1)
        #expect(output.standardOutput.contains("FAIL (inconclusive)"))
        #expect(output.standardOutput.split(separator: "\n").last == "0 passed, 2 inconclusive, 6 failed")
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<testsuites name=\"outletsim check\" tests=\"8\" failures=\"8\">"))
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 8)
        let table = try String(contentsOfFile: markdown, encoding: .utf8)
        #expect(table.hasPrefix("| scenario | target | verdict | value [95% CI] |"))
        #expect(table.contains("0 passed, 2 inconclusive, 6 failed (--strict: inconclusive fails)"))
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let scenarios = document?["scenarios"] as? [[String: Any]]
        let targets = scenarios?.first?["targets"] as? [[String: Any]] ?? []
        #expect(targets.count == 8)
        #expect(targets.filter { $0["verdict"] as? String == "fail" }.count == 6)
        #expect(targets.filter { $0["verdict"] as? String == "inconclusive" }.count == 2)
        for target in targets {
            let low = target["ci_low"] as? Double ?? .nan, high = target["ci_high"] as? Double ?? .nan, value = target["value"] as? Double ?? .nan
            #expect(low <= value && value <= high)
            #expect((target["per_interval"] as? Bool == true) == (target["interval"] is String))
        }
    }

    @Test("invalid input exits with status 2")
    func invalidInput() throws {
        let bad = repository.appendingPathComponent("Tests/ScenarioFileTests/Fixtures/invalid/mix-sum.yaml").path
        #expect(try CommandRunner.run(["check", bad]).status == 2)
        #expect(try CommandRunner.run(["check", "/no/such/folder"]).status == 2)
    }

    @Test("--budget caps the time per scenario and still judges what ran")
    func budget() throws {
        let output = try CommandRunner.run(["check", repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path,
                                            "--replications", "100000", "--budget", "0.3"])
        #expect(output.status == 0 || output.status == 1)
        #expect(output.standardOutput.contains("bank-branch-weekday"))
        #expect(!output.standardOutput.contains("(100000 days)"))
    }

    @Test("a folder with a network file checks its outlets and skips the network file")
    func networkFolder() throws {
        let output = try CommandRunner.run(["check", repository.appendingPathComponent("scenarios/network").path, "--replications", "5"])
        #expect([0, 1].contains(output.status), "\(output.standardError)")
        #expect(!output.standardError.contains("city.network.yaml") && !output.standardOutput.contains("city.network.yaml"))
        #expect(output.standardOutput.contains("east-branch") && output.standardOutput.contains("repair-centre-d"))
    }
}
