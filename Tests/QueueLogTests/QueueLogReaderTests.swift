import Foundation
import QueueLog
import ScenarioFile
import Testing

@Suite("Queue-system logs")
struct QueueLogReaderTests {
    static func read(_ text: String, _ mapping: ColumnMapping = .canonical, strict: Bool = false) throws -> QueueLog {
        try QueueLogReader.read(text, file: "log.csv", mapping: mapping, strict: strict)
    }

    /// The problems a strict read reports.
    static func problems(_ text: String, _ mapping: ColumnMapping = .canonical) -> [String] {
        do {
            _ = try read(text, mapping, strict: true)
            return []
        } catch let error as ScenarioProblems {
            return error.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    /// The problems a lenient read refuses the log with.
    static func lenientProblems(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch let error as ScenarioProblems {
            return error.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test("times: HH:MM, seconds and fractions, with dates, zones only with an offset")
    func times() throws {
        #expect(try LogTime.parse("09:05", localOffset: nil).minutes == 545)
        #expect(try LogTime.parse("9:05:30", localOffset: nil).minutes == 545.5)
        #expect(abs(try LogTime.parse("09:05:30.250", localOffset: nil).minutes - (545.5 + 0.25 / 60)) < 1e-12)
        let dated = try LogTime.parse("2026/03/02 17:40:00", localOffset: nil)
        #expect(dated.date == LogDate(year: 2026, month: 3, day: 2) && dated.minutes == 1060)
        // 01:15 UTC is 09:15 in Beijing; 23:30 UTC the day before is 07:30 the next day.
        #expect(try LogTime.parse("2026-03-02T01:15:00Z", localOffset: 480).minutes == 555)
        let crossing = try LogTime.parse("2026-03-01T23:30:00Z", localOffset: 480)
        #expect(crossing.date == LogDate(year: 2026, month: 3, day: 2) && crossing.minutes == 450)
        #expect(throws: LogTime.Failure.zoneWithoutOffset) { try LogTime.parse("2026-03-02T01:15:00+00:00", localOffset: nil) }
        for bad in ["24:00", "09:60", "9", "09:5", "0905", "2026-02-30 09:00", "09:00:61", "-1:00", "09:00:00.", "1e3:00"] {
            #expect(throws: LogTime.Failure.self, "\(bad)") { try LogTime.parse(Substring(bad), localOffset: nil) }
        }
    }

    @Test("dates know their weekdays")
    func weekdays() throws {
        #expect(LogDate(year: 2026, month: 3, day: 2)?.weekday == 1)  // a Monday
        #expect(LogDate(year: 2024, month: 2, day: 29)?.weekday == 4)
        #expect(LogDate(year: 2023, month: 2, day: 29) == nil)
        #expect(LogDate(year: 2026, month: 12, day: 31)?.adding(days: 1) == LogDate(year: 2027, month: 1, day: 1))
    }

    @Test("CSV: quotes, doubled quotes, line breaks in fields, CRLF, a byte-order mark and a trailing empty field")
    func csv() throws {
        let text = "\u{FEFF}ticket,date,issued,called,service_start,service_end,window,transaction,segment,outcome,appointment\r\n"
            + "\"A,1\",2026-03-02,09:00,09:01,09:01,09:05,3,\"say \"\"hi\"\"\nagain\",regular,served,\r\n"
            + "\r\n"
            + "A2,2026-03-02,09:02,09:20,,,,cash,VIP,no_show,\n"
        let log = try Self.read(text)
        #expect(log.tickets.count == 2)
        #expect(log.tickets[0].ticket == "A,1")
        #expect(log.transactions == ["say \"hi\"\nagain", "cash"])
        #expect(log.tickets[0].serviceTime == 4)
        #expect(log.tickets[1].outcome == .noShow && log.tickets[1].waitToCall == 18 && log.tickets[1].window == -1)
        #expect(log.segments == ["regular", "VIP"])
    }

    @Test("every problem is located, names its column and says what is allowed")
    func problems() {
        let header = "ticket,date,issued,called,service_start,service_end,window,transaction,segment,outcome,appointment\n"
        let problems = Self.problems(header
            + "1,2026-03-02,09:00,08:59,,,,cash,regular,no_show,\n"      // called before issued
            + "2,2026-03-02,09:00,09:01,09:02,,1,cash,regular,served,\n"  // served without an end
            + "3,2026-03-02,09:00,,,,,,regular,cancelled,\n"              // no transaction
            + "4,2026-03-02,09:00,,,,,cash,regular,cancelled\n"           // a field short
            + "5,2026-03-02,09:00,,,,,cash,regular,left,\n")              // unknown outcome
        #expect(problems.count == 5, "\(problems)")
        #expect(problems[0].hasPrefix("log.csv:2:20: error: called: found '08:59', before the ticket was issued"))
        #expect(problems[1].hasPrefix("log.csv:3:") && problems[1].contains("service_end") && problems[1].contains("served"))
        #expect(problems[2].hasPrefix("log.csv:4:") && problems[2].contains("transaction: found nothing"))
        #expect(problems[3].hasPrefix("log.csv:5:1: error: found 10 fields; allowed: 11 fields"))
        #expect(problems[4].hasPrefix("log.csv:6:37: error: outcome: found 'left'"))
    }

    @Test("a missing required column names the header expected and suggests the one meant")
    func missingColumn() {
        let problems = Self.problems("ticket,date,isued,transaction,outcome\n1,2026-03-02,09:00,cash,served\n")
        #expect(problems.count == 1)
        #expect(problems.first?.contains("no column 'issued'") == true && problems.first?.contains("did you mean 'isued'") == true,
                "\(problems)")
    }

    @Test("a repeated row is an exact duplicate; rows of a ticket that disagree all conflict; a transfer with another transaction is neither")
    func duplicates() throws {
        let header = "ticket,date,issued,called,service_start,service_end,window,transaction,segment,outcome,appointment\n"
        let transfer = header + "7,2026-03-02,09:00,09:01,09:01,09:03,1,cash,regular,transferred,\n"
            + "7,2026-03-02,09:00,09:04,09:04,09:10,2,loan,regular,served,\n"
        #expect(try Self.read(transfer).tickets.count == 2)
        let twice = header + "7,2026-03-02,09:00,,,,,cash,regular,cancelled,\n" + "7,2026-03-02,9:00:00,,,,,cash, regular ,cancelled,\n"
            + "7,2026-03-02,09:00,09:30,,,,cash,regular,no_show,\n" + "8,2026-03-02,09:01,,,,,cash,regular,cancelled,\n"
            + "9,2026-03-02,09:02,,,,,cash,regular,cancelled,\n" + "10,2026-03-02,09:03,,,,,cash,regular,cancelled,\n"
        #expect(Self.problems(twice).contains { $0.hasPrefix("log.csv:3:1") && $0.contains("line 2 again") }, "\(Self.problems(twice))")
        let log = try Self.read(twice)
        #expect(log.tickets.map(\.line) == [5, 6, 7])
        #expect(log.leftOut.map(\.reason) == [.conflictingDuplicate, .exactDuplicate, .conflictingDuplicate])
        #expect(log.leftOut.map(\.problem.line) == [2, 3, 4])
        #expect(log.rowsRead == 6)
    }

    @Test("messy rows are left out with their line and reason, and the rest is read; most rows unusable refuses the log")
    func messyRows() throws {
        let header = "ticket,date,issued,called,service_start,service_end,window,transaction,segment,outcome,appointment\n"
        var text = header
        for minute in 0..<20 { text += "\(minute),2026/03/02,09:\(10 + minute),09:40,09:40,09:45,1,cash,regular, Served ,\n" }
        text += "30,2026-03-02,09:00,09:01,09:02,,1,cash,regular,served,\n"          // no end
        text += "31,2026-03-02,09:00,09:01,09:05,09:02,1,cash,regular,served,\n"     // end before start
        text += "32,2026-03-02,09:00,09:01,09:02,9999-01-01 09:03,1,cash,regular,served,\n"
        text += "33,2026-03-02,09:00,,,,,,regular,cancelled,\n"
        text += "34,2026-03-02,09:00,,,,,\(String(repeating: "x", count: 300)),regular,cancelled,\n"
        text += "35,2026-03-02,09:00,,,,,cash\u{7},regular,cancelled,\n"
        let log = try Self.read(text)
        #expect(log.tickets.count == 20)
        #expect(log.leftOut.map(\.reason) == [.missingTime, .timesOutOfOrder, .timeOnAnotherDay, .missingName, .unusableName, .unusableName])
        #expect(log.leftOut.map(\.problem.line) == Array(22...27))
        #expect(log.leftOut.allSatisfy { $0.segment == "regular" && $0.issued == 540 })
        #expect(log.transactions == ["cash"])
        #expect(throws: ScenarioProblems.self) { try Self.read(text, strict: true) }
        let mostlyBad = header + "1,2026-03-02,09:00,,,,,,regular,cancelled,\n2,2026-03-02,09:00,,,,,,regular,cancelled,\n"
            + "3,2026-03-02,09:00,,,,,cash,regular,cancelled,\n"
        #expect(Self.lenientProblems(mostlyBad).first?.contains("2 of 3 rows unusable (2 missing_name)") == true, "\(Self.lenientProblems(mostlyBad))")
    }

    @Test("a runaway field or row is refused at its place without being held whole")
    func runawayField() {
        let long = "ticket,issued,transaction,outcome\n1,\(String(repeating: "9", count: 100_000)),cash,served\n"
        #expect(Self.lenientProblems(long).first?.hasPrefix("log.csv:2:3: error: found a field of more than 4096 characters") == true)
        let quoted = "ticket,issued,transaction,outcome\n\"1,\(String(repeating: "a", count: 100_000))\n"
        #expect(Self.lenientProblems(quoted).first?.hasPrefix("log.csv:2:1: error: found a field of more than 4096") == true)
        let wide = "ticket,issued,transaction,outcome\n" + String(repeating: "1,", count: 5000) + "\n"
        #expect(Self.lenientProblems(wide).first?.contains("more than 1000 fields") == true)
    }

    @Test("staff test tickets: a handful of a rare transaction outside opening hours, unless kept")
    func testTickets() throws {
        var text = "ticket,date,issued,transaction,segment,outcome\n"
        for number in 0..<400 { text += "\(number),2026-03-0\(2 + number % 3),\(9 + number % 8):\(10 + number % 50),cash,regular,cancelled\n" }
        text += "900,2026-03-02,07:12,test,regular,cancelled\n900,2026-03-03,07:15,test,regular,cancelled\n"
        text += "901,2026-03-02,12:00,rare,regular,cancelled\n"
        let log = try Self.read(text)
        #expect(log.testTransactions.map { log.transactions[$0] } == ["test"])
        let cleaned = log.leavingOutTestTickets(keeping: [])
        #expect(cleaned.tickets.count == 401 && cleaned.transactions == ["cash", "rare"])
        #expect(cleaned.leftOut.map(\.reason) == [.testTicket, .testTicket])
        #expect(log.leavingOutTestTickets(keeping: ["test"]).tickets.count == 403)
    }

    @Test("ready mappings read the usual exports: Chinese headers, visit transactions with outcome ids, ticket APIs in UTC")
    func readyMappings() throws {
        let chinese = "排队号,日期,取号时间,叫号时间,开始办理时间,办结时间,窗口号,业务类型,客户类别,状态\n"
            + "A001,2026-03-02,09:00:05,09:03:00,09:03:10,09:08:00,3,取款,普通,已办结\n"
            + "A002,2026-03-02,09:01:00,09:20:00,,,,取款,普通,过号\n"
        let log = try Self.read(chinese, try #require(ColumnMapping.named("chinese")))
        #expect(log.tickets.map(\.outcome) == [.served, .noShow])
        #expect(log.transactions == ["取款"] && log.windows == ["3"])

        // No service start: the call stands in; dates ride on the times; ids for outcomes; semicolons.
        let visits = "visit_id;created;call_time;end_time;service_point;service;customer_category;outcome\n"
            + "11;2026-03-03 10:00:00;2026-03-03 10:04:00;2026-03-03 10:10:00;Counter 2;Loans;Gold;1\n"
            + "12;2026-03-03 10:01:00;2026-03-03 10:30:00;;;Loans;Gold;2\n"
            + "13;2026-03-03 10:02:00;;;;Loans;Gold;9\n"
        let visitLog = try Self.read(visits, try #require(ColumnMapping.named("visit-transactions")))
        #expect(visitLog.tickets.map(\.outcome) == [.served, .noShow, .cancelled])
        #expect(visitLog.tickets[0].serviceStart == 604 && visitLog.tickets[0].serviceTime == 6)
        #expect(visitLog.dates == [LogDate(year: 2026, month: 3, day: 3)].compactMap { $0 })

        var api = try #require(ColumnMapping.named("ticket-api"))
        let apiLog = "id,createdAt,calledAt,servedAt,completedAt,counterId,serviceName,customerType,status\n"
            + "t1,2026-03-02T01:00:00Z,2026-03-02T01:05:00Z,2026-03-02T01:05:30Z,2026-03-02T01:12:00Z,c1,cards,retail,COMPLETED\n"
        #expect(Self.problems(apiLog, api).first?.contains("local_offset") == true)
        api.localOffset = 480
        let read = try Self.read(apiLog, api)
        #expect(read.tickets[0].issued == 540 && read.tickets[0].serviceTime == 6.5)
    }

    @Test("a mapping file: its keys, columns and outcomes are checked and located")
    func mappingFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("queue-log-mapping-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.yaml")
        try "extends: canonical\ncolumns: { issued: Taken, outcome: Result }\noutcomes: { OK: served, GONE: no_show }\ndelimiter: tab\nlocal_offset: \"+08:00\"\n"
            .write(to: good, atomically: true, encoding: .utf8)
        let mapping = try ColumnMapping.load(good.path)
        #expect(mapping.columns[.issued] == "Taken" && mapping.outcome("gone") == .noShow && mapping.delimiter == "\t")
        #expect(mapping.localOffset == 480)
        let bad = folder.appendingPathComponent("bad.yaml")
        try "columns:\n  issued: Taken\n  isued: X\noutcomes: { OK: done }\ncolour: red\n".write(to: bad, atomically: true, encoding: .utf8)
        do {
            _ = try ColumnMapping.load(bad.path)
            Issue.record("a bad mapping was accepted")
        } catch let error as ScenarioProblems {
            let text = error.problems.map(\.description)
            #expect(text.contains { $0.contains("bad.yaml:3:3: error: columns: found the column 'isued'") }, "\(text)")
            #expect(text.contains { $0.contains("outcomes.OK: found 'done'") }, "\(text)")
            #expect(text.contains { $0.contains("found the key 'colour'") }, "\(text)")
        } catch {
            Issue.record("\(error)")
        }
        #expect(throws: ScenarioProblems.self) { try ColumnMapping.load(folder.appendingPathComponent("missing.yaml").path) }
    }
}
