import ArgumentParser
import Evaluation
import ForecastOutput
import Forecasting
import Foundation
import OutletEngine
import OutputKit
import QueueLog
import Scenario
import ScenarioFile

/// `outletsim forecast LOG.csv`: the walk-ins of the days ahead, from the
/// branch's queue-system log, backtested against the seasonal naive forecasts.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast walk-in demand per day, interval and segment from a queue-system log, with prediction intervals and a backtest.",
        discussion: """
            Fits each open day's walk-ins by a negative-binomial regression (maximum likelihood) \
            on weekday, trend and the calendar's effects (pay days, month end, public holidays and \
            the days around them, named events), and the intraday profile per day type. Every \
            effect is reported with its 95% interval. A rolling-origin backtest over the log's \
            last weeks compares the forecast with the seasonal naive forecasts (same weekday last \
            week; mean of the last four) and says whether it beats them. Writes forecast.csv \
            (80% and 95% prediction intervals), forecast.json and report.html; with --scenario, \
            a scenario variant per forecast day (or per day type) that extends it with the \
            forecast's rates and a day factor. --as-of updates the rest of a day from its \
            morning and, with --scenario, names the intervals that call for a flexible window. \
            Rows that cannot be used are left out with their line and reason, and counted. \
            Docs: docs/forecasting.md.
            """
    )

    @Argument(help: "Queue-system log, CSV (UTF-8) with a header row.")
    var log: String

    @Option(help: "First day to forecast, YYYY-MM-DD (default: the day after the log's last day).")
    var from: String?

    @Option(help: "Days to forecast, 1 to 366.")
    var days = 28

    @Option(help: "Column mapping: canonical, chinese, visit-transactions, ticket-api, or a YAML mapping file.")
    var columns = "canonical"

    @Option(help: ArgumentHelp("Pay days, month end, public holidays and events (YAML; docs/forecasting.md).", valueName: "file"))
    var calendar: String?

    @Option(help: ArgumentHelp("The outlet's scenario: its hours and intervals are used, and a variant of it is written per forecast day.", valueName: "file"))
    var scenario: String?

    @Flag(help: "With --scenario, write one variant per day type (weekday, saturday, sunday) instead of one per day.")
    var perDayType = false

    @Option(help: ArgumentHelp("Update the rest of a day from its log so far: YYYY-MM-DDTHH:MM. Forecasts that day (and --days from it).",
                               valueName: "date-time"))
    var asOf: String?

    @Option(help: "Interval length, minutes: 5 to 240 (default: the scenario's, else 30).")
    var intervalMinutes: Double?

    @Option(help: "Opening time HH:MM (default: the scenario's, else the first ticket's interval).")
    var opens: String?

    @Option(help: "Closing time HH:MM (default: the scenario's, else the end of the last ticket's interval).")
    var closes: String?

    @Option(help: "Weeks at the log's end held out one at a time in the backtest, 1 to 104.")
    var backtestWeeks = 8

    @Option(help: "With --as-of and --scenario: days the updated day is simulated on, 20 to 100000.")
    var replications = 200

    @Option(help: "With --as-of and --scenario: the seed of the simulated days.")
    var seed: UInt64 = 1

    @Flag(help: "Refuse the log if any row cannot be used, instead of leaving such rows out and counting them.")
    var strict = false

    @OptionGroup var threads: ThreadOptions

    @OptionGroup var output: OutputFolderOptions

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard (1...366).contains(days) else { throw ValidationError("--days must be from 1 to 366, found \(days)") }
        guard (1...104).contains(backtestWeeks) else { throw ValidationError("--backtest-weeks must be from 1 to 104, found \(backtestWeeks)") }
        guard (20...100_000).contains(replications) else { throw ValidationError("--replications must be from 20 to 100000, found \(replications)") }
        if let intervalMinutes, !(intervalMinutes.isFinite && (5...240).contains(intervalMinutes)) {
            throw ValidationError("--interval-minutes must be from 5 to 240, found \(intervalMinutes)")
        }
        if let from, LogTime.date(Substring(from)) == nil || from.count > 10 {
            throw ValidationError("--from must be a date YYYY-MM-DD, found '\(from)'")
        }
        if let asOf, Self.moment(asOf) == nil {
            throw ValidationError("--as-of must be a date and time YYYY-MM-DDTHH:MM, found '\(asOf)'")
        }
        if asOf != nil && from != nil { throw ValidationError("--as-of forecasts from its own date; leave out --from") }
        if perDayType && scenario == nil { throw ValidationError("--per-day-type writes scenario variants, so it needs --scenario") }
        for (name, value) in [("--opens", opens), ("--closes", closes)] {
            if let value, FitCommand.clock(value) == nil { throw ValidationError("\(name) must be a time HH:MM, found '\(value)'") }
        }
        if let opens, let closes, let from = FitCommand.clock(opens), let until = FitCommand.clock(closes), until <= from {
            throw ValidationError("--closes must be after --opens, found \(opens) to \(closes)")
        }
        if scenario != nil && (opens != nil || closes != nil || intervalMinutes != nil) {
            throw ValidationError("--scenario gives the hours and intervals; leave out --opens, --closes and --interval-minutes")
        }
    }

    static func moment(_ text: String) -> (date: LogDate, minutes: Double)? {
        guard text.count <= 19, let value = try? LogTime.parse(Substring(text), localOffset: nil), let date = value.date else { return nil }
        return (date, value.minutes)
    }

    func run() throws {
        let stop = Interruption.install()
        let mapping = try ColumnMapping.load(columns)
        let demandCalendar = try calendar.map { path throws(ScenarioProblems) in try DemandCalendar.load(path: path) } ?? DemandCalendar()
        let outlet = try scenario.map { path throws(ScenarioProblems) in try ScenarioLoader.load(path: path) }
        if let outlet, !quiet { ReadingNotes.show([outlet]) }
        var queueLog = try QueueLogReader.load(path: log, mapping: mapping, strict: strict, isStopped: { stop.isRequested })
        if stop.isRequested { throw SimulationStopped(signal: stop.signal) }
        queueLog = queueLog.leavingOutTestTickets(keeping: [])
        guard let lastDate = queueLog.dates.last else {
            FileHandle.standardError.write(Data("\(log): error: the log has no tickets, so there is nothing to forecast from\n".utf8))
            throw ExitCode(2)
        }
        let asOfMoment = asOf.flatMap(Self.moment)
        guard let start = asOfMoment?.date ?? from.flatMap({ LogTime.date(Substring($0)) }) ?? lastDate.adding(days: 1) else {
            FileHandle.standardError.write(Data("\(log): error: the log ends \(lastDate); a forecast must end before 9000-01-01\n".utf8))
            throw ExitCode(2)
        }
        var settings = ForecastSettings(from: start, days: days)
        settings.backtestWeeks = backtestWeeks
        settings.asOf = asOfMoment
        if let outlet {
            settings.intervalMinutes = outlet.intervalMinutes
            settings.opens = outlet.opening
            settings.closes = outlet.closing
        } else {
            settings.intervalMinutes = intervalMinutes ?? 30
            settings.opens = opens.flatMap(FitCommand.clock)
            settings.closes = closes.flatMap(FitCommand.clock)
        }
        if let asOfMoment, !queueLog.dates.contains(asOfMoment.date) {
            FileHandle.standardError.write(Data("\(log): error: --as-of \(asOfMoment.date) has no tickets in the log, so there is no morning to update from\n".utf8))
            throw ExitCode(2)
        }
        if asOfMoment == nil, start <= lastDate {
            FileHandle.standardError.write(Data("\(log): note: --from \(start) is inside the log (it ends \(lastDate)); only the days before \(start) are fitted\n".utf8))
        }
        let stem = ((log as NSString).lastPathComponent as NSString).deletingPathExtension
        let targetPath = output.out ?? ResultsFolder.defaultPath(prefix: "forecast-", name: stem)
        let replacement = output.replacement
        try ResultsFolder.check(targetPath, replacement: replacement)

        let forecast: DemandForecast
        do {
            forecast = try DemandForecast(log: queueLog, calendar: demandCalendar, settings: settings)
        } catch {
            FileHandle.standardError.write(Data("\(log): error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if stop.isRequested { throw SimulationStopped(signal: stop.signal) }
        let folder = try ResultsFolder(target: targetPath, replacement: replacement)
        var calls: FlexibleWindowCalls?
        var variants: [ForecastVariant] = []
        let files: ForecastFiles
        do {
            if let outlet, let scenarioPath = scenario {
                let extends = PlanVariant.relativePath(of: scenarioPath, from: folder.target)
                variants = perDayType ? ForecastVariants.perDayType(forecast, scenario: outlet, extends: extends, logName: stem)
                    : ForecastVariants.perDay(forecast, scenario: outlet, extends: extends, logName: stem)
                for variant in variants { try folder.write(variant.fileName, variant.yaml) }
                // Every variant is read back as `run` will read it before the folder is kept.
                var read: [String: Scenario] = [:]
                for variant in variants { read[variant.fileName] = try ScenarioLoader.load(path: folder.stagedPath(variant.fileName)) }
                if let update = forecast.update, var day = read[ForecastVariants.fileName(update.forecast.date)] {
                    // The windows as planned, flexible ones kept shut: where a target then misses, a flexible window is called for.
                    for group in day.windowGroups.indices { day.windowGroups[group].flexible = nil }
                    let evaluation = try PlanEvaluator(seed: seed, jobs: threads.count, stop: stop).evaluate(day, days: 0..<replications)
                    let first = update.elapsed.firstIndex { $0 < 1 } ?? forecast.history.intervalCount
                    calls = FlexibleWindowCalls(evaluation: evaluation, from: first)
                }
            }
            files = ForecastFiles(forecast: forecast, logFile: log, rowsRead: queueLog.rowsRead, leftOut: queueLog.leftOut,
                                  calendarFile: calendar, calls: calls, version: OutletSim.version)
            try folder.write("forecast.csv", files.csv().rendered())
            try folder.write("forecast.json", files.json().rendered())
            try folder.write("report.html", ForecastReport(files: files).html())
            try folder.commit(replacement: replacement)
        } catch {
            folder.discard()
            throw error
        }
        if !quiet {
            print("Results in \(folder.target.path)\(variants.isEmpty ? "" : "; \(variants.count) scenario variant(s) in scenario-*.yaml").\n")
            print(ForecastSummary(files: files).text())
        }
    }
}
