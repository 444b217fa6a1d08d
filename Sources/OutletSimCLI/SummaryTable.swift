import Foundation
import Measurement
import Replications
import Results

/// The terminal summary of a run: day metrics with intervals, the worst
/// intervals against the first wait target, and per-segment and
/// per-transaction lines, names as written.
struct SummaryTable {
    let document: ResultsDocument

    func value(_ scope: Scope, entity: Int = 0, interval: Int = -1, _ metric: Metric) -> MetricEstimate? {
        document.statistics.estimate(MetricKey(scope, entity: entity, interval: interval, metric))
    }

    func format(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        return abs(value) >= 100 ? String(format: "%.0f", value) : abs(value) >= 1 ? String(format: "%.2f", value) : String(format: "%.3f", value)
    }

    func row(_ label: String, _ estimate: MetricEstimate?) -> [String]? {
        guard let estimate else { return nil }
        return [label, format(estimate.mean), estimate.low.isFinite ? "\(format(estimate.low)) – \(format(estimate.high))" : "-"]
    }

    func render() -> String {
        let scenario = document.scenario
        let target = document.targets.first ?? 10
        let within = Metric.shareServedWithin(target)
        var day: [[String]] = [["day metric", "mean", "95% CI"]]
        let labels: [(Metric, String)] = [
            (.arrivals, "customers"), (.outcomeShare(.servedAtCounter), "served at a window"),
            (.outcomeShare(.servedAtKiosk), "served at a kiosk"), (.outcomeShare(.resolvedAtReception), "resolved at reception"),
            (.shareAbandoned, "left (balked, blocked, reneged, unserved)"),
            (.waitMean, "mean wait, served (min)"), (.ticketWaitMean, "mean wait, all ticket holders (min)"),
            (.waitPercentile(50), "p50 wait (min)"), (.waitPercentile(90), "p90 wait (min)"),
            (.waitPercentile(95), "p95 wait (min)"), (.waitMax, "longest wait of the day (min)"),
            (within, "served within \(Metric.minutes(target)) min"),
            (.timeInOutletMean, "mean time in outlet (min)"), (.kioskSuccessRate, "kiosk success rate"),
            (.windowUtilisation, "window utilisation"), (.occupancyMean, "mean waiting-zone occupancy"),
            (.occupancyMax, "max waiting-zone occupancy"), (.standingMinutes, "minutes with people standing"),
            (.overtimeMinutes, "overtime (min)"), (.staffHours, "staff-hours"),
        ]
        for (metric, label) in labels { if let line = row(label, value(.day, metric)) { day.append(line) } }

        var worst: [[String]] = [["interval", "p90 wait", "mean wait", "within \(Metric.minutes(target))", "windows", "Erlang mean wait"]]
        let ranked = (0..<scenario.intervalCount).compactMap { index -> (Int, Double)? in
            value(.interval, entity: index, .waitPercentile(90)).map { (index, $0.mean) }
        }.sorted { $0.1 > $1.1 }.prefix(5)
        for (index, _) in ranked {
            let erlang = document.erlang.first { $0.interval == index }
            worst.append([ClockTimeText.interval(scenario.intervalStart(index)),
                          format(value(.interval, entity: index, .waitPercentile(90))?.mean ?? .nan),
                          format(value(.interval, entity: index, .waitMean)?.mean ?? .nan),
                          format(value(.interval, entity: index, within)?.mean ?? .nan),
                          format(value(.interval, entity: index, .openWindows)?.mean ?? .nan),
                          erlang.map { "\(format($0.meanWait)) (\($0.model))" } ?? "-"])
        }

        func groups(_ title: String, _ scope: Scope, _ names: [String]) -> String {
            var rows: [[String]] = [[title, "customers", "served", "left", "mean wait", "within \(Metric.minutes(target))"]]
            for (index, name) in names.enumerated() {
                rows.append([name, format(value(scope, entity: index, .arrivals)?.mean ?? .nan),
                             format(1 - (value(scope, entity: index, .shareAbandoned)?.mean ?? .nan)),
                             format(value(scope, entity: index, .shareAbandoned)?.mean ?? .nan),
                             format(value(scope, entity: index, .waitMean)?.mean ?? .nan),
                             format(value(scope, entity: index, within)?.mean ?? .nan)])
            }
            return TextTable.render(rows)
        }
        return """
            \(scenario.name): \(document.statistics.days) days, seed \(document.seed)

            \(TextTable.render(day))

            Worst intervals by p90 wait:

            \(TextTable.render(worst))

            \(groups("segment", .segment, scenario.segments.map(\.name)))

            \(groups("transaction type", .transaction, scenario.transactionTypes.map(\.name)))
            """
    }
}

enum ClockTimeText {
    static func interval(_ minutes: Double) -> String {
        let whole = Int(minutes)
        return String(format: "%02d:%02d", whole / 60, whole % 60)
    }
}
