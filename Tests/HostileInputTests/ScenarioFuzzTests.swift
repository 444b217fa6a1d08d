import Foundation
import Testing
import CommandTesting

/// Seeded SplitMix64, so that every run of the fuzz test tries the same files.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Mutations of the example scenarios: structure (lines deleted, repeated,
/// swapped, re-indented, blocks removed, keys misspelt), extreme numbers,
/// and corrupted text (bytes that are not UTF-8, control characters, YAML
/// punctuation, truncation, anchors and aliases).
struct ScenarioMutator {
    var random: SplitMix64

    static let extremeNumbers = ["1e19", "-1e19", "9.3e18", "1e308", "-0", ".nan", ".inf", "-.inf", "0", "1e-320",
                                 "99999999999999999999", "2147483648", "-1", "1000000", "100001", "1e6", "0.5", "3", "10000"]
    static let fragments: [[UInt8]] = [[0x00], [0xFF], [0xC3], [0x09], [0x0D], [0x1B], Array("\u{FEFF}".utf8), Array("{".utf8),
                                       Array("[".utf8), Array("]".utf8), Array("}".utf8), Array(":".utf8), Array(": ".utf8),
                                       Array("\"".utf8), Array("'".utf8), Array("&a ".utf8), Array("*a ".utf8),
                                       Array("!!binary ".utf8), Array("- ".utf8), Array("? ".utf8), Array("|".utf8),
                                       Array(">".utf8), Array("%".utf8), Array("@".utf8), Array("`".utf8), Array("#".utf8),
                                       Array("\n".utf8), Array("取款".utf8), Array("<<: *a\n".utf8), Array("---\n".utf8),
                                       Array("...\n".utf8), Array(",".utf8), Array("=".utf8), Array("(".utf8), Array(")".utf8)]

    mutating func mutate(_ text: [UInt8]) -> [UInt8] {
        var bytes = text
        for _ in 0..<(1 + random.below(3)) {
            switch random.below(10) {
            case 0: bytes = editLines(bytes) { lines, index, _ in lines.remove(at: index) }
            case 1: bytes = editLines(bytes) { lines, index, _ in lines.insert(lines[index], at: index) }
            case 2: bytes = editLines(bytes) { lines, index, random in lines.swapAt(index, random.below(lines.count)) }
            case 3: bytes = editLines(bytes) { lines, index, random in
                switch random.below(3) {
                case 0: lines[index] = Array("  ".utf8) + lines[index]
                case 1: lines[index] = Array(lines[index].drop { $0 == 0x20 })
                default: lines[index] = [0x09] + lines[index]
                }
            }
            case 4: bytes = removeBlock(bytes)
            case 5, 6: bytes = replaceNumber(bytes)
            case 7: bytes.insert(contentsOf: random.pick(Self.fragments), at: random.below(bytes.count + 1))
            case 8: bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
            default: bytes = misspellKey(bytes)
            }
        }
        return bytes
    }

