import Evaluation
import Foundation
import Measurement
import Replications
import Scenario

/// The stage of the search an evaluation belongs to.
public enum SearchPhase: String, Sendable {
    case upperBounds = "upper_bounds"
    case analyticStart = "analytic_start"
    case staffing
    case layout
    case selection
    case validation
}

/// A plan with what the search learnt of it: its evaluation on the search
/// days and the targets it misses there.
public struct Candidate: Sendable {
    /// The staffing the search decided, per interval.
    public let plan: OutletPlan
    /// `plan` as staffed and paid: with a shift menu, covered by the
    /// cheapest shifts, whose roster prices it; else `plan` itself.
    public let rostered: OutletPlan
    /// The evaluation of `rostered`.
    public let evaluation: PlanEvaluation
    public let misses: [TargetMiss]
    public var feasible: Bool { misses.isEmpty }
    public var cost: Double { evaluation.cost }
}

/// One evaluated plan, as the search trace and the Pareto frontier keep it.
public struct TraceEntry: Sendable {
    public let evaluation: Int
    public let phase: SearchPhase
    public let plan: OutletPlan
    /// Mean cost of the day over the days simulated (yuan).
    public let cost: Double
    /// Share of ticket holders called within the service-level wait.
    public let serviceLevel: Double
    public let targetsMet: Int
    public let feasible: Bool
    /// Seconds since the search started.
    public let seconds: Double
}

/// What the search reports while it runs.
public struct SearchProgress: Sendable {
    public let evaluation: Int
    public let phase: SearchPhase
    /// Cheapest feasible plan's cost so far; nil until one is found.
    public let bestCost: Double?
    public let targetsMet: Int
    public let targets: Int
}

/// A search in progress: the scenario and its search space, the evaluator,
/// the budget, and the trace of every plan evaluated.
public struct Optimization {
    public let scenario: Scenario
    public let settings: OptimizerSettings
    let evaluator: PlanEvaluator
    let started = Date()
    public private(set) var trace: [TraceEntry] = []
    /// Customer-days simulated: days × plans, validation included; a plan the
    /// search comes back to is not simulated again (``searched``).
    public internal(set) var daysSimulated = 0
    var bestCost: Double?
    /// The phase in which the budget ran out, if it did.
    var budgetSpentIn: SearchPhase?
    let onProgress: (@Sendable (SearchProgress) -> Void)?
    /// The wait whose share defines the service level of the Pareto frontier, minutes.
    public let serviceLevelWait: Double
    /// The estimates the search reads of a plan (``keysRead(scenario:serviceLevelWait:)``):
    /// the only ones its evaluations make, except the upper bounds', which
    /// give the analytic start its loads and the terminal its verdicts.
    let searchKeys: Set<MetricKey>
    /// Evaluations on the search days, by the plan as rostered, so that a plan
    /// the search comes back to is not simulated again. Staffing moves often
    /// land on plans whose shifts cover the same roster: on the weekday
    /// branch 241 of 587 evaluations were of a rostered plan already seen.
    var searched: [OutletPlan: PlanEvaluation] = [:]
    /// The most evaluations kept in ``searched``: each holds the search's
    /// estimates (a few hundred, about 20 KB) and a cost a day, so at most
    /// 1,024 of them and 100,000 remembered days (about 20 MB and 1 MB).
    var plansRemembered: Int { min(1_024, 100_000 / max(settings.searchDays, 1)) }
    /// Make every estimate of every plan and simulate every plan afresh, as
    /// before the search read only its keys and remembered plans: for the
    /// test that the searches are the same.
    var foldsEveryMetric = false

    public init(scenario: Scenario, settings: OptimizerSettings, onProgress: (@Sendable (SearchProgress) -> Void)? = nil) {
        self.scenario = scenario
        self.settings = settings
        self.onProgress = onProgress
        evaluator = PlanEvaluator(seed: settings.seed, jobs: settings.jobs, stop: settings.stop)
        let shareTargets = scenario.targets.compactMap { target -> Double? in
            if case .shareServedWithin(let minutes) = target.measure { return minutes }
            return nil
        }
        serviceLevelWait = shareTargets.first ?? scenario.waitTargets.first ?? 10
        searchKeys = Self.keysRead(scenario: scenario, serviceLevelWait: serviceLevelWait)
    }

