import Measurement
import OutputKit
import Replications
import Scenario

/// What changed between two plans of one outlet, in a planner's terms:
/// staff on duty per interval and role, kiosks by type, seats, and what
/// the day costs by component (the means of the two plans' runs, yuan a
/// day). Typed rows that the terminal, changes.csv and the reports render
/// alike.
public struct PlanChanges: Sendable {
    /// Staff on duty in one interval and role.
    public struct Staff: Sendable, Equatable {
        public let role: String
        public let interval: Int
        public let before: Int
        public let after: Int
    }

    /// A count of the layout: kiosks of one type, or seats.
    public struct Layout: Sendable, Equatable {
        public let item: String
        public let before: Int
        public let after: Int
    }

    /// One cost component, yuan a day.
    public struct Cost: Sendable, Equatable {
        public let component: String
        public let before: Double
        public let after: Double
        public var difference: Double { after - before }
        /// The component in the planner's words ("overtime premium"); `component` keys changes.csv.
        public var label: String { Metric.CostComponent(rawValue: component)?.label ?? component }
    }

    public let staff: [Staff]
    public let layout: [Layout]
    public let costs: [Cost]
    /// "HH:MM" of each interval.
    public let starts: [String]
    /// "HH:MM" of each interval's end.
    public let ends: [String]

    /// - Parameters: `before` and `after` with the statistics of their runs (for the costs).
    public init(before: Scenario, after: Scenario, beforeStatistics: RunStatistics, afterStatistics: RunStatistics) {
        starts = (0..<after.intervalCount).map { ClockTime(minutes: after.intervalStart($0)).description }
        ends = (0..<after.intervalCount).map { ClockTime(minutes: after.intervalStart($0) + after.intervalMinutes).description }
        var roles: [(String, (Scenario, Double) -> Int)] = after.windowGroups.indices.map { group in
            ("\(after.windowGroups[group].name) windows", { scenario, time in
                group < scenario.windowGroups.count ? scenario.windowGroups[group].open.value(at: time) : 0
            })
        }
        roles.append(("greeters", { scenario, time in scenario.reception?.greeters.value(at: time) ?? 0 }))
        roles.append(("guides", { scenario, time in scenario.selfService.guides.value(at: time) }))
        var staff: [Staff] = []
        for (name, count) in roles {
            for interval in 0..<after.intervalCount {
                let time = after.intervalStart(interval)
                let (old, new) = (count(before, time), count(after, time))
                if old != new { staff.append(Staff(role: name, interval: interval, before: old, after: new)) }
            }
        }
        self.staff = staff
        var layout: [Layout] = []
        for (index, kiosk) in after.selfService.kioskTypes.enumerated() {
            let old = index < before.selfService.kioskTypes.count ? before.selfService.kioskTypes[index].count : 0
            if old != kiosk.count { layout.append(Layout(item: "\(kiosk.name) kiosks", before: old, after: kiosk.count)) }
        }
        if before.waitingZone.seats != after.waitingZone.seats {
            layout.append(Layout(item: "seats", before: before.waitingZone.seats, after: after.waitingZone.seats))
        }
        self.layout = layout
        var costs: [Cost] = []
        for part in [Metric.CostComponent.windows, .greeters, .guides, .overtimePremium, .kiosks, .seats, .lostCustomers] {
            let key = MetricKey(.day, .cost(part))
            guard let old = beforeStatistics.estimate(key)?.mean, let new = afterStatistics.estimate(key)?.mean else { continue }
            costs.append(Cost(component: part.rawValue, before: old, after: new))
        }
        if let old = beforeStatistics.estimate(MetricKey(.day, .cost(nil)))?.mean,
           let new = afterStatistics.estimate(MetricKey(.day, .cost(nil)))?.mean {
            costs.append(Cost(component: "total", before: old, after: new))
        }
        self.costs = costs
    }

    /// Whether the plans staff and lay out the outlet alike.
    public var isEmpty: Bool { staff.isEmpty && layout.isEmpty }

    /// Each role's changed intervals, runs of equal changes joined: ("general windows", "09:00–10:30 5 → 4; 12:00 6 → 7").
    public func staffSummary() -> [(role: String, text: String)] {
        var roles: [String] = []
        for change in staff where !roles.contains(change.role) { roles.append(change.role) }
        return roles.map { role in
            let changes = staff.filter { $0.role == role }
            var parts: [String] = []
            var index = 0
            while index < changes.count {
                var end = index
                while end + 1 < changes.count, changes[end + 1].interval == changes[end].interval + 1,
                      changes[end + 1].before == changes[index].before, changes[end + 1].after == changes[index].after { end += 1 }
                // From the first changed interval's start to the last one's end: "12:00–13:30".
                let span = "\(starts[changes[index].interval])–\(ends[changes[end].interval])"
                parts.append("\(span) \(changes[index].before) → \(changes[index].after)")
                index = end + 1
            }
            return (role, parts.joined(separator: "; "))
        }
    }

    /// One row per changed interval and role, per changed layout count, and
    /// per cost component: kind, what, interval, before, after, difference.
    public func rows() -> [[String]] {
        var rows: [[String]] = []
        for change in staff {
            rows.append(["staff", change.role, starts[change.interval], String(change.before), String(change.after),
                         String(change.after - change.before)])
        }
        for change in layout {
            rows.append(["layout", change.item, "", String(change.before), String(change.after), String(change.after - change.before)])
        }
        for cost in costs {
            rows.append(["cost_yuan_per_day", cost.component, "", CSVTable.cell(cost.before), CSVTable.cell(cost.after),
                         CSVTable.cell(cost.difference)])
        }
        return rows
    }

    /// changes.csv of two plans.
    public func table(beforeName: String, afterName: String) -> CSVTable {
        var table = CSVTable(header: ["kind", "what", "interval", beforeName, afterName, "difference"])
        for row in rows() { table.append(row) }
        return table
    }
}
