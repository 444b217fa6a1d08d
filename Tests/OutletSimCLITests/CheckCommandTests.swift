import Foundation
import Testing
import CommandTesting

@Suite("outletsim check")
struct CheckCommandTests {
    let failing = repository.appendingPathComponent("Tests/OutletSimCLITests/Fixtures/failing").path

    /// The README's own check command, as shipped: the four examples (the
    /// network's outlets in scenarios/network/ differ, some failing on
    /// purpose, and are judged by outletsim-network).
    @Test("the README's check command passes: every example scenario declares targets and passes them")
    func examplesPass() throws {
        let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix("outletsim check ") })
        let arguments = line.split(separator: "#")[0].split(separator: " ").dropFirst().map(String.init)
        #expect(arguments == ["check", "scenarios/*.yaml"], "the README's check command changed: \(line)")
        let examples = try FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("scenarios").path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { repository.appendingPathComponent("scenarios/\($0)").path }
        #expect(examples.count == 5)
        let output = try CommandRunner.run(["check"] + examples)
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("PASS ") }.count == 5)
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
        #expect(output.standardOutput.contains("; bound ≤ 20 min"))
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
        #expect(xml.contains("<testsuites name=\"outletsim check\" tests=\"8\" failures=\"8\" errors=\"0\">"))
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

    @Test("a file that cannot be read or validated is an error in JUnit, Markdown, JSON and the counts, given alone or in a folder")
    func brokenFilesAreErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-check-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("scenarios/broken.yaml")
        try "name: [\n".write(to: broken, atomically: true, encoding: .utf8)
        let junit = folder.appendingPathComponent("check.xml").path, markdown = folder.appendingPathComponent("check.md").path
        let json = folder.appendingPathComponent("check.json").path
        for given in [broken.path, folder.appendingPathComponent("scenarios").path] {
            let output = try CommandRunner.run(["check", given, "--junit", junit, "--markdown", markdown, "--json", json])
            #expect(output.status == 2, "\(output.standardError)")
            #expect(output.standardOutput.split(separator: "\n").last == "0 passed, 0 inconclusive, 0 failed, 1 error (1 file that could not be checked)")
            let xml = try String(contentsOfFile: junit, encoding: .utf8)
            #expect(xml.contains("<testsuites name=\"outletsim check\" tests=\"1\" failures=\"0\" errors=\"1\">"), "\(xml)")
            #expect(xml.contains("broken.yaml:2:1: error: found a missing value"), "\(xml)")
            let table = try String(contentsOfFile: markdown, encoding: .utf8)
            #expect(table.contains("broken.yaml | — | ❌ error | "))
            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
            let errors = document?["errors"] as? [[String: Any]] ?? []
            #expect(errors.count == 1 && (errors.first?["file"] as? String ?? "").hasSuffix("broken.yaml"))
        }
        // Beside a scenario that passes, the broken one still makes the check fail with status 2.
        try FileManager.default.copyItem(at: repository.appendingPathComponent("scenarios/bank-branch-saturday.yaml"),
                                         to: folder.appendingPathComponent("saturday.yaml"))
        let both = try CommandRunner.run(["check", folder.appendingPathComponent("saturday.yaml").path, broken.path,
                                          "--replications", "20", "--junit", junit])
        #expect(both.status == 2)
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("errors=\"1\"") && xml.contains("<error message="))
    }

    /// The target as check's JSON reports it: value, interval and advice.
    func judged(_ scenario: URL, days: Int) throws -> (value: Double, low: Double, high: Double, advice: Int?) {
        let json = scenario.deletingLastPathComponent().appendingPathComponent("check-\(days).json")
        let output = try CommandRunner.run(["check", scenario.path, "--replications", "\(days)", "--json", json.path])
        #expect([0, 1].contains(output.status), "\(output.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        let target = try #require(((document?["scenarios"] as? [[String: Any]])?.first?["targets"] as? [[String: Any]])?.first)
        return (target["value"] as? Double ?? .nan, target["ci_low"] as? Double ?? .nan, target["ci_high"] as? Double ?? .nan,
                target["suggested_replications"] as? Int)
    }

    @Test("the replication advice for an inconclusive target is right within a factor of 1.5",
          arguments: [("wait_mean", true), ("wait_p90", true), ("share_served_within, minutes: 10", false)])
    func replicationAdvice(_ metric: String, _ atMost: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-advice-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let weekday = try String(contentsOf: repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml"), encoding: .utf8)
        let head = try #require(weekday.range(of: "\ntargets:\n"))
        let tail = try #require(weekday.range(of: "\n# What `outletsim optimize` may change"))
        func scenario(bound: Double) throws -> URL {
            let file = folder.appendingPathComponent("advice.yaml")
            let target = "targets:\n  - { name: t, metric: \(metric), \(atMost ? "at_most" : "at_least"): \(bound) }\n"
            try (String(weekday[..<head.lowerBound]) + "\n" + target + String(weekday[tail.lowerBound...])).write(to: file, atomically: true, encoding: .utf8)
            return file
        }
        let first = try judged(try scenario(bound: atMost ? 1e6 : 0), days: 30)
        // A bound 40% of the facing half-width away from the estimate: inconclusive at 30 days.
        let bound = atMost ? first.value + 0.4 * (first.high - first.value) : first.value - 0.4 * (first.value - first.low)
        let open = try judged(try scenario(bound: bound), days: 30)
        let advice = try #require(open.advice, "no advice for \(metric)")
        let distance = abs(bound - open.value)
        #expect(advice > 60 && advice < 2_000, "\(advice)")
        // At the advised days the interval's half facing the bound is as wide as that distance: the days
        // it takes scale with the square of the width, so the advice is within 1.5× of what was needed.
        let later = try judged(try scenario(bound: bound), days: advice)
        let facing = atMost ? later.high - later.value : later.value - later.low
        let ratio = pow(facing / distance, 2)
        #expect(ratio > 1 / 1.5 && ratio < 1.5, "\(metric): advised \(advice) days; there the facing half-width is \(facing) against \(distance)")
    }
}
