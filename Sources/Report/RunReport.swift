import Foundation
import Measurement
import Replications
import Results
import Scenario

/// `report.html`: a self-contained page (inline SVG and CSS, no network)
/// with the run's key figures and charts of arrivals and capacity, waits
/// with confidence bands against the target, waiting-zone crowding, window
/// utilisation, outcomes per segment, and kiosk use and breakdowns.
public struct RunReport {
    let document: ResultsDocument

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
        let found = intervals.map { estimate(.interval, entity: $0, metric) }
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

    func waitChart() -> String {
        let target = document.targets.first ?? 10
        return LineChart(title: "Wait for a window per interval (p50 and p90, with 95% intervals)",
                         description: "Median and 90th percentile of the wait from ticket to call of customers arriving in each interval; shaded bands are 95% confidence intervals across days; the flat line is the target wait.",
                         categories: labels, categoryLabel: "interval start (clock time)", valueLabel: "wait (minutes)",
                         series: [series("p50 wait", .waitPercentile(50), band: true), series("p90 wait", .waitPercentile(90), band: true)],
                         target: (value: target, label: "target \(SVG.label(target)) min")).render()
    }

    func crowdingChart() -> String {
        LineChart(title: "Waiting-zone occupancy over the day",
                  description: "Customers waiting for a window: time-average with its 95% interval, the maximum, and the seats available.",
                  categories: labels, categoryLabel: "interval start (clock time)", valueLabel: "customers waiting",
                  series: [series("mean waiting", .occupancyMean, band: true), series("most waiting", .occupancyMax)],
                  target: (value: Double(scenario.waitingZone.seats), label: "seats")).render()
    }

    func utilisationChart() -> String {
        let values = scenario.windowGroups.indices.map { group in
            intervals.map { estimate(.windowGroup, entity: group, interval: $0, .utilisation)?.mean ?? .nan }
        }
        return HeatMap(title: "Window utilisation by group and interval",
                       description: "Share of open window time spent serving (or waiting for a called customer), per window group and interval; grey where closed.",
                       rows: scenario.windowGroups.map(\.name), columns: labels,
                       columnLabel: "interval start (clock time)", values: values).render()
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

    func keyFigures() -> String {
        let target = document.targets.first ?? 10
        let rows: [(String, Metric, Double)] = [
            ("Customers per day", .arrivals, 1), ("Served at a window", .outcomeShare(.servedAtCounter), 100),
            ("Served at a kiosk", .outcomeShare(.servedAtKiosk), 100), ("Left without service", .shareAbandoned, 100),
            ("Mean wait (min)", .waitMean, 1), ("p90 wait (min)", .waitPercentile(90), 1),
            ("Served within \(SVG.label(target)) min", .shareServedWithin(target), 100),
            ("Window utilisation", .windowUtilisation, 100), ("Most waiting at once", .occupancyMax, 1),
            ("Overtime (min)", .overtimeMinutes, 1), ("Staff-hours", .staffHours, 1),
        ]
        var html = "<table><thead><tr><th>day metric</th><th>mean</th><th>95% interval</th></tr></thead><tbody>"
        for (label, metric, scale) in rows {
            guard let value = estimate(.day, metric) else { continue }
            let unit = scale == 100 ? "%" : ""
            func show(_ x: Double) -> String { x.isFinite ? String(format: "%.1f", x * scale) + unit : "–" }
            html += "<tr><td>\(SVG.escape(label))</td><td>\(show(value.mean))</td><td>\(show(value.low)) – \(show(value.high))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    /// The page; `extraCharts` (rendered SVG) come first, e.g. the optimizer's frontier.
    public func html(extraCharts: [String] = []) -> String {
        let title = "OutletSim report: \(scenario.name)"
        let charts = extraCharts + [arrivalsChart(), waitChart(), crowdingChart(), utilisationChart(), outcomesChart(), kioskChart()]
        let meta = "\(document.statistics.days) simulated days, seed \(document.seed); opening hours \(ClockTime(minutes: scenario.opening))–\(ClockTime(minutes: scenario.closing)) in \(SVG.label(scenario.intervalMinutes))-minute intervals. Intervals are 95% confidence intervals across days."
        return ReportPage.html(title: title, meta: meta, table: keyFigures(), charts: charts)
    }
}
