/// The shape of a scenario file: every key, what it holds, and what it
/// means. The reader checks keys against it and `outletsim schema` prints it
/// as JSON Schema, so the two cannot drift apart.
indirect enum Shape: Sendable {
    /// A mapping with fixed keys.
    case object([Field])
    /// A mapping from names the planner chooses (free UTF-8) to values.
    case namedMap(Shape)
    /// A number within inclusive limits.
    case number(NumberLimits)
    /// A whole number within inclusive limits.
    case integer(NumberLimits)
    case probability
    case text
    case boolean
    /// "HH:MM".
    case clockTime
    /// "gamma(mean=6, sd=3)", or a number of minutes; signed for offsets.
    case distribution(signed: Bool)
    /// A number, a list with one value per interval, or clock time → value.
    case schedule(integer: Bool)
    /// A list of names, or "all".
    case nameList
    /// Name → weight.
    case weights
    case list(Shape)
}

/// One key of an object.
struct Field: Sendable {
    let name: String
    let shape: Shape
    let required: Bool
    let description: String

    init(_ name: String, _ shape: Shape, required: Bool = false, _ description: String) {
        self.name = name
        self.shape = shape
        self.required = required
        self.description = description
    }
}

enum Grammar {
    static let outlet: [Field] = [
        Field("opens", .clockTime, required: true, "Doors open, \"HH:MM\"."),
        Field("closes", .clockTime, required: true, "Doors close, \"HH:MM\"; customers inside are still served. Hours past 24 run into the next days (\"48:00\": two days), for round-the-clock outlets and steady-state runs."),
        Field("interval_minutes", .number(.minutes.from(1)), required: true, "Length of the intervals for rates, staffing and statistics (e.g. 15, 30, 60)."),
        Field("max_overtime_minutes", .number(.minutes), "Minutes after closing after which those still waiting leave unserved (default 120)."),
        Field("warm_up_minutes", .number(.minutes), "Minutes from opening that are simulated but not measured: customers arriving before its end, and its intervals, are left out of every statistic (default 0). A whole number of intervals, shorter than the day."),
    ]

    static let kiosk: [Field] = [
        Field("time", .distribution(signed: false), required: true, "Time at the kiosk, minutes."),
        Field("success", .probability, required: true, "Probability the attempt succeeds without a guide."),
    ]

    static let transaction: [Field] = [
        Field("counter_service", .distribution(signed: false), required: true, "Service time at a window, minutes."),
        Field("kiosk", .object(kiosk), "How a kiosk does it; omit when no kiosk can."),
        Field("greeter_resolves", .probability, "Share a greeter resolves on the spot (default 0)."),
    ]

    static let balking: [Field] = [
        Field("when_waiting_at_least", .integer(.customers), "Turn away when at least this many wait for a window."),
        Field("when_announced_wait_at_least", .number(.minutes), "Turn away when the ticket machine announces at least this many minutes."),
        Field("probability", .probability, "Probability of turning away once triggered (default 1)."),
    ]

    static let segment: [Field] = [
        Field("priority", .integer(.priority), "Higher is called first (default 0)."),
        Field("share", .probability, "Share of `arrivals.per_hour` (when arrivals are given in total)."),
        Field("arrivals_per_hour", .schedule(integer: false), "Arrivals per hour of this segment (when not given in total); all segments together, with peaks and scale applied, at most 100000 an hour."),
        Field("mix", .weights, required: true, "Transaction type → share of this segment's customers; sums to 1."),
        Field("patience", .distribution(signed: false), "Minutes the customer waits for a window before leaving; omit for never."),
        Field("balking", .object(balking), "When the customer turns away on seeing the queue."),
        Field("self_service", .probability, "Probability of choosing a kiosk for a kiosk-capable need (default 0)."),
        Field("group_size", .distribution(signed: false), "Customers per arrival, e.g. empirical(values=[1, 2], weights=[0.9, 0.1]); a mean of at most 100, each group at most 1000."),
    ]

