import Calibration
import Foundation
import OutputKit
import QueueLog
import Results
import Scenario

/// report.html of `outletsim fit`: what an analyst looks at before
/// trusting a fitted model. Arrivals by interval with their bands, each
/// service time's histogram with the fitted density and a Q-Q plot, the
/// patience survival curve, the windows as observed, and the
/// back-validation against the log.
public struct FitReport {
    let files: FitFiles

    public init(files: FitFiles) { self.files = files }

    var fit: OutletFit { files.fit }

    static func cell(_ e: IntervalEstimate, digits: Int = 2) -> String {
        let format = "%.\(digits)f"
        return "\(String(format: format, e.value)) [\(String(format: format, e.low)), \(String(format: format, e.high))]"
    }

    /// The rows left out of the log, by reason, with the first of them and
    /// the segments and intervals where they may bias the figures.
    func leftOutSection(starts: [String]) -> String {
        let leftOut = fit.leftOut, log = fit.log
        var body = "<h2>Rows left out</h2>"
        guard leftOut.total > 0 else { return body + "<p>Every one of the log's \(leftOut.rowsRead) rows was used.</p>" }
        body += "<p>\(leftOut.total) of \(leftOut.rowsRead) rows (\(String(format: "%.1f%%", 100 * Double(leftOut.total) / Double(max(leftOut.rowsRead, 1))))) "
        body += "could not be used and were left out; fit.json lists every one with its line.</p>"
        body += "<table class=\"left-out\"><tr><th>reason</th><th>rows</th><th>meaning</th></tr>"
        for (reason, rows) in leftOut.counts {
            body += "<tr><td>\(reason.rawValue)</td><td>\(rows)</td><td>\(SVG.escape(reason.meaning))</td></tr>"
        }
        body += "</table><ul class=\"left-out-rows\">"
        for row in log.leftOut.prefix(20) { body += "<li>\(SVG.escape(row.problem.description))</li>" }
        body += log.leftOut.count > 20 ? "<li>and \(log.leftOut.count - 20) more in fit.json</li></ul>" : "</ul>"
        let percent = { (share: Double) in ValueUnit.share.number(share) }
        for segment in leftOut.biasedSegments {
            body += "<p class=\"warning\"><strong>\(percent(leftOut.bySegment[segment])) of segment \(SVG.escape(log.segments[segment]))'s rows were left out</strong>: "
            body += "its figures may be biased.</p>"
        }
        if !leftOut.biasedIntervals.isEmpty {
            body += "<p class=\"warning\"><strong>Over \(percent(LeftOutShares.biasingShare)) of the rows were left out in "
            body += leftOut.biasedIntervals.map { "\(starts[$0]) (\(percent(leftOut.byInterval[$0])))" }.joined(separator: ", ")
            body += "</strong>: those intervals' figures may be biased.</p>"
        }
        return body
    }

