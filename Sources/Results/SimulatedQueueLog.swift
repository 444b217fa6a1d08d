import Foundation
import OutletEngine
import OutputKit
import QueueLog
import Scenario

/// `queue-log.csv` of `run --queue-log`: the simulated days as the branch's
/// ticket machine would have logged them, in the canonical columns that
/// `outletsim fit` reads (docs/queue-logs.md). A known scenario can so be
/// turned into a log and fitted back.
///
/// Only ticket holders appear (the machine never sees balkers, kiosk users
/// or those the greeter helped). Day d is dated the d-th weekday from
/// Monday 2026-01-05. A customer who gave up is logged `cancelled`, with no
/// call and the time they left (`left`), as ticket apps and machines that
/// purge abandoned tickets log them: when the customer left is known to
/// the simulation, and a call time made up for them would not be.
/// Appointments keep their priority in the simulation, but the log has no
/// booked times: the appointment column is empty.
public enum SimulatedQueueLog {
    public static let firstDate = LogDate(year: 2026, month: 1, day: 5)

    /// The date of simulated day `day`: weekdays only, from ``firstDate``.
    public static func date(ofDay day: Int) -> LogDate? {
        guard let first = firstDate else { return nil }
        return first.adding(days: day / 5 * 7 + day % 5)
    }

    /// One day's ticket holders as log rows, by ticket time.
    public static func table(_ records: [CustomerRecord], scenario: Scenario) -> CSVTable {
        var table = CSVTable(header: CanonicalColumn.allCases.map(\.rawValue))
        let holders = records.filter { !$0.ticket.isNaN }.sorted { ($0.ticket, $0.customer) < ($1.ticket, $1.customer) }
        guard let day = holders.first?.day, let date = date(ofDay: day) else { return table }
        func clock(_ minutes: Double) -> String {
            guard minutes.isFinite else { return "" }
            let seconds = Int((minutes * 60).rounded())
            let days = seconds / 86_400, rest = seconds % 86_400
            let time = String(format: "%02d:%02d:%02d", rest / 3600, rest / 60 % 60, rest % 60)
            guard days > 0, let later = date.adding(days: days) else { return time }
            return "\(later) \(time)"
        }
        for (number, record) in holders.enumerated() {
            var outcome = "", called = Double.nan, start = Double.nan, end = Double.nan, window = "", left = Double.nan
            switch record.outcome {
            case .servedAtCounter:
                outcome = TicketOutcome.served.rawValue
                (called, start, end) = (record.call, record.serviceStart, record.serviceEnd)
                window = record.window >= 0 ? String(record.window + 1) : ""
            default:
                // A leaver's ticket is cancelled when they leave, as a
                // ticket app or the machine's purge logs it.
                outcome = TicketOutcome.cancelled.rawValue
                left = record.exit
            }
            table.append([String(format: "T%04d", number + 1), date.description, clock(record.ticket), clock(called), clock(start),
                          clock(end), window, scenario.transactionTypes[record.transactionType].name,
                          scenario.segments[record.segment].name, outcome, "", clock(left)])
        }
        return table
    }
}

/// Streams `queue-log.csv` into a results folder day by day.
public struct QueueLogWriter {
    let scenario: Scenario
    let folder: ResultsFolder
    let handle: FileHandle

    public init(folder: ResultsFolder, scenario: Scenario) throws(ResultsFolder.Failure) {
        self.scenario = scenario
        self.folder = folder
        handle = try folder.create("queue-log.csv")
        try folder.append(CSVTable(header: CanonicalColumn.allCases.map(\.rawValue)).renderedHeader(), to: handle)
    }

    /// Appends one day's ticket holders; days must come in day order.
    public func append(_ records: [CustomerRecord]) throws(ResultsFolder.Failure) {
        try folder.append(SimulatedQueueLog.table(records, scenario: scenario).renderedRows(), to: handle)
    }

    public func close() { try? handle.close() }
}
