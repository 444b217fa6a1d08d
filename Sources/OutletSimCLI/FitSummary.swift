import Calibration
import FitOutput
import Foundation
import OutputKit
import Results
import Scenario

/// The terminal summary of `outletsim fit`: the main estimates and the back-validation's verdict.
struct FitSummary {
    let files: FitFiles

    /// A share as every output shows one (``ValueUnit/share``): "0.6%".
    static func percent(_ share: Double) -> String { ValueUnit.share.number(share) }

    /// The estimates, then the back-validation's verdict: the terminal ends with it.
    func text() -> String {
        let fit = files.fit, log = fit.log
        func cell(_ e: IntervalEstimate, _ digits: Int = 2) -> String {
            String(format: "%.\(digits)f [%.\(digits)f, %.\(digits)f]", e.value, e.low, e.high)
        }
        let held = fit.heldOutDays.isEmpty ? "" : " (and \(fit.heldOutTickets.count) on \(fit.heldOutDays.count) held-out day(s))"
        var lines = ["\(log.file): \(fit.tickets.count) tickets on \(fit.days.count) day(s)\(held); \(ClockTime(minutes: fit.opening))-\(ClockTime(minutes: fit.closing)), "
                     + "\(fit.intervalCount) intervals of \(Int(fit.settings.intervalMinutes)) minutes"]
        let leftOut = fit.leftOut
        if leftOut.total > 0 {
            lines.append("Left out \(leftOut.total) of \(leftOut.rowsRead) rows (\(Self.percent(Double(leftOut.total) / Double(max(leftOut.rowsRead, 1))))); every one is listed in fit.json:")
            for (reason, rows) in leftOut.counts { lines.append("  \(rows) \(reason.rawValue): \(reason.meaning)") }
            for row in log.leftOut.prefix(3) { lines.append("  e.g. \(row.problem)") }
            for segment in leftOut.biasedSegments {
                lines.append("  Warning: \(Self.percent(leftOut.bySegment[segment])) of segment '\(log.segments[segment])' was left out: its figures may be biased.")
            }
            if !leftOut.biasedIntervals.isEmpty {
                let starts = files.intervalStarts
                let named = leftOut.biasedIntervals.map { "\(starts[$0]) (\(Self.percent(leftOut.byInterval[$0])))" }
                lines.append("  Warning: over \(Self.percent(LeftOutShares.biasingShare)) of the rows were left out in " + named.joined(separator: ", ")
                             + ": those intervals' figures may be biased.")
            }
        }
        if let sessions = fit.sessions {
            let windowDays = sessions.open.values.reduce(0) { $0 + $1.count }
            lines.append("Windows' open time from the sign-in log on \(windowDays) window-day(s) (\(sessions.rowsRead) events"
                         + (sessions.leftOut.isEmpty ? ")." : "; \(sessions.leftOut.count) left out, e.g. \(sessions.leftOut[0])).")
                         + " Other window-days are read from the calls.")
        }
        if fit.arrivals.degreesOfFreedom > 0 {
            lines.append(fit.arrivals.overdispersed
                ? String(format: "Arrivals: the days vary more than Poisson allows (dispersion p = %.3g).", fit.arrivals.dispersionPValue)
                : String(format: "Arrivals: the days vary as Poisson allows (dispersion p = %.3g).", fit.arrivals.dispersionPValue))
        }
        var table = [["transaction", "served", "service time", "mean (min)", "sd (min)"]]
        for (index, name) in log.transactions.enumerated() {
            guard let service = fit.services[index] else { table.append([name, "0", "—", "—", "—"]); continue }
            table.append([name, String(service.sample.count), service.chosen?.family.rawValue ?? "empirical", cell(service.mean), cell(service.sd)])
        }
        if let walk = fit.walk {
            table.append(["walk to the window", String(walk.sample.count), walk.chosen?.family.rawValue ?? "empirical", cell(walk.mean), cell(walk.sd)])
        }
        lines.append(TextTable.render(table))
        var segments = [["segment", "share", "priority", "gave up", "patience", "mean patience (min)"]]
        for (segment, name) in log.segments.enumerated() {
            let share = fit.segmentShares[segment]
            segments.append([name, ValueUnit.share.text(share.value, low: share.low, high: share.high), String(fit.calling.priorities[segment]),
                          "\(fit.patience[segment].leftCount)", fit.patience[segment].chosen?.family.rawValue ?? "—",
                          fit.patience[segment].mean.map { cell($0, 1) } ?? "nobody left"])
        }
        lines.append(TextTable.render(segments))
        if fit.days.count < 2 {
            lines.append("Warning: the log has one day, so day-to-day variation cannot be measured: the log's figures have no intervals and are not judged.")
        }
        if let validation = files.validation {
            let misfits = validation.misfits, judged = validation.judged
            let against = fit.heldOutDays.isEmpty ? "the \(fit.days.count) fitted day(s)" : "\(fit.heldOutDays.count) held-out day(s) the fit did not see"
            var verdict = "Back-validation (\(validation.days) simulated days against \(against); the day, each segment and each interval): "
                + "\(judged.count - misfits.count) of \(judged.count) comparisons agree"
            if judged.count < validation.comparisons.count {
                verdict += " (\(validation.comparisons.count - judged.count) not judged: no interval on the log's side)"
            }
            lines.append(verdict + (misfits.isEmpty ? "." : "; \(misfits.count) differ:"))
            for comparison in misfits.prefix(12) {
                let unit = comparison.quantity.unit
                func shown(_ e: IntervalEstimate) -> String { unit.text(e.value, low: e.low, high: e.high) }
                lines.append("  \(BackValidation.name(comparison.scope, fit: fit)) \(comparison.quantity.label): log \(shown(comparison.log)), model \(shown(comparison.model))")
            }
            if misfits.count > 12 { lines.append("  and \(misfits.count - 12) more (all in fit.json)") }
        }
        return lines.joined(separator: "\n")
    }
}
