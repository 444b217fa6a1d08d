import Scenario
import Yams

/// Service targets: what is measured, for whom, over what, and the bound.
extension ScenarioReader {
    static let targetMetrics = ["share_served_within", "wait_mean", "wait_p50", "wait_p90", "wait_p95", "share_abandoned",
                                "standing_max", "overtime_minutes", "window_utilisation", "greeter_utilisation", "guide_utilisation",
                                "guide_wait_mean", "share_helped", "greeter_wait_mean", "share_triaged", "waiting_density_peak",
                                "waiting_grade", "density_peak", "crowding_grade"]
    /// Zones whose crowding is measured: those where customers queue or are served.
    static let crowdedZones: [FloorPlan.ZoneKind] = [.reception, .selfService, .waiting, .counters]

    mutating func readTargets(_ node: Node, windowGroupNames: [String]) -> [ServiceTarget] {
        guard case .sequence(let list) = node, !list.isEmpty else {
            nodes.report(node, "targets", found: NodeReader.describe(node) == "a list" ? "an empty list" : NodeReader.describe(node),
                         allowed: "a list of at least one target (leave targets out for none)")
            return []
        }
        return list.enumerated().compactMap { index, item in
            readTarget(item, "targets[\(index)]", windowGroupNames: windowGroupNames)
        }
    }

    /// Target metrics once named apart from the tables; read under the tables' name, with a note.
    static let renamedTargetMetrics = ["abandonment": "share_abandoned", "max_standing": "standing_max", "overtime": "overtime_minutes"]

