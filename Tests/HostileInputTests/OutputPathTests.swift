import Foundation
import Testing
import CommandTesting

/// Nothing a user types as a path, and no scenario name, may delete or
/// replace what OutletSim did not create.
@Suite("Hostile output paths")
struct OutputPathTests {
    let days = ["--replications", "2", "--quiet"]

    @Test("--out naming the current folder, an empty path, a file or a foreign folder is refused and everything survives",
          arguments: [".", "", "notes.txt", "mine", "mine/..", "./"])
    func refusedTargets(_ target: String) throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday())
        try space.write("notes.txt", "my notes")
        try space.write("mine/keep.txt", "keep")
        let before = space.allPaths()
        for force in [false, true] {
            let output = try space.run(["run", "w.yaml", "--out", target] + days + (force ? ["--force"] : []))
            expectExit(output, 2)
            #expect(output.standardError.contains("--out"), "\(output.standardError)")
            #expect(space.allPaths() == before)
        }
        #expect(try space.read("notes.txt") == Data("my notes".utf8))
        #expect(try space.read("mine/keep.txt") == Data("keep".utf8))
    }

    @Test("compare and optimize refuse a foreign --out too, before any simulation")
    func compareAndOptimize() throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday())
        try space.write("mine/keep.txt", "keep")
        let compare = try space.run(["compare", "w.yaml", "w.yaml", "--out", "mine", "--force"] + days)
        expectExit(compare, 2)
        let optimize = try space.run(["optimize", "w.yaml", "--out", ".", "--search-days", "2", "--quiet"])
        expectExit(optimize, 2)
        let empty = try space.run(["optimize", "w.yaml", "--out", "", "--search-days", "2", "--quiet"])
        expectExit(empty, 2)
        #expect(space.exists("mine/keep.txt") && space.exists("w.yaml"))
    }

    @Test("an OutletSim results folder is replaced at --out only with --force; an empty folder is filled")
    func forceReplacesOnlyOurs() throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday())
        expectExit(try space.run(["run", "w.yaml", "--out", "r"] + days), 0)
        expectExit(try space.run(["run", "w.yaml", "--out", "r"] + days), 2)
        expectExit(try space.run(["run", "w.yaml", "--out", "r", "--force"] + days), 0)
        #expect(space.exists("r/run.json"))
        try FileManager.default.createDirectory(at: space.url("empty"), withIntermediateDirectories: true)
        expectExit(try space.run(["run", "w.yaml", "--out", "empty"] + days), 0)
        #expect(space.exists("empty/summary.json"))
        // A symbolic link is not followed into someone else's folder.
        try FileManager.default.createSymbolicLink(atPath: space.url("link").path, withDestinationPath: space.url("r").path)
        expectExit(try space.run(["run", "w.yaml", "--out", "link", "--force"] + days), 2)
        #expect(space.leftovers().isEmpty)
    }

    @Test("a scenario name becomes one folder inside results/, whatever it holds",
          arguments: ["..", "../x", ".", "/etc/passwd", "a/../../b", "   ", ".hidden", "x\\y", "名字:1"])
    func namesStayInsideResults(_ name: String) throws {
        let space = try Workspace()
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        try space.write("w.yaml", Workspace.weekday([("name: bank-branch-weekday", "name: \"\(escaped)\"")]))
        try space.write("results/keep.txt", "keep")
        let output = try space.run(["run", "w.yaml"] + days)
        expectExit(output, 0)
        let top = try FileManager.default.contentsOfDirectory(atPath: space.folder.path).sorted()
        #expect(top == ["results", "w.yaml"])
        let inside = try FileManager.default.contentsOfDirectory(atPath: space.url("results").path).filter { $0 != "keep.txt" }
        #expect(inside.count == 1)
        let folder = try #require(inside.first)
        #expect(!folder.hasPrefix(".") && !folder.contains("/") && !folder.contains("\\") && !folder.contains(":"))
        #expect(space.exists("results/\(folder)/run.json"))
        #expect(space.exists("results/keep.txt"))
    }

    @Test("compare's default folder from hostile names stays inside results/")
    func compareNames() throws {
        let space = try Workspace()
        try space.write("a.yaml", Workspace.weekday([("name: bank-branch-weekday", "name: \"../../a\"")]))
        try space.write("b.yaml", Workspace.weekday([("name: bank-branch-weekday", "name: \"..\"")]))
        expectExit(try space.run(["compare", "a.yaml", "b.yaml"] + days), 0)
        let inside = try FileManager.default.contentsOfDirectory(atPath: space.url("results").path)
        #expect(inside.count == 1 && inside.allSatisfy { $0.hasPrefix("compare-") && !$0.contains("/") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: space.folder.path).sorted() == ["a.yaml", "b.yaml", "results"])
    }

    @Test("temporary folders of dead runs are removed on the next run; a live run's and foreign ones are kept")
    func staleTemporaryFolders() throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday())
        // PIDs above the kernel's pid_max (at most 2^22) never belong to a live process.
        let dead = "results/.bank-branch-weekday.partial-99999999"
        try space.write("\(dead)/.outletsim-partial", "")
        try space.write("\(dead)/summary.json", "{}")
        let deadOld = "results/.bank-branch-weekday.old-99999998"
        try space.write("\(deadOld)/run.json", "{\"format\": \"outletsim-run\"}")
        try space.write("\(deadOld)/.outletsim-folder", "{\"format\": \"outletsim-folder\", \"files\": {\"run.json\": 27}}")
        let deadOldWithMine = "results/.other.old-99999996"
        try space.write("\(deadOldWithMine)/run.json", "{\"format\": \"outletsim-run\"}")
        try space.write("\(deadOldWithMine)/.outletsim-folder", "{\"format\": \"outletsim-folder\", \"files\": {\"run.json\": 27}}")
        try space.write("\(deadOldWithMine)/mine.txt", "mine")
        let live = "results/.other.partial-\(getpid())"
        try space.write("\(live)/.outletsim-partial", "")
        let foreign = "results/.notes.partial-99999997"
        try space.write("\(foreign)/mine.txt", "mine")
        expectExit(try space.run(["run", "w.yaml"] + days), 0)
        #expect(!space.exists(dead))
        #expect(!space.exists(deadOld))
        #expect(space.exists(live))
        #expect(space.exists("\(foreign)/mine.txt"))
        #expect(space.allPaths().filter { $0.hasPrefix(deadOldWithMine) }.sorted() == [deadOldWithMine, "\(deadOldWithMine)/.outletsim-folder", "\(deadOldWithMine)/mine.txt"])
        #expect(space.exists("results/bank-branch-weekday/run.json"))
    }

    @Test("check refuses report paths in missing folders (exit 3) and will not overwrite a foreign file (exit 2)")
    func reportFiles() throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday())
        try space.write("notes.xml", "<mine/>")
        let missing = try space.run(["check", "w.yaml", "--replications", "2", "--junit", "/missing/x.xml"])
        expectExit(missing, 3)
        #expect(missing.standardError.contains("/missing"))
        let foreign = try space.run(["check", "w.yaml", "--replications", "2", "--junit", "notes.xml"])
        expectExit(foreign, 2)
        #expect(try space.read("notes.xml") == Data("<mine/>".utf8))
        // Its own report is rewritten on the next check.
        let first = try space.run(["check", "w.yaml", "--replications", "3", "--junit", "report.xml"])
        #expect(!first.signalled && [0, 1].contains(first.status))
        let second = try space.run(["check", "w.yaml", "--replications", "3", "--junit", "report.xml"])
        #expect(!second.signalled && [0, 1].contains(second.status), "\(second.standardError)")
    }
}

