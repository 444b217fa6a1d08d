import Foundation
import Testing
import CommandTesting

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("outletsim validate, schema and run")
struct ScenarioCommandTests {
    func path(_ relative: String) -> String { repository.appendingPathComponent(relative).path }

    @Test("validate accepts the example scenarios, naming them with their UTF-8 names intact")
    func validExamples() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: path("scenarios")).filter { $0.hasSuffix(".yaml") }.sorted()
        let output = try CommandRunner.run(["validate"] + files.map { path("scenarios/\($0)") })
        #expect(output.status == 0, "\(output.standardError)")
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.filter { $0.contains(": ok — '") }.count == files.count)
        // Besides the ok lines, only located notes (the weekday branch and its floor plan are paid in shifts).
        #expect(lines.filter { !$0.contains(": ok — '") }.allSatisfy { $0.contains(": note: shifts: roles not in `roster`") }, "\(lines)")
        #expect(output.standardOutput.contains("'bank-branch-weekday'"))
    }

    @Test("a target metric under its old name is read as the tables' name, with a located note in validate, run and check")
    func oldTargetNames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-names-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("old.yaml")
        try ("extends: \(path("scenarios/bank-branch-weekday.yaml"))\nname: old-names\ntargets:\n"
             + "  - { name: few leave, metric: abandonment, at_most: 0.05 }\n  - { name: few stand, metric: max_standing, at_most: 2 }\n"
             + "  - { name: short overtime, metric: overtime, at_most: 45 }\n").write(to: file, atomically: true, encoding: .utf8)
        let validate = try CommandRunner.run(["validate", file.path])
        #expect(validate.status == 0, "\(validate.standardError)")
        #expect(validate.standardOutput.contains("old.yaml:4:32: note: targets[0].metric: 'abandonment' is read as 'share_abandoned'"),
                "\(validate.standardOutput)")
        #expect(validate.standardOutput.contains("'max_standing' is read as 'standing_max'")
                && validate.standardOutput.contains("'overtime' is read as 'overtime_minutes'"))
        let check = try CommandRunner.run(["check", file.path, "--replications", "10", "--json", folder.appendingPathComponent("c.json").path])
        #expect([0, 1].contains(check.status) && check.standardError.contains("note: targets[1].metric: 'max_standing'"))
        let report = try String(contentsOf: folder.appendingPathComponent("c.json"), encoding: .utf8)
        #expect(report.contains("\"metric\": \"share_abandoned\"") && report.contains("\"metric\": \"standing_max\"")
                && report.contains("\"metric\": \"overtime_minutes\""))
    }

    @Test("validate reports every problem of every file on standard error and exits with status 2")
    func invalidFiles() throws {
        let several = path("Tests/ScenarioFileTests/Fixtures/invalid/several-problems.yaml")
        let good = path("scenarios/bank-branch-weekday.yaml")
        let empty = path("Tests/ScenarioFileTests/Fixtures/invalid/empty-file.yaml")
        let output = try CommandRunner.run(["validate", several, good, empty])
        #expect(output.status == 2)
        #expect(output.standardOutput.contains("bank-branch-weekday.yaml: ok"))
        let errors = output.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 4)
        #expect(output.standardError.contains("several-problems.yaml:38:10: error: waiting_zone.seats: found -1"))
        #expect(output.standardError.contains("several-problems.yaml: 3 problems"))
        #expect(!output.standardError.contains("Fatal error"))
    }

    @Test("a file that does not exist is an error with status 2, not a trap")
    func missingFile() throws {
        let output = try CommandRunner.run(["validate", "/no/such/scenario.yaml"])
        #expect(output.status == 2)
        #expect(output.standardError.contains("/no/such/scenario.yaml: error: found no such file"))
    }

    @Test("schema prints a JSON Schema")
    func schema() throws {
        let output = try CommandRunner.run(["schema"])
        #expect(output.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        #expect(json?["title"] as? String == "OutletSim scenario")
    }

    @Test("run simulates a scenario and prints day metrics; a bad scenario exits with status 2")
    func run() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let output = try CommandRunner.run(["run", path("scenarios/after-sales-service-centre.yaml"), "--replications", "5", "--out", out])
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput.contains("after-sales-service-centre: 5 days, seed 1"))
        #expect(output.standardOutput.contains("mean wait, served (min)"))
        // Names reach the output as written, Chinese included.
        for name in ["walk-in", "member", "送修", "取件", "电池更换", "咨询"] {
            #expect(output.standardOutput.contains(name), "\(name) missing")
        }
        let bad = try CommandRunner.run(["run", path("Tests/ScenarioFileTests/Fixtures/invalid/mix-sum.yaml")])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("shares summing to 0.9"))
    }

    @Test("the same seed prints the same numbers")
    func reproducible() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let arguments = ["run", path("scenarios/bank-branch-saturday.yaml"), "--replications", "4", "--seed", "9", "--out", out, "--force"]
        let first = try CommandRunner.run(arguments).standardOutput.split(separator: "\n").dropLast(1)
        let second = try CommandRunner.run(arguments).standardOutput.split(separator: "\n").dropLast(1)
        #expect(first == second)
    }
}
