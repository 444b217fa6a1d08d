import ArgumentParser
import Foundation
import OutputKit
import Results
import Scenario
import ScenarioFile

/// `outletsim validate FILE...`: checks scenario files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files without running them.",
        discussion: """
            Reports every problem in every file, each with its file, line:column, \
            key path, what was found and what is allowed. Exits with status 2 \
            when any file has a problem.
            """
    )

    @Argument(help: "Scenario files (YAML).")
    var files: [String]

    @Flag(help: "Print one JSON document: for each file, whether it is valid, the files it reads (its extends chain and arrival trace) and its problems.")
    var json = false

    func run() throws {
        if json { return try runJSON() }
        var failed = false
        for file in files {
            do {
                let scenario = try ScenarioLoader.load(path: file)
                print("\(file): ok — '\(scenario.name)', \(scenario.transactionTypes.count) transaction types, "
                    + "\(scenario.segments.count) segments, \(scenario.windowGroups.count) window groups, "
                    + "\(scenario.intervalCount) intervals of \(Int(scenario.intervalMinutes)) minutes")
                for note in scenario.readingNotes { print(note) }
                for note in scenario.inputsWithoutEffect { print("\(file): note: no effect: \(note)") }
            } catch {
                failed = true
                Diagnostics.printProblems(error.problems)
            }
        }
        if failed { throw ExitCode(2) }
    }

    /// `--json`: what tools that schedule work (the network package) need
    /// to check every scenario first and to key their tasks by all the bytes
    /// a scenario reads.
    func runJSON() throws {
        var failed = false
        var entries: [JSONValue] = []
        for file in files {
            do {
                let (scenario, reads) = try ScenarioLoader.loadWithInputs(path: file)
                entries.append(.object([("file", .string(file)), ("valid", .bool(true)), ("name", .string(scenario.name)),
                                        ("reads", .array(reads.map(JSONValue.string))), ("problems", .array([]))]))
            } catch {
                failed = true
                let problems = error.problems.prefix(Diagnostics.mostPerFile).map { problem in
                    JSONValue.object([("file", .string(problem.file)), ("line", .integer(problem.line)), ("column", .integer(problem.column)),
                                      ("key_path", .string(problem.keyPath)), ("found", .string(problem.found)),
                                      ("allowed", .string(problem.allowed)), ("message", .string(problem.description))])
                }
                entries.append(.object([("file", .string(file)), ("valid", .bool(false)), ("reads", .array([])),
                                        ("problems", .array(Array(problems))), ("problem_count", .integer(error.problems.count))]))
            }
        }
        print(JSONValue.object([("format", .string("outletsim-validation")), ("version", .integer(1)),
                                ("files", .array(entries))]).rendered(), terminator: "")
        if failed { throw ExitCode(2) }
    }
}

/// Problems go to standard error, at most ``mostPerFile`` per file, each
/// file's followed by its count.
enum Diagnostics {
    /// Problems printed per file; the rest are only counted, so that a file
    /// of a million mistakes gives a readable answer.
    static let mostPerFile = 100

    static func printProblems(_ problems: [ScenarioProblem]) {
        var order: [String] = []
        var byFile: [String: [ScenarioProblem]] = [:]
        for problem in problems {
            if byFile[problem.file] == nil { order.append(problem.file) }
            byFile[problem.file, default: []].append(problem)
        }
        var text = ""
        for file in order {
            let all = byFile[file] ?? []
            for problem in all.prefix(mostPerFile) { text += problem.description + "\n" }
            let count = all.count == 1 ? "1 problem" : "\(all.count) problems"
            text += all.count > mostPerFile
                ? "\(file): \(count); the first \(mostPerFile) are shown, \(all.count - mostPerFile) more are not\n"
                : "\(file): \(count)\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