/// What a killed or failed run leaves behind is removed by the next one, and
/// a failed run to the default place leaves no empty `results/`.
@Suite("Leftovers")
struct LeftoverTests {
    @Test("a dead run's partial shard and partial check report are removed by the next write beside them; others are kept")
    func partialFiles() throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday())
        try space.write(".a.shard.partial-99999999", Data("OSSHARD1 cut here".utf8))
        try space.write(".b.shard.partial-99999998", Data())  // another shard's, cut before its first byte: not known to be ours
        try space.write(".a.shard.partial-99999997", Data())  // this shard's, cut before its first byte
        try space.write(".notes.partial-99999996", "mine")
        expectExit(try space.run(["run", "w.yaml", "--days", "0..2", "--quiet", "--out", "a.shard"]), 0)
        #expect(!space.exists(".a.shard.partial-99999999") && !space.exists(".a.shard.partial-99999997"))
        #expect(space.exists(".b.shard.partial-99999998") && space.exists(".notes.partial-99999996"))
        try space.write(".report.xml.partial-99999995", "<?xml version=\"1.0\"?>\n<testsuites name=\"outletsim check\" tests=\"3\"")
        let check = try space.run(["check", "w.yaml", "--replications", "3", "--junit", "report.xml"])
        #expect(!check.signalled && [0, 1].contains(check.status), "\(check.standardError)")
        #expect(!space.exists(".report.xml.partial-99999995"))
        #expect(space.exists(".notes.partial-99999996"))
    }

    @Test("an interrupted run to the default place leaves no results/ folder")
    func noEmptyResults() throws {
        let space = try Workspace()
        try space.write("long.yaml", BoundedResourceTests.longDay())
        let output = try space.run(["run", "long.yaml", "--replications", "4", "--quiet"], deadline: 60, interrupt: (SIGINT, 1.0))
        expectExit(output, 130)
        #expect(space.allPaths() == ["long.yaml"])
        let shard = try space.run(["run", "long.yaml", "--days", "0..4", "--quiet"], deadline: 60, interrupt: (SIGINT, 1.0))
        expectExit(shard, 130)
        #expect(space.allPaths() == ["long.yaml"])
    }
}
