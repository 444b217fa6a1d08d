import Foundation
import Testing
import CommandTesting

/// `check` fails loudly on what it cannot judge, and broken text is reported
/// at its place in OutletSim's words.
@Suite("Hostile targets, traces and text")
struct CheckAndTextTests {
    @Test("check exits 2 with the reason on an unmeasurable target, an empty target list, an empty folder or a missing path")
    func checkCannotPassByAccident() throws {
        let space = try Workspace()
        try space.write("overtime.yaml", Workspace.weekday([
            ("at_most: 0.05 }", "at_most: 0.05 }\n  - { name: overtime each half hour, metric: overtime_minutes, per: interval, at_most: 5 }"),
        ]))
        expectLocated(try space.run(["check", "overtime.yaml", "--replications", "2"]), in: "overtime.yaml", mentioning: "targets[5].per")
        var text = try Workspace.weekday()
        let targets = try #require(text.range(of: "targets:\n"))
        text.replaceSubrange(targets.lowerBound..<text.endIndex, with: "targets: []\n")
        try space.write("none.yaml", text)
        expectLocated(try space.run(["check", "none.yaml", "--replications", "2"]), in: "none.yaml", mentioning: "an empty list")
        try FileManager.default.createDirectory(at: space.url("empty"), withIntermediateDirectories: true)
        let empty = try space.run(["check", "empty"])
        expectExit(empty, 2)
        #expect(empty.standardError.contains("without scenario files"))
        expectExit(try space.run(["check", "nowhere"]), 2)
        // A named file without targets cannot pass; in a folder it is listed as skipped.
        var plain = try Workspace.weekday()
        plain.replaceSubrange(try #require(plain.range(of: "targets:\n")).lowerBound..<plain.endIndex, with: "")
        try space.write("plain/plain.yaml", plain)
        let named = try space.run(["check", "plain/plain.yaml", "--replications", "2"])
        expectExit(named, 2)
        #expect(named.standardError.contains("no targets"), "\(named.standardError)")
        let folder = try space.run(["check", "plain", "--replications", "2"])
        expectExit(folder, 2)
    }

    @Test("trace rows outside opening hours are located errors, not silently dropped")
    func traceAfterClosing() throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday([("  peaks:\n", "  trace: arrivals.csv\n  peaks:\n")]))
        try space.write("arrivals.csv", "time,segment,transaction\n09:05,regular,取款\n17:30,regular,取款\n08:00,VIP,存款\n")
        let output = try space.run(["run", "w.yaml", "--replications", "2", "--quiet"])
        expectLocated(output, in: "arrivals.csv", mentioning: "17:30")
        #expect(locatedErrors(output, in: "arrivals.csv").contains { $0.hasPrefix("arrivals.csv:3:") })
        #expect(locatedErrors(output, in: "arrivals.csv").contains { $0.hasPrefix("arrivals.csv:4:") })
        #expect(!space.exists("results"))
    }

    @Test("an extends variant's results folder holds a scenario that validates and checks on its own, trace included")
    func standaloneResults() throws {
        let space = try Workspace()
        try space.write("base/base.yaml", Workspace.weekday([("  peaks:\n", "  trace: trace.csv\n  peaks:\n")]))
        try space.write("base/trace.csv", "time,segment,transaction\n09:05,regular,取款\n10:30,VIP,存款\n")
        try space.write("variants/more-demand.yaml", "extends: ../base/base.yaml\nname: more-demand\narrivals:\n  scale: 1.1\n")
        expectExit(try space.run(["run", "variants/more-demand.yaml", "--replications", "2", "--quiet"]), 0)
        #expect(space.exists("results/more-demand/arrivals-trace.csv"))
        expectExit(try space.run(["validate", "results/more-demand/scenario.yaml"]), 0)
        let check = try space.run(["check", "results/more-demand", "--replications", "3"])
        #expect(!check.signalled && [0, 1].contains(check.status), "\(check.standardOutput)\(check.standardError)")
        // The copy is the resolved scenario: its results equal the variant's.
        expectExit(try space.run(["run", "results/more-demand/scenario.yaml", "--replications", "2", "--quiet", "--out", "again"]), 0)
        let original = try JSONSerialization.jsonObject(with: space.read("results/more-demand/summary.json")) as? [String: Any]
        let again = try JSONSerialization.jsonObject(with: space.read("again/summary.json")) as? [String: Any]
        #expect((original?["metrics"] as? [String: Any])?.description == (again?["metrics"] as? [String: Any])?.description)
    }

    struct Corruption: CustomTestStringConvertible, Sendable {
        let label: String
        /// Inserted at the start of the description's value, on line 8.
        let bytes: [UInt8]
        let expected: String
        /// The line the problem must be reported on; nil where the parser
        /// can only notice it further down (an unclosed quote).
        let line: Int?
        var testDescription: String { label }
    }

    static let corruptions: [Corruption] = [
        Corruption(label: "a byte that is not UTF-8", bytes: [0xFF, 0xFE], expected: "not UTF-8", line: 8),
        Corruption(label: "a NUL", bytes: [0x00], expected: "U+0000", line: 8),
        Corruption(label: "an escape character", bytes: [0x1B], expected: "U+001B", line: 8),
        Corruption(label: "a truncated UTF-8 sequence", bytes: [0xE5, 0x8F], expected: "not UTF-8", line: 8),
        Corruption(label: "a tab as indentation", bytes: Array("x\n\ta: 1".utf8), expected: "tab", line: 9),
        Corruption(label: "an unclosed bracket", bytes: Array("[1, 2".utf8), expected: "not closed", line: 8),
        Corruption(label: "an unclosed brace", bytes: Array("{a: 1".utf8), expected: "not closed", line: 8),
        Corruption(label: "a stray anchor", bytes: Array("& ".utf8), expected: "anchor", line: 8),
        Corruption(label: "an undefined alias", bytes: Array("*nothing ".utf8), expected: "alias", line: 8),
        Corruption(label: "a value that cannot start", bytes: Array("@x ".utf8), expected: "cannot begin", line: 8),
        Corruption(label: "a colon in a plain value", bytes: Array("a: b: c ".utf8), expected: "': '", line: 8),
        Corruption(label: "an unclosed quote", bytes: Array("\"open".utf8), expected: "out of line", line: nil),
    ]

    @Test("broken text is located at its line, never at 0, in OutletSim's words", arguments: corruptions)
    func brokenText(_ corruption: Corruption) throws {
        let space = try Workspace()
        var data = Data(try Workspace.weekday().utf8)
        let place = try #require(data.range(of: Data("description: ".utf8))).upperBound
        data.insert(contentsOf: corruption.bytes, at: place)
        try space.write("w.yaml", data)
        let output = try space.run(["validate", "w.yaml"])
        expectExit(output, 2)
        let errors = locatedErrors(output, in: "w.yaml")
        #expect(!errors.isEmpty, "\(output.standardError)")
        if let line = corruption.line {
            #expect(errors.allSatisfy { $0.hasPrefix("w.yaml:\(line):") }, "\(output.standardError)")
        }
        #expect(output.standardError.contains(corruption.expected), "\(output.standardError)")
        #expect(!output.standardError.contains("w.yaml:0:"))
    }
}
