import Foundation
import Measurement
import OutputKit
import Replications
import Results
import Scenario

/// `report.html`: a self-contained page (inline SVG and CSS, no network)
/// with the run's key figures, the day's cost by component, every declared
/// target's verdict (per interval where it is judged per interval), and
/// charts of arrivals and capacity, waits and service level against the
/// declared targets, abandonment, waiting-zone crowding, windows open and
/// utilisation per group, outcomes per segment, and kiosk use and breakdowns.
public struct RunReport {
    public let document: ResultsDocument

    public init(document: ResultsDocument) {
        self.document = document
    }

    var scenario: Scenario { document.scenario }
    var intervals: Range<Int> { 0..<scenario.intervalCount }
    var labels: [String] { intervals.map { ClockTime(minutes: scenario.intervalStart($0)).description } }

    func estimate(_ scope: Scope, entity: Int = 0, interval: Int = -1, _ metric: Metric) -> MetricEstimate? {
        document.statistics.estimate(MetricKey(scope, entity: entity, interval: interval, metric))
    }

    func series(_ name: String, _ metric: Metric, band: Bool = false, scale: Double = 1) -> Series {
        series(name, band: band, scale: scale) { MetricKey(.interval, entity: $0, metric) }
    }

    /// A window group's metric per interval.
    func series(_ name: String, group: Int, _ metric: Metric, band: Bool = false) -> Series {
        series(name, band: band) { MetricKey(.windowGroup, entity: group, interval: $0, metric) }
    }

    /// The estimates of `key(interval)` over the day, with their band if asked.
    func series(_ name: String, band: Bool, scale: Double = 1, key: (Int) -> MetricKey) -> Series {
        let found = intervals.map { document.statistics.estimate(key($0)) }
        return Series(name: name, values: found.map { ($0?.mean ?? .nan) * scale },
                      low: band ? found.map { ($0?.low ?? .nan) * scale } : nil,
                      high: band ? found.map { ($0?.high ?? .nan) * scale } : nil)
    }

    func arrivalsChart() -> String {
        let perHour = 60 / scenario.intervalMinutes
        return BarChart(title: "Arrivals and open windows per interval",
                        description: "Customers arriving per hour in each interval (bars) and the average number of windows open (line).",
                        categories: labels, categoryLabel: "interval start (clock time)", valueLabel: "arrivals per hour",
                        series: [series("arrivals per hour", .arrivals, scale: perHour)],
                        line: (series: series("windows open", .openWindows), label: "windows open")).render()
    }

    /// The declared per-interval targets on everyone's `measure`-like
    /// metrics, as reference lines on the per-interval charts: "target: p90
    /// wait ≤ 20". A day-level target is judged on the whole day, so a line
    /// across the intervals' curves would misread it; it is in the targets table.
    func references(_ matches: (ServiceTarget.Measure) -> Bool, scale: Double = 1) -> [(value: Double, label: String)] {
        scenario.targets.filter { $0.subject == .everyone && $0.perInterval && matches($0.measure) }.flatMap { target -> [(value: Double, label: String)] in
            let label = "target: \(target.name)"
            switch target.bound {
            case .atLeast(let low): return [(low * scale, label)]
            case .atMost(let high): return [(high * scale, label)]
            case .between(let low, let high): return [(low * scale, label + " (low)"), (high * scale, label + " (high)")]
            }
        }
    }

    func waitChart() -> String {
        LineChart(title: "Wait for a window per interval (p50 and p90, with 95% intervals)",
                  description: "Median and 90th percentile of the wait from ticket to call of customers arriving in each interval; shaded bands are 95% confidence intervals across days; dashed lines, each its own dash, are the declared per-interval wait targets (a day-level target is judged on the whole day: see the targets table).",
                  categories: labels, categoryLabel: "interval start (clock time)", valueLabel: "wait (minutes)",
                  series: [series("p50 wait", .waitPercentile(50), band: true), series("p90 wait", .waitPercentile(90), band: true)],
                  references: references {
                      if case .waitPercentile = $0 { return true }
                      return $0 == .meanWait
                  }).render()
    }