    public func html() -> String {
        let log = fit.log
        let starts = files.intervalStarts
        let dates = fit.days.map { log.dates[$0] }
        let meta = SVG.escape("\((log.file as NSString).lastPathComponent): \(fit.tickets.count) tickets on \(dates.count) day(s) "
                              + "(\(fit.settings.dayType.rawValue)), \(dates.first.map(String.init(describing:)) ?? "") to "
                              + "\(dates.last.map(String.init(describing:)) ?? ""); intervals of \(Int(fit.settings.intervalMinutes)) minutes "
                              + "from \(ClockTime(minutes: fit.opening)) to \(ClockTime(minutes: fit.closing)). Intervals are 95%.")
        var body = ""
        // Validation verdict first: does the model reproduce the branch?
        if let validation = files.validation {
            let misfits = validation.misfits, judged = validation.judged
            let against = fit.heldOutDays.isEmpty ? "the \(fit.days.count) day(s) it was fitted to (too few to hold any out)"
                : "\(fit.heldOutDays.count) held-out day(s) the fit did not see"
            body += "<h2>Does the model reproduce the branch?</h2><p class=\"verdict\"><strong>\(judged.count - misfits.count) of \(judged.count) "
            body += "comparisons agree.</strong> The fitted scenario with the windows as observed, simulated on \(validation.days) days, "
            body += "against the log on \(against): the mean wait, its 90th percentile and abandonment for the whole day, each segment and "
            body += "each interval of the ticket."
            if judged.count < validation.comparisons.count {
                body += " \(validation.comparisons.count - judged.count) comparison(s) are shown but not judged: the log has no interval for them (one day)."
            }
            if misfits.isEmpty {
                body += "</p>"
            } else {
                body += " \(misfits.count) differ by more than both intervals allow (about 1 in 20 would by chance):</p>"
                body += "<table class=\"misfits\"><tr><th>whom</th><th>quantity</th><th>log</th><th>model</th></tr>"
                for comparison in misfits {
                    body += "<tr class=\"fail\"><td>\(SVG.escape(BackValidation.name(comparison.scope, fit: fit)))</td><td>\(SVG.escape(comparison.quantity.label))</td>"
                    body += "<td>\(Self.cell(comparison.log))</td><td>\(Self.cell(comparison.model))</td></tr>"
                }
                body += "</table>"
            }
        }
        body += leftOutSection(starts: starts)
        // Arrivals.
        body += "<h2>Arrivals</h2><p>"
        if fit.arrivals.degreesOfFreedom > 0 {
            body += String(format: "Index of dispersion across days: %.1f on %d degrees of freedom, p = %.3g. ", fit.arrivals.dispersion,
                           fit.arrivals.degreesOfFreedom, fit.arrivals.dispersionPValue)
            body += fit.arrivals.overdispersed
                ? "<strong>The days vary more than Poisson arrivals allow</strong>: demand differs from day to day beyond chance, so one rate per interval understates the spread of busy days (fit day types apart, or study the busiest days).</p>"
                : "The days vary no more than Poisson arrivals allow.</p>"
        } else {
            body += "One day only: no test of day-to-day variation.</p>"
        }
        if fit.dayTypes.count > 1 {
            body += "<table><tr><th>day type</th><th>days</th><th>tickets a day</th></tr>"
            for type in fit.dayTypes {
                body += "<tr><td>\(type.type.rawValue)</td><td>\(type.days)</td><td>\(Self.cell(type.ticketsPerDay, digits: 1))</td></tr>"
            }
            body += "</table>"
        }
        var charts: [String] = []
        charts.append(LineChart(title: "Walk-in tickets per hour by segment", description: "Fitted arrival rate per interval with 95% intervals",
                                categories: starts, categoryLabel: "interval", valueLabel: "tickets per hour",
                                series: log.segments.enumerated().map { segment, name in
                                    Series(name: name, values: fit.arrivals.rates[segment].map(\.value),
                                           low: fit.arrivals.rates[segment].map(\.low), high: fit.arrivals.rates[segment].map(\.high))
                                }).render())
        // Segments.
        body += "<h2>Segments</h2><table><tr><th>segment</th><th>share of walk-ins</th><th>priority</th><th>gave up</th><th>mean patience (min)</th></tr>"
        for (segment, name) in log.segments.enumerated() {
            let patience = fit.patience[segment]
            body += "<tr><td>\(SVG.escape(name))</td><td>\(Self.cell(fit.segmentShares[segment], digits: 3))</td><td>\(fit.calling.priorities[segment])</td>"
            body += "<td>\(patience.leftCount) of \(patience.observations)</td><td>\(patience.mean.map { Self.cell($0, digits: 1) } ?? "none left")"
            if let chosen = patience.chosen { body += " (\(chosen.family.rawValue))" }
            body += "</td></tr>"
        }
        body += "</table>"
        body += patienceSection()
        // Service times.
        if let walk = fit.walk {
            body += "<h2>Walk to the window</h2><p>From the call to the start of service, the window held meanwhile: "
            body += "\(walk.sample.count) walks, \(walk.chosen?.family.rawValue ?? "empirical"), mean \(Self.cell(walk.mean)) min, "
            body += "sd \(Self.cell(walk.sd)) min. The fitted scenario gives it as walking.waiting_to_window.</p>"
        }
        body += "<h2>Service times</h2><p>Each family fitted by maximum likelihood and ranked by AIC; the Kolmogorov-Smirnov p-value is "
        body += "conservative (the parameters come from the same sample). When no family passes at p ≥ \(ServiceTimeFit.rejectBelow), the "
        body += "empirical distribution is used.</p><table><tr><th>transaction</th><th>served</th><th>chosen</th><th>mean (min)</th><th>sd (min)</th><th>KS D (p)</th><th>AIC by family</th></tr>"
        for (index, name) in log.transactions.enumerated() {
            guard let service = fit.services[index] else {
                body += "<tr><td>\(SVG.escape(name))</td><td>0</td><td colspan=\"5\">nobody served</td></tr>"
                continue
            }
            let ranking = service.candidates.map { "\($0.family.rawValue) \(String(format: "%.1f", $0.aic))" }.joined(separator: "; ")
            body += "<tr><td>\(SVG.escape(name))</td><td>\(service.sample.count)</td><td>\(service.chosen?.family.rawValue ?? "empirical")</td>"
            body += "<td>\(Self.cell(service.mean))</td><td>\(Self.cell(service.sd))</td>"
            body += "<td>\(service.ksDistance.isFinite ? String(format: "%.4f (%.3f)", service.ksDistance, service.ksPValue) : "—")</td><td>\(ranking)</td></tr>"
            charts.append(histogram(name, service))
            if let chosen = service.chosen { charts.append(quantilePlot(name, service, chosen)) }
        }
        body += "</table>"
        for (segment, name) in log.segments.enumerated() where fit.patience[segment].observations > 0 {
            charts.append(patienceChart(name, fit.patience[segment]))
        }
        // Windows.
        body += "<h2>Windows as observed</h2><table><tr><th>group</th><th>windows</th><th>transactions</th><th>segments</th></tr>"
        for (index, group) in fit.staffing.groups.enumerated() {
            body += "<tr><td>\(SVG.escape(files.fitted.groupNames[index]))</td><td>\(SVG.escape(group.windows.map { log.windows[$0] }.joined(separator: ", ")))</td>"
            body += "<td>\(SVG.escape(group.transactions.map { log.transactions[$0] }.joined(separator: ", ")))</td>"
            body += "<td>\(SVG.escape(group.segments.map { log.segments[$0] }.joined(separator: ", ")))</td></tr>"
        }
        body += "</table>"
        charts.append(LineChart(title: "Windows open per interval (as observed)", description: "Mean windows with service in each interval, by group",
                                categories: starts, categoryLabel: "interval", valueLabel: "windows open",
                                series: fit.staffing.groups.enumerated().map { Series(name: files.fitted.groupNames[$0.offset], values: $0.element.open) }).render())
        if let validation = files.validation {
            for quantity in BackValidation.Quantity.allCases {
                let rows = validation.comparisons.filter { $0.quantity == quantity }
                func column(_ pick: (BackValidation.Comparison) -> Double) -> [Double] {
                    starts.indices.map { interval in rows.first { $0.scope == .interval(interval) }.map(pick) ?? .nan }
                }
                charts.append(LineChart(title: "Back-validation: \(quantity.label)", description: "The log against the fitted model, per interval, with 95% intervals",
                                        categories: starts, categoryLabel: "interval of the ticket", valueLabel: quantity.label,
                                        series: [Series(name: "log", values: column { $0.log.value }, low: column { $0.log.low }, high: column { $0.log.high }),
                                                 Series(name: "model", values: column { $0.model.value }, low: column { $0.model.low },
                                                        high: column { $0.model.high })]).render())
            }
        }
        return ReportPage.html(title: "Fit of \((log.file as NSString).lastPathComponent)", meta: meta, table: body, charts: charts)
    }