    static let peak: [Field] = [
        Field("name", .text, required: true, "Name of the peak, e.g. lunch."),
        Field("from", .clockTime, required: true, "Start, \"HH:MM\"."),
        Field("to", .clockTime, required: true, "End, \"HH:MM\" (exclusive)."),
        Field("factor", .number(.factor), required: true, "Multiplies the arrival rate."),
    ]

    static let arrivals: [Field] = [
        Field("per_hour", .schedule(integer: false), "Total walk-in arrivals per hour, split by segment shares; with peaks and scale applied, at most 100000 an hour."),
        Field("peaks", .list(.object(peak)), "Named peaks that scale the rate."),
        Field("scale", .number(.factor), "Multiplies every generated walk-in rate, peaks included, e.g. 1.2 for 20% demand growth (default 1); not traces or appointments."),
        Field("trace", .text, "CSV file of arrivals (time,segment[,transaction]) replacing generated walk-ins; relative to the scenario file."),
        Field("day_factor", .distribution(signed: false), "Drawn once per simulated day, multiplies every generated walk-in rate that day (mixed Poisson), e.g. gamma(mean=1, cv=0.08); its mean from 0.1 to 10; not traces or appointments."),
    ]

    static let reception: [Field] = [
        Field("greeters", .schedule(integer: true), required: true, "Greeters on duty."),
        Field("triage", .distribution(signed: false), required: true, "Time a greeter spends with a customer, minutes."),
        Field("max_queue", .integer(.customers), "Most customers who wait for a busy greeter; others decide alone (default 3)."),
    ]

    static let breakdowns: [Field] = [
        Field("between_failures", .distribution(signed: false), required: true, "Minutes from a repair to the next failure."),
        Field("repair", .distribution(signed: false), required: true, "Minutes to repair."),
    ]

    static let kioskType: [Field] = [
        Field("count", .integer(.staff), required: true, "Kiosks of this type."),
        Field("transactions", .nameList, required: true, "Transaction types it can do, or \"all\"."),
        Field("breakdowns", .object(breakdowns), "How each kiosk fails; omit for never."),
    ]

    static let guideEffect: [Field] = [
        Field("adoption", .probability, "Added to the self-service propensity while a guide is on duty (with guide_assist: of a customer a guide helped)."),
        Field("success", .probability, "Added to kiosk success while a guide is on duty (with guide_assist: of a customer a guide helped)."),
    ]

    static let guideAssist: [Field] = [
        Field("asks", .probability, required: true, "Probability that a customer with a need a kiosk can do asks a guide for help."),
        Field("time", .distribution(signed: false), required: true, "Time a guide spends with one customer, minutes."),
        Field("patience", .distribution(signed: false), "Time a customer waits for a free guide before deciding alone, minutes; omit to wait as long as it takes."),
    ]

    static let selfService: [Field] = [
        Field("kiosks", .namedMap(.object(kioskType)), "Kiosk types by name."),
        Field("guides", .schedule(integer: true), "Guides on the floor (default 0)."),
        Field("guide_effect", .object(guideEffect), "What a guide on duty changes."),
        Field("guide_assist", .object(guideAssist), "Guides as people: each helps one customer at a time, and guide_effect applies to those helped; omit for the rule that a guide on duty helps everyone."),
        Field("balk_to_counter_at", .integer(.customers.from(1)), "A customer who finds this many waiting for a kiosk goes to the counter."),
    ]

    static let waitingZone: [Field] = [
        Field("seats", .integer(.customers), required: true, "Seats."),
        Field("standing", .integer(.customers), "Standing places beyond the seats (default 0)."),
    ]

    static let flexible: [Field] = [
        Field("max", .integer(.staff.from(1)), required: true, "Most temporary windows at once."),
        Field("open_when_waiting", .integer(.customers.from(1)), "Open one when at least this many wait for the group."),
        Field("open_when_oldest_wait", .number(.minutes), "Open one when the longest wait reaches this many minutes."),
        Field("activation_delay", .number(.minutes), "Minutes from the decision until the window opens (default 0)."),
        Field("close_when_waiting_below", .integer(.customers), required: true, "Close temporary windows when fewer than this many wait."),
    ]

