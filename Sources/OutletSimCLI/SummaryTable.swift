import Foundation
import Measurement
import OutputKit
import Replications
import Results
import Scenario

/// The terminal summary of a run: day metrics with intervals, the worst
/// intervals against the first wait target, and per-segment and
/// per-transaction lines, names as written.
struct SummaryTable {
    let document: ResultsDocument

    func value(_ scope: Scope, entity: Int = 0, interval: Int = -1, _ metric: Metric) -> MetricEstimate? {
        document.statistics.estimate(MetricKey(scope, entity: entity, interval: interval, metric))
    }

    /// A row of a value with its interval, in `unit` (the label names the unit where it is not a share).
    func row(_ label: String, _ estimate: MetricEstimate?, _ unit: ValueUnit) -> [String]? {
        guard let estimate else { return nil }
        return [label, unit.number(estimate.mean), estimate.low.isFinite ? "\(unit.number(estimate.low)) – \(unit.number(estimate.high))" : "–"]
    }

    func number(_ estimate: MetricEstimate?, _ metric: Metric) -> String { metric.unit.number(estimate?.mean ?? .nan) }

    func render() -> String {
        let scenario = document.scenario
        let target = document.targets.first ?? 10
        let within = Metric.shareServedWithin(target)
        var day: [[String]] = [["day metric", "mean", "95% CI"]]
        let shown: [Metric] = [
            .arrivals, .outcomeShare(.servedAtCounter), .outcomeShare(.servedAtKiosk), .outcomeShare(.resolvedAtReception),
            .shareAbandoned, .waitMean, .ticketWaitMean, .waitPercentile(50), .waitPercentile(90), .waitPercentile(95), .waitMax,
            within, .timeInOutletMean, .kioskSuccessRate, .windowUtilisation, .occupancyMean, .occupancyMax, .standingMinutes,
            .overtimeMinutes, .staffHours,
        ]
        let labels = shown.map { ($0, $0.label) }
        for (metric, label) in labels { if let line = row(label, value(.day, metric), metric.unit) { day.append(line) } }

        var worst: [[String]] = [["interval", "p90 wait (min)", "mean wait (min)", "within \(Metric.minutes(target)) min", "windows open (mean)",
                                  "Erlang mean wait (min)"]]
        let ranked = (0..<scenario.intervalCount).compactMap { index -> (Int, Double)? in
            value(.interval, entity: index, .waitPercentile(90)).map { (index, $0.mean) }
        }.sorted { $0.1 > $1.1 }.prefix(5)
        for (index, _) in ranked {
            let erlang = document.erlang.first { $0.interval == index }
            worst.append([ClockTimeText.interval(scenario.intervalStart(index)),
                          number(value(.interval, entity: index, .waitPercentile(90)), .waitPercentile(90)),
                          number(value(.interval, entity: index, .waitMean), .waitMean),
                          number(value(.interval, entity: index, within), within),
                          number(value(.interval, entity: index, .openWindows), .openWindows),
                          erlang.map { "\(ValueUnit.minutes.number($0.meanWait)) (\($0.model))" } ?? "–"])
        }

        func groups(_ title: String, _ scope: Scope, _ names: [String]) -> String {
            var rows: [[String]] = [[title, "customers", "served", "left", "mean wait (min)", "within \(Metric.minutes(target)) min"]]
            for (index, name) in names.enumerated() {
                let left = value(scope, entity: index, .shareAbandoned)?.mean ?? .nan
                rows.append([name, number(value(scope, entity: index, .arrivals), .arrivals), ValueUnit.share.number(1 - left),
                             ValueUnit.share.number(left), number(value(scope, entity: index, .waitMean), .waitMean),
                             number(value(scope, entity: index, within), within)])
            }
            return TextTable.render(rows)
        }
        return """
            \(scenario.name): \(document.statistics.days) days, seed \(document.seed)

            \(TextTable.render(day))

            Worst intervals by p90 wait:

            \(TextTable.render(worst))
            windows open (mean): windows open over the interval, flexible ones included, mean over days.
            Erlang: the textbook answer for the interval on its measured load and the windows open at its start;
            (C) Erlang C, nobody gives up; (A) Erlang A, customers give up after their mean patience.

            \(groups("segment", .segment, scenario.segments.map(\.name)))

            \(groups("transaction type", .transaction, scenario.transactionTypes.map(\.name)))
            """ + [costSection(), targetsSection()].compactMap { $0.map { "\n\n" + $0 } }.joined()
    }

