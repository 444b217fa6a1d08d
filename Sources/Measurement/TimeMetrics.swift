import OutletEngine
import Scenario

/// Metrics from the day's time integrals: waiting-zone occupancy and
/// standing, utilisation of windows, kiosks and greeters, staff-hours by
/// role, overtime, and the counter load per interval.
struct TimeMetrics {
    let totals: DayTotals
    let scenario: Scenario
    let tickets: [[Int]]

    /// Minutes covered by interval `index`: the last runs until the last customer leaves.
    func length(of index: Int) -> Double {
        let start = scenario.intervalStart(index)
        let end = index == scenario.intervalCount - 1 ? max(totals.lastExit, scenario.closing)
                                                      : scenario.intervalStart(index + 1)
        return end - start
    }

    func emit(into values: inout [MetricKey: Double]) {
        func put(_ key: MetricKey, _ value: Double) { if value.isFinite { values[key] = value } }
        func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
        let dayLength = max(totals.lastExit, scenario.closing) - scenario.opening
        let intervals = scenario.intervalCount

        // The waiting zone.
        put(MetricKey(.day, "occupancy_mean"), totals.waitingOccupancyArea.reduce(0, +) / dayLength)
        put(MetricKey(.day, "occupancy_max"), totals.waitingOccupancyMaximum.max() ?? 0)
        put(MetricKey(.day, "standing_minutes"), totals.standingMinutes.reduce(0, +))
        let seats = Double(scenario.waitingZone.seats)
        put(MetricKey(.day, "standing_max"), max(0, (totals.waitingOccupancyMaximum.max() ?? 0) - seats))
        put(MetricKey(.day, "overtime_minutes"), totals.overtime)
        for index in 0..<intervals {
            put(MetricKey(.interval, entity: index, "occupancy_mean"), totals.waitingOccupancyArea[index] / length(of: index))
            put(MetricKey(.interval, entity: index, "occupancy_max"), totals.waitingOccupancyMaximum[index])
            put(MetricKey(.interval, entity: index, "standing_minutes"), totals.standingMinutes[index])
            put(MetricKey(.interval, entity: index, "standing_max"), max(0, totals.waitingOccupancyMaximum[index] - seats))
            let typeMeans = scenario.transactionTypes.map(\.counterService.mean)
            let count = tickets[index].reduce(0, +)
            put(MetricKey(.interval, entity: index, "tickets"), Double(count))
            let work = zip(tickets[index], typeMeans).reduce(0.0) { $0 + Double($1.0) * $1.1 }
            put(MetricKey(.interval, entity: index, "counter_load_erlangs"), work / scenario.intervalMinutes)
        }

        // Windows.
        var open = Array(repeating: 0.0, count: intervals), busy = open
        var windowMinutes = 0.0, busyMinutes = 0.0
        for group in scenario.windowGroups.indices {
            let groupOpen = totals.windowOpenMinutes[group], groupBusy = totals.windowBusyMinutes[group]
            put(MetricKey(.windowGroup, entity: group, "utilisation"), ratio(groupBusy.reduce(0, +), groupOpen.reduce(0, +)))
            put(MetricKey(.windowGroup, entity: group, "staff_hours"), groupOpen.reduce(0, +) / 60)
            put(MetricKey(.windowGroup, entity: group, "flexible_staff_hours"), totals.flexibleStaffMinutes[group] / 60)
            for index in 0..<intervals {
                put(MetricKey(.windowGroup, entity: group, interval: index, "utilisation"), ratio(groupBusy[index], groupOpen[index]))
                put(MetricKey(.windowGroup, entity: group, interval: index, "open_windows"), groupOpen[index] / length(of: index))
                open[index] += groupOpen[index]
                busy[index] += groupBusy[index]
            }
            windowMinutes += groupOpen.reduce(0, +)
            busyMinutes += groupBusy.reduce(0, +)
        }
        put(MetricKey(.day, "window_utilisation"), ratio(busyMinutes, windowMinutes))
        put(MetricKey(.day, "window_staff_hours"), windowMinutes / 60)
        for index in 0..<intervals {
            put(MetricKey(.interval, entity: index, "window_utilisation"), ratio(busy[index], open[index]))
            put(MetricKey(.interval, entity: index, "open_windows"), open[index] / length(of: index))
        }

        // Kiosks.
        for (type, kioskType) in scenario.selfService.kioskTypes.enumerated() {
            let capacity = Double(kioskType.count) * dayLength
            put(MetricKey(.kioskType, entity: type, "utilisation"), ratio(totals.kioskBusyMinutes[type].reduce(0, +), capacity))
            put(MetricKey(.kioskType, entity: type, "share_of_time_broken"), ratio(totals.kioskDownMinutes[type].reduce(0, +), capacity))
            put(MetricKey(.kioskType, entity: type, "breakdowns"), Double(totals.kioskFailures[type]))
        }

        // Staff at the entrance and on the floor: entity 0 greeters, 1 guides.
        let greeterMinutes = totals.greeterOnDutyMinutes.reduce(0, +)
        put(MetricKey(.staff, entity: 0, "staff_hours"), greeterMinutes / 60)
        put(MetricKey(.staff, entity: 0, "utilisation"), ratio(totals.greeterBusyMinutes.reduce(0, +), greeterMinutes))
        put(MetricKey(.staff, entity: 1, "staff_hours"), totals.guideMinutes.reduce(0, +) / 60)
        put(MetricKey(.day, "staff_hours"), (windowMinutes + greeterMinutes + totals.guideMinutes.reduce(0, +)) / 60)

        // Cost of the day: staff by role (overtime hours with the premium), kiosks, seats, lost customers.
        if let costs = scenario.costs {
            let closing = scenario.closing
            let windowsAtClose = scenario.windowGroups.reduce(0) { $0 + $1.open.value(at: closing - 1e-9) }
            let greetersAtClose = scenario.reception?.greeters.value(at: closing - 1e-9) ?? 0
            let guidesAtClose = scenario.selfService.guides.value(at: closing - 1e-9)
            let overtimeHours = totals.overtime / 60
            let windows = windowMinutes / 60 * costs.windowWage
            let greeters = greeterMinutes / 60 * costs.greeterWage
            let guides = totals.guideMinutes.reduce(0, +) / 60 * costs.guideWage
            let premium = costs.overtimePremium * overtimeHours
                * (Double(windowsAtClose) * costs.windowWage + Double(greetersAtClose) * costs.greeterWage + Double(guidesAtClose) * costs.guideWage)
            let kiosks = Double(scenario.selfService.kioskTypes.reduce(0) { $0 + $1.count }) * costs.kioskPerDay
            let seats = Double(scenario.waitingZone.seats) * costs.seatPerDay
            let lost = Double([Outcome.balked, .blocked, .reneged, .unserved].reduce(0) { $0 + totals.count(of: $1) }) * costs.lostCustomer
            let staff = windows + greeters + guides + premium
            put(MetricKey(.day, "cost"), staff + kiosks + seats + lost)
            put(MetricKey(.day, "cost_staff"), staff)
            put(MetricKey(.day, "cost_windows"), windows)
            put(MetricKey(.day, "cost_greeters"), greeters)
            put(MetricKey(.day, "cost_guides"), guides)
            put(MetricKey(.day, "cost_overtime_premium"), premium)
            put(MetricKey(.day, "cost_kiosks"), kiosks)
            put(MetricKey(.day, "cost_seats"), seats)
            put(MetricKey(.day, "cost_lost_customers"), lost)
        }
    }
}