    static let windowGroup: [Field] = [
        Field("transactions", .nameList, required: true, "Transaction types it serves first, or \"all\"."),
        Field("segments", .nameList, "Segments it serves, or \"all\" (default)."),
        Field("helps", .nameList, "Transaction types it helps with, for any segment, when nobody it serves first is waiting."),
        Field("open", .schedule(integer: true), "Windows open; required unless roster.windows gives this group's shifts."),
        Field("flexible", .object(flexible), "Temporary windows opened at peaks."),
    ]

    static let calling: [Field] = [
        Field("prioritise_segments", .boolean, "Call higher-priority segments first (default true)."),
        Field("appointments_first", .boolean, "Call customers with a current appointment first (default true)."),
        Field("max_pass_overs", .integer(.customers), "Most times a waiting customer may be passed over; omit for no limit."),
    ]

    static let booking: [Field] = [
        Field("time", .clockTime, "Booked time of one or more slots."),
        Field("per_interval", .schedule(integer: true), "Slots per interval, spread evenly in it."),
        Field("count", .integer(.customers.from(1)), "Slots at `time` (default 1)."),
        Field("segment", .text, required: true, "Segment of the booked customers."),
        Field("transaction", .text, "Transaction type; omit to draw from the segment's mix."),
    ]

    static let appointments: [Field] = [
        Field("bookings", .list(.object(booking)), required: true, "Booked slots."),
        Field("no_show", .probability, "Probability a booked customer does not come (default 0)."),
        Field("lateness", .distribution(signed: true), "Minutes after the booked time the customer arrives; negative is early (default 0)."),
        Field("grace_minutes", .number(.minutes), "Minutes late within which appointment priority holds (default 10)."),
    ]

    static let layoutZone: [Field] = [
        Field("area", .number(.area.from(0.01)), required: true, "Floor area, m²."),
        Field("at", .list(.number(.metres)), "The zone's centre [x, y], metres from the plan's corner."),
    ]

    static let layoutZones: [Field] = [
        Field("entrance", .object(layoutZone), required: true, "Where customers come in."),
        Field("reception", .object(layoutZone), "The greeters' desk (required with a reception)."),
        Field("self_service", .object(layoutZone), "The kiosks (required with kiosks)."),
        Field("waiting", .object(layoutZone), required: true, "Seats and standing room; its area gives the standing places."),
        Field("counters", .object(layoutZone), required: true, "The windows."),
        Field("display", .object(layoutZone), "Product displays customers pass."),
    ]

    static let layout: [Field] = [
        Field("area", .number(.area.from(0.01)), required: true, "The hall's floor area, m²; the zones must fit in it."),
        Field("zones", .object(layoutZones), required: true, "The hall's zones, each with its area and centre."),
        Field("doors", .list(.list(.text)), required: true, "Pairs of zones a door joins, e.g. [entrance, reception]; every zone needs one, and customers walk through them."),
        Field("distances", .namedMap(.namedMap(.number(.metres))), "Metres between the centres of zones a door joins, e.g. { entrance: { reception: 6 } }; by default the straight line between their `at` points."),
        Field("walking_speed", .distribution(signed: false), "Walking speed, m/s, drawn for each customer; below 0.2 counts as 0.2 (default normal(mean=1.2, sd=0.2))."),
        Field("standing_space", .number(.area.from(0.01)), "Floor a standing person needs in the waiting zone, m² (default 0.65)."),
        Field("seat_space", .number(.area), "Floor a seat takes with its share of the aisle, m² (default 0.8)."),
        Field("kiosk_space", .number(.area), "Floor a kiosk takes with the customer using it, m² (default 2)."),
    ]