    /// Every estimate the search reads of a plan it evaluates: the targets'
    /// judged keys (feasibility, verdicts), the day's cost and service level
    /// (the trace), and per interval what picks where staff go or leave
    /// (``worstIntervals(for:in:)``, ``busiestGroupWithRoom(_:_:_:)``,
    /// ``removals(in:plan:)``). Folding only these keys is a fifth of the
    /// search's work less; estimates are made the same way, so every one
    /// read is bit-identical to a full fold's.
    ///
    /// - Complexity: O(targets × intervals + groups × intervals).
    static func keysRead(scenario: Scenario, serviceLevelWait: Double) -> Set<MetricKey> {
        var keys = TargetJudge.judgedKeys(scenario)
        keys.insert(MetricKey(.day, .cost(nil)))
        keys.insert(MetricKey(.day, .shareServedWithin(serviceLevelWait)))
        keys.insert(MetricKey(.staff, entity: 0, .utilisation))
        for interval in 0..<scenario.intervalCount {
            for metric in [Metric.standingMinutes, .shareAbandoned, .waitPercentile(90)] {
                keys.insert(MetricKey(.interval, entity: interval, metric))
            }
            for target in scenario.targets {
                if case .shareServedWithin(let minutes) = target.measure {
                    keys.insert(MetricKey(.interval, entity: interval, .shareServedWithin(minutes)))
                }
                if let staff = target.measure.staff {
                    keys.insert(MetricKey(.staff, entity: staff, interval: interval, .utilisation))
                }
            }
            for group in scenario.search.windows.keys {
                keys.insert(MetricKey(.windowGroup, entity: group, interval: interval, .utilisation))
            }
        }
        return keys
    }

    /// Seconds since the search started.
    public var elapsed: Double { Date().timeIntervalSince(started) }

    /// Whether the search may evaluate another plan.
    var hasBudget: Bool {
        if let limit = settings.maxEvaluations, trace.count >= limit { return false }
        if let seconds = settings.budgetSeconds, elapsed >= seconds { return false }
        return true
    }

    /// The search days, the same for every plan.
    var searchDays: Range<Int> { 0..<settings.searchDays }

    /// Simulates `plan` on `days` and records it; nil when the budget is spent
    /// (phases that must run, such as validation, pass `force`).
    mutating func evaluate(_ plan: OutletPlan, _ phase: SearchPhase, days: Range<Int>? = nil, evaluator: PlanEvaluator? = nil,
                           force: Bool = false) throws -> Candidate? {
        // Counters turned into kiosks cannot open.
        let plan = plan.fitted(to: scenario)
        guard force || hasBudget else {
            if budgetSpentIn == nil { budgetSpentIn = phase }
            return nil
        }
        let days = days ?? searchDays
        // Plans are simulated and priced as they would be worked: in shifts.
        let rostered = try self.rostered(plan).plan
        let keys = phase == .upperBounds || foldsEveryMetric ? nil : searchKeys
        // A plan on the search days with the search's seed is the same
        // evaluation each time: one the search comes back to is recorded
        // again (it counts against the budget) but not simulated again.
        let remembered = days == searchDays && evaluator == nil && keys != nil
        if remembered, let evaluation = searched[rostered] {
            return record(plan, evaluation, phase, rostered: rostered)
        }
        let evaluation = try (evaluator ?? self.evaluator).evaluate(rostered.applied(to: scenario), days: days, measuring: keys)
        daysSimulated += days.count
        if remembered && searched.count < plansRemembered { searched[rostered] = evaluation }
        return record(plan, evaluation, phase, rostered: rostered)
    }

    /// Adds an evaluated plan to the trace and reports progress.
    @discardableResult
    mutating func record(_ plan: OutletPlan, _ evaluation: PlanEvaluation, _ phase: SearchPhase, rostered: OutletPlan? = nil) -> Candidate {
        let misses = TargetStanding.misses(evaluation, margin: settings.margin)
        let missed = Set(misses.map(\.target))
        let feasible = misses.isEmpty
        let cost = evaluation.cost
        if feasible, phase != .validation, bestCost.map({ cost < $0 }) ?? true { bestCost = cost }
        let level = evaluation.mean(.shareServedWithin(serviceLevelWait))
        trace.append(TraceEntry(evaluation: trace.count + 1, phase: phase, plan: plan, cost: cost, serviceLevel: level,
                                targetsMet: scenario.targets.count - missed.count, feasible: feasible, seconds: elapsed))
        onProgress?(SearchProgress(evaluation: trace.count, phase: phase, bestCost: bestCost,
                                   targetsMet: scenario.targets.count - missed.count, targets: scenario.targets.count))
        return Candidate(plan: plan, rostered: rostered ?? plan, evaluation: evaluation, misses: misses)
    }
}
