import Foundation
import Testing
import CommandTesting

@Suite("outletsim command line")
struct CommandLineTests {
    @Test("every help screen is pinned", arguments: [["--help"], ["run", "--help"], ["check", "--help"], ["compare", "--help"],
                                                     ["optimize", "--help"], ["fit", "--help"], ["forecast", "--help"], ["merge", "--help"], ["studio", "--help"], ["validate", "--help"], ["schema", "--help"],
                                                     ["theory", "--help"]])
    func help(_ arguments: [String]) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status == 0)
        let name = (["outletsim"] + arguments.dropLast()).joined(separator: "-") + "-help"
        if let mismatch = try snapshotMismatch(output.standardOutput, named: name) {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test("--version prints the version")
    func version() throws {
        let output = try CommandRunner.run(["--version"])
        #expect(output.status == 0)
        #expect(output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test("theory runs the theory scenarios as users' runs are run, every level beside its closed form, and succeeds when all hold")
    func theoryScenarios() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios/theory").path
        let output = try CommandRunner.run(["theory", "--days", "300", "--folder", folder])
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        for name in ["theory-erlang-c", "theory-erlang-a", "theory-mmck", "theory-priority", "theory-mdc", "theory-mt-m-infinity",
                     "segment VIP", "interval 02:00", "P(wait ≤ 2 min)", "customers inside at the end"] {
            #expect(output.standardOutput.contains(name), "\(name) missing")
        }
        #expect(!output.standardOutput.contains(" NO"))
        let missing = try CommandRunner.run(["theory", "--folder", "/nonexistent/theory"])
        #expect(missing.status == 2 && missing.standardError.contains("erlang-c.yaml"), "\(missing.standardError)")
    }

    @Test("theory --kernel prints the kernel's reference models beside theory and succeeds when theory is inside every interval")
    func theory() throws {
        let output = try CommandRunner.run(["theory", "--kernel", "--replications", "10", "--customers", "20000"])
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        for name in ["Erlang C", "M/M/3/8", "Erlang A", "Priority", "M/D/1"] {
            #expect(output.standardOutput.contains(name))
        }
        #expect(!output.standardOutput.contains(" NO"))
    }

    @Test("bad options are refused with a usage error, not a trap")
    func badOptions() throws {
        let output = try CommandRunner.run(["theory", "--replications", "1"])
        #expect(output.status == 2)
        #expect(output.standardError.contains("--replications must be from 2 to 100000, found 1"))
        let unknown = try CommandRunner.run(["theory", "--replicatoins", "5"])
        #expect(unknown.status == 2)
    }
}
