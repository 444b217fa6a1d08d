import Foundation
import Testing
import CommandTesting

/// No file or option may make OutletSim take the machine: rates are capped,
/// floods of problems are cut short, and a signal stops even a long day
/// within a second, leaving nothing behind.
@Suite("Hostile demand, floods and interruptions")
struct BoundedResourceTests {
    @Test("a demand over 100,000 arrivals an hour once peaks and scale apply is refused where the arrivals are declared")
    func rateCap() throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday([("factor: 1.3 }", "factor: 100 }"), ("arrivals:\n", "arrivals:\n  scale: 20\n")]))
        let output = try space.run(["run", "w.yaml", "--replications", "2", "--quiet"])
        expectLocated(output, in: "w.yaml", mentioning: "at most 100000 arrivals per hour")
        #expect(output.standardError.contains("11:30"))
        // The same peak without the scale is within the cap and is accepted.
        try space.write("ok.yaml", Workspace.weekday([("factor: 1.3 }", "factor: 100 }")]))
        expectExit(try space.run(["validate", "ok.yaml"]), 0)
    }

    @Test("a file of 50,000 unknown keys prints 100 problems and a count of the rest")
    func problemFlood() throws {
        let space = try Workspace()
        var text = try Workspace.weekday()
        for index in 0..<50_000 { text += "junk\(index): 1\n" }
        try space.write("w.yaml", text)
        let output = try space.run(["validate", "w.yaml"], deadline: 60)
        expectExit(output, 2)
        let lines = output.standardError.split(separator: "\n")
        #expect(locatedErrors(output, in: "w.yaml").count == 100)
        #expect(lines.count == 101)
        #expect(output.standardError.contains("50000 problems; the first 100 are shown, 49900 more are not"))
    }

    @Test("a file larger than 5 MB, a folder or a device is refused without reading it for ever")
    func oversizedAndSpecialFiles() throws {
        let space = try Workspace()
        try space.write("big.yaml", Data(repeating: UInt8(ascii: "#"), count: 6 << 20))
        expectExit(try space.run(["validate", "big.yaml"], deadline: 30), 2)
        try FileManager.default.createDirectory(at: space.url("folder.yaml"), withIntermediateDirectories: true)
        let folder = try space.run(["validate", "folder.yaml"], deadline: 30)
        expectExit(folder, 2)
        #expect(folder.standardError.contains("folder.yaml: error: found a folder"))
        expectExit(try space.run(["validate", "/dev/zero"], deadline: 30), 2)
    }

    /// The weekday branch open for 50 hours at 100,000 arrivals an hour: one
    /// day takes seconds, so a signal arrives in the middle of it.
    static func longDay() throws -> String {
        var text = try Workspace.weekday([
            ("closes: \"17:00\"", "closes: \"59:00\""),
            ("  per_hour: { \"09:00\": 58, \"10:00\": 68, \"11:30\": 68, \"13:30\": 62, \"16:00\": 66 }\n", "  per_hour: 100000\n"),
        ])
        guard let peaks = text.range(of: "  peaks:\n"), let end = text.range(of: "\nreception:") else { throw Workspace.EditNotFound(text: "peaks") }
        text.replaceSubrange(peaks.lowerBound..<end.lowerBound, with: "")
        // Its shifts end in the first evening; the long day is planned per interval.
        if let shifts = text.range(of: "\nshifts:\n") { text.removeSubrange(shifts.lowerBound...) }
        return text + "\n"
    }

    @Test("SIGINT and SIGTERM inside a long day stop the run within a second, exit 130 or 143, and leave nothing",
          arguments: [SIGINT, SIGTERM])
    func interruptionInsideADay(_ signal: Int32) throws {
        let space = try Workspace()
        try space.write("long.yaml", Self.longDay())
        let output = try space.run(["run", "long.yaml", "--replications", "4", "--jobs", "2", "--quiet"], deadline: 60,
                                   interrupt: (signal, 1.5))
        expectExit(output, 128 + signal)
        let stop = try #require(output.secondsToStop)
        #expect(stop < 1.0, "took \(stop) s to stop")
        #expect(output.standardError.contains("interrupted"))
        #expect(space.allPaths() == ["long.yaml"] || space.allPaths() == ["long.yaml", "results"])
        #expect(space.leftovers().isEmpty)
    }

    @Test("SIGINT stops check, compare and optimize promptly too, with nothing half-written")
    func interruptionOfOtherCommands() throws {
        let space = try Workspace()
        try space.write("long.yaml", Self.longDay())
        let check = try space.run(["check", "long.yaml", "--replications", "4", "--junit", "report.xml"], deadline: 60,
                                  interrupt: (SIGINT, 1.5))
        expectExit(check, 130)
        #expect(try #require(check.secondsToStop) < 1.0)
        #expect(!space.exists("report.xml"))
        let compare = try space.run(["compare", "long.yaml", "long.yaml", "--replications", "4", "--quiet"], deadline: 60,
                                    interrupt: (SIGTERM, 1.5))
        expectExit(compare, 143)
        #expect(try #require(compare.secondsToStop) < 1.0)
        let optimize = try space.run(["optimize", "long.yaml", "--search-days", "4", "--quiet"], deadline: 60, interrupt: (SIGINT, 1.5))
        expectExit(optimize, 130)
        #expect(try #require(optimize.secondsToStop) < 1.0)
        #expect(space.leftovers().isEmpty)
        #expect(!space.exists("results/optimize-bank-branch-weekday"))
    }
}