    mutating func readTarget(_ node: Node, _ path: String, windowGroupNames: [String]) -> ServiceTarget? {
        guard let entries = nodes.object(node, path, Grammar.target) else { return nil }
        guard let metricNode = entries["metric"], var metric = nodes.text(metricNode, "\(path).metric") else { return nil }
        if let renamed = Self.renamedTargetMetrics[metric] {
            nodes.note(metricNode, "\(path).metric", "'\(metric)' is read as '\(renamed)', the name the tables, JSON and reports use; write '\(renamed)'")
            metric = renamed
        }
        guard Self.targetMetrics.contains(metric) else {
            nodes.report(metricNode, "\(path).metric", found: "the metric '\(metric)'", allowed: Self.targetMetrics.joined(separator: ", "),
                         hint: DidYouMean.suggestion(for: metric, among: Self.targetMetrics).map { "did you mean '\($0)'?" })
            return nil
        }
        var measure: ServiceTarget.Measure
        switch metric {
        case "share_served_within":
            guard let minutesNode = entries["minutes"] else {
                nodes.report(node, "\(path).minutes", found: "no 'minutes'", allowed: "the wait in minutes for share_served_within")
                return nil
            }
            // 0 minutes is the share served without waiting at all.
            guard let minutes = nodes.number(minutesNode, "\(path).minutes", .minutes) else { return nil }
            measure = .shareServedWithin(minutes: minutes)
        case "wait_mean": measure = .meanWait
        case "wait_p50": measure = .waitPercentile(50)
        case "wait_p90": measure = .waitPercentile(90)
        case "wait_p95": measure = .waitPercentile(95)
        case "share_abandoned": measure = .abandonment
        case "standing_max": measure = .maxStanding
        case "overtime_minutes": measure = .overtime
        case "greeter_utilisation": measure = .greeterUtilisation
        case "guide_utilisation": measure = .guideUtilisation
        case "guide_wait_mean": measure = .guideWait
        case "share_helped": measure = .shareHelped
        case "greeter_wait_mean": measure = .greeterWait
        case "share_triaged": measure = .shareTriaged
        case "waiting_density_peak", "waiting_grade": measure = .crowding(.waiting)
        case "density_peak", "crowding_grade":
            guard let zone = readCrowdedZone(entries, node, path, metric) else { return nil }
            measure = .crowding(zone)
        default: measure = .windowUtilisation
        }
        // Guides are busy, and wait for, only when they help one customer at a time; greeters only exist with a reception.
        if measure.staff == 1 && !hasGuideAssist {
            nodes.report(metricNode, "\(path).metric", found: "\(metric) without self_service.guide_assist, where guides are not busy with anyone",
                         allowed: "guide targets with self_service.guide_assist")
            return nil
        }
        if metric != "density_peak" && metric != "crowding_grade", let zoneNode = entries["zone"] {
            nodes.report(zoneNode, "\(path).zone", found: "a zone for \(metric)", allowed: "zone only with density_peak and crowding_grade")
            return nil
        }
        if case .crowding = measure, !hasLayout {
            nodes.report(metricNode, "\(path).metric", found: "\(metric) without a layout, where zones have no area",
                         allowed: "crowding targets with layout")
            return nil
        }
        if measure.staff == 0 && !hasReception {
            nodes.report(metricNode, "\(path).metric", found: "\(metric) without a reception, where no greeter is on duty",
                         allowed: "greeter targets with reception")
            return nil
        }
        let graded = metric == "waiting_grade" || metric == "crowding_grade"
        if !graded, let gradeNode = entries["grade"] {
            nodes.report(gradeNode, "\(path).grade", found: "a grade for \(metric)", allowed: "grade only with waiting_grade and crowding_grade")
            return nil
        }
        if metric != "share_served_within", let minutesNode = entries["minutes"] {
            nodes.report(minutesNode, "\(path).minutes", found: "minutes for \(metric)", allowed: "minutes only with share_served_within")
            return nil
        }
        let bound: ServiceTarget.Bound
        if graded {
            guard let grade = readGrade(entries, node, path, metric) else { return nil }
            bound = .atMost(grade.mostDensity)
        } else {
            guard let read = readBound(entries, node, path, Self.boundLimits(measure)) else { return nil }
            bound = read
        }

        var perInterval = false, intervalsPerPeriod = 1
        if let perNode = entries["per"], let per = nodes.text(perNode, "\(path).per") {
            guard let period = readPeriod(per, perNode, path) else { return nil }
            perInterval = period > 0
            intervalsPerPeriod = max(1, period)
            // Overtime belongs to the day: no interval has its own.
            if perInterval && metric == "overtime_minutes" {
                nodes.report(perNode, "\(path).per", found: "per \(per) for overtime, which is measured only for the whole day",
                             allowed: "day (or leave out per)")
                return nil
            }
            let staff = metric == "greeter_utilisation" || metric == "guide_utilisation"
            if intervalsPerPeriod > 1 && (entries["window_group"] != nil || staff) {
                nodes.report(perNode, "\(path).per", found: "per \(per) for \(staff ? metric : "one window group")",
                             allowed: "interval or day for a window group's or the staff's utilisation")
                return nil
            }
        }
        let subjects = ["segment", "transaction", "window_group"].filter { entries[$0] != nil }
        guard subjects.count <= 1 else {
            nodes.report(node, path, found: "both \(subjects.joined(separator: " and "))", allowed: "at most one of segment, transaction and window_group")
            return nil
        }
        var subject = ServiceTarget.Subject.everyone
        if let key = subjects.first, let subjectNode = entries[key], let name = nodes.text(subjectNode, "\(path).\(key)") {
            let names = key == "segment" ? segmentNames : key == "transaction" ? transactionNames : windowGroupNames
            guard let index = names.firstIndex(of: name) else {
                nodes.report(subjectNode, "\(path).\(key)", found: "the undefined \(key.replacingOccurrences(of: "_", with: " ")) '\(name)'",
                             allowed: "one of " + names.joined(separator: ", "),
                             hint: DidYouMean.suggestion(for: name, among: names).map { "did you mean '\($0)'?" })
                return nil
            }
            let customerMetric = !["standing_max", "overtime_minutes", "window_utilisation", "greeter_utilisation", "guide_utilisation",
                                   "waiting_density_peak", "waiting_grade", "density_peak", "crowding_grade"].contains(metric)
            switch key {
            case "window_group" where metric != "window_utilisation":
                nodes.report(subjectNode, "\(path).window_group", found: "a window group for \(metric)", allowed: "window_group only with window_utilisation")
                return nil
            case "segment", "transaction":
                guard customerMetric else {
                    nodes.report(subjectNode, "\(path).\(key)", found: "a \(key) for \(metric)", allowed: "\(key) only with customer metrics (waits, shares, abandonment)")
                    return nil
                }
                guard !perInterval else {
                    nodes.report(entries["per"], "\(path).per", found: "per interval for one \(key)", allowed: "per interval for all customers or a window group")
                    return nil
                }
            default: break
            }
            subject = key == "segment" ? .segment(index) : key == "transaction" ? .transaction(index) : .windowGroup(index)
        }
        var onDays: Double?
        if let daysNode = entries["on_days"] {
            guard let share = nodes.number(daysNode, "\(path).on_days", .share), share > 0 else {
                if case .scalar(let scalar) = daysNode, Double(scalar.string) == 0 {
                    nodes.report(daysNode, "\(path).on_days", found: "0", allowed: "a share of days over 0 and up to 1, e.g. 0.9")
                }
                return nil
            }
            onDays = share
        }
        let every = !perInterval ? nil : intervalsPerPeriod == 1 ? "interval" : Self.periodText(Double(intervalsPerPeriod) * (hours?.intervalMinutes ?? 0))
        var name = entries["name"].flatMap { nodes.text($0, "\(path).name") }
            ?? (graded ? "\(Self.zoneText(measure)) at grade \(CrowdingGrade(density: bound.limits.high ?? 0).rawValue) or better" + (every.map { " in every \($0)" } ?? "")
                : Self.describe(metric, measure, bound, every: every))
        if entries["name"] == nil, let onDays { name += " on \(NodeReader.format(onDays * 100))% of days" }
        return ServiceTarget(name: name, measure: measure, bound: bound, subject: subject, perInterval: perInterval,
                             intervalsPerPeriod: intervalsPerPeriod, onDays: onDays)
    }

