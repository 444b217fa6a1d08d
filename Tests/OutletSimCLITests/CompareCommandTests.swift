import Foundation
import Testing
import CommandTesting

@Suite("outletsim compare")
struct CompareCommandTests {
    func compare(_ files: [String], replications: Int = 20) throws -> (CommandRunner.Output, [[String: String]]) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-compare-\(UUID())")
        defer { try? FileManager.default.removeItem(at: out) }
        let output = try CommandRunner.run(["compare"] + files + ["--replications", String(replications), "--out", out.path])
        let csv = (try? String(contentsOf: out.appendingPathComponent("comparison.csv"), encoding: .utf8)) ?? ""
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return (output, []) }
        return (output, lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
    }

    func variant(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-variant-\(UUID()).yaml").path
        try ("extends: " + repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path + "\n" + text)
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a plan compared with itself differs by exactly zero in every metric")
    func itself() throws {
        let weekday = repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path
        let (output, rows) = try compare([weekday, weekday])
        #expect(output.status == 0, "\(output.standardError)")
        let differences = rows.filter { !($0["difference"] ?? "").isEmpty }
        #expect(differences.count > 50)
        #expect(differences.allSatisfy { $0["difference"] == "0" && $0["difference_ci_low"] == "0" && $0["significant"] == "false" })
        // Every half hour of the 09:00-17:00 day is compared, not only the worst one.
        let intervals = Set(rows.filter { $0["scope"] == "interval" && $0["metric"] == "wait_p90" }.compactMap { $0["interval"] })
        #expect(intervals.count == 16 && intervals.contains("09:00") && intervals.contains("16:30"))
        #expect(rows.filter { $0["scope"] == "day" }.allSatisfy { $0["interval"] == "" })
    }

    @Test("pairing makes the interval of a small change much narrower than unpaired, and costs the extra kiosk")
    func pairing() throws {
        let weekday = repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path
        let moreKiosks = try variant("name: weekday-more-kiosks\nself_service:\n  kiosks:\n    smart teller:\n      count: 3\n")
        defer { try? FileManager.default.removeItem(atPath: moreKiosks) }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-compare-\(UUID())")
        defer { try? FileManager.default.removeItem(at: out) }
        let output = try CommandRunner.run(["compare", weekday, moreKiosks, "--replications", "30", "--out", out.path])
        #expect(output.status == 0, "\(output.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("comparison.json"))) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [[String: Any]])
        func difference(_ name: String) -> [String: Any]? {
            (metrics.first { $0["metric"] as? String == name && $0["scope"] as? String == "day" }?["differences"] as? [[String: Any]])?.first
        }
        let wait = try #require(difference("wait_mean"))
        let paired = ((wait["ci_high"] as? Double ?? 0) - (wait["ci_low"] as? Double ?? 0)) / 2
        let unpaired = wait["unpaired_half_width"] as? Double ?? 0
        let ratio = unpaired / paired
        print("wait_mean: paired ±\(paired), unpaired ±\(unpaired), ratio \(ratio)")
        #expect(ratio > 3, "paired ±\(paired) vs unpaired ±\(unpaired)")
        // The same customers arrive in both plans.
        let arrivals = try #require(difference("arrivals"))
        #expect(arrivals["mean"] as? Double == 0)
        // One more kiosk costs 150 a day; apart from staff time (fewer flexible-window
        // minutes), nothing else changes, so the non-staff part differs by exactly 150.
        let cost = try #require(difference("cost")?["mean"] as? Double)
        let staff = try #require(difference("cost_staff")?["mean"] as? Double)
        #expect(abs((cost - staff) - 150) < 1e-6, "cost \(cost), staff \(staff)")
    }

    @Test("plans of another outlet or interval grid are refused with what differs; labels are readable; each plan's targets are judged")
    func likeWithLike() throws {
        let weekday = repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path
        let text = try String(contentsOfFile: weekday, encoding: .utf8)
        let base = String(text[..<(try #require(text.range(of: "\nshifts:\n"))).lowerBound]) + "\n"
        let hourly = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-hourly-\(UUID()).yaml").path
        try base.replacingOccurrences(of: "interval_minutes: 30", with: "interval_minutes: 60")
            .replacingOccurrences(of: "name: bank-branch-weekday", with: "name: hourly").write(toFile: hourly, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: hourly) }
        let (refused, rows) = try compare([weekday, hourly], replications: 2)
        #expect(refused.status == 2 && rows.isEmpty)
        #expect(refused.standardError.contains("'hourly' has intervals of 60 minutes, 'bank-branch-weekday' has 30 minutes"))

        let tighter = try variant("name: weekday-tight\ntargets:\n  - { name: p90 under 5, metric: wait_p90, at_most: 5 }\n")
        defer { try? FileManager.default.removeItem(atPath: tighter) }
        let (output, _) = try compare([weekday, tighter], replications: 10)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput.contains("mean wait, served (min)") && output.standardOutput.contains("cost of the day (yuan)"))
        #expect(!output.standardOutput.contains("wait_mean"))
        // Every plan is judged on every target any plan declares: the baseline on the tight plan's target too.
        #expect(output.standardOutput.contains("Targets: every plan judged on every target any plan declares"))
        #expect(output.standardOutput.contains("FAIL bank-branch-weekday, p90 under 5 (declared by weekday-tight):"), "\(output.standardOutput)")
        #expect(output.standardOutput.contains("FAIL weekday-tight, p90 under 5:"))
        let row = try #require(output.standardOutput.split(separator: "\n").first { $0.hasPrefix("70% called within 10 minutes") })
        #expect(row.contains("bank-branch-weekday") && row.components(separatedBy: "pass ").count == 3, "\(row)")
    }

    @Test("the union of targets: a target on a segment one plan lacks is not measurable there, and says why; JSON names who declared it")
    func unionAcrossSegments() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-union-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let weekday = repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path
        let tight = try variant("name: tight\ntargets:\n  - { name: p90 under 5, metric: wait_p90, at_most: 5 }\n")
        defer { try? FileManager.default.removeItem(atPath: tight) }
        let out = folder.appendingPathComponent("out")
        let output = try CommandRunner.run(["compare", weekday, tight, "--replications", "10", "--out", out.path])
        #expect(output.status == 0, "\(output.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("comparison.json"))) as? [String: Any])
        let plans = try #require(document["targets"] as? [[String: Any]])
        #expect(plans.count == 2)
        for plan in plans {
            let verdicts = try #require(plan["verdicts"] as? [[String: Any]])
            #expect(verdicts.count == 9, "every plan on all 9 targets")
            let p90 = try #require(verdicts.first { $0["target"] as? String == "p90 under 5" })
            #expect(p90["declared_by"] as? [String] == ["tight"] && p90["verdict"] as? String == "fail")
            #expect((p90["declared"] as? Bool) == (plan["plan"] as? String == "tight"))
        }
        let html = try String(contentsOf: out.appendingPathComponent("comparison.html"), encoding: .utf8)
        #expect(html.contains("Targets: every plan on every target any plan declares") && html.contains("declared by"))
    }

    @Test("the planner's question in scenarios/what-if: a counter closed at lunch and a second guide, held to 80% within 10 minutes, priced")
    func plannersQuestion() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-question-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let weekday = repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path
        let question = repository.appendingPathComponent("scenarios/what-if/lunch-counter-and-guide.yaml").path
        let output = try CommandRunner.run(["compare", weekday, question, "--replications", "30", "--out", folder.path])
        #expect(output.status == 0, "\(output.standardError)")
        let text = output.standardOutput
        // What changes, as spans of clock time with their ends, and what each change costs.
        #expect(text.contains("  general windows: 12:00–13:30 4 → 3\n  guides: 09:00–17:00 1 → 2\n"), "\(text)")
        let guides = try #require(text.split(separator: "\n").first { $0.hasPrefix("guides ") && !$0.contains("→") })
        // The second guide's shifts: paid, in whole yuan, and dearer.
        #expect(guides.split(separator: " ").last?.hasPrefix("+") == true && !guides.contains("."), "\(guides)")
        // Today's plan is held to the variant's 80% too, in percentages, with the plan that declared it.
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("80% called within 10 minutes (≥ 80%)") })
        #expect(row.contains("lunch-counter-and-guide") && row.contains("fail "), "\(row)")
        #expect(text.contains("FAIL bank-branch-weekday, 80% called within 10 minutes (declared by lunch-counter-and-guide): "))
        // The second guide cannot help without guide_assist: flagged though the counter's change moves the waits.
        #expect(text.contains("NO EFFECT in lunch-counter-and-guide: self_service.guides: up to 2 guides on duty"))
        #expect(text.contains("pp: percentage points. ± if unpaired:"))
    }

    @Test("a change that moves nothing a customer meets is flagged with why, in the terminal, JSON and page; one that moves nothing at all too")
    func noEffect() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-noeffect-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let weekday = repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path
        let guides = try variant("name: two-guides\nself_service:\n  guides: 2\n")
        let renamed = try variant("name: renamed\n")
        let kiosk = try variant("name: more-kiosks\nself_service:\n  kiosks:\n    smart teller:\n      count: 3\n")
        defer { for file in [guides, renamed, kiosk] { try? FileManager.default.removeItem(atPath: file) } }
        let out = folder.appendingPathComponent("out")
        let output = try CommandRunner.run(["compare", weekday, guides, renamed, kiosk, "--replications", "10", "--out", out.path])
        #expect(output.status == 0, "\(output.standardError)")
        let text = output.standardOutput
        #expect(text.contains("NO EFFECT: two-guides changes nothing a customer meets on all 10 days"), "\(text)")
        #expect(text.contains("yet it costs +") && text.contains("without self_service.guide_assist guides are an on/off switch"))
        #expect(text.contains("NO EFFECT: renamed changes nothing a customer meets") && !text.contains("NO EFFECT: more-kiosks"))
        // What each plan changes from the first, per role and interval, with costs: terminal, changes.csv and page.
        #expect(text.contains("What changes from bank-branch-weekday to two-guides\n  guides: 09:00–17:00 1 → 2\n"), "\(text)")
        #expect(text.contains("What changes from bank-branch-weekday to more-kiosks\n  smart teller kiosks: 2 → 3\n"))
        let changes = try String(contentsOf: out.appendingPathComponent("changes.csv"), encoding: .utf8)
        #expect(changes.hasPrefix("plan,kind,what,interval,bank-branch-weekday,plan_value,difference\n"))
        #expect(changes.contains("two-guides,staff,guides,09:00,1,2,1\n") && changes.contains("more-kiosks,layout,smart teller kiosks,,2,3,1\n"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("comparison.json"))) as? [String: Any])
        let found = try #require(document["no_effect"] as? [[String: Any]])
        #expect(found.compactMap { $0["plan"] as? String } == ["two-guides", "renamed"])
        #expect((found.first?["cost_difference"] as? Double ?? 0) > 500 && found.last?["cost_difference"] as? Double == 0)
        let html = try String(contentsOf: out.appendingPathComponent("comparison.html"), encoding: .utf8)
        #expect(html.contains("<strong>No effect:</strong> two-guides changes nothing"))
        #expect(html.contains("What changes from bank-branch-weekday to more-kiosks"))
        // validate and run say it from the scenario alone.
        let validate = try CommandRunner.run(["validate", guides])
        #expect(validate.status == 0 && validate.standardOutput.contains("note: no effect: self_service.guides: up to 2 guides"))
    }

    @Test("fewer than two plans, or a bad plan, is refused")
    func badInput() throws {
        let weekday = repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path
        #expect(try CommandRunner.run(["compare", weekday]).status == 2)
        let bad = repository.appendingPathComponent("Tests/ScenarioFileTests/Fixtures/invalid/mix-sum.yaml").path
        #expect(try CommandRunner.run(["compare", weekday, bad]).status == 2)
    }
}
