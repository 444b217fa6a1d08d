import OutletEngine
import Scenario

/// Terms from the day's time integrals: waiting-zone occupancy and
/// standing, customers inside, utilisation of windows, kiosks and greeters,
/// staff-hours by role, overtime, the counter load per interval, and cost.
/// Time averages are ratios of an integral to the minutes it covers, so
/// across days they are time-weighted. Intervals before the warm-up's end
/// are left out; staff-hours, overtime and cost are the whole day's.
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

    func emit(into day: inout DayMetrics) {
        func sum(_ values: [Double]) -> Double { values[measured].reduce(0, +) }
        let measured = scenario.firstMeasuredInterval..<scenario.intervalCount
        let dayLength = max(totals.lastExit, scenario.closing) - scenario.intervalStart(measured.lowerBound)
        let seats = Double(scenario.waitingZone.seats)

        // The waiting zone and the outlet.
        day.put(MetricKey(.day, .occupancyMean), sum(totals.waitingOccupancyArea), over: dayLength)
        day.put(MetricKey(.day, .inOutletMean), sum(totals.insideArea), over: dayLength)
        let mostWaiting = totals.waitingOccupancyMaximum[measured].max() ?? 0
        day.put(MetricKey(.day, .occupancyMax), mostWaiting)
        day.put(MetricKey(.day, .standingMinutes), sum(totals.standingMinutes))
        day.put(MetricKey(.day, .standingMax), max(0, mostWaiting - seats))
        let waitingArea = scenario.floorPlan?.zone(.waiting)?.area
        if let waitingArea {
            day.put(MetricKey(.day, .waitingDensityMean), sum(totals.waitingOccupancyArea), over: dayLength * waitingArea)
            day.put(MetricKey(.day, .waitingDensityPeak), mostWaiting / waitingArea)
        }
        if let plan = scenario.floorPlan, !totals.zonePresenceArea.isEmpty {
            for (zoneIndex, zone) in Metric.servedZones.enumerated() {
                guard let area = plan.zone(zone)?.area else { continue }
                day.put(MetricKey(.day, .zoneDensityMean(zone.rawValue)), sum(totals.zonePresenceArea[zoneIndex]), over: dayLength * area)
                day.put(MetricKey(.day, .zoneDensityPeak(zone.rawValue)), (totals.zonePresenceMaximum[zoneIndex][measured].max() ?? 0) / area)
            }
        }
        day.put(MetricKey(.day, .overtimeMinutes), totals.overtime)
        let typeMeans = scenario.transactionTypes.map(\.counterService.mean)
        for index in measured {
            func key(_ metric: Metric) -> MetricKey { MetricKey(.interval, entity: index, metric) }
            day.put(key(.occupancyMean), totals.waitingOccupancyArea[index], over: length(of: index))
            day.put(key(.occupancyMax), totals.waitingOccupancyMaximum[index])
            day.put(key(.standingMinutes), totals.standingMinutes[index])
            day.put(key(.standingMax), max(0, totals.waitingOccupancyMaximum[index] - seats))
            if let waitingArea {
                day.put(key(.waitingDensityMean), totals.waitingOccupancyArea[index], over: length(of: index) * waitingArea)
                day.put(key(.waitingDensityPeak), totals.waitingOccupancyMaximum[index] / waitingArea)
            }
            if let plan = scenario.floorPlan, !totals.zonePresenceArea.isEmpty {
                // Customers queueing or served in each zone, in customer-minutes, and the most there at once.
                for (zoneIndex, zone) in Metric.servedZones.enumerated() {
                    guard let area = plan.zone(zone)?.area else { continue }
                    day.put(key(.zoneDensityMean(zone.rawValue)), totals.zonePresenceArea[zoneIndex][index], over: length(of: index) * area)
                    day.put(key(.zoneDensityPeak(zone.rawValue)), totals.zonePresenceMaximum[zoneIndex][index] / area)
                }
            }
            day.put(key(.waitingAtEnd), totals.waitingAtEnd[index])
            day.put(key(.inOutletMean), totals.insideArea[index], over: length(of: index))
            day.put(key(.inOutletAtEnd), totals.insideAtEnd[index])
            day.put(key(.tickets), Double(tickets[index].reduce(0, +)))
            let work = zip(tickets[index], typeMeans).reduce(0.0) { $0 + Double($1.0) * $1.1 }
            day.put(key(.counterLoadErlangs), work, over: scenario.intervalMinutes)
        }

        // Windows.
        var open = Array(repeating: 0.0, count: scenario.intervalCount), busy = open
        var windowMinutes = 0.0, busyMinutes = 0.0, allWindowMinutes = 0.0
        for group in scenario.windowGroups.indices {
            let groupOpen = totals.windowOpenMinutes[group], groupBusy = totals.windowBusyMinutes[group]
            day.put(MetricKey(.windowGroup, entity: group, .utilisation), sum(groupBusy), over: sum(groupOpen))
            day.put(MetricKey(.windowGroup, entity: group, .staffHours), groupOpen.reduce(0, +) / 60)
            day.put(MetricKey(.windowGroup, entity: group, .flexibleStaffHours), totals.flexibleStaffMinutes[group] / 60)
            day.put(MetricKey(.windowGroup, entity: group, .queueLength), sum(totals.queueArea[group]), over: dayLength)
            for index in measured {
                day.put(MetricKey(.windowGroup, entity: group, interval: index, .utilisation), groupBusy[index], over: groupOpen[index])
                day.put(MetricKey(.windowGroup, entity: group, interval: index, .openWindows), groupOpen[index], over: length(of: index))
                day.put(MetricKey(.windowGroup, entity: group, interval: index, .queueLength), totals.queueArea[group][index],
                        over: length(of: index))
                open[index] += groupOpen[index]
                busy[index] += groupBusy[index]
            }
            windowMinutes += sum(groupOpen)
            busyMinutes += sum(groupBusy)
            allWindowMinutes += groupOpen.reduce(0, +)
        }
        day.put(MetricKey(.day, .windowUtilisation), busyMinutes, over: windowMinutes)
        day.put(MetricKey(.day, .windowStaffHours), allWindowMinutes / 60)
        for index in measured {
            day.put(MetricKey(.interval, entity: index, .windowUtilisation), busy[index], over: open[index])
            day.put(MetricKey(.interval, entity: index, .openWindows), open[index], over: length(of: index))
        }

        // Kiosks.
        for (type, kioskType) in scenario.selfService.kioskTypes.enumerated() {
            let capacity = Double(kioskType.count) * dayLength
            day.put(MetricKey(.kioskType, entity: type, .utilisation), sum(totals.kioskBusyMinutes[type]), over: capacity)
            day.put(MetricKey(.kioskType, entity: type, .shareOfTimeBroken), sum(totals.kioskDownMinutes[type]), over: capacity)
            day.put(MetricKey(.kioskType, entity: type, .breakdowns), Double(totals.kioskFailures[type]))
        }

        // Staff at the entrance and on the floor: entity 0 greeters, 1 guides.
        let greeterMinutes = totals.greeterOnDutyMinutes.reduce(0, +), guideMinutes = totals.guideMinutes.reduce(0, +)
        day.put(MetricKey(.staff, entity: 0, .staffHours), greeterMinutes / 60)
        day.put(MetricKey(.staff, entity: 0, .utilisation), sum(totals.greeterBusyMinutes), over: sum(totals.greeterOnDutyMinutes))
        day.put(MetricKey(.staff, entity: 1, .staffHours), guideMinutes / 60)
        let guidesAreBusy = !totals.guideBusyMinutes.isEmpty && scenario.selfService.guideAssist != nil
        if guidesAreBusy { day.put(MetricKey(.staff, entity: 1, .utilisation), sum(totals.guideBusyMinutes), over: sum(totals.guideMinutes)) }
        for index in measured {
            if scenario.reception != nil {
                day.put(MetricKey(.staff, entity: 0, interval: index, .utilisation), totals.greeterBusyMinutes[index],
                        over: totals.greeterOnDutyMinutes[index])
            }
            if guidesAreBusy {
                day.put(MetricKey(.staff, entity: 1, interval: index, .utilisation), totals.guideBusyMinutes[index], over: totals.guideMinutes[index])
            }
        }
        day.put(MetricKey(.day, .staffHours), (allWindowMinutes + greeterMinutes + guideMinutes) / 60)

        if let costs = scenario.costs { emitCost(costs, greeterMinutes: greeterMinutes, guideMinutes: guideMinutes, into: &day) }
    }

    /// The day's cost by what it pays for: staff by role (rostered roles by
    /// their shifts, the others by the hour; overtime hours with the
    /// premium), kiosks, seats, lost customers. Yuan.
    func emitCost(_ costs: Costs, greeterMinutes: Double, guideMinutes: Double, into day: inout DayMetrics) {
        let closing = scenario.closing
        let windowsAtClose = scenario.windowGroups.reduce(0) { $0 + $1.open.value(at: closing - 1e-9) }
        let greetersAtClose = scenario.reception?.greeters.value(at: closing - 1e-9) ?? 0
        let guidesAtClose = scenario.selfService.guides.value(at: closing - 1e-9)
        let overtimeHours = totals.overtime / 60
        // A rostered role pays its shifts, plus the hours after closing of
        // those still on duty (and a group's flexible windows) at its wage;
        // the others pay every hour on duty.
        var windows = 0.0
        for (index, group) in scenario.windowGroups.enumerated() {
            if let shifts = scenario.rosterCost(of: .windows(group: index)) {
                let extraMinutes = totals.overtime * Double(group.open.value(at: closing - 1e-9)) + totals.flexibleStaffMinutes[index]
                windows += shifts + extraMinutes / 60 * costs.windowWage
            } else {
                windows += totals.windowOpenMinutes[index].reduce(0, +) / 60 * costs.windowWage
            }
        }
        let greeters = scenario.rosterCost(of: .greeters).map { $0 + overtimeHours * Double(greetersAtClose) * costs.greeterWage }
            ?? greeterMinutes / 60 * costs.greeterWage
        let guides = scenario.rosterCost(of: .guides).map { $0 + overtimeHours * Double(guidesAtClose) * costs.guideWage }
            ?? guideMinutes / 60 * costs.guideWage
        let premium = costs.overtimePremium * overtimeHours
            * (Double(windowsAtClose) * costs.windowWage + Double(greetersAtClose) * costs.greeterWage + Double(guidesAtClose) * costs.guideWage)
        let kiosks = Double(scenario.selfService.kioskTypes.reduce(0) { $0 + $1.count }) * costs.kioskPerDay
        let seats = Double(scenario.waitingZone.seats) * costs.seatPerDay
        let lost = Double([Outcome.balked, .blocked, .reneged, .unserved].reduce(0) { $0 + totals.count(of: $1) }) * costs.lostCustomer
        let staff = windows + greeters + guides + premium
        day.put(MetricKey(.day, .cost(nil)), staff + kiosks + seats + lost)
        day.put(MetricKey(.day, .cost(.staff)), staff)
        day.put(MetricKey(.day, .cost(.windows)), windows)
        day.put(MetricKey(.day, .cost(.greeters)), greeters)
        day.put(MetricKey(.day, .cost(.guides)), guides)
        day.put(MetricKey(.day, .cost(.overtimePremium)), premium)
        day.put(MetricKey(.day, .cost(.kiosks)), kiosks)
        day.put(MetricKey(.day, .cost(.seats)), seats)
        day.put(MetricKey(.day, .cost(.lostCustomers)), lost)
    }
}
