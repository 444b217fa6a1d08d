import Foundation
import Testing
import CommandTesting

/// Every number from a file or the command line is range-checked before it
/// is converted: extreme values give exit 2 with a located message, never a
/// trap.
@Suite("Hostile numbers")
struct NumberRangeTests {
    struct Edit: CustomTestStringConvertible, Sendable {
        let old: String, new: String, key: String
        var testDescription: String { "\(key) ← \(new)" }
    }

    static let fileEdits: [Edit] = [
        Edit(old: "interval_minutes: 30", new: "interval_minutes: 1e19", key: "outlet.interval_minutes"),
        Edit(old: "interval_minutes: 30", new: "interval_minutes: -1e308", key: "outlet.interval_minutes"),
        Edit(old: "max_overtime_minutes: 90", new: "max_overtime_minutes: 9.3e18", key: "outlet.max_overtime_minutes"),
        Edit(old: "wait_targets: [5, 10, 15]", new: "wait_targets: [5, 1e19]", key: "wait_targets[1]"),
        Edit(old: "wait_targets: [5, 10, 15]", new: "wait_targets: [5, 9223372036854775807]", key: "wait_targets[1]"),
        Edit(old: "minutes: 10, at_least: 0.7", new: "minutes: 1e19, at_least: 0.7", key: "targets[0].minutes"),
        Edit(old: "minutes: 10, at_least: 0.7", new: "minutes: .inf, at_least: 0.7", key: "targets[0].minutes"),
        Edit(old: "at_least: 0.7", new: "at_least: 2", key: "targets[0].at_least"),
        Edit(old: "at_most: 20", new: "at_most: 1e19", key: "targets[2].at_most"),
        Edit(old: "factor: 1.3 }", new: "factor: 1e19 }", key: "arrivals.peaks[0].factor"),
        Edit(old: "factor: 1.3 }", new: "factor: 1e6 }", key: "arrivals.peaks[0].factor"),
        Edit(old: "\"09:00\": 58,", new: "\"09:00\": 1e19,", key: "arrivals.per_hour"),
        Edit(old: "\"09:00\": 58,", new: "\"09:00\": .nan,", key: "arrivals.per_hour"),
        Edit(old: "gamma(mean=3, sd=1.5)", new: "gamma(mean=1e19, sd=1.5)", key: "transactions.取款.counter_service"),
        Edit(old: "gamma(mean=3, sd=1.5)", new: "erlang(k=1e19, mean=3)", key: "transactions.取款.counter_service"),
        Edit(old: "gamma(mean=3, sd=1.5)", new: "empirical(values=[1e19], weights=[1])", key: "transactions.取款.counter_service"),
        Edit(old: "gamma(mean=3, sd=1.5)", new: "uniform(min=0, max=1e300)", key: "transactions.取款.counter_service"),
        Edit(old: "share: 0.72", new: "share: 1e400", key: "segments.regular.share"),
        Edit(old: "closes: \"17:00\"", new: "closes: \"99999999999999999999:00\"", key: "outlet.closes"),
        Edit(old: "group_size: empirical(values=[1, 2], weights=[0.85, 0.15])", new: "group_size: 1e12",
             key: "group_size"),
        Edit(old: "group_size: empirical(values=[1, 2], weights=[0.85, 0.15])", new: "group_size: 500",
             key: "group_size"),
    ]

    @Test("an extreme number in the file is a located error, exit 2", arguments: fileEdits)
    func fileNumbers(_ edit: Edit) throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday([(edit.old, edit.new)]))
        for command in [["validate", "w.yaml"], ["run", "w.yaml", "--replications", "2", "--quiet"], ["check", "w.yaml", "--replications", "2"]] {
            let output = try space.run(command, deadline: 60)
            expectLocated(output, in: "w.yaml", mentioning: edit.key)
        }
        #expect(!space.exists("results"))
    }

    static let options: [[String]] = [
        ["run", "w.yaml", "--replications", "9223372036854775807"],
        ["run", "w.yaml", "--replications", "99999999999999999999"],
        ["run", "w.yaml", "--replications", "1e9"],
        ["run", "w.yaml", "--replications", "-5"],
        ["run", "w.yaml", "--jobs", "9223372036854775807"],
        ["run", "w.yaml", "--wait-targets", "1e19"],
        ["run", "w.yaml", "--wait-targets", "9223372036854775807"],
        ["run", "w.yaml", "--wait-targets", "5,,10"],
        ["run", "w.yaml", "--wait-targets", ""],
        ["run", "w.yaml", "--wait-targets", "nan"],
        ["run", "w.yaml", "--precision", "wait_mean=1e300"],
        ["run", "w.yaml", "--precision", "wait_mean=0.1", "--max-replications", "9223372036854775807"],
        ["run", "w.yaml", "--seed", "-1"],
        ["check", "w.yaml", "--replications", "9223372036854775807"],
        ["check", "w.yaml", "--budget", "1e300"],
        ["compare", "w.yaml", "w.yaml", "--replications", "9223372036854775807"],
        ["optimize", "w.yaml", "--search-days", "9223372036854775807"],
        ["optimize", "w.yaml", "--validation-days", "9223372036854775807"],
        ["optimize", "w.yaml", "--max-evaluations", "9223372036854775807"],
        ["optimize", "w.yaml", "--budget", "1e300"],
        ["theory", "--days", "9223372036854775807"],
    ]

    @Test("an extreme number on the command line is a usage error, exit 2, before anything runs", arguments: options)
    func optionNumbers(_ arguments: [String]) throws {
        let space = try Workspace()
        try space.write("w.yaml", Workspace.weekday())
        let output = try space.run(arguments, deadline: 30)
        expectExit(output, 2)
        #expect(!space.exists("results"))
    }
}