    /// The zone of a `density_peak` or `crowding_grade` target: one of the layout's zones where customers queue or are served.
    mutating func readCrowdedZone(_ entries: [String: Node], _ node: Node, _ path: String, _ metric: String) -> FloorPlan.ZoneKind? {
        let names = Self.crowdedZones.map(\.name)
        guard let zoneNode = entries["zone"] else {
            nodes.report(node, "\(path).zone", found: "no 'zone'", allowed: "the zone \(metric) is about: one of \(names.joined(separator: ", "))")
            return nil
        }
        guard let name = nodes.text(zoneNode, "\(path).zone") else { return nil }
        guard let zone = Self.crowdedZones.first(where: { $0.name == name }) else {
            nodes.report(zoneNode, "\(path).zone", found: "the zone '\(name)'", allowed: "one of \(names.joined(separator: ", ")) (where customers queue or are served)",
                         hint: DidYouMean.suggestion(for: name, among: names).map { "did you mean '\($0)'?" })
            return nil
        }
        // A layout with problems of its own has them reported; its zones are not known.
        if !layoutZones.isEmpty && !layoutZones.contains(zone) {
            nodes.report(zoneNode, "\(path).zone", found: "the zone '\(name)', which the layout does not have",
                         allowed: "one of the layout's zones: " + layoutZones.filter(Self.crowdedZones.contains).map(\.name).joined(separator: ", "))
            return nil
        }
        return zone
    }

    /// How a crowding target names its zone: "waiting zone", "self-service zone".
    static func zoneText(_ measure: ServiceTarget.Measure) -> String {
        guard case .crowding(let zone) = measure else { return "" }
        return zone.name.replacingOccurrences(of: "_", with: "-") + " zone"
    }

    /// The worst crowding grade a `waiting_grade` or `crowding_grade` target allows: `grade: C` (C or better).
    mutating func readGrade(_ entries: [String: Node], _ node: Node, _ path: String, _ metric: String) -> CrowdingGrade? {
        let allowed = "grade: A to F, the worst allowed (A roomiest: at least 1.21 m² a person; C: 0.65; E: 0.19), and no other bound"
        guard let gradeNode = entries["grade"], entries["at_least"] == nil, entries["at_most"] == nil, entries["between"] == nil else {
            nodes.report(node, path, found: "a \(metric) without grade alone", allowed: allowed)
            return nil
        }
        guard let letter = nodes.text(gradeNode, "\(path).grade"), let grade = CrowdingGrade(rawValue: letter.uppercased()) else {
            nodes.report(gradeNode, "\(path).grade", found: NodeReader.describe(gradeNode), allowed: allowed)
            return nil
        }
        return grade
    }

