import ArgumentParser
import Foundation
import OutputKit
import Replications
import Results

/// Threads, for every command that simulates. Results never depend on it.
struct ThreadOptions: ParsableArguments {
    @Option(help: "Threads to use, 1 to 1024 (default: all cores); results are the same for any number.")
    var jobs: Int?

    /// The threads to use: `--jobs`, or every core.
    var count: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let jobs, !(1...1_024).contains(jobs) { throw ValidationError("--jobs must be from 1 to 1024, found \(jobs)") }
    }
}

/// Where a results folder goes, for run, compare and optimize.
struct OutputFolderOptions: ParsableArguments {
    @Option(help: "Results folder (default: a folder under results/ named after the scenario). An existing one is replaced only with --force, and only if OutletSim wrote it.")
    var out: String?

    @Flag(help: "Replace the --out folder if it is an OutletSim results folder.")
    var force = false

    /// What may be replaced at the target: OutletSim's own default folder, or a named one with --force.
    var replacement: ResultsFolder.Replacement { out == nil ? .ownDefault : .named(force: force) }
}

/// `--precision METRIC=HALFWIDTH`: a day metric's name and the 95% half-width to reach, e.g. wait_p90=0.5.
extension PrecisionGoal: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }

    public var defaultValueDescription: String { description }
}
