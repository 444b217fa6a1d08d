import Foundation
import Scenario
import Yams

/// The optimizer's input: the decisions it may change (`search:`) and the
/// shifts staff work (`shifts:`).
extension ScenarioReader {
    mutating func readSearch(_ node: Node, windows: [WindowGroup], kioskTypes: [KioskType]) -> SearchSpace {
        var space = SearchSpace()
        guard let entries = nodes.object(node, "search", Grammar.search) else { return space }
        space.windows = readNamedBounds(entries["windows"], "search.windows", names: windows.map(\.name), what: "window group")
        space.kiosks = readNamedBounds(entries["kiosks"], "search.kiosks", names: kioskTypes.map(\.name), what: "kiosk type")
        space.seats = entries["seats"].flatMap { readBounds($0, "search.seats") }
        space.greeters = entries["greeters"].flatMap { readBounds($0, "search.greeters") }
        space.guides = entries["guides"].flatMap { readBounds($0, "search.guides") }
        let thresholds = readNamedBounds(entries["flexible_open_when_waiting"], "search.flexible_open_when_waiting",
                                         names: windows.map(\.name), what: "window group")
        for (group, range) in thresholds.sorted(by: { $0.key < $1.key }) {
            guard windows[group].flexible?.openWhenWaiting != nil else {
                let path = "search.flexible_open_when_waiting.\(windows[group].name)"
                nodes.report(node, path, found: "a threshold to search for '\(windows[group].name)', which has no flexible.open_when_waiting",
                             allowed: "window groups whose flexible windows open on a waiting count")
                continue
            }
            if range.min < 1 {
                nodes.report(node, "search.flexible_open_when_waiting.\(windows[group].name).min", found: String(range.min),
                             allowed: "a waiting count >= 1")
                continue
            }
            space.flexibleThresholds[group] = range
        }
        if let swapNode = entries["counters_to_kiosks"] { space.counterSwap = readCounterSwap(swapNode, space, windows: windows, kioskTypes: kioskTypes) }
        return space
    }

    /// `counters_to_kiosks`: a searched window group, a kiosk type, and how many counters may go.
    mutating func readCounterSwap(_ node: Node, _ space: SearchSpace, windows: [WindowGroup], kioskTypes: [KioskType]) -> SearchSpace.CounterSwap? {
        let path = "search.counters_to_kiosks"
        guard let entries = nodes.object(node, path, Grammar.counterSwap) else { return nil }
        var group: Int?, type: Int?
        if let groupNode = entries["window_group"], let name = nodes.text(groupNode, "\(path).window_group") {
            group = windows.firstIndex { $0.name == name }
            if let found = group, space.windows[found] == nil {
                nodes.report(groupNode, "\(path).window_group", found: "'\(name)', whose windows the search does not decide",
                             allowed: "a window group of search.windows")
                group = nil
            } else if group == nil {
                nodes.report(groupNode, "\(path).window_group", found: "the undefined window group '\(name)'",
                             allowed: "one of " + windows.map(\.name).joined(separator: ", "))
            }
        }
        if let typeNode = entries["kiosk_type"], let name = nodes.text(typeNode, "\(path).kiosk_type") {
            type = kioskTypes.firstIndex { $0.name == name }
            if type == nil {
                nodes.report(typeNode, "\(path).kiosk_type", found: "the undefined kiosk type '\(name)'",
                             allowed: "one of " + kioskTypes.map(\.name).joined(separator: ", "))
            }
        }
        let perCounter = entries["kiosks_per_counter"].flatMap { nodes.integer($0, "\(path).kiosks_per_counter", NumberLimits.staff.from(1)) }
        let counters = entries["counters"].flatMap { readBounds($0, "\(path).counters") }
        guard let group, let type, let perCounter, let counters else { return nil }
        if let windowsRange = space.windows[group], counters.top > windowsRange.top {
            nodes.report(entries["counters"] ?? node, "\(path).counters.max",
                         found: "\(counters.top) counters of a group with at most \(windowsRange.top) windows", allowed: "at most \(windowsRange.top)")
            return nil
        }
        return SearchSpace.CounterSwap(windowGroup: group, kioskType: type, kiosksPerCounter: perCounter, counters: counters)
    }

    /// `name: { min, max, step }` entries, keyed by the index of `name` in `names`.
    mutating func readNamedBounds(_ node: Node?, _ path: String, names: [String], what: String) -> [Int: SearchSpace.Range] {
        guard let node else { return [:] }
        var ranges: [Int: SearchSpace.Range] = [:]
        for (name, key, value) in nodes.namedEntries(node, path, what: what) {
            guard let index = names.firstIndex(of: name) else {
                nodes.report(key, "\(path).\(name)", found: "the undefined \(what) '\(name)'", allowed: "one of " + names.joined(separator: ", "),
                             hint: DidYouMean.suggestion(for: name, among: names).map { "did you mean '\($0)'?" })
                continue
            }
            if let range = readBounds(value, "\(path).\(name)") { ranges[index] = range }
        }
        return ranges
    }

