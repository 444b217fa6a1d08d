import Calibration
import Foundation
import Results
import Scenario

/// The terminal summary of `outletsim fit`: the main estimates and the back-validation's verdict.
struct FitSummary {
    let files: FitFiles

    func text() -> String {
        let fit = files.fit, log = fit.log
        func cell(_ e: IntervalEstimate, _ digits: Int = 2) -> String {
            String(format: "%.\(digits)f [%.\(digits)f, %.\(digits)f]", e.value, e.low, e.high)
        }
        var lines = ["\(log.file): \(fit.tickets.count) tickets on \(fit.days.count) day(s); \(ClockTime(minutes: fit.opening))-\(ClockTime(minutes: fit.closing)), "
                     + "\(fit.intervalCount) intervals of \(Int(fit.settings.intervalMinutes)) minutes"]
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
        lines.append(TextTable.render(table))
        var segments = [["segment", "share", "priority", "mean patience (min)"]]
        for (segment, name) in log.segments.enumerated() {
            segments.append([name, cell(fit.segmentShares[segment], 3), String(fit.calling.priorities[segment]),
                          fit.patience[segment].mean.map { cell($0, 1) } ?? "nobody left"])
        }
        lines.append(TextTable.render(segments))
        if let validation = files.validation {
            let misfits = validation.misfits
            if misfits.isEmpty {
                lines.append("Back-validation (\(validation.days) simulated days): the model reproduces every interval's mean wait, p90 and abandonment.")
            } else {
                lines.append("Back-validation (\(validation.days) simulated days): \(misfits.count) of \(validation.comparisons.count) comparisons differ:")
                let starts = files.intervalStarts
                for comparison in misfits.prefix(12) {
                    lines.append("  \(starts[comparison.interval]) \(comparison.quantity.label): log \(cell(comparison.log)), model \(cell(comparison.model))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
