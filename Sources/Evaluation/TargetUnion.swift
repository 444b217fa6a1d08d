import Scenario

/// Every plan of a comparison held to every target any of them declares:
/// a plan that drops a target is still judged on it, so that "the new plan
/// meets 80%" is never read beside a baseline that was not asked.
///
/// Targets name segments, transaction types and window groups by index;
/// a target is carried to another plan by those names. A plan without
/// the segment (or type, or group) a target names cannot be judged on it:
/// its place in ``placement`` is nil, and reports say why.
public struct TargetUnion: Sendable {
    /// One target of the union, as its first declaring plan holds it.
    public struct Entry: Sendable {
        public let target: ServiceTarget
        /// The first plan that declares it (index into the plans).
        public let source: Int
        /// Every plan that declares it, in plan order.
        public internal(set) var declaredBy: [Int]
    }

    public let entries: [Entry]
    /// For each plan, each entry's index in that plan's `targets` as
    /// returned by ``scenarios``; nil where the plan cannot measure it.
    public let placement: [[Int?]]
    /// The plans, each with the union's targets it can measure (its own first, in its order).
    public let scenarios: [Scenario]

    /// - Complexity: O(plans² × targets²), for the handful of plans and targets a comparison has.
    public init(_ plans: [Scenario]) {
        var entries: [Entry] = []
        for (plan, scenario) in plans.enumerated() {
            for target in scenario.targets {
                if let same = entries.firstIndex(where: { $0.target.carried(from: plans[$0.source], to: scenario) == target }) {
                    if !entries[same].declaredBy.contains(plan) { entries[same].declaredBy.append(plan) }
                } else {
                    entries.append(Entry(target: target, source: plan, declaredBy: [plan]))
                }
            }
        }
        var placement: [[Int?]] = []
        var scenarios: [Scenario] = []
        for (plan, scenario) in plans.enumerated() {
            var targets = scenario.targets
            var places: [Int?] = []
            for entry in entries {
                guard let carried = entry.target.carried(from: plans[entry.source], to: scenario) else {
                    places.append(nil)
                    continue
                }
                if entry.declaredBy.contains(plan), let own = scenario.targets.firstIndex(of: carried) {
                    places.append(own)
                } else {
                    places.append(targets.count)
                    targets.append(carried)
                }
            }
            var widened = scenario
            widened.targets = targets
            scenarios.append(widened)
            placement.append(places)
        }
        self.entries = entries
        self.placement = placement
        self.scenarios = scenarios
    }

    /// Why plan `plan` cannot be judged on entry `entry`.
    public func unmeasurable(_ entry: Int, plan: Int, plans: [Scenario]) -> String {
        let item = entries[entry]
        let source = plans[item.source]
        let missing: String = switch item.target.subject {
        case .segment(let index): "no segment '\(source.segments[index].name)'"
        case .transaction(let index): "no transaction type '\(source.transactionTypes[index].name)'"
        case .windowGroup(let index): "no window group '\(source.windowGroups[index].name)'"
        case .everyone: "nothing it measures"
        }
        return "\(plans[plan].name) has \(missing)"
    }
}

extension ServiceTarget {
    /// This target of `source` as `destination` would declare it: its
    /// segment, transaction type or window group found by name; nil when
    /// `destination` has none of that name.
    public func carried(from source: Scenario, to destination: Scenario) -> ServiceTarget? {
        var carried = self
        switch subject {
        case .everyone:
            break
        case .segment(let index):
            guard index < source.segments.count,
                  let found = destination.segments.firstIndex(where: { $0.name == source.segments[index].name }) else { return nil }
            carried.subject = .segment(found)
        case .transaction(let index):
            guard index < source.transactionTypes.count,
                  let found = destination.transactionTypes.firstIndex(where: { $0.name == source.transactionTypes[index].name }) else { return nil }
            carried.subject = .transaction(found)
        case .windowGroup(let index):
            guard index < source.windowGroups.count,
                  let found = destination.windowGroups.firstIndex(where: { $0.name == source.windowGroups[index].name }) else { return nil }
            carried.subject = .windowGroup(found)
        }
        return carried
    }
}