    mutating func editLines(_ bytes: [UInt8], _ edit: (inout [[UInt8]], Int, inout SplitMix64) -> Void) -> [UInt8] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        guard !lines.isEmpty else { return bytes }
        let index = random.below(lines.count)
        edit(&lines, index, &random)
        return Array(lines.joined(separator: [0x0A]))
    }

    /// Removes a line and the lines indented below it.
    mutating func removeBlock(_ bytes: [UInt8]) -> [UInt8] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        guard !lines.isEmpty else { return bytes }
        let start = random.below(lines.count)
        let indent = lines[start].prefix { $0 == 0x20 }.count
        var end = start + 1
        while end < lines.count, lines[end].prefix(while: { $0 == 0x20 }).count > indent || lines[end].isEmpty { end += 1 }
        lines.removeSubrange(start..<end)
        return Array(lines.joined(separator: [0x0A]))
    }

    /// Replaces one number in the text with an extreme one.
    mutating func replaceNumber(_ bytes: [UInt8]) -> [UInt8] {
        var spans: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            if (0x30...0x39).contains(bytes[index]) {
                var end = index
                while end < bytes.count, (0x30...0x39).contains(bytes[end]) || bytes[end] == 0x2E { end += 1 }
                spans.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        guard !spans.isEmpty else { return bytes }
        var result = bytes
        result.replaceSubrange(random.pick(spans), with: Array(random.pick(Self.extremeNumbers).utf8))
        return result
    }

    /// Changes one letter of a key.
    mutating func misspellKey(_ bytes: [UInt8]) -> [UInt8] {
        let colons = bytes.indices.filter { bytes[$0] == 0x3A && $0 > 0 && (0x61...0x7A).contains(bytes[$0 - 1]) }
        guard let colon = colons.isEmpty ? nil : random.pick(colons) else { return bytes }
        var result = bytes
        result[colon - 1] = UInt8(0x61 + random.below(26))
        return result
    }
}

@Suite("Fuzzed scenario files")
struct ScenarioFuzzTests {
    static let sources = ["bank-branch-weekday.yaml", "bank-branch-saturday.yaml", "telecom-business-hall.yaml",
                          "after-sales-service-centre.yaml", "theory/erlang-a.yaml", "theory/mmck.yaml", "theory/priority.yaml"]

    @Test("320 mutated scenarios: each is accepted or refused with located errors only; accepted ones run or stop within a second of SIGINT; no signal exit, no leftovers")
    func mutatedScenarios() throws {
        let space = try Workspace()
        let texts = try Self.sources.map { Array(try Workspace.example($0).utf8) }
        var mutator = ScenarioMutator(random: SplitMix64(state: 20261203))
        var accepted = 0, refused = 0, interrupted = 0
        for index in 0..<320 {
            let name = "m\(index).yaml"
            try space.write(name, Data(mutator.mutate(mutator.random.pick(texts))))
            let check = try space.run(["validate", name], deadline: 30)
            #expect(!check.signalled && !check.timedOut, "\(name): signal or hang\n\(check.standardError)")
            #expect(check.status == 0 || check.status == 2, "\(name): exit \(check.status)\n\(check.standardError)")
            for phrase in parserPhrases {
                #expect(!check.standardError.contains(phrase), "\(name): '\(phrase)'")
            }
            if check.status == 2 {
                refused += 1
                let lines = check.standardError.split(separator: "\n").map(String.init)
                let located = locatedErrors(check, in: name)
                let summaries = lines.filter { $0.hasPrefix("\(name): ") && $0.contains(" problem") }
                #expect(!located.isEmpty && located.count + summaries.count == lines.count,
                        "\(name): an error without a place\n\(check.standardError)")
                continue
            }
            accepted += 1
            let out = "out\(index)"
            let run = try space.run(["run", name, "--replications", "2", "--jobs", "1", "--quiet", "--out", out],
                                    deadline: 30, interrupt: (SIGINT, 1.0))
            #expect(!run.signalled && !run.timedOut, "\(name): signal or hang\n\(run.standardError)")
            if let stop = run.secondsToStop {
                interrupted += 1
                #expect(run.status == 130 && stop < 1.0, "\(name): exit \(run.status) \(stop) s after SIGINT")
                #expect(!space.exists(out))
            } else {
                #expect(run.status == 0, "\(name): exit \(run.status)\n\(run.standardError)")
                #expect(space.exists("\(out)/run.json"))
            }
            try? FileManager.default.removeItem(at: space.url(out))
        }
        #expect(space.leftovers().isEmpty)
        print("fuzz: \(accepted) accepted (\(interrupted) of them interrupted), \(refused) refused")
        // The mutations must exercise both sides.
        #expect(accepted >= 30 && refused >= 150, "accepted \(accepted), refused \(refused), interrupted \(interrupted)")
    }
}
