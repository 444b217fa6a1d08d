import Evaluation
import Measurement
import Replications
import Scenario

/// Iterative staffing: simulate, open a window where an interval misses a
/// target, and close one where the targets hold without it, until the plan
/// is stable. Peaks carry over into the intervals after them, which the
/// simulation sees and the analytic start does not.
extension Optimization {
    /// Refines the windows of `start` (its layout fixed); nil when the budget
    /// ran out before any evaluation.
    mutating func refineStaffing(_ start: OutletPlan, phase: SearchPhase = .staffing) throws -> Candidate? {
        guard var current = try evaluate(start, phase) else { return nil }
        func wantsMore(_ candidate: Candidate) -> Bool {
            candidate.misses.contains { TargetStanding.wantsMoreService($0, scenario) }
        }

        // Add windows until every target the windows can help is met.
        while wantsMore(current) {
            let additions = self.additions(for: current.misses, in: current.evaluation, plan: current.plan)
            guard !additions.isEmpty else { break }  // at the upper bounds where it matters
            var plan = current.plan
            for (slot, interval) in additions { plan = plan.changing(slot, at: interval, by: 1, space: scenario.search) }
            guard let next = try evaluate(plan, phase) else { break }
            current = next
        }
        guard !wantsMore(current) else { return current }

        // Close windows, most idle first, while the targets still hold.
        var changed = true
        while changed {
            changed = false
            for (slot, interval) in removals(in: current.evaluation, plan: current.plan) {
                guard let trial = try evaluate(current.plan.changing(slot, at: interval, by: -1, space: scenario.search), phase) else { break }
                if !wantsMore(trial) {
                    current = trial
                    changed = true
                }
            }
            if !hasBudget { break }
        }
        return current
    }

