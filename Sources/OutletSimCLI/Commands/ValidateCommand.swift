import ArgumentParser
import Foundation
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

    func run() throws {
        var failed = false
        for file in files {
            do {
                let scenario = try ScenarioLoader.load(path: file)
                print("\(file): ok — '\(scenario.name)', \(scenario.transactionTypes.count) transaction types, "
                    + "\(scenario.segments.count) segments, \(scenario.windowGroups.count) window groups, "
                    + "\(scenario.intervalCount) intervals of \(Int(scenario.intervalMinutes)) minutes")
            } catch {
                failed = true
                Diagnostics.printProblems(error.problems)
            }
        }
        if failed { throw ExitCode(2) }
    }
}

/// Problems go to standard error with a count.
enum Diagnostics {
    static func printProblems(_ problems: [ScenarioProblem]) {
        let text = problems.map(\.description).joined(separator: "\n")
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        FileHandle.standardError.write(Data("\(text)\n\(problems.first?.file ?? ""): \(count)\n".utf8))
    }
}
