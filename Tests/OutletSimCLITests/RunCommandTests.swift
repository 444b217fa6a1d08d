import Foundation
import Testing
import CommandTesting

@Suite("outletsim run: results folder")
struct RunCommandTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-run-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != "run.json" {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test("results are byte-identical for --jobs 1 and --jobs 2")
    func identicalAcrossJobs() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path
        for jobs in ["1", "2"] {
            let output = try CommandRunner.run(["run", scenario, "--replications", "12", "--jobs", jobs, "--quiet",
                                                "--out", folder.appendingPathComponent("jobs-\(jobs)").path])
            #expect(output.status == 0, "\(output.standardError)")
        }
        let one = try contents(folder.appendingPathComponent("jobs-1")), two = try contents(folder.appendingPathComponent("jobs-2"))
        #expect(Set(one.keys) == ["summary.json", "intervals.csv", "segments.csv", "transactions.csv", "window_groups.csv",
                                  "resources.csv", "targets.csv", "report.html", "scenario.yaml", ".outletsim-folder"])
        #expect(one == two)
    }

    @Test("the folder holds summary.json, tidy tables with intervals, run.json and the scenario, names intact")
    func folderContents() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("weekday")
        let scenario = repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml")
        let output = try CommandRunner.run(["run", scenario.path, "--replications", "5", "--quiet", "--trace", "--out", out.path])
        #expect(output.status == 0, "\(output.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any])
        #expect(summary["format"] as? String == "outletsim-results" && summary["version"] as? Int == 2)
        let day = try #require(summary["day"] as? [String: [String: Any]])
        let wait = try #require(day["wait_p90"])
        let (mean, low, high) = (wait["mean"] as? Double ?? .nan, wait["ci_low"] as? Double ?? .nan, wait["ci_high"] as? Double ?? .nan)
        #expect(low <= mean && mean <= high)
        let transactions = try String(contentsOf: out.appendingPathComponent("transactions.csv"), encoding: .utf8)
        #expect(transactions.hasPrefix("transaction,metric,value,ci_low,ci_high\n"))
        #expect(transactions.contains("\n对公业务,wait_mean,"))
        let run = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any])
        #expect((run["scenario_sha256"] as? String)?.count == 64)
        #expect(try Data(contentsOf: out.appendingPathComponent("scenario.yaml")) == Data(contentsOf: scenario))
        let customers = try String(contentsOf: out.appendingPathComponent("customers.csv"), encoding: .utf8)
        #expect(customers.split(separator: "\n").count > 5 * 500)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("events.csv").path))
        // Nothing temporary is left beside the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["weekday"])
    }

    @Test("a rerun into --out needs --force, and then replaces the results folder whole, but never a file the user put there")
    func replaces() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("saturday")
        let scenario = repository.appendingPathComponent("scenarios/bank-branch-saturday.yaml").path
        let arguments = ["run", scenario, "--replications", "3", "--quiet", "--out", out.path]
        #expect(try CommandRunner.run(arguments).status == 0)
        let refused = try CommandRunner.run(arguments)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("--force"), "\(refused.standardError)")
        try "stale".write(to: out.appendingPathComponent("stale.txt"), atomically: true, encoding: .utf8)
        let mine = try CommandRunner.run(arguments + ["--force"])
        #expect(mine.status == 2)
        #expect(mine.standardError.contains("stale.txt"), "\(mine.standardError)")
        try FileManager.default.removeItem(at: out.appendingPathComponent("stale.txt"))
        let output = try CommandRunner.run(arguments + ["--force"])
        #expect(output.status == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.json").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["saturday"])
    }

    @Test("SIGTERM or Ctrl-C (SIGINT) during a run: it says it was interrupted, exits non-zero and leaves nothing half-written",
          arguments: ["SIGTERM", "SIGINT"])
    func interrupted(_ signalName: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("long")
        let process = Process()
        process.executableURL = try CommandRunner.binary()
        process.arguments = ["run", repository.appendingPathComponent("scenarios/telecom-business-hall.yaml").path,
                             "--replications", "2000000", "--jobs", "1", "--out", out.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        if signalName == "SIGINT" { process.interrupt() } else { process.terminate() }
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == (signalName == "SIGINT" ? 130 : 143))
        #expect(message.contains("interrupted"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("the terminal answers the planner: the day's cost by component and every declared target's verdict, interval by interval")
    func plannerAnswers() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try String(contentsOf: repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml"), encoding: .utf8)
        // A per-interval target no half hour can meet, and a day target that is easy.
        text = text.replacingOccurrences(of: "metric: share_served_within, minutes: 15, at_least: 0.6, per: interval",
                                         with: "metric: share_served_within, minutes: 15, at_least: 0.999, per: interval")
        let scenario = folder.appendingPathComponent("weekday.yaml")
        try text.write(to: scenario, atomically: true, encoding: .utf8)
        let output = try CommandRunner.run(["run", scenario.path, "--replications", "20", "--out", folder.appendingPathComponent("out").path])
        #expect(output.status == 0, "\(output.standardError)")
        let lines = output.standardOutput.split(separator: "\n").map(String.init)
        // One price: the branch has a shift menu, so every role is paid by shifts; money in whole yuan.
        for component in ["windows (by shift)", "greeters (by shift)", "overtime premium", "kiosks", "seats", "total"] {
            #expect(lines.contains { $0.hasPrefix(component) }, "no cost line '\(component)'")
        }
        #expect(lines.contains { $0.hasPrefix("seats ") && $0.hasSuffix("48    48 – 48") }, "\(lines.filter { $0.hasPrefix("seats") })")
        #expect(output.standardError.contains("note: shifts: roles not in `roster` are paid for the cheapest shifts that cover them (window group 'general' "))
        #expect(output.standardOutput.contains("Targets: 7 pass, 0 inconclusive, 1 fail"))
        #expect(lines.contains { $0.hasPrefix("T2 ") && $0.contains("FAIL") && $0.contains("≥ 99.9%") })
        // Shares in percentages, with one decimal, in the value, its interval and the bound.
        #expect(lines.contains { $0.range(of: #"^T1 .* PASS +\d+\.\d% \[\d+\.\d%, \d+\.\d%\] +≥ 70% +day$"#, options: .regularExpression) != nil },
                "\(lines.filter { $0.hasPrefix("T1 ") })")
        #expect(lines.contains { $0.range(of: #"^T3 .* PASS +\d+\.\d min \[\d+\.\d, \d+\.\d\] +≤ 20 min +day$"#, options: .regularExpression) != nil },
                "\(lines.filter { $0.hasPrefix("T3 ") })")
        // The grid has every half hour, each cell with its verdict and value.
        let grid = lines.filter { $0.range(of: #"^\d\d:\d\d  +(pass|FAIL|\?) \d+\.\d%$"#, options: .regularExpression) != nil }
        #expect(grid.count == 16)
        // Shares near the 0.999 bound: each interval fails or, on 20 days, cannot yet tell; none passes.
        #expect(grid.allSatisfy { $0.contains("FAIL") || $0.contains("? ") } && grid.contains { $0.contains("FAIL") }, "\(grid)")
    }

    @Test("--precision adds days until the half-width is reached, says so, and stays reproducible")
    func precision() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = repository.appendingPathComponent("scenarios/bank-branch-saturday.yaml").path
        var summaries: [Data] = []
        for run in ["a", "b"] {
            let out = folder.appendingPathComponent(run)
            let output = try CommandRunner.run(["run", scenario, "--replications", "10", "--precision", "wait_mean=0.4",
                                                "--out", out.path])
            #expect(output.status == 0, "\(output.standardError)")
            #expect(output.standardOutput.contains("precision reached: wait_mean ±"))
            let data = try Data(contentsOf: out.appendingPathComponent("summary.json"))
            let summary = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let days = (summary?["run"] as? [String: Any])?["replications"] as? Int ?? 0
            #expect(days > 10)
            let wait = ((summary?["day"] as? [String: Any])?["wait_mean"] as? [String: Double]) ?? [:]
            #expect((wait["ci_high"] ?? .infinity) - (wait["ci_low"] ?? 0) <= 0.8 + 1e-9)
            summaries.append(data)
        }
        #expect(summaries[0] == summaries[1])
        let capped = try CommandRunner.run(["run", scenario, "--replications", "5", "--precision", "wait_mean=0.0001",
                                            "--max-replications", "8", "--out", folder.appendingPathComponent("c").path])
        #expect(capped.standardOutput.contains("precision NOT reached"))
    }

    @Test("--json prints summary.json")
    func jsonOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try CommandRunner.run(["run", repository.appendingPathComponent("scenarios/after-sales-service-centre.yaml").path,
                                            "--replications", "3", "--json", "--out", folder.appendingPathComponent("r").path])
        #expect(output.status == 0)
        let printed = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        #expect(printed?["format"] as? String == "outletsim-results")
        #expect(output.standardOutput == (try String(contentsOf: folder.appendingPathComponent("r/summary.json"), encoding: .utf8)))
    }
}