    /// The waits whose service level the report charts: those the targets
    /// judge, else the first measured wait.
    var serviceLevelWaits: [Double] {
        let judged = scenario.targets.compactMap { target -> Double? in
            if case .shareServedWithin(let minutes) = target.measure { return minutes }
            return nil
        }
        return judged.isEmpty ? Array(document.targets.prefix(1)) : Array(Set(judged)).sorted()
    }

    func serviceLevelChart() -> String {
        LineChart(title: "Service level per interval against its target",
                  description: "Share of ticket holders arriving in each interval who were called within the wait, with 95% intervals; dashed lines, each its own dash, are the declared per-interval service-level targets.",
                  categories: labels, categoryLabel: "interval start (clock time)", valueLabel: "% called within the wait",
                  series: serviceLevelWaits.map { series("within \(SVG.label($0)) min", .shareServedWithin($0), band: true, scale: 100) },
                  references: references({ if case .shareServedWithin = $0 { return true }; return false }, scale: 100)).render()
    }

    func abandonmentChart() -> String {
        LineChart(title: "Customers leaving without service per interval",
                  description: "Share of customers arriving in each interval who balked, were blocked, reneged or were left unserved, with 95% intervals; dashed lines, each its own dash, are the declared per-interval abandonment targets.",
                  categories: labels, categoryLabel: "interval start (clock time)", valueLabel: "% of arrivals",
                  series: [series("left without service", .shareAbandoned, band: true, scale: 100)],
                  references: references({ $0 == .abandonment }, scale: 100)).render()
    }

    func queueChart() -> String {
        let groups = scenario.windowGroups.indices.map { series(scenario.windowGroups[$0].name, group: $0, .queueLength, band: true) }
        return LineChart(title: "Queue length per window group",
                         description: "Time-average number of waiting customers each window group can call, per interval, with 95% intervals; a customer several groups can call counts for each.",
                         categories: labels, categoryLabel: "interval start (clock time)", valueLabel: "customers waiting",
                         series: groups).render()
    }

    func windowsOpenChart() -> String {
        let groups = scenario.windowGroups.indices.map { series(scenario.windowGroups[$0].name, group: $0, .openWindows) }
        return LineChart(title: "Windows open per group",
                         description: "Average number of windows open in each interval, per window group (flexible windows included).",
                         categories: labels, categoryLabel: "interval start (clock time)", valueLabel: "windows open",
                         series: groups).render()
    }

    func crowdingChart() -> String {
        LineChart(title: "Waiting-zone occupancy over the day",
                  description: "Customers waiting for a window: time-average with its 95% interval, the maximum, and the seats available.",
                  categories: labels, categoryLabel: "interval start (clock time)", valueLabel: "customers waiting",
                  series: [series("mean waiting", .occupancyMean, band: true), series("most waiting", .occupancyMax)],
                  references: [(value: Double(scenario.waitingZone.seats), label: "seats")]).render()
    }

    /// The waits for a greeter and for a guide per interval, where there are greeters or guides who help one at a time.
    func staffWaitChart() -> String {
        var waits: [Series] = []
        if scenario.reception != nil { waits.append(series("mean wait for a greeter", .greeterWaitMean, band: true)) }
        if scenario.selfService.guideAssist != nil { waits.append(series("mean wait for a guide", .guideWaitMean, band: true)) }
        guard !waits.isEmpty else { return "" }
        return LineChart(title: "Waits for greeters and guides over the day",
                         description: "Minutes from reaching the greeters' desk to triage (of those triaged) and from asking a guide to one coming or giving up (of those who asked), per interval, with 95% intervals.",
                         categories: labels, categoryLabel: "interval start (clock time)", valueLabel: "minutes", series: waits).render()
    }