    /// One more of the staff that cures each miss, where it is: in the
    /// interval a per-interval target misses, the worst interval of the
    /// period a per-period target misses, or the day's worst interval for
    /// a day target; for windows, in the searched group busiest there that
    /// may still grow. Greeters and guides are added only where searched.
    func additions(for misses: [TargetMiss], in evaluation: PlanEvaluation, plan: OutletPlan) -> [(slot: StaffSlot, interval: Int)] {
        var chosen: Set<[Int]> = []
        for miss in misses {
            guard let remedy = TargetStanding.remedy(for: miss, scenario) else { continue }
            let target = scenario.targets[miss.target]
            let intervals: [Int]
            switch miss.interval {
            case let first? where target.isPerPeriod:
                let period = target.periodIntervals(from: first, intervalCount: scenario.intervalCount)
                intervals = worstIntervals(for: target, in: evaluation).filter(period.contains)
            case let interval?: intervals = [interval]
            case nil: intervals = worstIntervals(for: target, in: evaluation)
            }
            for interval in intervals {
                if let slot = slotWithRoom(remedy, interval, evaluation, plan) {
                    chosen.insert([slot.order, interval])
                    break
                }
            }
        }
        return chosen.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }.map { (StaffSlot(order: $0[0]), $0[1]) }
    }

    /// Where one more of `kind` can go in `interval`: the busiest searched
    /// window group with room, or greeters or guides below their bound.
    func slotWithRoom(_ kind: StaffKind, _ interval: Int, _ evaluation: PlanEvaluation, _ plan: OutletPlan) -> StaffSlot? {
        func below(_ counts: [Int]?, _ range: SearchSpace.Range?) -> Bool {
            guard let counts, let range else { return false }
            return counts[interval] + range.step <= range.top
        }
        switch kind {
        case .windows: return busiestGroupWithRoom(interval, evaluation, plan).map(StaffSlot.windows)
        case .greeters: return below(plan.layout.greeters, scenario.search.greeters) ? .greeters : nil
        case .guides: return below(plan.layout.guides, scenario.search.guides) ? .guides : nil
        }
    }

    /// Intervals in the order a day target suffers in them, worst first.
    func worstIntervals(for target: ServiceTarget, in evaluation: PlanEvaluation) -> [Int] {
        let intervals = Array(0..<scenario.intervalCount)
        func value(_ metric: Metric, _ interval: Int) -> Double {
            evaluation.statistics.estimate(MetricKey(.interval, entity: interval, metric))?.mean ?? .nan
        }
        switch target.measure {
        case .overtime:
            return intervals.reversed()
        case .shareServedWithin(let minutes):
            let metric = Metric.shareServedWithin(minutes)
            return intervals.sorted { (value(metric, $0).isNaN ? 1 : value(metric, $0)) < (value(metric, $1).isNaN ? 1 : value(metric, $1)) }
        case .maxStanding:
            return intervals.sorted { value(.standingMinutes, $0).nanToZero > value(.standingMinutes, $1).nanToZero }
        case .abandonment:
            return intervals.sorted { value(.shareAbandoned, $0).nanToZero > value(.shareAbandoned, $1).nanToZero }
        case let measure where measure.staff != nil:
            // Greeters and guides are short where they are busiest.
            func busy(_ interval: Int) -> Double {
                evaluation.statistics.estimate(MetricKey(.staff, entity: measure.staff ?? 0, interval: interval, .utilisation))?.mean.nanToZero ?? 0
            }
            return intervals.sorted { busy($0) > busy($1) }
        default:
            return intervals.sorted { value(.waitPercentile(90), $0).nanToZero > value(.waitPercentile(90), $1).nanToZero }
        }
    }

    /// The searched window group with the highest utilisation in `interval`
    /// whose count there is below its upper bound.
    func busiestGroupWithRoom(_ interval: Int, _ evaluation: PlanEvaluation, _ plan: OutletPlan) -> Int? {
        let groups = scenario.search.windows.compactMap { group, range -> (Int, Double)? in
            guard let count = plan.windows[group]?[interval], count + range.step <= plan.windowTop(group, in: scenario) else { return nil }
            let busy = evaluation.statistics.estimate(MetricKey(.windowGroup, entity: group, interval: interval, .utilisation))?.mean ?? .nan
            return (group, count == 0 ? 2 : busy.nanToZero)  // a closed group that could open comes first
        }
        return groups.max { ($0.1, -$0.0) < ($1.1, -$1.0) }?.0
    }

    /// Staff who could go, most idle first: windows by their group's
    /// utilisation in the interval, greeters by theirs over the day, guides
    /// (whose work is not measured) after every window as idle as half.
    func removals(in evaluation: PlanEvaluation, plan: OutletPlan) -> [(slot: StaffSlot, interval: Int)] {
        var candidates: [(slot: StaffSlot, interval: Int, busy: Double)] = []
        for (group, range) in scenario.search.windows {
            guard let counts = plan.windows[group] else { continue }
            for (interval, count) in counts.enumerated() where count - range.step >= range.min {
                let busy = evaluation.statistics.estimate(MetricKey(.windowGroup, entity: group, interval: interval, .utilisation))?.mean ?? 0
                candidates.append((.windows(group), interval, busy.nanToZero))
            }
        }
        let greeterBusy = evaluation.statistics.estimate(MetricKey(.staff, entity: 0, .utilisation))?.mean.nanToZero ?? 0
        for (slot, counts, range) in [(StaffSlot.greeters, plan.layout.greeters, scenario.search.greeters),
                                      (StaffSlot.guides, plan.layout.guides, scenario.search.guides)] {
            guard let counts, let range else { continue }
            for (interval, count) in counts.enumerated() where count - range.step >= range.min {
                candidates.append((slot, interval, slot == .greeters ? greeterBusy : 0.5))
            }
        }
        return candidates.sorted { ($0.busy, $0.interval, $0.slot.order) < ($1.busy, $1.interval, $1.slot.order) }.map { ($0.slot, $0.interval) }
    }
}

/// Staff counted per interval in a plan: a window group's windows, greeters or guides.
public enum StaffSlot: Hashable, Sendable {
    case windows(Int)
    case greeters
    case guides

    var order: Int {
        switch self {
        case .windows(let group): group
        case .greeters: 1_000_000
        case .guides: 1_000_001
        }
    }

    /// The slot whose ``order`` is `order`.
    init(order: Int) {
        switch order {
        case 1_000_000: self = .greeters
        case 1_000_001: self = .guides
        default: self = .windows(order)
        }
    }
}

extension OutletPlan {
    /// The plan with `steps` steps more (fewer, when negative) of `slot` in `interval`.
    func changing(_ slot: StaffSlot, at interval: Int, by steps: Int, space: SearchSpace) -> OutletPlan {
        var plan = self
        switch slot {
        case .windows(let group): plan.windows[group]?[interval] += steps * (space.windows[group]?.step ?? 1)
        case .greeters: plan.layout.greeters?[interval] += steps * (space.greeters?.step ?? 1)
        case .guides: plan.layout.guides?[interval] += steps * (space.guides?.step ?? 1)
        }
        return plan
    }
}