    static let walking: [Field] = [
        Field("entrance_to_reception", .distribution(signed: false), "Minutes."),
        Field("reception_to_self_service", .distribution(signed: false), "Minutes."),
        Field("reception_to_waiting", .distribution(signed: false), "Minutes."),
        Field("self_service_to_waiting", .distribution(signed: false), "Minutes."),
        Field("waiting_to_window", .distribution(signed: false), "Minutes."),
    ]

    static let target: [Field] = [
        Field("name", .text, "Label for reports (default: made from the target)."),
        Field("metric", .text, required: true, "share_served_within, wait_mean, wait_p50, wait_p90, wait_p95, share_abandoned, standing_max, overtime_minutes, window_utilisation, greeter_utilisation, greeter_wait_mean, share_triaged, guide_utilisation, guide_wait_mean, share_helped, waiting_density_peak, waiting_grade, density_peak or crowding_grade."),
        Field("minutes", .number(.minutes), "The wait, for share_served_within."),
        Field("grade", .text, "For waiting_grade and crowding_grade: the worst crowding grade allowed, A to F (C: at least 0.65 m² a person)."),
        Field("zone", .text, "For density_peak and crowding_grade: the layout's zone, one of reception, self_service, waiting, counters."),
        Field("at_least", .number(.minutes), "The value must be at least this."),
        Field("at_most", .number(.minutes), "The value must be at most this."),
        Field("between", .list(.number(.minutes)), "[low, high]: the value must lie within."),
        Field("per", .text, "day (default), interval, hour, or a period such as '30 min' (a whole number of intervals, from opening): judged for the whole day, for every interval, or for every period on all its customers."),
        Field("on_days", .probability, "Judge the bound day by day: it must hold on at least this share of days (e.g. 0.9), rather than on the mean over days."),
        Field("segment", .text, "Only this segment's customers."),
        Field("transaction", .text, "Only customers with this transaction type."),
        Field("window_group", .text, "Only this window group (window_utilisation)."),
    ]

    static let wages: [Field] = [
        Field("windows", .number(.money), required: true, "Per staff-hour at a window (flexible windows included)."),
        Field("greeters", .number(.money), "Per greeter-hour."),
        Field("guides", .number(.money), "Per guide-hour."),
    ]

    static let costs: [Field] = [
        Field("wage_per_hour", .object(wages), required: true, "Wages per staff-hour by role."),
        Field("overtime_premium", .number(.wageShare), "Extra share of the wage for hours after closing, e.g. 0.5."),
        Field("kiosk_per_day", .number(.money), "Cost of one kiosk for a day."),
        Field("seat_per_day", .number(.money), "Cost of one seat for a day."),
        Field("lost_customer", .number(.money), "Cost of a customer who leaves without service."),
    ]

    static let bounds: [Field] = [
        Field("min", .integer(.staff), required: true, "Smallest value the optimizer may choose."),
        Field("max", .integer(.staff), required: true, "Largest value the optimizer may choose."),
        Field("step", .integer(.staff.from(1)), "Step between the values tried (default 1)."),
    ]

    static let search: [Field] = [
        Field("windows", .namedMap(.object(bounds)), "Open windows per interval, by window group."),
        Field("kiosks", .namedMap(.object(bounds)), "Kiosks, by kiosk type."),
        Field("seats", .object(bounds), "Seats in the waiting zone."),
        Field("greeters", .object(bounds), "Greeters on duty per interval."),
        Field("guides", .object(bounds), "Guides on duty per interval."),
        Field("flexible_open_when_waiting", .namedMap(.object(bounds)), "Waiting customers that open a flexible window, by window group."),
        Field("counters_to_kiosks", .object(counterSwap), "Counters of one window group that may become kiosks on their floor, for the whole day."),
    ]

    static let counterSwap: [Field] = [
        Field("window_group", .text, required: true, "The window group whose counters may go; it must be in search.windows."),
        Field("kiosk_type", .text, required: true, "The kiosk type that takes their place, on top of its own count (searched or not)."),
        Field("kiosks_per_counter", .integer(NumberLimits.staff.from(1)), required: true, "Kiosks that fit on one counter's floor."),
        Field("counters", .object(bounds), required: true, "How many counters may become kiosks."),
    ]