    /// The share a greeter triaged and the share of askers a guide helped, per interval.
    func staffReachChart() -> String {
        var shares: [Series] = []
        if scenario.reception != nil { shares.append(series("triaged by a greeter", .shareTriaged, band: true, scale: 100)) }
        if scenario.selfService.guideAssist != nil { shares.append(series("helped, of those who asked a guide", .shareHelped, band: true, scale: 100)) }
        guard !shares.isEmpty else { return "" }
        return LineChart(title: "Customers greeters and guides reach over the day",
                         description: "Share of arrivals a greeter triaged (the rest found none on duty or the desk's queue full) and share of those who asked a guide whom one helped, per interval, with 95% intervals.",
                         categories: labels, categoryLabel: "interval start (clock time)", valueLabel: "% of customers", series: shares).render()
    }

    func utilisationChart() -> String {
        var rows = scenario.windowGroups.map(\.name)
        var values = scenario.windowGroups.indices.map { group in
            intervals.map { estimate(.windowGroup, entity: group, interval: $0, .utilisation)?.mean ?? .nan }
        }
        // Greeters, and guides who help one customer at a time, are staff with a busy share of their own.
        for (role, name) in ResultsDocument.staffRoles.enumerated() {
            let busy = intervals.map { estimate(.staff, entity: role, interval: $0, .utilisation)?.mean ?? .nan }
            if busy.contains(where: \.isFinite) {
                rows.append(name)
                values.append(busy)
            }
        }
        return HeatMap(title: "Window utilisation by group and interval",
                       description: "Share of open window time spent serving (or waiting for a called customer), per window group and interval, and of greeters' and guides' time on duty spent with a customer; grey where closed or off duty.",
                       rows: rows, columns: labels,
                       columnLabel: "interval start (clock time)", values: values).render()
    }

    /// The floor plan at the busiest interval and through the day; none without `layout:`.
    public func floorPlanChart() -> String {
        guard let plan = scenario.floorPlan else { return "" }
        let measured = Array(scenario.firstMeasuredInterval..<scenario.intervalCount)
        return FloorPlanChart(plan: plan, intervals: measured, labels: measured.map { labels[$0] },
                              estimate: { estimate(.interval, entity: $0, $1) }).render()
    }

    func outcomesChart() -> String {
        let names = scenario.segments.map(\.name)
        func share(_ metric: Metric) -> [Double] {
            names.indices.map { estimate(.segment, entity: $0, metric)?.mean ?? 0 }
        }
        return BarChart(title: "Outcomes per segment",
                        description: "Share of each segment's customers served at a window, at a kiosk, resolved at reception, or leaving without service.",
                        categories: names, categoryLabel: "segment", valueLabel: "share of customers",
                        series: [Series(name: "window", values: share(.outcomeShare(.servedAtCounter))),
                                 Series(name: "kiosk", values: share(.outcomeShare(.servedAtKiosk))),
                                 Series(name: "reception", values: share(.outcomeShare(.resolvedAtReception))),
                                 Series(name: "left", values: share(.shareAbandoned))],
                        stacked: true).render()
    }

    func kioskChart() -> String {
        let kiosks = scenario.selfService.kioskTypes
        guard !kiosks.isEmpty else {
            let frame = ChartFrame()
            return frame.open(title: "Kiosk use and breakdowns", description: "This outlet has no kiosks.")
                + "<text class=\"axis-label\" x=\"380\" y=\"160\" text-anchor=\"middle\">No kiosks in this scenario</text></svg>"
        }
        func values(_ metric: Metric, scale: Double = 1) -> [Double] {
            kiosks.indices.map { (estimate(.kioskType, entity: $0, metric)?.mean ?? .nan) * scale }
        }
        let breakdowns = values(.breakdowns)
        let names = zip(kiosks, breakdowns).map { "\($0.name) (\(String(format: "%.1f", $1)) breakdowns/day)" }
        return BarChart(title: "Kiosk use and breakdowns",
                        description: "Per kiosk type: percentage of kiosk time in use and percentage broken, with breakdowns per day in the labels.",
                        categories: names, categoryLabel: "kiosk type", valueLabel: "% of kiosk time",
                        series: [Series(name: "in use", values: values(.utilisation, scale: 100)),
                                 Series(name: "broken", values: values(.shareOfTimeBroken, scale: 100))]).render()
    }