    mutating func readBounds(_ node: Node, _ path: String) -> SearchSpace.Range? {
        guard let entries = nodes.object(node, path, Grammar.bounds) else { return nil }
        let low = entries["min"].flatMap { nodes.integer($0, "\(path).min", .staff) }
        let high = entries["max"].flatMap { nodes.integer($0, "\(path).max", .staff) }
        let step = entries["step"].map { nodes.integer($0, "\(path).step", .staff.from(1)) } ?? 1
        guard let low, let high, let step else { return nil }
        guard high >= low else {
            nodes.report(entries["max"], "\(path).max", found: String(high), allowed: "a maximum >= the minimum (\(low))")
            return nil
        }
        return SearchSpace.Range(min: low, max: high, step: step)
    }

    /// Shift kinds whose starts, lengths and breaks fall on the interval grid,
    /// so that a shift either covers an interval wholly or not at all.
    mutating func readShifts(_ node: Node, opening: Double, closing: Double, interval: Double, costs: Costs?) -> ShiftMenu? {
        guard case .sequence(let list) = node, !list.isEmpty else {
            nodes.report(node, "shifts", found: NodeReader.describe(node), allowed: "a non-empty list of shifts")
            return nil
        }
        func onGrid(_ minutes: Double) -> Bool {
            let steps = minutes / interval
            return abs(steps - steps.rounded()) < 1e-9
        }
        let grid = "a multiple of the \(NodeReader.format(interval))-minute interval"
        var kinds: [ShiftMenu.Kind] = []
        var names: Set<String> = []
        for (index, item) in list.enumerated() {
            let path = "shifts[\(index)]"
            guard let entries = nodes.object(item, path, Grammar.shift) else { continue }
            let name = entries["name"].flatMap { nodes.text($0, "\(path).name") }
            if let name, !names.insert(name).inserted {
                nodes.report(entries["name"], "\(path).name", found: "a second shift named '\(name)'", allowed: "a name used once")
            }
            var starts: [Double] = []
            var startsValid = true
            if let startsNode = entries["starts"] {
                if case .sequence(let times) = startsNode, !times.isEmpty {
                    for (position, timeNode) in times.enumerated() {
                        let startPath = "\(path).starts[\(position)]"
                        guard let time = nodes.clockTime(timeNode, startPath) else { startsValid = false; continue }
                        guard time >= opening, time < closing, onGrid(time - opening) else {
                            nodes.report(timeNode, startPath, found: ClockTime(minutes: time).description,
                                         allowed: "a start from \(ClockTime(minutes: opening)) to before \(ClockTime(minutes: closing)) on the interval grid")
                            startsValid = false
                            continue
                        }
                        starts.append(time)
                    }
                } else {
                    nodes.report(startsNode, "\(path).starts", found: NodeReader.describe(startsNode), allowed: "a non-empty list of start times")
                    startsValid = false
                }
            }
            var length: Double?
            if let hoursNode = entries["hours"], let hours = nodes.number(hoursNode, "\(path).hours", .hours) {
                if hours > 0, hours <= 24, onGrid(hours * 60) {
                    length = hours * 60
                } else {
                    nodes.report(hoursNode, "\(path).hours", found: NodeReader.format(hours), allowed: "a length over 0 and up to 24 hours, \(grid)")
                }
            }
            var breakRule: ShiftMenu.BreakRule?
            var breakValid = true
            if let breakNode = entries["break"], let parts = nodes.object(breakNode, "\(path).break", Grammar.shiftBreak) {
                let minutes = parts["minutes"].flatMap { nodes.number($0, "\(path).break.minutes", .minutes.from(1)) }
                let earliest = parts["earliest_after_hours"].flatMap { nodes.number($0, "\(path).break.earliest_after_hours", .hours) }
                let latest = parts["latest_after_hours"].flatMap { nodes.number($0, "\(path).break.latest_after_hours", .hours) }
                breakValid = false
                if let minutes, let earliest, let latest, let length {
                    if !onGrid(minutes) || !onGrid(earliest * 60) || !onGrid(latest * 60) {
                        nodes.report(breakNode, "\(path).break", found: "a break of \(NodeReader.format(minutes)) minutes from \(NodeReader.format(earliest)) to \(NodeReader.format(latest)) hours in",
                                     allowed: "a length and start limits that are each \(grid)")
                    } else if latest < earliest {
                        nodes.report(parts["latest_after_hours"], "\(path).break.latest_after_hours", found: NodeReader.format(latest),
                                     allowed: "a limit >= earliest_after_hours (\(NodeReader.format(earliest)))")
                    } else if earliest * 60 < interval || latest * 60 + minutes > length - interval {
                        nodes.report(breakNode, "\(path).break", found: "a break that can fall at the very start or end of the shift",
                                     allowed: "a break with at least one interval of work before and after it")
                    } else {
                        breakRule = ShiftMenu.BreakRule(length: minutes, earliestStart: earliest * 60, latestStart: latest * 60)
                        breakValid = true
                    }
                }
            }
            let cost = entries["cost"].flatMap { nodes.number($0, "\(path).cost", .money) }
            if entries["cost"] == nil, costs == nil {
                nodes.report(item, "\(path).cost", found: "no cost for the shift and no costs.wage_per_hour",
                             allowed: "a cost, or costs.wage_per_hour.windows to price its paid hours")
            }
            guard let name, startsValid, let length, breakValid, entries["cost"] == nil || cost != nil else { continue }
            kinds.append(ShiftMenu.Kind(name: name, starts: starts, length: length, breakRule: breakRule, cost: cost))
        }
        return kinds.count == list.count ? ShiftMenu(kinds: kinds) : nil
    }
}
