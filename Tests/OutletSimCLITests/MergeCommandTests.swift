import Foundation
import OutputKit
import Testing
import CommandTesting
import Results

/// Sharded runs and exact merges: days run anywhere, with any --jobs, in
/// any order, merge into the results folder of the run that ran them all.
@Suite("outletsim run --days and merge")
struct MergeCommandTests {
    let weekday = repository.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-merge-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func run(_ arguments: [String], in folder: URL) throws -> CommandRunner.Output {
        try CommandRunner.run(arguments, in: folder)
    }

    @Test("three shards with different --jobs, merged in any order, are byte-identical to one run (run.json's provenance aside)")
    func identity() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["run", weekday, "--replications", "12", "--seed", "9", "--quiet", "--out", "whole"], in: folder).status == 0)
        for (days, jobs) in [("0..3", "1"), ("3..8", "2"), ("8..12", "1")] {
            let output = try run(["run", weekday, "--days", days, "--seed", "9", "--jobs", jobs, "--quiet", "--out", "part-\(days).shard"], in: folder)
            #expect(output.status == 0, "\(output.standardError)")
        }
        let merge = try run(["merge", "part-8..12.shard", "part-0..3.shard", "part-3..8.shard", "--out", "merged", "--quiet"], in: folder)
        #expect(merge.status == 0, "\(merge.standardError)")
        let whole = folder.appendingPathComponent("whole"), merged = folder.appendingPathComponent("merged")
        let names = try FileManager.default.contentsOfDirectory(atPath: whole.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: merged.path).sorted() == names)
        for name in names where name != "run.json" && name != ".outletsim-folder" {
            let same = try Data(contentsOf: whole.appendingPathComponent(name)) == Data(contentsOf: merged.appendingPathComponent(name))
            #expect(same, "\(name) differs")
        }
        // run.json (and its size in the folder's file list): the same run, told apart only by how it was made.
        func fields(_ url: URL) throws -> [String: String] {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url.appendingPathComponent("run.json"))) as? [String: Any] ?? [:]
            var kept: [String: String] = [:]
            for (key, value) in object where !["command", "started", "finished", "jobs", "merged_from"].contains(key) { kept[key] = "\(value)" }
            return kept
        }
        #expect(try fields(whole) == fields(merged))
    }

    @Test("shards of another seed or scenario, overlapping or leaving a gap, cut off or not shards at all are refused, and nothing is written")
    func refusals() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let saturday = repository.appendingPathComponent("scenarios/bank-branch-saturday.yaml").path
        for (file, days, seed, name) in [(weekday, "0..3", "1", "a"), (weekday, "3..6", "2", "seed"), (weekday, "2..5", "1", "overlap"),
                                         (weekday, "4..6", "1", "gap"), (saturday, "3..6", "1", "other"), (weekday, "3..6", "1", "b")] {
            #expect(try run(["run", file, "--days", days, "--seed", seed, "--quiet", "--out", "\(name).shard"], in: folder).status == 0)
        }
        let whole = try Data(contentsOf: folder.appendingPathComponent("b.shard"))
        try whole.prefix(whole.count - 30).write(to: folder.appendingPathComponent("cut.shard"))
        try Data("not a shard".utf8).write(to: folder.appendingPathComponent("text.shard"))
        // The same days from another OutletSim version: the header's version, rewritten in place and sealed anew.
        let version = Data("\"outletsim_version\": \"0.1.0\"".utf8), older = Data("\"outletsim_version\": \"0.0.9\"".utf8)
        if let range = whole.range(of: version) {
            var changed = whole
            changed.replaceSubrange(range, with: older)
            var digest = SHA256.Hasher()
            digest.update(changed.prefix(changed.count - 32))
            changed.replaceSubrange((changed.count - 32)..., with: digest.finalize())
            try changed.write(to: folder.appendingPathComponent("version.shard"))
        } else {
            Issue.record("the shard header names no version")
        }
        for (second, expected) in [("seed.shard", "found seed 2, not 1"), ("overlap.shard", "overlap days before them"),
                                   ("gap.shard", "leaving days 3..4 missing"), ("other.shard", "another scenario"),
                                   ("cut.shard", "a damaged or cut-off shard"), ("text.shard", "not an OutletSim shard"),
                                   ("missing.shard", "found no such file"), ("version.shard", "OutletSim version 0.0.9")] {
            let output = try run(["merge", "a.shard", second, "--out", "merged"], in: folder)
            #expect(output.status == 2, "\(second): \(output.status)")
            #expect(output.standardError.contains(second) && output.standardError.contains(expected), "\(second): \(output.standardError)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("merged").path))
        }
        #expect(try run(["merge", "a.shard", "b.shard", "--out", "merged", "--quiet"], in: folder).status == 0)
        // A shard never replaces what OutletSim did not write, nor another shard without --force.
        try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let onNotes = try run(["run", weekday, "--days", "0..3", "--quiet", "--out", "notes.txt", "--force"], in: folder)
        #expect(onNotes.status == 2 && onNotes.standardError.contains("not an OutletSim shard"))
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "notes")
        #expect(try run(["run", weekday, "--days", "0..3", "--quiet", "--out", "a.shard"], in: folder).status == 2)
        #expect(try run(["run", weekday, "--days", "0..3", "--quiet", "--out", "a.shard", "--force"], in: folder).status == 0)
        #expect(try run(["run", weekday, "--days", "3..3", "--out", "x.shard"], in: folder).status == 2)
        #expect(try run(["run", weekday, "--days", "0..3", "--precision", "wait_p90=1", "--out", "x.shard"], in: folder).status == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty)
    }
}
