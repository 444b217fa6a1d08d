import CommandTesting
import Foundation
import OutputKit
import Results
import Testing

/// Hostile shards for `outletsim merge`: a shard is sealed (SHA-256 over
/// every byte before the seal) and its header range-checked, so a flipped
/// bit, a cut, or a header edited and resealed is refused with the file
/// named, exit 2, nothing written; never a trap, never different results.
@Suite("Hostile shards")
struct ShardFuzzTests {
    /// `data` with its seal made anew, as a forger (or a bug) would.
    static func resealed(_ data: Data) -> Data {
        var body = data.prefix(data.count - 32)
        var digest = SHA256.Hasher()
        digest.update(body)
        body.append(contentsOf: digest.finalize())
        return Data(body)
    }

    /// The shard with the header's JSON text `old` replaced by `new`, its length and seal made anew.
    static func editedHeader(_ shard: Data, _ old: String, _ new: String) -> Data? {
        let start = DayShard.magic.count
        let length = Int(shard[start]) | Int(shard[start + 1]) << 8 | Int(shard[start + 2]) << 16 | Int(shard[start + 3]) << 24
        guard let json = String(data: shard[(start + 4)..<(start + 4 + length)], encoding: .utf8), json.contains(old) else { return nil }
        let edited = Data(json.replacingOccurrences(of: old, with: new).utf8)
        var bytes = DayShard.magic
        withUnsafeBytes(of: UInt32(edited.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(edited)
        bytes.append(shard[(start + 4 + length)...])
        return resealed(bytes)
    }

    /// Whether the whole shard decodes: the seal, the header, every day and the end.
    static func decodes(_ data: Data) -> Bool {
        do {
            var decoder = try ShardDecoder(data)
            while try decoder.next() != nil {}
            return true
        } catch {
            return false
        }
    }

    @Test("302 flipped bits, cuts and resealed header edits: each refused by the decoder, and by merge with the file named")
    func mutatedShards() throws {
        let space = try Workspace()
        let weekday = CommandRunner.repositoryRoot.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path
        for (days, name) in [("0..2", "a.shard"), ("2..4", "b.shard")] {
            expectExit(try space.run(["run", weekday, "--days", days, "--quiet", "--out", name]), 0)
        }
        let shard = try space.read("b.shard")
        #expect(Self.decodes(shard))
        var generator = SplitMix64(state: 2026)  // the same mutations every run
        var cases: [(String, Data)] = []
        for index in 0..<230 {
            var flipped = shard
            let at = generator.below(shard.count)
            flipped[at] ^= UInt8(1 << generator.below(8))
            cases.append(("bit \(index) at byte \(at)", flipped))
        }
        for index in 0..<60 {
            cases.append(("cut \(index)", shard.prefix(generator.below(shard.count))))
        }
        let edits: [(String, String)] = [
            ("\"end_day\": 4", "\"end_day\": 9223372036854775807"), ("\"end_day\": 4", "\"end_day\": 1"),
            ("\"first_day\": 2", "\"first_day\": -1"), ("\"end_day\": 4", "\"end_day\": 10000001"),
            ("\"format\": \"outletsim-shard\"", "\"format\": \"other\""), ("\"version\": 2", "\"version\": 1"),
            ("\"scenario_sha256\": \"", "\"scenario_sha256\": \"zz"),
        ]
        for (old, new) in edits {
            guard let edited = Self.editedHeader(shard, old, new) else {
                Issue.record("the shard header has no \(old)")
                continue
            }
            cases.append(("header \(new)", edited))
        }
        // Wait targets: NaN, 1e19 minutes, and 10,000 of them.
        let waits = "\"wait_targets\": ["
        let nan = "\"" + String(Double.nan.bitPattern, radix: 16) + "\", "
        let huge = "\"" + String(1e19.bitPattern, radix: 16) + "\", "
        let many = String(repeating: "\"" + String(5.0.bitPattern, radix: 16) + "\", ", count: 10_000)
        for (label, extra) in [("NaN wait", nan), ("1e19 wait", huge), ("10,000 waits", many)] {
            if let edited = Self.editedHeader(shard, waits, waits + extra) { cases.append((label, edited)) }
        }
        // The day count at 2^63 and beyond, resealed: once a trap in merge.
        var count = shard
        let countAt = shard.count - 32 - 8
        for offset in 0..<8 { count[countAt + offset] = offset == 7 ? 0x80 : 0 }
        cases.append(("day count 2^63", Self.resealed(count)))
        for offset in 0..<8 { count[countAt + offset] = 0xFF }
        cases.append(("day count 2^64 - 1", Self.resealed(count)))
        #expect(cases.count >= 300)

        for (label, data) in cases {
            #expect(!Self.decodes(data), "\(label) was accepted")
        }
        // Through the command as users meet it: every eighth case, and every header edit.
        for (index, (label, data)) in cases.enumerated() where index % 8 == 0 || index >= 290 {
            try space.write("bad.shard", data)
            let output = try space.run(["merge", "a.shard", "bad.shard", "--out", "merged"])
            expectExit(output, 2)
            #expect(output.standardError.contains("bad.shard"), "\(label): \(output.standardError)")
            #expect(!space.exists("merged"), "\(label) left a folder")
        }
        #expect(space.leftovers().isEmpty)
        expectExit(try space.run(["merge", "a.shard", "b.shard", "--out", "merged", "--quiet"]), 0)
    }

    @Test("merge takes its shards from --shard-list as from arguments, and refuses a FIFO, a device or a folder as a shard")
    func shardListAndSpecialFiles() throws {
        let space = try Workspace()
        let weekday = CommandRunner.repositoryRoot.appendingPathComponent("scenarios/bank-branch-weekday.yaml").path
        var names: [String] = []
        for start in stride(from: 0, to: 12, by: 2) {
            let name = "shards/days-\(start).shard"
            expectExit(try space.run(["run", weekday, "--days", "\(start)..\(start + 2)", "--quiet", "--out", name]), 0)
            names.append(name)
        }
        expectExit(try space.run(["merge"] + names + ["--quiet", "--out", "by-arguments"]), 0)
        try space.write("list.txt", names.reversed().joined(separator: "\n") + "\n\n")
        expectExit(try space.run(["merge", "--shard-list", "list.txt", "--quiet", "--out", "by-list"]), 0)
        #expect(try space.read("by-list/summary.json") == space.read("by-arguments/summary.json"))
        let missingList = try space.run(["merge", "--shard-list", "nowhere.txt", "--out", "x"])
        expectExit(missingList, 2)
        #expect(missingList.standardError.contains("nowhere.txt"))
        #expect(mkfifo(space.url("fifo.shard").path, 0o600) == 0)
        for special in ["fifo.shard", "/dev/zero", "shards"] {
            let output = try space.run(["merge", names[0], special, "--out", "x"], deadline: 30)
            expectExit(output, 2)
            #expect(output.standardError.contains("\(special): error: found"), "\(output.standardError)")
        }
        #expect(!space.exists("x"))
    }
}
