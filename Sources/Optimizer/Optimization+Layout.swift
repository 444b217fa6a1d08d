import Scenario

/// Neighbourhood search over the layout: kiosks, seats, greeters, guides
/// and flexible thresholds, one step at a time around the incumbent, each
/// neighbour with its staffing refined from the incumbent's.
extension Optimization {
    /// Layouts one step from `layout` in one decision, within the bounds.
    func neighbours(of layout: OutletPlan.Layout) -> [OutletPlan.Layout] {
        let space = scenario.search
        var result: [OutletPlan.Layout] = []
        func steps(_ value: Int, _ range: SearchSpace.Range) -> [Int] {
            [value - range.step, value + range.step].filter { $0 >= range.min && $0 <= range.top }
        }
        for (type, range) in space.kiosks.sorted(by: { $0.key < $1.key }) {
            for value in steps(layout.kiosks[type] ?? range.min, range) {
                var next = layout
                next.kiosks[type] = value
                result.append(next)
            }
        }
        if let range = space.seats {
            for value in steps(layout.seats ?? range.min, range) { var next = layout; next.seats = value; result.append(next) }
        }
        // Floor staff move a step in every interval at once; the staffing
        // refinement then trims them interval by interval.
        func shifted(_ counts: [Int]?, _ range: SearchSpace.Range) -> [[Int]] {
            guard let counts else { return [] }
            return [-range.step, range.step].compactMap { delta in
                let moved = counts.map { min(max($0 + delta, range.min), range.top) }
                return moved == counts ? nil : moved
            }
        }
        if let range = space.greeters {
            for counts in shifted(layout.greeters, range) { var next = layout; next.greeters = counts; result.append(next) }
        }
        if let range = space.guides {
            for counts in shifted(layout.guides, range) { var next = layout; next.guides = counts; result.append(next) }
        }
        if let swap = space.counterSwap {
            for value in steps(layout.swappedCounters ?? swap.counters.min, swap.counters) {
                var next = layout
                next.swappedCounters = value
                result.append(next)
            }
        }
        for (group, range) in space.flexibleThresholds.sorted(by: { $0.key < $1.key }) {
            for value in steps(layout.flexibleThresholds[group] ?? range.min, range) {
                var next = layout
                next.flexibleThresholds[group] = value
                result.append(next)
            }
        }
        return result
    }

    /// Moves to the cheapest feasible neighbour while it is cheaper than the
    /// incumbent. Returns the incumbent and the feasible plans met on the
    /// way, cheapest first (the finalists for selection come from these).
    mutating func searchLayout(from start: Candidate) throws -> (incumbent: Candidate, feasible: [Candidate]) {
        var incumbent = start
        var seen: Set<OutletPlan.Layout> = [start.plan.layout]
        var feasible: [Candidate] = start.feasible ? [start] : []
        while hasBudget {
            var best: Candidate?
            for layout in neighbours(of: incumbent.plan.layout) where !seen.contains(layout) {
                seen.insert(layout)
                let start = OutletPlan(windows: incumbent.plan.windows, layout: layout).fitted(to: scenario)
                guard let candidate = try refineStaffing(start, phase: .layout) else { break }
                guard candidate.feasible else { continue }
                feasible.append(candidate)
                if candidate.cost < (best?.cost ?? .infinity) { best = candidate }
            }
            guard let best, best.cost < incumbent.cost || !incumbent.feasible else { break }
            incumbent = best
        }
        return (incumbent, feasible.sorted { $0.cost < $1.cost })
    }
}