    /// The day's cost by what it pays for, when the scenario has costs.
    func costSection() -> String? {
        let scenario = document.scenario
        guard scenario.costs != nil else { return nil }
        func basis(_ role: Roster.Role) -> String { scenario.rosterCost(of: role) != nil ? " (by shift)" : " (by the hour)" }
        let rostered = scenario.windowGroups.indices.contains { scenario.rosterCost(of: .windows(group: $0)) != nil }
        let parts: [(Metric.CostComponent, String)] = [
            (.windows, "windows" + (rostered ? " (by shift)" : " (by the hour)")), (.greeters, "greeters" + basis(.greeters)),
            (.guides, "guides" + basis(.guides)), (.overtimePremium, Metric.CostComponent.overtimePremium.label),
            (.kiosks, "kiosks"), (.seats, "seats"), (.lostCustomers, Metric.CostComponent.lostCustomers.label),
        ]
        var rows: [[String]] = [["cost (yuan a day)", "mean", "95% CI"]]
        for (part, label) in parts { if let line = row(label, value(.day, .cost(part)), .yuan) { rows.append(line) } }
        if let line = row("total", value(.day, .cost(nil)), .yuan) { rows.append(line) }
        return TextTable.render(rows)
    }

    /// Each declared target with its verdict, and for per-interval targets
    /// a grid of every interval's verdict with its value.
    func targetsSection() -> String? {
        let scenario = document.scenario
        guard !scenario.targets.isEmpty else { return nil }
        let results = TargetJudge.judge(scenario, document.statistics)
        var rows: [[String]] = [["#", "target", "verdict", "value [95% CI]", "bound", "where"]]
        for (index, result) in results.enumerated() {
            let value = result.estimate.map { result.target.valueUnit.text($0.mean, low: $0.low, high: $0.high) } ?? "not measured"
            let place = result.interval.map { ClockTimeText.interval(scenario.intervalStart($0)) } ?? (result.target.perInterval ? "" : "day")
            rows.append(["T\(index + 1)", result.target.name, result.verdict.rawValue.uppercased(), value, result.target.boundText, place])
        }
        let counts = [Verdict.pass, .inconclusive, .fail].map { verdict in results.filter { $0.verdict == verdict }.count }
        var text = "Targets: \(counts[0]) pass, \(counts[1]) inconclusive, \(counts[2]) fail (95% intervals)\n\n" + TextTable.render(rows)
        let perInterval = scenario.targets.enumerated().filter { $0.element.perInterval }
        guard !perInterval.isEmpty else { return text }
        let grids = perInterval.map { (index: $0.offset, places: TargetJudge.placeVerdicts($0.element, scenario, document.statistics)) }
        var grid: [[String]] = [["interval"] + grids.map { "T\($0.index + 1)" }]
        for interval in scenario.firstMeasuredInterval..<scenario.intervalCount {
            grid.append([ClockTimeText.interval(scenario.intervalStart(interval))] + grids.map { column in
                guard let place = column.places.first(where: { $0.interval == interval }) else {
                    // Within a period judged as a whole, after its first row.
                    let target = scenario.targets[column.index]
                    return target.isPerPeriod && interval % target.intervalsPerPeriod != 0 ? "" : "-"
                }
                let mark = switch place.verdict { case .pass: "pass"; case .fail: "FAIL"; case .inconclusive: "?" }
                return "\(mark) \(scenario.targets[column.index].valueUnit.text(place.estimate.mean))"
            })
        }
        text += "\n\nPer-interval targets, every interval (pass, ? inconclusive, FAIL; a per-period target on its period's first row):\n\n"
            + TextTable.render(grid)
        return text
    }
}

enum ClockTimeText {
    static func interval(_ minutes: Double) -> String {
        let whole = Int(minutes)
        return String(format: "%02d:%02d", whole / 60, whole % 60)
    }
}