    /// The service times' histogram (density scale) and the fitted density.
    func histogram(_ name: String, _ service: ServiceTimeFit) -> String {
        let sorted = service.sample.sorted()
        let top = sorted[min(Int(0.99 * Double(sorted.count)), sorted.count - 1)]
        let binCount = max(5, min(40, Int(Double(sorted.count).squareRoot())))
        let width = max(top, 1.0 / 60) / Double(binCount)
        var counts = Array(repeating: 0, count: binCount)
        for value in sorted where value <= top { counts[min(Int(value / width), binCount - 1)] += 1 }
        let n = Double(sorted.count)
        let bins = counts.enumerated().map { (x: Double($0.offset) * width, width: width, height: Double($0.element) / (n * width)) }
        var layers: [NumericChart.Layer] = [.bars(name: "services", bins: bins)]
        if let chosen = service.chosen {
            let points = (0...100).map { step -> (x: Double, y: Double) in
                let x = max(Double(step) / 100 * top, top / 1000)
                return (x, chosen.density(x))
            }
            layers.append(.line(name: "fitted \(chosen.family.rawValue)", points: points))
        }
        return NumericChart(title: "Service time: \(name)", description: "Histogram of service times with the fitted density",
                            xLabel: "minutes", yLabel: "density", layers: layers).render()
    }

