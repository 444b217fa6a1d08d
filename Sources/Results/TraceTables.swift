import Foundation
import OutletEngine
import OutputKit
import Scenario

/// `customers.csv` (one row per customer, Ciw-style) and `events.csv` (one
/// row per touchpoint, in time order), written with `--trace`.
public enum TraceTables {
    static func time(_ minutes: Double) -> String { CSVTable.cell(minutes) }

    public static func customers(_ records: [CustomerRecord], scenario: Scenario) -> CSVTable {
        var table = CSVTable(header: ["day", "customer", "segment", "transaction", "appointment", "arrival", "triage_end",
                                      "kiosk_start", "kiosk_end", "ticket", "call", "service_start", "service_end", "exit",
                                      "window_group", "window", "kiosk_type", "outcome", "fallback", "passed_over", "seated",
                                      "wait", "guide_asked", "guide_wait_end", "assist_end", "greeter_wait"])
        for record in records {
            table.append([String(record.day), String(record.customer), scenario.segments[record.segment].name,
                          scenario.transactionTypes[record.transactionType].name, record.hasAppointment ? "true" : "false",
                          time(record.arrival), time(record.triageEnd), time(record.kioskStart), time(record.kioskEnd),
                          time(record.ticket), time(record.call), time(record.serviceStart), time(record.serviceEnd),
                          time(record.exit),
                          record.windowGroup >= 0 ? scenario.windowGroups[record.windowGroup].name : "",
                          record.window >= 0 ? String(record.window) : "",
                          record.kioskType >= 0 ? scenario.selfService.kioskTypes[record.kioskType].name : "",
                          record.outcome.description, record.fallback.description, String(record.passedOver),
                          record.seated ? "true" : "false", time(record.waitForCounter), time(record.guideAsked),
                          time(record.guideWaitEnd), time(record.assistEnd), time(record.greeterWait)])
        }
        return table
    }

    public static func events(_ records: [CustomerRecord]) -> CSVTable {
        var rows: [(day: Int, time: Double, customer: Int, order: Int, event: String)] = []
        for record in records {
            let touchpoints: [(String, Double)] = [("arrival", record.arrival), ("triage_end", record.triageEnd),
                                                   ("guide_asked", record.guideAsked),
                                                   (record.wasHelped ? "assist_start" : "guide_given_up", record.guideWaitEnd),
                                                   ("assist_end", record.assistEnd), ("kiosk_start", record.kioskStart), ("kiosk_end", record.kioskEnd),
                                                   ("ticket", record.ticket), ("call", record.call),
                                                   ("service_start", record.serviceStart), ("service_end", record.serviceEnd),
                                                   ("exit_\(record.outcome)", record.exit)]
            for (order, (event, time)) in touchpoints.enumerated() where !time.isNaN {
                rows.append((record.day, time, record.customer, order, event))
            }
        }
        rows.sort { ($0.day, $0.time, $0.customer, $0.order) < ($1.day, $1.time, $1.customer, $1.order) }
        var table = CSVTable(header: ["day", "time", "customer", "event"])
        for row in rows { table.append([String(row.day), time(row.time), String(row.customer), row.event]) }
        return table
    }
}

/// Streams `customers.csv` and `events.csv` into a results folder day by
/// day, so that a trace of many days never sits in memory.
public struct TraceWriter {
    let scenario: Scenario
    let folder: ResultsFolder
    let customers: FileHandle
    let events: FileHandle

    /// Creates both files with their headers.
    public init(folder: ResultsFolder, scenario: Scenario) throws(ResultsFolder.Failure) {
        self.scenario = scenario
        self.folder = folder
        customers = try folder.create("customers.csv")
        events = try folder.create("events.csv")
        try folder.append(TraceTables.customers([], scenario: scenario).renderedHeader(), to: customers)
        try folder.append(TraceTables.events([]).renderedHeader(), to: events)
    }

    /// Appends one day's customers; days must come in day order.
    public func append(_ records: [CustomerRecord]) throws(ResultsFolder.Failure) {
        try folder.append(TraceTables.customers(records, scenario: scenario).renderedRows(), to: customers)
        try folder.append(TraceTables.events(records).renderedRows(), to: events)
    }

    /// Closes both files.
    public func close() {
        try? customers.close()
        try? events.close()
    }
}

extension ResultsFolder {
    /// Appends `text` to a file this folder created, for files written day by day.
    func append(_ text: String, to handle: FileHandle) throws(Failure) {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw .cannotWrite(target.path, error.localizedDescription)
        }
    }
}