    /// Reads `per`: 0 for the day, else the intervals judged together (1:
    /// each interval; `hour` or `N min`: periods of that length, a
    /// multiple of the interval), nil after reporting a problem.
    mutating func readPeriod(_ per: String, _ node: Node, _ path: String) -> Int? {
        let allowed = "day, interval, hour, or a period such as '30 min' (a multiple of the outlet's interval)"
        switch per {
        case "day": return 0
        case "interval": return 1
        default: break
        }
        let words = per.split(separator: " ")
        let minutes: Double? = per == "hour" ? 60 : words.count == 2 && words[1] == "min" ? Double(words[0]) : nil
        guard let minutes, minutes.isFinite, minutes > 0, minutes <= 1440 else {
            nodes.report(node, "\(path).per", found: "'\(per)'", allowed: allowed)
            return nil
        }
        // Without opening hours the outlet block has its own error; judge nothing further.
        guard let interval = hours?.intervalMinutes, interval > 0 else { return nil }
        let count = minutes / interval
        guard count >= 1, count == count.rounded() else {
            nodes.report(node, "\(path).per", found: "'\(per)', which is not a whole number of \(NodeReader.format(interval))-minute intervals",
                         allowed: allowed)
            return nil
        }
        return Int(count)
    }

    /// "hour" or "30 min": how a period of `minutes` is named.
    static func periodText(_ minutes: Double) -> String {
        minutes == 60 ? "hour" : "\(NodeReader.format(minutes)) min"
    }

    /// What a target's bound may be: a share from 0 to 1, minutes, or a count of customers.
    static func boundLimits(_ measure: ServiceTarget.Measure) -> NumberLimits {
        switch measure {
        case .shareServedWithin, .abandonment, .windowUtilisation, .greeterUtilisation, .guideUtilisation, .shareTriaged, .shareHelped: .share
        case .meanWait, .waitPercentile, .overtime, .guideWait, .greeterWait: .minutes
        case .crowding: .density
        case .maxStanding: .customers
        }
    }

    mutating func readBound(_ entries: [String: Node], _ node: Node, _ path: String, _ limits: NumberLimits) -> ServiceTarget.Bound? {
        let given = ["at_least", "at_most", "between"].filter { entries[$0] != nil }
        guard given.count == 1, let key = given.first, let boundNode = entries[key] else {
            nodes.report(node, path, found: given.isEmpty ? "no bound" : "\(given.joined(separator: " and "))",
                         allowed: "exactly one of at_least, at_most and between")
            return nil
        }
        switch key {
        case "at_least": return nodes.number(boundNode, "\(path).at_least", limits).map { .atLeast($0) }
        case "at_most": return nodes.number(boundNode, "\(path).at_most", limits).map { .atMost($0) }
        default:
            guard case .sequence(let pair) = boundNode, pair.count == 2,
                  let low = nodes.number(pair[0], "\(path).between[0]", limits),
                  let high = nodes.number(pair[1], "\(path).between[1]", limits) else {
                if case .sequence(let pair) = boundNode, pair.count == 2 { return nil }
                nodes.report(boundNode, "\(path).between", found: NodeReader.describe(boundNode), allowed: "[low, high]")
                return nil
            }
            guard low <= high else {
                nodes.report(boundNode, "\(path).between", found: "[\(low), \(high)]", allowed: "low <= high")
                return nil
            }
            return .between(low, high)
        }
    }

    /// A target's default name, e.g. "share served within 10 min >= 0.8 in every hour".
    static func describe(_ metric: String, _ measure: ServiceTarget.Measure, _ bound: ServiceTarget.Bound, every: String?) -> String {
        let what: String
        if case .shareServedWithin(let minutes) = measure {
            what = "share served within \(NodeReader.format(minutes)) min"
        } else {
            what = metric.replacingOccurrences(of: "_", with: " ")
        }
        let limit: String
        switch bound {
        case .atLeast(let value): limit = ">= \(NodeReader.format(value))"
        case .atMost(let value): limit = "<= \(NodeReader.format(value))"
        case .between(let low, let high): limit = "in [\(NodeReader.format(low)), \(NodeReader.format(high))]"
        }
        return "\(what) \(limit)" + (every.map { " in every \($0)" } ?? "")
    }
}
