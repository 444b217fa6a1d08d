import Scenario
import Yams

/// The roster (`roster:`): which shifts of the shift menu each role's staff
/// work, with their starts, breaks and numbers of staff.
extension ScenarioReader {
    /// - Parameters:
    ///   - windowNames: the window groups, by index.
    ///   - hasReception: whether greeters can be rostered (a `reception` block).
    mutating func readRoster(_ node: Node, menu: ShiftMenu?, windowNames: [String], hasReception: Bool,
                             opening: Double, interval: Double) -> Roster? {
        guard let entries = nodes.object(node, "roster", Grammar.roster) else { return nil }
        guard let menu else {
            nodes.report(node, "roster", found: "a roster without a shift menu", allowed: "a roster of shifts defined in `shifts`")
            return nil
        }
        var roster = Roster()
        var complete = true
        if let windowsNode = entries["windows"] {
            for (name, key, value) in nodes.namedEntries(windowsNode, "roster.windows", what: "window group") {
                guard let group = windowNames.firstIndex(of: name) else {
                    nodes.report(key, "roster.windows.\(name)", found: "the undefined window group '\(name)'",
                                 allowed: "one of \(windowNames.joined(separator: ", "))")
                    complete = false
                    continue
                }
                guard let shifts = readRosterShifts(value, "roster.windows.\(name)", menu: menu, opening: opening, interval: interval)
                else { complete = false; continue }
                roster.shifts[.windows(group: group)] = shifts
            }
        }
        if let greetersNode = entries["greeters"] {
            if !hasReception {
                nodes.report(greetersNode, "roster.greeters", found: "greeters rostered without a reception",
                             allowed: "a `reception` block with its triage, whose greeters the roster gives")
                complete = false
            } else if let shifts = readRosterShifts(greetersNode, "roster.greeters", menu: menu, opening: opening, interval: interval) {
                roster.shifts[.greeters] = shifts
            } else {
                complete = false
            }
        }
        if let guidesNode = entries["guides"] {
            if let shifts = readRosterShifts(guidesNode, "roster.guides", menu: menu, opening: opening, interval: interval) {
                roster.shifts[.guides] = shifts
            } else {
                complete = false
            }
        }
        return complete ? roster : nil
    }

    /// A non-empty list of shifts, each a start the menu offers and a break
    /// within its kind's limits on the interval grid.
    mutating func readRosterShifts(_ node: Node, _ path: String, menu: ShiftMenu, opening: Double, interval: Double) -> [Roster.Shift]? {
        guard case .sequence(let items) = node, !items.isEmpty else {
            nodes.report(node, path, found: NodeReader.describe(node), allowed: "a non-empty list of shifts")
            return nil
        }
        let names = menu.kinds.map(\.name)
        var shifts: [Roster.Shift] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let entries = nodes.object(item, itemPath, Grammar.rosterShift) else { continue }
            let kindName = entries["shift"].flatMap { nodes.text($0, "\(itemPath).shift") }
            let start = entries["start"].flatMap { nodes.clockTime($0, "\(itemPath).start") }
            let breakStart = entries["break"].flatMap { nodes.clockTime($0, "\(itemPath).break") }
            let staff = entries["staff"].flatMap { nodes.integer($0, "\(itemPath).staff", NumberLimits.staff.from(1)) }
            guard let kindName else { continue }
            guard let kindIndex = names.firstIndex(of: kindName) else {
                nodes.report(entries["shift"], "\(itemPath).shift", found: "the undefined shift '\(kindName)'",
                             allowed: "one of \(names.joined(separator: ", "))")
                continue
            }
            let kind = menu.kinds[kindIndex]
            guard let start, let staff else { continue }
            guard kind.starts.contains(where: { abs($0 - start) < 1e-9 }) else {
                nodes.report(entries["start"], "\(itemPath).start", found: ClockTime(minutes: start).description,
                             allowed: "one of the starts of '\(kindName)': \(kind.starts.map { ClockTime(minutes: $0).description }.joined(separator: ", "))")
                continue
            }
            switch (kind.breakRule, entries["break"]) {
            case (nil, nil):
                shifts.append(Roster.Shift(kind: kindIndex, start: start, breakStart: nil, staff: staff))
            case (nil, let breakNode?):
                nodes.report(breakNode, "\(itemPath).break", found: "a break for '\(kindName)', which has none", allowed: "no break")
            case (let rule?, nil):
                nodes.report(item, "\(itemPath).break", found: "no break for '\(kindName)'",
                             allowed: "the clock time its \(NodeReader.format(rule.length))-minute break starts")
            case (let rule?, let breakNode?):
                guard let breakStart else { continue }
                let offset = breakStart - start, steps = offset / interval
                guard offset >= rule.earliestStart - 1e-9, offset <= rule.latestStart + 1e-9, abs(steps - steps.rounded()) < 1e-9 else {
                    let earliest = ClockTime(minutes: start + rule.earliestStart), latest = ClockTime(minutes: start + rule.latestStart)
                    nodes.report(breakNode, "\(itemPath).break", found: ClockTime(minutes: breakStart).description,
                                 allowed: "a break start from \(earliest) to \(latest) on the \(NodeReader.format(interval))-minute grid")
                    continue
                }
                shifts.append(Roster.Shift(kind: kindIndex, start: start, breakStart: breakStart, staff: staff))
            }
        }
        return shifts.count == items.count ? shifts : nil
    }
}
