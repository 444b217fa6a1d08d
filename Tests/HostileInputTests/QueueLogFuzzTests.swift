import CommandTesting
import Foundation
import Testing

/// Hostile logs for `outletsim fit`: mutated exports are fitted or refused
/// with located errors, never a trap or a hang, and a signal stops a fit
/// with nothing written.
@Suite("Hostile queue-system logs")
struct HostileQueueLogTests {
    static let header = "ticket,date,issued,called,service_start,service_end,window,transaction,segment,outcome,appointment\n"

    /// A busy day logged by hand: a ticket every `every` seconds from 09:00,
    /// each called a minute later and served for 50 seconds at one of 30 windows.
    static func busyLog(tickets: Int, every seconds: Int) -> String {
        var text = header
        func clock(_ second: Int) -> String { String(format: "%02d:%02d:%02d", second / 3600, second / 60 % 60, second % 60) }
        for index in 0..<tickets {
            let issued = 9 * 3600 + index * seconds
            text += "T\(index),2026-03-02,\(clock(issued)),\(clock(issued + 60)),\(clock(issued + 60)),\(clock(issued + 110)),"
                + "\(index % 30 + 1),cash,\(index % 7 == 0 ? "VIP" : "regular"),served,\n"
        }
        return text
    }

    @Test("SIGINT and SIGTERM stop a fit during its back-validation: exit 130 or 143, nothing written", arguments: [SIGINT, SIGTERM])
    func interrupted(_ signal: Int32) throws {
        let space = try Workspace()
        try space.write("busy.csv", Self.busyLog(tickets: 9_000, every: 3))
        let output = try space.run(["fit", "busy.csv", "--validation-days", "100000", "--out", "fit", "--quiet"], deadline: 60,
                                   interrupt: (signal, 2.0))
        expectExit(output, 128 + signal)
        #expect(try #require(output.secondsToStop) < 1.0)
        #expect(!space.exists("fit"))
        #expect(space.leftovers().isEmpty)
    }

    @Test("120 mutated logs: each is fitted or refused with located errors only; no signal, no hang, no half-written folder")
    func mutations() throws {
        let space = try Workspace()
        let base = Self.busyLog(tickets: 400, every: 60)
        let lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var random = SplitMix64(state: 2026)
        let replacements = ["", "NaN", "99:99", "-1", "1e308", "\"", ",", "\n", "24:00:00", "9999-99-99", "09:00:00Z", "served,served",
                            "\u{0}", "旧", "2026-03-02 08:00:00", "no_show", "cancelled", "999999999999999999999"]
        for trial in 0..<120 {
            var mutated = lines
            for _ in 0..<(1 + random.below(3)) {
                let row = 1 + random.below(mutated.count - 2)
                var fields = mutated[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[random.below(fields.count)] = random.pick(replacements)
                mutated[row] = fields.joined(separator: ",")
            }
            let name = "m\(trial).csv"
            try space.write(name, mutated.joined(separator: "\n"))
            let output = try space.run(["fit", name, "--validation-days", "5", "--out", "out\(trial)", "--quiet"], deadline: 60)
            #expect(!output.signalled && !output.timedOut, "\(name): signal or hang\n\(output.standardError)")
            #expect([0, 2].contains(output.status), "\(name): exit \(output.status)\n\(output.standardError)")
            if output.status == 2 {
                #expect(!space.exists("out\(trial)"))
                for line in output.standardError.split(separator: "\n") where !line.isEmpty {
                    let located = line.hasPrefix("\(name):") || line.hasPrefix(space.url(name).path + ":")
                    #expect(located, "\(name): unlocated line: \(line)")
                }
            }
        }
        #expect(space.leftovers().isEmpty)
    }
}
