import Foundation
import QueueLog
import Scenario
import ScenarioFile

/// The fitted scenario as YAML, every value commented with its evidence,
/// and the Scenario it reads back as (the reader's checks are the proof
/// that the file is valid).
public struct FittedScenario: Sendable {
    public let yaml: String
    public let scenario: Scenario
    /// Window group names, in the order of ``ObservedStaffing/groups``.
    public let groupNames: [String]

    /// Writes and reads back the scenario of `fit`; `file` names it in problems.
    public init(_ fit: OutletFit, name: String, file: String) throws {
        let log = fit.log
        let q = ScenarioText.quoted
        let starts = (0..<fit.intervalCount).map { fit.opening + Double($0) * fit.settings.intervalMinutes }
        func n(_ value: Double) -> String { ScenarioText.number(value) }
        func interval(_ estimate: IntervalEstimate, unit: String = "") -> String {
            "\(n(estimate.value))\(unit) [\(n(estimate.low)), \(n(estimate.high))]"
        }
        func percent(_ estimate: IntervalEstimate) -> String {
            String(format: "%.1f%% [%.1f, %.1f]", 100 * estimate.value, 100 * estimate.low, 100 * estimate.high)
        }
        let dates = fit.days.map { log.dates[$0] }
        var y = """
            # Fitted by `outletsim fit` from \((log.file as NSString).lastPathComponent): \(fit.tickets.count) tickets on \(dates.count) \
            \(fit.settings.dayType == .all ? "" : fit.settings.dayType.rawValue + " ")day(s), \(dates.first.map(String.init(describing:)) ?? "") \
            to \(dates.last.map(String.init(describing:)) ?? "").
            # Each value is a maximum-likelihood or mean estimate; the comments give
            # the evidence with 95% intervals, and fit.json has every estimate.
            # Not in a ticket log, so left out: greeters, kiosks, walking times
            # other than to the window, balking (those who leave without a
            # ticket are never logged), seats.
            name: \(q(name))
            description: \(q("Fitted from \((log.file as NSString).lastPathComponent)"))

            outlet:
              opens: "\(ClockTime(minutes: fit.opening))"
              closes: "\(ClockTime(minutes: fit.closing))"
              interval_minutes: \(n(fit.settings.intervalMinutes))
              max_overtime_minutes: 240

            transactions:

            """
        let served = fit.tickets.filter { $0.outcome == .served }
        let overallMean = served.isEmpty ? 1 : served.reduce(0) { $0 + $1.serviceTime } / Double(served.count)
        for (index, transaction) in log.transactions.enumerated() {
            y += "  \(q(transaction)):\n"
            if let service = fit.services[index] {
                if let chosen = service.chosen {
                    let ranking = service.candidates.map { "\($0.family.rawValue) \(String(format: "%.1f", $0.aic))" }.joined(separator: ", ")
                    y += "    # \(service.sample.count) served; AIC \(ranking); chosen \(chosen.family.rawValue),\n"
                    y += "    # Kolmogorov-Smirnov D = \(String(format: "%.4f", service.ksDistance)) (p = \(String(format: "%.3f", service.ksPValue)));\n"
                } else {
                    y += "    # \(service.sample.count) served; no family fits (Kolmogorov-Smirnov p < \(ServiceTimeFit.rejectBelow)"
                    y += service.candidates.isEmpty ? ", or too few services" : ""
                    y += "): the empirical distribution;\n"
                }
                y += "    # mean \(interval(service.mean)) min, sd \(interval(service.sd)) min\n"
                y += "    counter_service: \(service.scenarioText)\n"
            } else {
                y += "    # nobody was served: the mean service of the whole log\n"
                y += "    counter_service: exponential(mean=\(n(max(overallMean, 1.0 / 60))))\n"
            }
        }

        y += "\nsegments:\n"
        for (segment, name) in log.segments.enumerated() {
            y += "  \(q(name)):\n"
            y += "    # \(percent(fit.segmentShares[segment])) of walk-in tickets\n"
            if fit.calling.priorities[segment] > 0 {
                let ahead = log.segments.indices.filter { fit.calling.overtakes[segment][$0] >= 20 && $0 != segment }
                let evidence = ahead.map { "\(log.segments[$0]) \(fit.calling.overtakes[segment][$0]) times (the reverse \(fit.calling.overtakes[$0][segment]))" }
                y += "    # called ahead of earlier tickets of " + evidence.joined(separator: "; ") + "\n"
                y += "    priority: \(fit.calling.priorities[segment])\n"
            }
            let rates = fit.arrivals.rates[segment].map { n($0.value) }
            y += "    arrivals_per_hour: \(ScenarioText.schedule(rates, starts: starts))\n"
            // Mix weights that sum to exactly 1 in decimal.
            let counts = log.transactions.indices.map { transaction in
                fit.tickets.filter { $0.segment == segment && $0.transaction == transaction }.count
            }
            let total = counts.reduce(0, +)
            var weights: [(String, Int)] = []
            if total > 0 {
                var thousandths = counts.map { Int((Double($0) / Double(total) * 10_000).rounded()) }
                if let largest = thousandths.indices.max(by: { thousandths[$0] < thousandths[$1] }) {
                    thousandths[largest] += 10_000 - thousandths.reduce(0, +)
                }
                weights = thousandths.enumerated().filter { $0.element > 0 }.map { (log.transactions[$0.offset], $0.element) }
            }
            if weights.isEmpty, let first = log.transactions.first { weights = [(first, 10_000)] }
            y += "    mix: { " + weights.map { "\(q($0.0)): \(String(format: "%.4f", Double($0.1) / 10_000))" }.joined(separator: ", ") + " }\n"
            let patience = fit.patience[segment], leavers = fit.leavers
            if let chosen = patience.chosen, let mean = patience.mean {
                y += "    # \(patience.leftCount) of \(patience.observations) walk-ins gave up: \(leavers.calledNoShows[segment]) no-shows at the call, "
                y += "\(leavers.uncalledWithTime[segment] + leavers.uncalledBeforeTurn[segment]) uncalled;\n"
                y += "    # censored maximum likelihood, AIC " + patience.candidates.map { "\($0.family.rawValue) \(String(format: "%.1f", $0.aic))" }
                    .joined(separator: ", ") + "; mean \(interval(mean, unit: " min"))\n"
                y += "    patience: \(chosen.scenarioText)\n"
            } else {
                y += "    # no walk-in of this segment left before being called: no patience given\n"
            }
        }

        y += "\nwaiting_zone:\n  seats: 10000  # not in a ticket log: room for everyone\n"
        if let walk = fit.walk {
            y += "\n# \(walk.sample.count) served customers' walks from the call to the start of service, "
            y += "mean \(interval(walk.mean, unit: " min")); the window is held meanwhile\n"
            y += "walking:\n  waiting_to_window: \(walk.scenarioText)\n"
        }

        // Window groups, named after their windows.
        y += "\nwindows:\n"
        var names: [String] = []
        // Every transaction a segment asks for must be served to it: a pair
        // that no group's skills cover (a rare segment or transaction) goes
        // to the largest group, as does a transaction no window kept as a skill.
        var asked = Set<[Int]>()
        for ticket in fit.tickets { asked.insert([ticket.segment, ticket.transaction]) }
        for segment in log.segments.indices where !asked.contains(where: { $0[0] == segment }) {
            if !log.transactions.isEmpty { asked.insert([segment, 0]) }
        }
        var extraTransactions = Set<Int>(), extraSegments = Set<Int>()
        for pair in asked where !fit.staffing.groups.contains(where: { $0.segments.contains(pair[0]) && $0.transactions.contains(pair[1]) }) {
            extraSegments.insert(pair[0])
            extraTransactions.insert(pair[1])
        }
        let biggest = fit.staffing.groups.indices.max { fit.staffing.groups[$0].windows.count < fit.staffing.groups[$1].windows.count }
        for (index, group) in fit.staffing.groups.enumerated() {
            let ids = group.windows.map { log.windows[$0] }
            var name = "windows " + (ids.count <= 4 ? ids.joined(separator: ", ") : "\(ids[0]), \(ids[1]), ... (\(ids.count))")
            if name.count > 120 { name = "window group \(index + 1)" }
            if names.contains(name) { name += " (\(index + 1))" }
            names.append(name)
            var transactions = Set(group.transactions), servedSegments = Set(group.segments)
            if index == biggest {
                transactions.formUnion(extraTransactions)
                servedSegments.formUnion(extraSegments)
            }
            y += "  \(q(name)):\n"
            y += "    # windows \(ids.joined(separator: ", ")); mean open per interval "
            y += fit.staffing.groups[index].open.map { String(format: "%.2f", $0) }.joined(separator: " ") + "\n"
            y += "    transactions: \(ScenarioText.names(transactions.sorted().map { log.transactions[$0] }))\n"
            let segments = servedSegments.count == log.segments.count ? "all" : ScenarioText.names(servedSegments.sorted().map { log.segments[$0] })
            y += "    segments: \(segments)\n"
            y += "    open: \(ScenarioText.schedule(group.open.map { String(Int($0.rounded())) }, starts: starts))\n"
        }
        groupNames = names

        let prioritised = fit.calling.priorities.contains { $0 > 0 }
        y += "\ncalling:\n  prioritise_segments: \(prioritised)\n  appointments_first: true\n"

        if let appointments = fit.appointments {
            var bookings: [String] = []
            for segment in log.segments.indices {
                for transaction in log.transactions.indices {
                    let perInterval = appointments.bookingsPerDay[segment][transaction].map { Int($0.rounded()) }
                    guard perInterval.contains(where: { $0 > 0 }) else { continue }
                    bookings.append("    - { segment: \(q(log.segments[segment])), transaction: \(q(log.transactions[transaction])), "
                                    + "per_interval: \(ScenarioText.schedule(perInterval.map(String.init), starts: starts)) }")
                }
            }
            if !bookings.isEmpty {
                y += "\n# \(appointments.bookings) bookings; per interval, the mean a day rounded\nappointments:\n  bookings:\n"
                y += bookings.joined(separator: "\n") + "\n"
                y += "  no_show: \(n(appointments.noShow.value))  # \(percent(appointments.noShow))\n"
                if let lateness = appointments.lateness, lateness.sd > 0 {
                    y += "  lateness: normal(mean=\(n(lateness.mean.value)), sd=\(n(lateness.sd)))  # mean \(interval(lateness.mean, unit: " min"))\n"
                }
            }
        }
        yaml = y
        scenario = try ScenarioLoader.read(y, file: file, directory: (file as NSString).deletingLastPathComponent)
    }
}
