import ArgumentParser
import Calibration
import FitOutput
import Foundation
import OutletEngine
import OutputKit
import QueueLog
import Report
import Results
import Scenario
import ScenarioFile

/// `outletsim fit LOG.csv`: a scenario calibrated from the branch's
/// queue-system log, and a check that it reproduces the branch.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a scenario to a queue-system log (one row per ticket) and check that it reproduces the branch.",
        discussion: """
            Rows that cannot be used (duplicates, missing or reversed times, unknown outcomes, \
            staff test tickets) are left out with their line and reason and counted (--strict \
            refuses the log instead). Estimates arrivals per interval and segment, service times \
            per transaction type and the walk from the call to the window (exponential, \
            lognormal, gamma and Weibull by maximum likelihood, chosen by AIC, the empirical \
            distribution when none passes Kolmogorov-Smirnov), patience of any of those shapes by \
            censored maximum likelihood from every walk-in's wait (those who left uncalled \
            included), the transaction mix, the windows open per interval (idle windows are \
            open) and the calling order, each with a 95% interval. Then simulates the fitted \
            scenario with the staffing as observed and compares the mean wait, its 90th \
            percentile and abandonment with the log's on held-out days, for the day, each \
            segment and each interval. Writes scenario.yaml, fit.json and report.html. \
            Columns: docs/queue-logs.md.
            """
    )

    @Argument(help: "Queue-system log, CSV (UTF-8) with a header row.")
    var log: String

    @Option(help: "Column mapping: canonical, chinese, visit-transactions, ticket-api, or a YAML mapping file.")
    var columns = "canonical"

    @Option(help: "Interval length for rates and staffing, minutes: 5 to 240.")
    var intervalMinutes: Double = 30

    @Option(help: "Days to fit: all, weekday, saturday, sunday or weekend.")
    var dayType = "all"

    @Option(help: "Opening time HH:MM (default: the first ticket's interval).")
    var opens: String?

    @Option(help: "Closing time HH:MM (default: the end of the last ticket's interval).")
    var closes: String?

    @Option(help: "Seed of the bootstrap resamples and of the back-validation's simulated days.")
    var seed: UInt64 = 1

    @Option(help: "Days the fitted scenario is simulated on to compare with the log, 2 to 100000.")
    var validationDays = 200

    @Option(help: "Share of the days (the last ones) held out of the fit and validated against, 0 to 0.5; used when that is at least 20 days.")
    var holdout = 0.2

    @Option(help: ArgumentHelp("The branch's window sign-in log (CSV: date, time, window, event: sign_in, sign_out, pause, resume); windows are then open while signed in.",
                               valueName: "file"))
    var sessions: String?

    @Flag(help: "Refuse the log if any row cannot be used, instead of leaving such rows out and counting them.")
    var strict = false

    @Option(help: ArgumentHelp("Transactions to keep although they look like staff test tickets (a handful, mostly outside opening hours); comma-separated.",
                               valueName: "names"))
    var keepTransactions: String?

    @OptionGroup var threads: ThreadOptions

    @OptionGroup var output: OutputFolderOptions

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Only read the log, the column mapping and the sessions as the fit does, report their problems and stop; writes nothing.")
    var validateOnly = false

    func validate() throws {
        guard intervalMinutes.isFinite, (5...240).contains(intervalMinutes) else {
            throw ValidationError("--interval-minutes must be from 5 to 240, found \(intervalMinutes)")
        }
        guard DayType(rawValue: dayType) != nil else {
            throw ValidationError("--day-type must be one of \(DayType.allCases.map(\.rawValue).joined(separator: ", ")), found '\(dayType)'")
        }
        guard holdout.isFinite, (0...0.5).contains(holdout) else {
            throw ValidationError("--holdout must be from 0 to 0.5, found \(holdout)")
        }
        guard (2...100_000).contains(validationDays) else {
            throw ValidationError("--validation-days must be from 2 to 100000, found \(validationDays)")
        }
        for (name, value) in [("--opens", opens), ("--closes", closes)] {
            if let value, Self.clock(value) == nil { throw ValidationError("\(name) must be a time HH:MM, found '\(value)'") }
        }
        if let opens, let closes, let from = Self.clock(opens), let until = Self.clock(closes), until <= from {
            throw ValidationError("--closes must be after --opens, found \(opens) to \(closes)")
        }
    }

    static func clock(_ text: String) -> Double? {
        guard let value = try? LogTime.parse(Substring(text), localOffset: nil), value.date == nil else { return nil }
        return value.minutes
    }

    func run() throws {
        let stop = Interruption.install()
        let mapping = try ColumnMapping.load(columns)
        let keep = Set((keepTransactions ?? "").split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) })
        var queueLog = try QueueLogReader.load(path: log, mapping: mapping, strict: strict, isStopped: { stop.isRequested })
        if stop.isRequested { throw SimulationStopped(signal: stop.signal) }
        queueLog = queueLog.leavingOutTestTickets(keeping: keep)
        let windowSessions = try sessions.map { path throws(ScenarioProblems) in try WindowSessions.load(path: path, mapping: mapping.sessions) }
        if validateOnly {
            // What the fit would refuse before estimating anything.
            let type = DayType(rawValue: dayType) ?? .all
            var problem: FitError?
            if !queueLog.dates.contains(where: { type.includes($0) }) {
                problem = .noDays(type, available: Set(queueLog.dates.map { DayType.of($0).rawValue }).sorted().joined(separator: ", "))
            } else if !queueLog.tickets.contains(where: { $0.window >= 0 && !$0.serviceEnd.isNaN }) {
                problem = .noServedTickets
            }
            if let problem {
                FileHandle.standardError.write(Data("\(log): error: \(problem)\n".utf8))
                throw ExitCode(2)
            }
            let days = Set(queueLog.tickets.map(\.day)).count
            print("\(log): ok — \(queueLog.rowsRead) rows read, \(queueLog.tickets.count) tickets on \(days) days, "
                + "\(queueLog.leftOut.count) rows left out")
            return
        }
        var settings = FitSettings()
        settings.intervalMinutes = intervalMinutes
        settings.dayType = DayType(rawValue: dayType) ?? .all
        settings.opens = opens.flatMap(Self.clock)
        settings.closes = closes.flatMap(Self.clock)
        settings.seed = seed
        settings.validationDays = validationDays
        settings.holdout = holdout
        settings.jobs = threads.count
        settings.stop = stop
        let stem = ((log as NSString).lastPathComponent as NSString).deletingPathExtension
        let targetPath = output.out ?? ResultsFolder.defaultPath(prefix: "fit-", name: stem)
        let replacement = output.replacement
        try ResultsFolder.check(targetPath, replacement: replacement)

        let fit: OutletFit
        do {
            fit = try OutletFit(log: consume queueLog, settings: settings, sessions: windowSessions)
        } catch let error as FitError {
            FileHandle.standardError.write(Data("\(log): error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let scenarioPath = URL(fileURLWithPath: targetPath).appendingPathComponent("scenario.yaml").path
        let fitted: FittedScenario
        do {
            fitted = try FittedScenario(fit, name: ResultsFolder.safeComponent(stem + "-fitted"), file: scenarioPath)
        } catch let problems as ScenarioProblems {
            // The log asks for more than a scenario may hold (e.g. over 100,000 arrivals an hour).
            let reasons = problems.problems.map { "\($0.keyPath): found \($0.found); allowed: \($0.allowed)" }.joined(separator: "; ")
            FileHandle.standardError.write(Data("\(log): error: the fitted scenario is outside OutletSim's limits: \(reasons)\n".utf8))
            throw ExitCode(2)
        }
        let validation = try BackValidation(fit: fit, scenario: fitted.scenario)
        let files = FitFiles(fit: fit, fitted: fitted, validation: validation, version: OutletSim.version)

        let folder = try ResultsFolder(target: targetPath, replacement: replacement)
        do {
            try folder.write("scenario.yaml", fitted.yaml)
            try folder.write("fit.json", files.json().rendered())
            try folder.write("report.html", FitReport(files: files).html())
            try folder.commit(replacement: replacement)
        } catch {
            folder.discard()
            throw error
        }
        if !quiet {
            // The verdict comes last, where the eye lands.
            print("Results in \(folder.target.path); run the fitted branch with `outletsim run \(folder.target.appendingPathComponent("scenario.yaml").path)`.\n")
            print(FitSummary(files: files).text())
        }
    }
}