    static let shiftBreak: [Field] = [
        Field("minutes", .number(.minutes.from(1)), required: true, "Length of the unpaid break, minutes."),
        Field("earliest_after_hours", .number(.hours), required: true, "Hours into the shift the break may start at the earliest."),
        Field("latest_after_hours", .number(.hours), required: true, "Hours into the shift the break must have started by."),
    ]

    static let shift: [Field] = [
        Field("name", .text, required: true, "Name of the shift, e.g. full day."),
        Field("starts", .list(.clockTime), required: true, "Times it may start, \"HH:MM\", on the interval grid."),
        Field("hours", .number(.hours), required: true, "Length, break included, hours (a whole number of intervals)."),
        Field("break", .object(shiftBreak), "An unpaid break placed by the optimizer within these limits."),
        Field("cost", .number(.money), "Cost of one shift (default: its paid hours times costs.wage_per_hour.windows)."),
    ]

    static let rosterShift: [Field] = [
        Field("shift", .text, required: true, "Name of a shift in `shifts`."),
        Field("start", .clockTime, required: true, "When it starts: one of that shift's starts."),
        Field("break", .clockTime, "When its unpaid break starts, on the interval grid within that shift's break limits; required when the shift has a break."),
        Field("staff", .integer(NumberLimits.staff.from(1)), required: true, "People working it."),
    ]

    static let roster: [Field] = [
        Field("windows", .namedMap(.list(.object(rosterShift))), "Shifts of each window group's staff; they give the group's open windows in place of `open`."),
        Field("greeters", .list(.object(rosterShift)), "Shifts of the greeters; they give the greeters on duty in place of `reception.greeters`."),
        Field("guides", .list(.object(rosterShift)), "Shifts of the guides; they give the guides on duty in place of `self_service.guides`."),
    ]

    static let root: [Field] = [
        Field("extends", .text, "A scenario file this one builds on, relative to it; this file's keys override the base's."),
        Field("name", .text, required: true, "Name of the scenario, used for the results folder."),
        Field("description", .text, "What the scenario represents."),
        Field("outlet", .object(outlet), required: true, "Opening hours and intervals."),
        Field("transactions", .namedMap(.object(transaction)), required: true, "Transaction types by name."),
        Field("segments", .namedMap(.object(segment)), required: true, "Customer segments by name."),
        Field("arrivals", .object(arrivals), "Walk-in arrivals in total, peaks, or a trace."),
        Field("reception", .object(reception), "Greeters at the entrance; omit for none."),
        Field("self_service", .object(selfService), "Kiosks and guides; omit for none."),
        Field("waiting_zone", .object(waitingZone), required: true, "Seats and standing room."),
        Field("windows", .namedMap(.object(windowGroup)), required: true, "Window groups by name."),
        Field("calling", .object(calling), "How windows call tickets."),
        Field("appointments", .object(appointments), "Booked visits."),
        Field("walking", .object(walking), "Walking times between zones."),
        Field("layout", .object(layout), "The hall as a floor plan: zones with areas and places, doors; walking times then come from distances and standing room from area."),
        Field("wait_targets", .list(.number(.minutes)), "Waits, minutes, whose service levels are reported (default [5, 10, 15])."),
        Field("targets", .list(.object(target)), "Service targets that `outletsim check` judges."),
        Field("costs", .object(costs), "What the day costs, for comparing plans."),
        Field("search", .object(search), "What `outletsim optimize` may change, with bounds."),
        Field("shifts", .list(.object(shift)), "The shifts staff work; the optimizer covers its staffing with the cheapest set."),
        Field("roster", .object(roster), "Which shifts each role's staff work, priced shift by shift; plan.yaml of `outletsim optimize` has one."),
    ]
}
