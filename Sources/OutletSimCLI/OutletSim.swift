import ArgumentParser
import Evaluation
import Foundation
import OutletEngine
import Optimizer
import OptimizerOutput
import OutputKit
import Results
import ScenarioFile

/// The `outletsim` command.
@main
struct OutletSim: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "outletsim",
        abstract: "Simulate service outlets (bank branches, business halls, service centres) to plan staffing and layout.",
        discussion: """
            Exit status: 0 success; 1 a target failed (check, optimize) or a value fell \
            outside its theory interval (theory); 2 bad input \
            (a scenario file, an option or a path); 3 a file could not be read or \
            written; 130 or 143 interrupted by SIGINT or SIGTERM, with nothing written.
            """,
        version: version,
        subcommands: [RunCommand.self, CheckCommand.self, CompareCommand.self, OptimizeCommand.self, FitCommand.self, ForecastCommand.self, MergeCommand.self, StudioCommand.self, ValidateCommand.self, SchemaCommand.self, TheoryCommand.self]
    )

    /// Parses and runs a command, giving every failure its documented exit
    /// status (``ExitStatus``) and a message in OutletSim's words.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
            try command.run()
        } catch {
            Foundation.exit(status(for: error))
        }
        Foundation.exit(0)
    }

    /// Help and version exit 0 as usual (a subcommand's help arrives from
    /// `run()`); a usage error is bad input; the rest are OutletSim's own.
    static func status(for error: Error) -> Int32 {
        switch exitCode(for: error) {
        case .success:
            exit(withError: error)
        case .validationFailure where !(error is ValidationError):
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            return ExitStatus.badInput
        default:
            return ExitStatus.report(error)
        }
    }
}

/// The exit statuses of every command; the README lists them.
enum ExitStatus {
    static let targetsFailed: Int32 = 1
    static let badInput: Int32 = 2
    static let inputOutput: Int32 = 3

    /// Prints `error` (unless it was already explained) and returns its status.
    static func report(_ error: Error) -> Int32 {
        func say(_ text: String) { FileHandle.standardError.write(Data("outletsim: \(text)\n".utf8)) }
        switch error {
        case let code as ExitCode:
            return code.rawValue
        case let problems as ScenarioProblems:
            Diagnostics.printProblems(problems.problems)
            return badInput
        case let refusal as MergeCommand.Refusal:
            FileHandle.standardError.write(Data("\(refusal.description)\n".utf8))
            return badInput
        case let plans as IncomparablePlans:
            say(plans.description)
            return badInput
        case let failure as OptimizerError:
            // The scenario's shifts cannot staff it: a problem of the input.
            say(failure.description)
            return badInput
        case let failure as ResultsFolder.Failure:
            say(failure.description)
            return failure.exitStatus
        case let failure as OutputFile.Failure:
            say(failure.description)
            return failure.exitStatus
        case let stopped as SimulationStopped:
            say("interrupted; no results were written")
            return 128 + (stopped.signal ?? SIGINT)
        case let usage as ValidationError:
            say(usage.message)
            return badInput
        case let error as CocoaError:
            say("cannot read or write \(error.filePath ?? "a file"): \(error.localizedDescription)")
            return inputOutput
        default:
            say("\(error)")
            return inputOutput
        }
    }
}