    public func keyFigures() -> String {
        let target = document.targets.first ?? 10
        // Each value in its metric's unit and decimals, as the terminal shows it (ValueUnit).
        let rows: [(String, Metric)] = [
            ("Customers per day", .arrivals), ("Served at a window", .outcomeShare(.servedAtCounter)),
            ("Served at a kiosk", .outcomeShare(.servedAtKiosk)), ("Left without service", .shareAbandoned),
            ("Mean wait (min)", .waitMean), ("p90 wait (min)", .waitPercentile(90)),
            ("Served within \(SVG.label(target)) min", .shareServedWithin(target)),
            ("Window utilisation", .windowUtilisation), ("Most waiting at once", .occupancyMax),
            ("Kiosk success rate", .kioskSuccessRate),
            ("Overtime (min)", .overtimeMinutes), ("Staff-hours", .staffHours),
        ]
        var html = "<table><thead><tr><th>day metric</th><th>mean</th><th>95% interval</th></tr></thead><tbody>"
        var found = rows.map { ($0.0, estimate(.day, $0.1), $0.1.unit) }
        found.append(("Greeters busy", scenario.reception == nil ? nil : estimate(.staff, entity: 0, .utilisation), .share))
        found.append(("Triaged by a greeter", estimate(.day, .shareTriaged), .share))
        found.append(("Mean wait for a greeter (min)", estimate(.day, .greeterWaitMean), .minutes))
        found.append(("Guides busy", estimate(.staff, entity: 1, .utilisation), .share))
        found.append(("Helped by a guide, of those who asked", estimate(.day, .shareHelped), .share))
        found.append(("Mean wait for a guide (min)", estimate(.day, .guideWaitMean), .minutes))
        for (index, kiosk) in scenario.selfService.kioskTypes.enumerated() {
            found.append(("Kiosks in use: \(kiosk.name)", estimate(.kioskType, entity: index, .utilisation), .share))
        }
        for (label, value, unit) in found {
            guard let value else { continue }
            html += "<tr><td>\(SVG.escape(label))</td><td>\(unit.number(value.mean))</td><td>\(unit.number(value.low)) – \(unit.number(value.high))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    /// The day's cost by what it pays for, each with its basis.
    public func costTable() -> String {
        guard scenario.costs != nil else { return "" }
        let rostered = scenario.roster?.roles ?? []
        func basis(_ roles: [Roster.Role]) -> String { roles.contains(where: rostered.contains) ? "by shift" : "by the hour" }
        let rows: [(String, Metric.CostComponent?, String)] = [
            ("Windows", .windows, basis(scenario.windowGroups.indices.map { .windows(group: $0) })),
            ("Greeters", .greeters, basis([.greeters])), ("Guides", .guides, basis([.guides])),
            ("Overtime premium", .overtimePremium, ""), ("Kiosks", .kiosks, ""), ("Seats", .seats, ""),
            ("Customers lost", .lostCustomers, ""), ("Total", nil, ""),
        ]
        var html = "<h2>Cost of the day</h2><table class=\"cost\"><thead><tr><th>component</th><th>basis</th><th>yuan a day</th><th>95% interval</th></tr></thead><tbody>"
        for (label, part, basis) in rows {
            guard let value = estimate(.day, .cost(part)) else { continue }
            func show(_ x: Double) -> String { x.isFinite ? String(format: "%.0f", x) : "–" }
            html += "<tr><td>\(SVG.escape(label))</td><td>\(basis)</td><td>\(show(value.mean))</td><td>\(show(value.low)) – \(show(value.high))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    /// Every declared target with its verdict, then a grid of each
    /// per-interval target's verdict in every interval, each cell holding
    /// the value.
    public func targetTables() -> String {
        guard !scenario.targets.isEmpty else { return "" }
        let results = TargetJudge.judge(scenario, document.statistics)
        var html = "<h2>Targets</h2><table class=\"targets\"><thead><tr><th>#</th><th>target</th><th>verdict</th><th>value</th><th>95% interval</th><th>bound</th><th>where</th></tr></thead><tbody>"
        for (index, result) in results.enumerated() {
            let place = result.interval.map { ClockTime(minutes: scenario.intervalStart($0)).description } ?? (result.target.perInterval ? "" : "day")
            html += "<tr class=\"\(result.verdict.rawValue)\"><td>T\(index + 1)</td><td>\(SVG.escape(result.target.name))</td>"
            let unit = result.target.valueUnit
            html += "<td class=\"verdict\">\(result.verdict.rawValue)</td><td>\(result.estimate.map { SVG.escape(unit.text($0.mean)) } ?? "not measured")</td>"
            html += "<td>\(result.estimate.map { "\(unit.number($0.low)) – \(unit.number($0.high))" } ?? "")</td><td>\(SVG.escape(result.target.boundText))</td><td>\(place)</td></tr>"
        }
        html += "</tbody></table>"
        let perInterval = scenario.targets.enumerated().filter { $0.element.perInterval }
        guard !perInterval.isEmpty else { return html }
        html += "<div class=\"scroll\"><table class=\"target-grid\"><caption>Per-interval targets in every interval (or period): pass, inconclusive or fail, with the value</caption><thead><tr><th>target</th>"
        let measured = scenario.firstMeasuredInterval..<scenario.intervalCount
        html += measured.map { "<th>\(ClockTime(minutes: scenario.intervalStart($0)))</th>" }.joined() + "</tr></thead><tbody>"
        for (index, target) in perInterval {
            let places = TargetJudge.placeVerdicts(target, scenario, document.statistics)
            html += "<tr><td title=\"\(SVG.escape(target.name))\">T\(index + 1)</td>"
            // A target judged per period has one cell spanning the period's intervals.
            var interval = measured.lowerBound
            while interval < measured.upperBound {
                let span = target.isPerPeriod ? target.periodIntervals(from: interval, intervalCount: scenario.intervalCount).count : 1
                let columns = span > 1 ? " colspan=\"\(span)\"" : ""
                if let place = places.first(where: { $0.interval == interval }) {
                    let unit = target.valueUnit
                    let title = "\(place.verdict.rawValue): \(unit.text(place.estimate.mean, low: place.estimate.low, high: place.estimate.high)), \(target.boundText)"
                    html += "<td class=\"\(place.verdict.rawValue)\"\(columns) title=\"\(SVG.escape(title))\">\(SVG.escape(unit.number(place.estimate.mean)))</td>"
                } else {
                    html += "<td\(columns)>–</td>"
                }
                interval += span
            }
            html += "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// Every chart of the run, in page order.
    public func charts() -> [String] {
        [arrivalsChart(), waitChart(), serviceLevelChart(), abandonmentChart(), crowdingChart(), floorPlanChart(), queueChart(),
         windowsOpenChart(), utilisationChart(), staffWaitChart(), staffReachChart(), outcomesChart(), kioskChart()].filter { !$0.isEmpty }
    }

    /// The page; `extraCharts` (rendered SVG) come first.
    public func html(extraCharts: [String] = []) -> String {
        let title = "OutletSim report: \(scenario.name)"
        let charts = extraCharts + self.charts()
        let meta = "\(document.statistics.days) simulated days, seed \(document.seed); opening hours \(ClockTime(minutes: scenario.opening))–\(ClockTime(minutes: scenario.closing)) in \(SVG.label(scenario.intervalMinutes))-minute intervals. Intervals are 95% confidence intervals across days."
        return ReportPage.html(title: title, meta: meta, table: keyFigures() + costTable() + targetTables(), charts: charts)
    }
}