    /// Sample quantiles against the fitted family's.
    func quantilePlot(_ name: String, _ service: ServiceTimeFit, _ chosen: FittedFamily) -> String {
        let sorted = service.sample.sorted()
        let n = sorted.count
        let count = min(n, 200)
        let points = (0..<count).map { index -> (x: Double, y: Double) in
            let p = (Double(index) + 0.5) / Double(count)
            return (chosen.quantile(p), sorted[min(Int(p * Double(n)), n - 1)])
        }
        let top = max(points.last?.x ?? 1, points.last?.y ?? 1)
        return NumericChart(title: "Q-Q plot: \(name) against the fitted \(chosen.family.rawValue)", description: "Sample quantiles against fitted quantiles",
                            xLabel: "fitted quantile (minutes)", yLabel: "sample quantile (minutes)",
                            layers: [.points(name: "quantiles", points: points), .reference(name: "y = x", from: (0, 0), to: (top, top))]).render()
    }

    /// Who gave up, by what the log shows of them, and how each patience family fits.
    func patienceSection() -> String {
        let log = fit.log, leavers = fit.leavers
        var body = "<h3>Patience</h3><p>Fitted by censored maximum likelihood (exponential, lognormal, Weibull, gamma; smallest AIC chosen) "
        body += "from every walk-in's wait: served customers waited at least that long; no-shows had left by their call; customers who "
        body += "left without being called left before their number's turn (once every earlier ticket of their queue was called, "
        body += "the first moment a window serving them came free and then called a later ticket of their segment), or exactly when "
        body += "the log's leave time says.</p>"
        body += "<table class=\"leavers\"><tr><th>segment</th><th>no-shows at the call</th><th>left uncalled, leave time known</th>"
        body += "<th>left uncalled, before their turn</th><th>left uncalled, no later call (not used)</th><th>AIC by family</th></tr>"
        for (segment, name) in log.segments.enumerated() {
            let ranking = fit.patience[segment].candidates.map { "\($0.family.rawValue) \(String(format: "%.1f", $0.aic))" }.joined(separator: "; ")
            body += "<tr><td>\(SVG.escape(name))</td><td>\(leavers.calledNoShows[segment])</td><td>\(leavers.uncalledWithTime[segment])</td>"
            body += "<td>\(leavers.uncalledBeforeTurn[segment])</td><td>\(leavers.uncalledUnbounded[segment])</td><td>\(ranking.isEmpty ? "—" : ranking)</td></tr>"
        }
        body += "</table>"
        for (segment, name) in log.segments.enumerated() where !fit.patience[segment].outsideBand.isEmpty {
            let patience = fit.patience[segment]
            let waits = patience.outsideBand.prefix(8).map { String(format: "%.1f", $0) }.joined(separator: ", ")
            body += "<p class=\"warning\"><strong>Segment \(SVG.escape(name)): the fitted \(patience.chosen?.family.rawValue ?? "") curve leaves "
            body += "the nonparametric band</strong> at \(patience.outsideBand.count) of its steps (at \(waits) minutes"
            body += patience.outsideBand.count > 8 ? ", ...)" : ")"
            body += ": patience there is not what the family says.</p>"
        }
        return body
    }

    func patienceChart(_ name: String, _ patience: PatienceFit) -> String {
        let last = patience.survival.last?.minutes ?? 30
        let end = max(last, 1) * 1.1
        func steps(_ value: (PatienceFit.CurvePoint) -> Double) -> [(x: Double, y: Double)] {
            patience.survival.map { ($0.minutes, value($0)) } + [(end, patience.survival.last.map(value) ?? 1)]
        }
        var layers: [NumericChart.Layer] = [
            .steps(name: "nonparametric (Turnbull)", points: steps(\.survival)),
            .steps(name: "its simultaneous 95% band, low", points: steps(\.low)),
            .steps(name: "its simultaneous 95% band, high", points: steps(\.high)),
        ]
        if let chosen = patience.chosen, let mean = patience.mean {
            layers.append(.line(name: "\(chosen.family.rawValue), mean \(String(format: "%.1f", mean.value)) min",
                                points: (0...60).map { step in
                                    let x = Double(step) / 60 * end
                                    return (x, patience.fittedSurvival(x))
                                }))
        }
        return NumericChart(title: "Patience: \(name)", description: "Share still willing to wait after t minutes, from censored waits",
                            xLabel: "minutes waited", yLabel: "P(patience > t)", layers: layers).render()
    }
}
