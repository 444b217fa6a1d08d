import Distributions
import Scenario
import Yams

/// Policies and movement: calling, appointments, walking.
extension ScenarioReader {
    mutating func readCalling(_ node: Node) -> CallingPolicy {
        var policy = CallingPolicy()
        guard let entries = nodes.object(node, "calling", Grammar.calling) else { return policy }
        if let value = entries["prioritise_segments"].flatMap({ nodes.boolean($0, "calling.prioritise_segments") }) {
            policy.prioritiseSegments = value
        }
        if let value = entries["appointments_first"].flatMap({ nodes.boolean($0, "calling.appointments_first") }) {
            policy.appointmentsFirst = value
        }
        policy.maxPassOvers = entries["max_pass_overs"].flatMap { nodes.integer($0, "calling.max_pass_overs", .customers) }
        return policy
    }

    mutating func readAppointments(_ node: Node) -> Appointments? {
        guard let entries = nodes.object(node, "appointments", Grammar.appointments) else { return nil }
        let noShow = entries["no_show"].map { nodes.probability($0, "appointments.no_show") } ?? 0
        let lateness = entries["lateness"].map { nodes.distribution($0, "appointments.lateness", signed: true) }
            ?? (try? Distribution.signedDeterministic(0))
        let grace = entries["grace_minutes"].map { nodes.number($0, "appointments.grace_minutes", .minutes) } ?? 10
        var slots: [ScheduledArrival] = []
        if let bookingsNode = entries["bookings"] {
            guard case .sequence(let list) = bookingsNode else {
                nodes.report(bookingsNode, "appointments.bookings", found: NodeReader.describe(bookingsNode), allowed: "a list of bookings")
                return nil
            }
            for (index, item) in list.enumerated() {
                slots += readBooking(item, "appointments.bookings[\(index)]")
            }
        }
        guard let noShow, let lateness, let grace else { return nil }
        return Appointments(slots: slots.sorted { $0.time < $1.time }, noShowProbability: noShow, lateness: lateness, gracePeriod: grace)
    }

    mutating func readBooking(_ node: Node, _ path: String) -> [ScheduledArrival] {
        guard let entries = nodes.object(node, path, Grammar.booking) else { return [] }
        guard let segmentName = entries["segment"].flatMap({ nodes.text($0, "\(path).segment") }) else { return [] }
        guard let segment = segmentNames.firstIndex(of: segmentName) else {
            nodes.report(entries["segment"], "\(path).segment", found: "the undefined segment '\(segmentName)'",
                         allowed: "one of " + segmentNames.joined(separator: ", "),
                         hint: DidYouMean.suggestion(for: segmentName, among: segmentNames).map { "did you mean '\($0)'?" })
            return []
        }
        var transaction: Int?
        if let typeNode = entries["transaction"], let typeName = nodes.text(typeNode, "\(path).transaction") {
            guard let index = transactionNames.firstIndex(of: typeName) else {
                nodes.report(typeNode, "\(path).transaction", found: "the undefined transaction type '\(typeName)'",
                             allowed: "one of " + transactionNames.joined(separator: ", "),
                             hint: DidYouMean.suggestion(for: typeName, among: transactionNames).map { "did you mean '\($0)'?" })
                return []
            }
            transaction = index
        }
        switch (entries["time"], entries["per_interval"]) {
        case let (timeNode?, nil):
            guard let time = nodes.clockTime(timeNode, "\(path).time") else { return [] }
            if let hours, time < hours.opening || time >= hours.closing {
                nodes.report(timeNode, "\(path).time", found: "a booking at \(ClockTime(minutes: time))", allowed: "a time within opening hours \(hours.hours)")
                return []
            }
            let count = entries["count"].map { nodes.integer($0, "\(path).count", .customers.from(1)) } ?? 1
            guard let count else { return [] }
            return Array(repeating: ScheduledArrival(time: time, segment: segment, transactionType: transaction), count: count)
        case let (nil, scheduleNode?):
            guard let hours, let schedule = nodes.integerSchedule(scheduleNode, "\(path).per_interval", hours: hours) else { return [] }
            var slots: [ScheduledArrival] = []
            for interval in 0..<hours.intervalCount {
                let start = hours.intervalStart(interval)
                let length = min(hours.intervalMinutes, hours.closing - start)
                let count = schedule.value(at: start)
                for slot in 0..<count {
                    slots.append(ScheduledArrival(time: start + (Double(slot) + 0.5) * length / Double(count),
                                                 segment: segment, transactionType: transaction))
                }
            }
            return slots
        default:
            nodes.report(node, path, found: entries["time"] == nil ? "neither time nor per_interval" : "both time and per_interval",
                         allowed: "exactly one of time (with an optional count) and per_interval")
            return []
        }
    }

    mutating func readCosts(_ node: Node) -> Costs? {
        guard let entries = nodes.object(node, "costs", Grammar.costs) else { return nil }
        func amount(_ key: String, in entries: [String: Node], _ path: String) -> Double? {
            entries[key].map { nodes.number($0, "\(path).\(key)", key == "overtime_premium" ? .wageShare : .money) } ?? 0
        }
        guard let wagesNode = entries["wage_per_hour"], let wages = nodes.object(wagesNode, "costs.wage_per_hour", Grammar.wages),
              let windows = amount("windows", in: wages, "costs.wage_per_hour"), let greeters = amount("greeters", in: wages, "costs.wage_per_hour"),
              let guides = amount("guides", in: wages, "costs.wage_per_hour"),
              let premium = amount("overtime_premium", in: entries, "costs"), let kiosk = amount("kiosk_per_day", in: entries, "costs"),
              let seat = amount("seat_per_day", in: entries, "costs"), let lost = amount("lost_customer", in: entries, "costs") else { return nil }
        return Costs(windowWage: windows, greeterWage: greeters, guideWage: guides, overtimePremium: premium,
                     kioskPerDay: kiosk, seatPerDay: seat, lostCustomer: lost)
    }

    mutating func readWalking(_ node: Node) -> WalkingTimes {
        var walking = WalkingTimes()
        guard let entries = nodes.object(node, "walking", Grammar.walking) else { return walking }
        func read(_ key: String) -> Distribution? {
            entries[key].flatMap { nodes.distribution($0, "walking.\(key)", signed: false) }
        }
        walking.entranceToReception = read("entrance_to_reception")
        walking.receptionToSelfService = read("reception_to_self_service")
        walking.receptionToWaiting = read("reception_to_waiting")
        walking.selfServiceToWaiting = read("self_service_to_waiting")
        walking.waitingToWindow = read("waiting_to_window")
        return walking
    }
}
