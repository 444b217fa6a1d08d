import Foundation
import Testing
import CommandTesting

/// `--force` replaces only what OutletSim wrote: a results folder that also
/// holds a user's file, or a file the user changed, is refused with exit 2
/// and the message names them; nothing is deleted.
@Suite("--force replaces only OutletSim's files")
struct ForceTests {
    let days = ["--replications", "2", "--quiet"]

    /// A results folder made by `command`, with the arguments that make it again.
    func made(_ space: Workspace, _ command: String) throws -> [String] {
        let arguments: [String] = switch command {
        case "run": ["run", "w.yaml"] + days
        case "compare": ["compare", "w.yaml", "w.yaml"] + days
        case "optimize": ["optimize", "small.yaml", "--search-days", "10", "--validation-days", "10", "--quiet"]
        case "fit": ["fit", "log.csv", "--validation-days", "2", "--quiet"]
        default: ["merge", "a.shard", "b.shard", "--quiet"]
        }
        expectExit(try space.run(arguments + ["--out", "r"]), 0)
        return arguments
    }

    @Test("a user's file in a results folder stops --force in every command that writes one",
          arguments: ["run", "compare", "optimize", "fit", "merge"])
    func foreignFile(_ command: String) throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday())
        let fixtures = CommandRunner.repositoryRoot.appendingPathComponent("Tests/OutletSimCLITests/Fixtures")
        try space.write("small.yaml", try Data(contentsOf: fixtures.appendingPathComponent("optimize/small-branch-optimize.yaml")))
        if command == "fit" {
            let log = try space.run(["run", "w.yaml", "--replications", "3", "--quiet", "--queue-log", "--out", "made"])
            expectExit(log, 0)
            try FileManager.default.copyItem(at: space.url("made/queue-log.csv"), to: space.url("log.csv"))
        }
        if command == "merge" {
            expectExit(try space.run(["run", "w.yaml", "--days", "0..2", "--quiet", "--out", "a.shard"]), 0)
            expectExit(try space.run(["run", "w.yaml", "--days", "2..4", "--quiet", "--out", "b.shard"]), 0)
        }
        let arguments = try made(space, command)
        #expect(space.exists("r/.outletsim-folder"))
        try space.write("r/notes.txt", "mine")
        try space.write("r/drafts/plan.txt", "mine too")
        let before = space.allPaths()
        let refused = try space.run(arguments + ["--out", "r", "--force"])
        expectExit(refused, 2)
        #expect(refused.standardError.contains("notes.txt") && refused.standardError.contains("drafts/"), "\(refused.standardError)")
        #expect(space.allPaths() == before)
        #expect(try space.read("r/notes.txt") == Data("mine".utf8))
        // Once the user's files are moved out, --force replaces the folder.
        try FileManager.default.removeItem(at: space.url("r/notes.txt"))
        try FileManager.default.removeItem(at: space.url("r/drafts"))
        expectExit(try space.run(arguments + ["--out", "r", "--force"]), 0)
        #expect(space.leftovers().isEmpty)
    }

    @Test("a file OutletSim wrote and the user changed is not replaced; a folder without OutletSim's list is not replaced")
    func changedAndUnlisted() throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday())
        expectExit(try space.run(["run", "w.yaml", "--out", "r"] + days), 0)
        let report = try space.read("r/report.html")
        try space.write("r/report.html", report + Data("<!-- my notes -->".utf8))
        let changed = try space.run(["run", "w.yaml", "--out", "r", "--force"] + days)
        expectExit(changed, 2)
        #expect(changed.standardError.contains("report.html (changed since OutletSim wrote it)"), "\(changed.standardError)")
        #expect(try space.read("r/report.html").count == report.count + 17)
        // A folder whose run.json says OutletSim but which has no list (an older version's, or a copy without hidden files).
        try FileManager.default.removeItem(at: space.url("r/.outletsim-folder"))
        let unlisted = try space.run(["run", "w.yaml", "--out", "r", "--force"] + days)
        expectExit(unlisted, 2)
        #expect(unlisted.standardError.contains("no .outletsim-folder"), "\(unlisted.standardError)")
        #expect(space.exists("r/report.html"))
    }

    @Test("the default place under results/ refuses a folder holding a user's file too")
    func defaultPlace() throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday())
        expectExit(try space.run(["run", "w.yaml"] + days), 0)
        try space.write("results/bank-branch-weekday/mine.csv", "a,b\n")
        let again = try space.run(["run", "w.yaml"] + days)
        expectExit(again, 2)
        #expect(again.standardError.contains("mine.csv"))
        #expect(space.exists("results/bank-branch-weekday/mine.csv"))
    }

    @Test("an --out whose last part is 243 to 255 bytes long is written, and replaced with --force",
          arguments: [243, 250, 255])
    func longNames(_ length: Int) throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday())
        let name = String(repeating: "é", count: (length - 1) / 2) + String(repeating: "x", count: 1 + (length - 1) % 2)
        #expect(name.utf8.count == length)
        expectExit(try space.run(["run", "w.yaml", "--out", name] + days), 0)
        expectExit(try space.run(["run", "w.yaml", "--out", name, "--force"] + days), 0)
        #expect(space.exists("\(name)/summary.json"))
        let shard = String(repeating: "s", count: length - 6) + ".shard"
        expectExit(try space.run(["run", "w.yaml", "--days", "0..2", "--quiet", "--out", shard]), 0)
        expectExit(try space.run(["run", "w.yaml", "--days", "0..2", "--quiet", "--out", shard, "--force"]), 0)
        #expect(space.leftovers().isEmpty)
    }
}
